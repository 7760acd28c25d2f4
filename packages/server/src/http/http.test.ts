import { newId } from '@rm-kit/core';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';
import { hashRequest } from './idempotency.js';

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
  /** A key the mentor's earlier request claimed at `createdAt` and never finished. */
  const seedKey = (key: string, path: string, body: string, createdAt: Date, db = api.storage.db) =>
    db
      .insertInto('idempotencyKeys')
      .values({
        scope: world.people.mentor,
        key,
        method: 'POST',
        path,
        requestHash: hashRequest({ method: 'POST', path, query: '', ifMatch: null, body }),
        state: 'in-flight',
        statusCode: null,
        responseBody: null,
        responseHeaders: null,
        createdAt: createdAt.toISOString(),
      })
      .execute();

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
      await seedKey(key, sessions(), body, new Date());
      const res = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body,
        headers: { 'Idempotency-Key': key },
      });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('idempotency_key_in_use');
      expect(res.headers.get('Retry-After')).toBe('1');
    });

    it('lets exactly one of several requests take over an abandoned key at once', async () => {
      const path = `/v1/pairs/${world.pairId}/goals`;
      const goal = { title: 'Post weekly on LinkedIn', topic: 'personal-branding' };
      const countGoals = async () =>
        (await api.storage.db.selectFrom('goals').select('id').where('pairId', '=', world.pairId).execute())
          .length;
      const before = await countGoals();
      const key = crypto.randomUUID();
      const body = JSON.stringify(goal);
      const send = () =>
        api.call('POST', path, { token: world.tokens.mentor, body, headers: { 'Idempotency-Key': key } });
      // Its first request died two minutes ago, in flight: the key may be taken over. The key
      // is stored in a transaction held open until the three retries wait for it, so they all
      // meet it at the same moment, as retries from several clients or processes would. On
      // PostgreSQL their inserts wait on its row lock, which pg_stat_activity shows; on SQLite
      // every query waits for the one connection anyway, so they meet it in turn whatever.
      const sent = await api.storage.db.transaction().execute(async (trx) => {
        await seedKey(key, path, body, new Date(Date.now() - 120_000), trx);
        const sending = [send(), send(), send()];
        if (api.storage.pool) await lockWaiters(api.storage.pool, 3, 'idempotency_keys');
        return sending;
      });
      const answers = await Promise.all(sent);

      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
      for (const answer of answers) {
        if (answer.status === 409) expect(answer.body.error.code).toBe('idempotency_key_in_use');
        else expect(answer.status).toBe(201);
      }
      const created = answers.filter((a) => a.status === 201);
      expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
      expect(await countGoals()).toBe(before + 1);
    });

    it('makes a retry that arrives while the first request runs wait for its answer, and writes once', async () => {
      const before = await countSessions();
      const key = crypto.randomUUID();
      const send = () =>
        api.call('POST', sessions(), {
          token: world.tokens.mentor,
          body: held,
          headers: { 'Idempotency-Key': key },
        });
      // On PostgreSQL the first request claims its key, then waits for the sessions table the
      // test holds; the retry waits on the claim. On SQLite the two take the one connection in turn.
      const sent = await api.storage.db.transaction().execute(async (trx) => {
        const pool = api.storage.pool;
        if (pool) await sql`lock table sessions in exclusive mode`.execute(trx);
        const first = send();
        if (pool) await lockWaiters(pool, 1, 'sessions');
        let answered = false;
        const retry = send().finally(() => {
          answered = true;
        });
        // Answered without waiting (a 409 in flight, say) is a failure the assertions show.
        if (pool) await lockWaiters(pool, 1, 'idempotency_keys', () => answered);
        return [first, retry];
      });
      const answers = await Promise.all(sent);

      expect(answers.map((a) => a.status)).toEqual([201, 201]);
      expect(answers[1]?.body).toEqual(answers[0]?.body);
      expect(answers.map((a) => a.headers.get('Idempotent-Replayed')).sort()).toEqual(['true', null].sort());
      expect(await countSessions()).toBe(before + 1);
    });

    it('treats the same key with another query string or If-Match as another request (422)', async () => {
      const key = crypto.randomUUID();
      const first = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      expect(first.status).toBe(201);
      const otherQuery = await api.call('POST', `${sessions()}?draft=1`, {
        token: world.tokens.mentor,
        body: held,
        headers: { 'Idempotency-Key': key },
      });
      expect(otherQuery.status).toBe(422);
      expect(otherQuery.body.error.code).toBe('idempotency_key_reused');

      const path = `/v1/sessions/${first.body.id}`;
      const patchKey = crypto.randomUUID();
      const patch = (ifMatch: string) =>
        api.call('PATCH', path, {
          token: world.tokens.mentor,
          body: { summary: 'Explored Copilot for board packs, then Loop' },
          headers: { 'Idempotency-Key': patchKey, 'If-Match': ifMatch },
        });
      expect((await patch('"1"')).status).toBe(200);
      const replayed = await patch('"1"');
      expect(replayed.status).toBe(200);
      expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
      const otherVersion = await patch('"2"');
      expect(otherVersion.status).toBe(422);
      expect(otherVersion.body.error.code).toBe('idempotency_key_reused');
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

    it('refuses a body that is not JSON with 415, and malformed JSON with 400, storing nothing', async () => {
      const before = await countSessions();
      const plain = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: JSON.stringify(held),
        headers: { 'Content-Type': 'text/plain' },
      });
      expect(plain.status).toBe(415);
      expect(plain.body.error).toMatchObject({
        code: 'unsupported_media_type',
        requestId: expect.any(String),
      });
      const form = await api.call('PATCH', `/v1/sessions/${newId('session')}`, {
        token: world.tokens.mentor,
        body: 'summary=x',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(form.status).toBe(415);

      const malformed = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: '{"status": "held",',
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('bad_request');
      expect(await countSessions()).toBe(before);
    });

    it('documents 413 and 415 where a route takes a body', async () => {
      const doc = (await api.call('GET', '/openapi.json')).body;
      const feedback = doc.paths['/v1/pairs/{pairId}/feedback'];
      expect(Object.keys(feedback.post.responses)).toEqual(expect.arrayContaining(['413', '415']));
      expect(Object.keys(doc.paths['/v1/feedback/{feedbackId}'].patch.responses)).toEqual(
        expect.arrayContaining(['413', '415']),
      );
      expect(Object.keys(feedback.get.responses)).not.toContain('415');
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

  describe('NUL characters', () => {
    it('refuses a body with a NUL in a string with 400 naming the field, storing nothing', async () => {
      const before = await countSessions();
      const escaped = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: { ...held, summary: 'a\u0000b' },
      });
      expect(escaped.status).toBe(400);
      expect(escaped.body.error.code).toBe('validation_failed');
      expect(escaped.body.error.message).toMatch(/NUL/);
      expect(escaped.body.error.issues).toEqual([{ path: ['summary'], message: expect.any(String) }]);

      // Deeper in the body, and written by hand rather than by JSON.stringify.
      const nested = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: `{"status":"held","occurredAt":"2026-02-02T10:00:00Z","actionItems":[{"text":"to do \\u0000","owner":"mentor"}]}`,
      });
      expect(nested.status).toBe(400);
      expect(nested.body.error.issues).toEqual([
        { path: ['actionItems', 0, 'text'], message: expect.any(String) },
      ]);
      // A NUL byte as such, not escaped.
      const raw = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: JSON.stringify(held).replace('board', 'bo\0ard'),
      });
      expect(raw.status).toBe(400);
      expect(await countSessions()).toBe(before);
    });

    it('stores the six characters \\u0000 written out, which are no NUL', async () => {
      const res = await api.call('POST', sessions(), {
        token: world.tokens.mentor,
        body: { ...held, summary: 'JSON writes NUL as \\u0000' },
      });
      expect(res.status).toBe(201);
      expect(res.body.summary).toBe('JSON writes NUL as \\u0000');
    });

    it('refuses a NUL in a query value, a path or a cursor with 400', async () => {
      const query = await api.call('GET', '/v1/people?q=%00', { token: world.tokens.admin });
      expect(query.status).toBe(400);
      expect(query.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: ['q'] }] });
      const path = await api.call('GET', `/v1/sessions/ses_%00`, { token: world.tokens.mentor });
      expect(path.status).toBe(400);
      const cursor = Buffer.from(JSON.stringify(['a\u0000', newId('person')])).toString('base64url');
      const paged = await api.call('GET', `/v1/people?cursor=${cursor}`, { token: world.tokens.admin });
      expect(paged.status).toBe(400);
      expect(paged.body.error.code).toBe('validation_failed');
    });
  });
});

