import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface SlowUpload {
  /** Settles once the server has taken the request in (it answered `100 Continue`) and half the body is sent. */
  started: Promise<void>;
  /** Sends the rest of the body. */
  finish(): void;
  /** The answer, or the error the connection ended with. */
  response: Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>;
}

/**
 * A POST whose body arrives slowly, as from a client on a poor connection: the request is in
 * flight on the server, for as long as the test likes, from `started` until `finish()`.
 */
export function slowUpload(url: string, headers: Record<string, string>, body: string): SlowUpload {
  const target = new URL(url);
  const request = httpRequest({
    host: target.hostname,
    port: target.port,
    path: `${target.pathname}${target.search}`,
    method: 'POST',
    agent: false,
    headers: {
      ...headers,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      // Node's server answers 100 Continue as it hands the request to the app: a sign it is in flight.
      Expect: '100-continue',
    },
  });
  const half = Math.floor(body.length / 2);
  const started = new Promise<void>((resolve) =>
    request.once('continue', () => request.write(body.slice(0, half), () => resolve())),
  );
  const response = new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      request.once('error', reject);
      request.once('response', (answer) => {
        let text = '';
        answer.setEncoding('utf8');
        answer.on('data', (chunk) => {
          text += chunk;
        });
        answer.once('error', reject);
        answer.once('end', () =>
          resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: text }),
        );
      });
    },
  );
  // The test decides whether it awaits the answer; an unawaited failure must not fail the run.
  response.catch(() => {});
  request.flushHeaders();
  return { started, finish: () => request.end(body.slice(half)), response };
}
