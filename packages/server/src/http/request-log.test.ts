import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../test-support/harness.js';
import { EventStreamReader, eventOfType } from '../test-support/sse.js';
import { createWorld, type World } from '../test-support/world.js';

type LogLine = Record<string, unknown> & { level: number; msg: string };

/** The app on a real port, as a proxy or a browser meets it, with its log lines at hand. */
async function servedApi(env: Record<string, string>) {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  const api = await createTestApi({ dialect: 'sqlite', url: 'sqlite::memory:' }, env, { logger });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api,
    url,
    lines,
    /** The request line the server logged for the response carrying this request id. */
    lineFor: (response: Response) => lines.find((l) => l.requestId === response.headers.get('X-Request-Id')),
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

async function until<T>(find: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('not logged in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the request log', () => {
  describe('behind a trusted proxy', () => {
    let served: Awaited<ReturnType<typeof servedApi>>;
    beforeAll(async () => {
      served = await servedApi({ RMKIT_TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' });
    });
    afterAll(() => served.close());

    const clientLogged = async (forwardedFor?: string) => {
      const response = await fetch(`${served.url}/v1/me`, {
        headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {},
      });
      await response.arrayBuffer();
      return (await until(() => served.lineFor(response))).client;
    };

    it('logs the client the proxy names in X-Forwarded-For', async () => {
      expect(await clientLogged('203.0.113.7')).toBe('203.0.113.7');
    });

    it('skips trusted proxies in the chain and ignores what the client itself put before them', async () => {
      expect(await clientLogged('198.51.100.1, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    });

    it('logs the peer when there is no X-Forwarded-For', async () => {
      expect(await clientLogged()).toBe('127.0.0.1');
    });
  });

  describe('with no trusted proxy (the default)', () => {
    let served: Awaited<ReturnType<typeof servedApi>>;
    let world: World;
    beforeAll(async () => {
      served = await servedApi({});
      world = await createWorld(served.api);
    });
    afterAll(() => served.close());

    it('logs the peer and ignores X-Forwarded-For, which any client can send', async () => {
      const response = await fetch(`${served.url}/v1/me`, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
      await response.arrayBuffer();
      expect((await until(() => served.lineFor(response))).client).toBe('127.0.0.1');
    });

    it('logs when an event stream closes, and how long it was open', async () => {
      const opened = performance.now();
      const response = await fetch(`${served.url}/v1/events`, {
        headers: { Authorization: `Bearer ${world.tokens.mentee}` },
      });
      const stream = new EventStreamReader(response.body);
      await stream.until(eventOfType('ready'));
      // Held open across a request of its own, so the duration is more than the opening.
      const other = await served.api.call('GET', '/v1/me', { token: world.tokens.mentee });
      expect(other.status).toBe(200);
      await stream.close();
      const heldMs = performance.now() - opened;

      const requestId = response.headers.get('X-Request-Id');
      const closed = await until(() =>
        served.lines.find((l) => l.msg === 'stream closed' && l.requestId === requestId),
      );
      expect(closed).toMatchObject({
        level: 30,
        path: '/v1/events',
        status: 200,
        caller: world.people.mentee,
      });
      const opening = served.lines.find((l) => l.msg === 'request' && l.requestId === requestId);
      expect(closed.ms).toBeGreaterThan(opening?.ms as number);
      expect(closed.ms).toBeLessThanOrEqual(Math.ceil(heldMs) + 1000);
    });

    it('logs health probes at debug, so a load balancer polling them does not flood the log', async () => {
      const probes = await Promise.all(['/healthz', '/readyz'].map((path) => fetch(`${served.url}${path}`)));
      const api = await fetch(`${served.url}/v1/me`);
      for (const response of [...probes, api]) await response.arrayBuffer();
      const [healthz, readyz] = await Promise.all(probes.map((p) => until(() => served.lineFor(p))));
      expect(healthz?.level).toBe(20);
      expect(readyz?.level).toBe(20);
      expect((await until(() => served.lineFor(api))).level).toBe(30);
    });
  });
});