describe.each(
  testDatabases().flatMap((database) => [
    { database, via: 'app.request', overHttp: false },
    { database, via: 'a Node server', overHttp: true },
  ]),
)('embedding on $database.dialect, through $via', ({ database, overHttp }) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(
      database,
      { RMKIT_CORS_ORIGINS: 'https://contoso.sharepoint.com' },
      { overHttp },
    );
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const sessions = () => `/v1/pairs/${world.pairId}/sessions`;
  const origin = 'https://contoso.sharepoint.com';
  /** The mentor's request from the allowed intranet page. */
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    api.call(method, path, {
      token: world.tokens.mentor,
      headers: { Origin: origin, ...headers },
      ...(body === undefined ? {} : { body }),
    });

  it('lets an allowed intranet origin call the API from a browser, and no other', async () => {
    const preflight = (from: string) =>
      api.call('OPTIONS', sessions(), {
        headers: {
          Origin: from,
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

  it('lets the allowed origin read every answer and its headers: a read, a refusal and a replayed write', async () => {
    const key = crypto.randomUUID();
    await call('POST', sessions(), { 'Idempotency-Key': key }, held);
    const answers = [
      await call('GET', sessions()),
      await call('GET', `/v1/pairs/${newId('pair')}`),
      await call('POST', sessions(), { 'Idempotency-Key': key }, held),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 201]);
    for (const { headers } of answers) {
      expect(headers.get('Access-Control-Allow-Origin')).toBe(origin);
      expect(headers.get('Access-Control-Expose-Headers')).toContain('Idempotent-Replayed');
      expect(headers.get('Vary')).toBe('Origin');
      expect(headers.get('Cache-Control')).toBe('no-store');
    }
    const elsewhere = await api.call('GET', sessions(), {
      token: world.tokens.mentor,
      headers: { Origin: 'https://evil.example' },
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('gives every API answer the same security headers and a request id: a read, refusals, a replay, a preflight', async () => {
    const key = crypto.randomUUID();
    await call('POST', sessions(), { 'Idempotency-Key': key }, held);
    const answers = [
      await call('GET', `/v1/pairs/${world.pairId}`),
      await call('GET', `/v1/pairs/${newId('pair')}`),
      await call('PUT', `/v1/sessions/${newId('session')}`, {}, held),
      await call('GET', '/v1/nowhere'),
      await api.call('GET', '/v1/me', { headers: { Origin: origin } }),
      await call('POST', sessions(), { 'Idempotency-Key': key }, held),
      await call('OPTIONS', sessions(), { 'Access-Control-Request-Method': 'POST' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 405, 404, 401, 201, 204]);
    for (const { headers } of answers) {
      expect(headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
      expect(headers.get('Strict-Transport-Security')).toBe('max-age=15552000; includeSubDomains');
      expect(headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(headers.get('X-Request-Id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(headers.get('Access-Control-Allow-Origin')).toBe(origin);
    }
    expect(new Set(answers.map((a) => a.headers.get('X-Request-Id'))).size).toBe(answers.length);
    expect(answers[0]?.headers.get('RateLimit')).toMatch(/^limit=\d+, remaining=\d+, reset=\d+$/);
  });

  it('sends secure headers and echoes the request id', async () => {
    const res = await api.call('GET', sessions(), {
      token: world.tokens.mentor,
      headers: { 'X-Request-Id': 'trace-42' },
    });
    expect(res.headers.get('X-Request-Id')).toBe('trace-42');
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
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

/** Until at least `count` statements on `table` wait on a lock (PostgreSQL), or `done()`. */
async function lockWaiters(pool: pg.Pool, count: number, table: string, done = () => false): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await pool.query<{ waiting: string }>(
      "select count(*) as waiting from pg_stat_activity where wait_event_type = 'Lock' and query ilike $1",
      [`%"${table}"%`],
    );
    if (Number(rows[0]?.waiting ?? 0) >= count || done()) return;
    if (Date.now() > deadline) throw new Error(`Fewer than ${count} requests ever waited on ${table}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
