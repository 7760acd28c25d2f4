import { newId } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';

const held = {
  status: 'held',
  occurredAt: '2026-02-02T10:00:00Z',
  summary: 'Explored Copilot for board packs',
};

describe.each(testDatabases())('HTTP behaviour on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database, {
      RMKIT_BODY_LIMIT: '2048',
      RMKIT_CORS_ORIGINS: 'https://contoso.sharepoint.com',
    });
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const sessions = () => `/v1/pairs/${world.pairId}/sessions`;
  const countSessions = async () =>
    (await api.storage.db.selectFrom('sessions').select('id').where('pairId', '=', world.pairId).execute())
      .length;

  describe('idempotent writes', () => {
    it('replays a retried POST with the same key: one row, the same body', async () => {
      const before = await countSessions();
      const key = crypto.randomUUID();
      const first = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      const retry = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
      expect(retry.headers.get('ETag')).toBe(first.headers.get('ETag'));
      expect(await countSessions()).toBe(before + 1);
    });

    it('answers 422 when a key comes back with a different body, and writes nothing', async () => {
      const key = crypto.randomUUID();
      await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      const before = await countSessions();
      const reused = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: { ...held, summary: 'Something else' },
        headers: { 'Idempotency-Key': key },
      });
      expect(reused.status).toBe(422);
      expect(reused.body.error.code).toBe('idempotency_key_reused');
      expect(await countSessions()).toBe(before);
    });

    it('answers 409 with Retry-After while the first request with a key is still running', async () => {
      const key = crypto.randomUUID();
      const body = JSON.stringify(held);
      const { createHash } = await import('node:crypto');
      await api.storage.db
        .insertInto('idempotencyKeys')
        .values({
          scope: world.people.mentor,
          key,
          method: 'POST',
          path: sessions(),
          requestHash: createHash('sha256').update(`POST ${sessions()}\n`).update(body).digest('hex'),
          state: 'in-flight',
          statusCode: null,
          responseBody: null,
          responseHeaders: null,
          createdAt: new Date().toISOString(),
        })
        .execute();
      const res = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body,
        headers: { 'Idempotency-Key': key },
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('idempotency_key_in_use');
      expect(res.headers.get('Retry-After')).toBe('1');
    });

    it('keeps keys private to their sender: the same key from the partner is a new request', async () => {
      const key = crypto.randomUUID();
      const mine = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      const theirs = await api.call('POST', sessions(), {
        token: world.tokens.mentee,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      expect(theirs.status).toBe(201);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('replays a refusal too, so a retry cannot turn a 404 into a write', async () => {
      const key = crypto.randomUUID();
      const path = `/v1/pairs/${newId('pair')}/sessions`;
      const first = await api.call('POST', path, {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      const retry = await api.call('POST', path, {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).toBe(404);
      expect(retry.status).toBe(404);
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    });

    it('rejects an Idempotency-Key that is not printable ASCII', async () => {
      const res = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': 'a b' },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toEqual(['Idempotency-Key']);
    });
  });

  describe('errors as JSON', () => {
    it('answers an unknown path with a JSON 404', async () => {
      const res = await api.call('GET', '/v1/nothing-here', { token: world.tokens.mentor });
      expect(res.status).toBe(404);
      expect(res.body.error).toMatchObject({ code: 'not_found', requestId: expect.any(String) });
    });

    it('answers a known path with the wrong method with 405 and Allow', async () => {
      const res = await api.call('PUT', `/v1/sessions/${newId('session')}`, {
        token: world.tokens.mentor,
        body: held,
      });
      expect(res.status).toBe(405);
      expect(res.body.error.code).toBe('method_not_allowed');
      expect(res.headers.get('Allow')).toBe('GET, HEAD, PATCH, DELETE');
    });

    it('refuses a body over the limit with 413 before reading it', async () => {
      const before = await countSessions();
      const res = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: { ...held, summary: 'x'.repeat(4096) },
      });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
      expect(await countSessions()).toBe(before);
    });
  });

  describe('embedding', () => {
    it('lets an allowed intranet origin call the API from a browser, and no other', async () => {
      const preflight = (origin: string) =>
        api.app.request(sessions(), {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
          },
        });
      const allowed = await preflight('https://contoso.sharepoint.com');
      expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://contoso.sharepoint.com');
      expect(allowed.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('idempotency-key');
      const other = await preflight('https://evil.example');
      expect(other.headers.get('Access-Control-Allow-Origin')).toBeNull();
    });

    it('sends secure headers and echoes the request id', async () => {
      const res = await api.app.request(sessions(), {
        headers: { Authorization: `Bearer ${world.tokens.mentor}`, 'X-Request-Id': 'trace-42' },
      });
      expect(res.headers.get('X-Request-Id')).toBe('trace-42');
      expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    });
  });
});

describe.each(testDatabases())('rate limiting on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database, { RMKIT_RATE_LIMIT: '3' });
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  it('slows down a caller with 429 and Retry-After, without blocking others on the same network', async () => {
    const path = `/v1/pairs/${world.pairId}/sessions`;
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api.call('GET', path, { token: world.tokens.mentor })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.call('GET', path, { token: world.tokens.mentor });
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await api.call('GET', path, { token: world.tokens.mentee })).status).toBe(200);
  });
});
