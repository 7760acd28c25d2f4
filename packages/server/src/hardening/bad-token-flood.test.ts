import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../test-support/harness.js';
import { createWorld } from '../test-support/world.js';

/** The app on a real port, so the client address is the socket's, as in production. */
async function served(env: Record<string, string>) {
  const api = await createTestApi({ dialect: 'sqlite', url: 'sqlite::memory:' }, env);
  const world = await createWorld(api);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const me = async (token: string, forwardedFor?: string) => {
    const response = await fetch(`${url}/v1/me`, {
      headers: {
        Authorization: `Bearer ${token}`,
        ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}),
      },
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const close = async () => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await api.close();
  };
  return { api, world, me, close };
}

describe('failed authentication is limited per client address', () => {
  describe('talking to clients directly', () => {
    let direct: Awaited<ReturnType<typeof served>>;
    beforeAll(async () => {
      direct = await served({ RMKIT_AUTH_FAILURE_LIMIT: '5' });
    });
    afterAll(() => direct.close());

    it('answers 429 with Retry-After once an address has failed too often, and still serves valid tokens', async () => {
      for (let i = 0; i < 5; i++) expect((await direct.me('not-a-token')).status).toBe(401);
      const limited = await direct.me('rmk_guessed');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
      expect(limited.body).toEqual({
        error: { code: 'rate_limited', message: expect.any(String), requestId: expect.any(String) },
      });
      // A colleague behind the same address, with a good token, is not locked out.
      expect((await direct.me(direct.world.tokens.mentor)).status).toBe(200);
      // X-Forwarded-For from a peer that is no trusted proxy is the client's to invent: ignored.
      expect((await direct.me('not-a-token', '203.0.113.9')).status).toBe(429);
    });
  });

  describe('a flood at the default limit', () => {
    let flooded: Awaited<ReturnType<typeof served>>;
    beforeAll(async () => {
      flooded = await served({});
    });
    afterAll(() => flooded.close());

    it('answers all but the first 60 of 1,000 bad tokens, 50 at a time, with 429, serving a good token meanwhile', async () => {
      const statuses: Record<number, number> = {};
      const guesses = ['rmk_guessed', 'eyJhbGciOiJub25lIn0.e30.', 'not-a-token'];
      for (let batch = 0; batch < 20; batch++) {
        const answers = await Promise.all(
          Array.from({ length: 50 }, (_, i) => flooded.me(`${guesses[i % guesses.length]}${batch}`)),
        );
        for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
        expect((await flooded.me(flooded.world.tokens.mentor)).status).toBe(200);
      }
      expect(statuses).toEqual({ 401: 60, 429: 940 });
    });
  });

  describe('behind a trusted proxy', () => {
    let proxied: Awaited<ReturnType<typeof served>>;
    beforeAll(async () => {
      proxied = await served({ RMKIT_AUTH_FAILURE_LIMIT: '3', RMKIT_TRUSTED_PROXIES: '127.0.0.1' });
    });
    afterAll(() => proxied.close());

    it('counts each client the proxy names, not the proxy', async () => {
      for (let i = 0; i < 3; i++) expect((await proxied.me('bad', '203.0.113.7')).status).toBe(401);
      expect((await proxied.me('bad', '203.0.113.7')).status).toBe(429);
      expect((await proxied.me('bad', '198.51.100.4')).status).toBe(401);
    });
  });
});
