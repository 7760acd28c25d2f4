import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers a request with; the default answers 204. */
export type Answer = (response: ServerResponse, request: Received) => void;

/**
 * A webhook receiver on a free loopback port, as a company would run one: it records what
 * arrives and answers each path as told, one scripted answer per request, then 204.
 */
export async function startWebhookReceiver() {
  const received: Received[] = [];
  const scripts = new Map<string, Answer[]>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = { path: req.url ?? '/', headers: req.headers, body };
      received.push(request);
      const answer = scripts.get(request.path)?.shift();
      if (answer) answer(res, request);
      else res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    /** Answers the next requests to `path`, in order, with these. */
    answer(path: string, ...answers: Answer[]) {
      scripts.set(path, [...(scripts.get(path) ?? []), ...answers]);
    },
    /** What arrived at `path`. */
    at: (path: string) => received.filter((request) => request.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/**
 * Checks a delivery as docs/webhooks.md tells a receiver to: the `RM-Signature` header's
 * timestamp is recent, and one of its v1 signatures is HMAC-SHA256 of `<t>.<body>` under the
 * secret, compared in constant time.
 */
export function verifySignature(secret: string, header: string | undefined, body: string, toleranceS = 300) {
  if (!header) return false;
  const parts = header.split(',').map((part) => part.split('=', 2) as [string, string]);
  const t = Number(parts.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceS) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter(([key]) => key === 'v1')
    .some(([, hex]) => {
      const given = Buffer.from(hex, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
