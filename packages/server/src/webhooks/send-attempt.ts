import http from 'node:http';
import https from 'node:https';
import { addressLiteral, guardedLookup, isPublicAddress, RefusedAddress, refusal } from './address-guard.js';

export interface SendRules {
  allowPrivate: boolean;
  allowHttp: boolean;
  /** Until the connection is open (and TLS agreed). */
  connectMs: number;
  /** For the whole attempt, answer included. */
  totalMs: number;
}

/** What one attempt got: an answer's status (and Retry-After), or why there was none. */
export type AttemptResult =
  | { kind: 'answered'; status: number; retryAfterSeconds: number | null; location: string | null }
  | { kind: 'refused'; error: string }
  | { kind: 'network'; error: string };

/** Reading at most this much of an answer: a receiver's body is not kept, only its status. */
const MAX_ANSWER_BYTES = 64 * 1024;

function retryAfter(value: string | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - Date.now()) / 1000);
}

/**
 * One POST of a delivery. https only unless the operator allows http; the host's addresses
 * are checked where the socket connects (see address-guard.ts); a redirect is an answer like
 * any other and is never followed (Node's client follows none), so a receiver cannot send the
 * server on to an address it would refuse. Short connect and total timeouts; `signal` ends it
 * early when the server stops.
 */
export function sendAttempt(
  target: string,
  body: string,
  headers: Record<string, string>,
  rules: SendRules,
  signal: AbortSignal,
): Promise<AttemptResult> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve({ kind: 'refused', error: 'The URL cannot be read' });
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && rules.allowHttp)) {
    return Promise.resolve({
      kind: 'refused',
      error: `${url.protocol.replace(':', '')} is not allowed: webhooks go over https unless RMKIT_WEBHOOK_ALLOW_HTTP is set`,
    });
  }
  const literal = addressLiteral(url.hostname);
  // A literal address is connected to without a lookup, so it is checked here instead.
  if (literal && !rules.allowPrivate && !isPublicAddress(literal)) {
    return Promise.resolve({ kind: 'refused', error: refusal(literal, literal).message });
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      request.destroy();
      resolve(result);
    };
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      agent: false,
      signal,
      ...(rules.allowPrivate ? {} : { lookup: guardedLookup }),
    });
    const total = setTimeout(
      () => finish({ kind: 'network', error: `No answer within ${rules.totalMs} ms` }),
      rules.totalMs,
    );
    request.once('socket', (socket) => {
      const connect = setTimeout(
        () => finish({ kind: 'network', error: `Could not connect within ${rules.connectMs} ms` }),
        rules.connectMs,
      );
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connect));
      socket.once('close', () => clearTimeout(connect));
    });
    request.once('response', (response) => {
      let read = 0;
      const answered: AttemptResult = {
        kind: 'answered',
        status: response.statusCode ?? 0,
        retryAfterSeconds: retryAfter(response.headers['retry-after']),
        location: response.headers.location ?? null,
      };
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) finish(answered);
      });
      response.once('end', () => finish(answered));
      response.once('error', () => finish(answered));
    });
    request.once('error', (error) => {
      if (error instanceof RefusedAddress) finish({ kind: 'refused', error: error.message });
      else if (signal.aborted) finish({ kind: 'network', error: 'The server stopped during the attempt' });
      else finish({ kind: 'network', error: error.message || String(error) });
    });
    request.end(body);
  });
}
