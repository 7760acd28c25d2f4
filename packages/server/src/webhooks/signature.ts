import { createHmac } from 'node:crypto';

/** The header that carries the signature; docs/webhooks.md shows how a receiver checks it. */
export const SIGNATURE_HEADER = 'RM-Signature';

/**
 * `t=<unix seconds>,v1=<hex>`: HMAC-SHA256 of `<t>.<body>` under each secret given, the
 * current one first. During a day after a rotation the previous secret signs too, so a
 * receiver still holding it keeps accepting deliveries until it is given the new one.
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, body: string): string {
  const signatures = secrets.map(
    (secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`,
  );
  return [`t=${timestamp}`, ...signatures].join(',');
}
