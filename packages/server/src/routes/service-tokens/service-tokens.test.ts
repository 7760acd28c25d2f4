import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

describe.each(testDatabases())('service tokens on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const mint = async (name: string, token = world.tokens.admin) => {
    const res = await api.call('POST', '/v1/service-tokens', { token, body: { name } });
    expect(res.status).toBe(201);
    return res.body;
  };
  const listed = async (token = world.tokens.admin) =>
    (await api.call('GET', '/v1/service-tokens?limit=100', { token })).body.items;

  it('creates a token, shown only once, that then acts for the organisation', async () => {
    const created = await api.call('POST', '/v1/service-tokens', {
      token: world.tokens.admin,
      body: { name: 'HR export' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^tok_/),
      name: 'HR export',
      token: expect.stringMatching(/^rmk_/),
      createdAt: expect.any(String),
    });
    expect(created.headers.get('Location')).toBe(`/v1/service-tokens/${created.body.id}`);

    const entry = (await listed()).find((t: { id: string }) => t.id === created.body.id);
    expect(entry).toEqual({
      id: created.body.id,
      name: 'HR export',
      createdAt: created.body.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });

    const people = await api.call('GET', '/v1/people?limit=100', { token: created.body.token });
    expect(people.status).toBe(200);
    expect(people.body.items.length).toBeGreaterThanOrEqual(5);
    const used = await api.call('GET', `/v1/service-tokens/${created.body.id}`, {
      token: world.tokens.admin,
    });
    expect(used.body.lastUsedAt).toEqual(expect.any(String));
    expect(used.body).not.toHaveProperty('token');
  });

  it('never keeps a new token in the idempotency store: a replay says so and names the token', async () => {
    const key = crypto.randomUUID();
    const send = () =>
      api.call('POST', '/v1/service-tokens', {
        token: world.tokens.admin,
        body: { name: 'Nightly sync' },
        headers: { 'Idempotency-Key': key },
      });
    const first = await send();
    expect(first.status).toBe(201);
    const replay = await send();
    expect(replay.status).toBe(409);
    expect(replay.body.error.message).toContain(`/v1/service-tokens/${first.body.id}`);
    expect(JSON.stringify(replay.body)).not.toContain(first.body.token);
    const stored = await api.storage.db
      .selectFrom('idempotencyKeys')
      .select('responseBody')
      .where('key', '=', key)
      .execute();
    expect(stored.map((r) => r.responseBody).join()).not.toContain(first.body.token);
    expect((await listed()).filter((t: { name: string }) => t.name === 'Nightly sync')).toHaveLength(1);
  });

  it('revokes a token, which from then on gets 401 on every call', async () => {
    const { id, token } = await mint('Chat bot');
    expect((await api.call('GET', '/v1/me', { token })).status).toBe(200);
    expect((await api.call('DELETE', `/v1/service-tokens/${id}`, { token: world.tokens.admin })).status).toBe(
      204,
    );

    for (const [method, path] of [
      ['GET', '/v1/me'],
      ['GET', '/v1/people'],
      ['POST', '/v1/programs'],
    ] as const) {
      const res = await api.call(method, path, {
        token,
        body: method === 'POST' ? { name: 'x' } : undefined,
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthorized');
    }
    const revoked = (await api.call('GET', `/v1/service-tokens/${id}`, { token: world.tokens.admin })).body;
    expect(revoked.revokedAt).toEqual(expect.any(String));

    expect((await api.call('DELETE', `/v1/service-tokens/${id}`, { token: world.tokens.admin })).status).toBe(
      204,
    );
    const again = (await api.call('GET', `/v1/service-tokens/${id}`, { token: world.tokens.admin })).body;
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it('refuses a service token minting, listing or revoking tokens with 403', async () => {
    const { id, token } = await mint('Nightly sync');
    expect((await api.call('POST', '/v1/service-tokens', { token, body: { name: 'Child' } })).status).toBe(
      403,
    );
    expect((await api.call('GET', '/v1/service-tokens', { token })).status).toBe(403);
    expect((await api.call('DELETE', `/v1/service-tokens/${id}`, { token })).status).toBe(403);
    expect((await api.call('GET', '/v1/me', { token })).status).toBe(200);
  });

  it('refuses members with 403', async () => {
    const { id } = await mint('Intranet widget');
    const token = world.tokens.mentor;
    expect((await api.call('POST', '/v1/service-tokens', { token, body: { name: 'Mine' } })).status).toBe(
      403,
    );
    expect((await api.call('GET', '/v1/service-tokens', { token })).status).toBe(403);
    expect((await api.call('DELETE', `/v1/service-tokens/${id}`, { token })).status).toBe(403);
  });

  it('refuses a member before reading their request, yet answers a wrong method or path as for anyone', async () => {
    const token = world.tokens.mentor;
    const unread = await api.call('POST', '/v1/service-tokens', { token, body: { name: '', extra: 1 } });
    expect(unread.status).toBe(403);
    expect((await api.call('GET', '/v1/service-tokens/not-an-id', { token })).status).toBe(403);
    const wrongMethod = await api.call('PUT', '/v1/service-tokens', { token });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('Allow')).toContain('POST');
    expect((await api.call('GET', '/v1/service-tokens/a/b', { token })).status).toBe(404);
  });

  it('keeps tokens to their organisation: another organisation’s admin neither lists nor revokes them', async () => {
    const { id, token } = await mint('Contoso only');
    expect((await listed(world.tokens.otherOrgAdmin)).map((t: { id: string }) => t.id)).not.toContain(id);
    const path = `/v1/service-tokens/${id}`;
    expect((await api.call('GET', path, { token: world.tokens.otherOrgAdmin })).status).toBe(404);
    expect((await api.call('DELETE', path, { token: world.tokens.otherOrgAdmin })).status).toBe(404);
    expect((await api.call('GET', '/v1/me', { token })).status).toBe(200);
    const people = await api.call('GET', `/v1/people/${world.people.otherOrgAdmin}`, { token });
    expect(people.status).toBe(404);
  });

  it('answers a missing or empty name with 400 on name, creating nothing', async () => {
    const before = (await listed()).length;
    for (const body of [{}, { name: '   ' }]) {
      const res = await api.call('POST', '/v1/service-tokens', { token: world.tokens.admin, body });
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].path).toEqual(['name']);
    }
    expect((await listed()).length).toBe(before);
  });

  it('pages through tokens without skipping or repeating', async () => {
    for (let i = 0; i < 3; i++) await mint(`Batch ${i}`);
    const all = await listed();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.call('GET', `/v1/service-tokens${query}`, { token: world.tokens.admin });
      seen.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((t: { id: string }) => t.id));
  });
});
