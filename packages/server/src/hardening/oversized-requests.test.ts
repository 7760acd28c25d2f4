import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { type RunningServer, startServer } from '../server.js';
import { rawExchange, responsesIn } from '../test-support/raw-http.js';

/** What the server answers on the wire, where Node's HTTP parser and the app meet. */
describe('the server on the wire', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(
      readConfig({ PORT: '0', RMKIT_DEMO: '1', DATABASE_URL: 'sqlite::memory:', RMKIT_BODY_LIMIT: '2048' }),
      pino({ level: 'silent' }),
    );
  });
  afterAll(() => server.close());

  const host = () => new URL(server.url).host;

  it('after a 413, answers the next request on the same connection or says it closes', async () => {
    // Large enough that the server will not read the rest of it (a small overshoot it drains).
    const body = `{"summary":"${'x'.repeat(1_000_000)}"}`;
    const { text, closedByServer } = await rawExchange(
      server.url,
      [
        `POST /v1/pairs/pair_01JA0000000000000000000000/sessions HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        `GET /healthz HTTP/1.1\r\nHost: ${host()}\r\n\r\n`,
      ],
      { pauseMs: 300 },
    );
    const [tooLarge, next] = responsesIn(text);
    expect(tooLarge?.status).toBe(413);
    expect(JSON.parse(tooLarge?.body ?? '{}').error.code).toBe('payload_too_large');
    if (next) {
      expect(next.status).toBe(200);
    } else {
      expect(tooLarge?.headers.connection).toBe('close');
      expect(closedByServer).toBe(true);
    }
  });

  it('refuses a chunked body over the limit with 413 too, counting it as it arrives', async () => {
    const body = `{"summary":"${'x'.repeat(4096)}"}`;
    const chunk = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const { text } = await rawExchange(server.url, [
      `POST /v1/pairs/pair_01JA0000000000000000000000/sessions HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunk}`,
    ]);
    const [tooLarge] = responsesIn(text);
    expect(tooLarge?.status).toBe(413);
    expect(JSON.parse(tooLarge?.body ?? '{}').error.code).toBe('payload_too_large');
    expect(tooLarge?.headers.connection).toBe('close');
  });

  it('answers a header too large with 431 and the contract error body, then closes', async () => {
    const { text, closedByServer } = await rawExchange(server.url, [
      `GET /v1/me HTTP/1.1\r\nHost: ${host()}\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]);
    const [answer] = responsesIn(text);
    expect(answer?.status).toBe(431);
    expect(answer?.headers['content-type']).toMatch(/^application\/json/);
    expect(answer?.headers.connection).toBe('close');
    expect(JSON.parse(answer?.body ?? '{}')).toEqual({
      error: { code: 'headers_too_large', message: expect.any(String), requestId: expect.any(String) },
    });
    expect(closedByServer).toBe(true);
  });
});
