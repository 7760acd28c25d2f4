import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

describe.each(testDatabases())('webhook subscriptions on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const create = async (body: Record<string, unknown>, token = world.tokens.admin) =>
    api.call('POST', '/v1/webhooks', { token, body });
  const target = { url: 'https://hooks.example.com/rm-kit', events: ['session.held', 'pair.at-risk'] };
  const queuedFor = async (webhookId: string) =>
    (await api.call('GET', `/v1/webhooks/${webhookId}/deliveries`, { token: world.tokens.admin })).body.items;

  it('creates a subscription whose secret is shown once, then lists it without the secret', async () => {
    const created = await create({ ...target, description: 'HR channel in Teams' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^whk_/),
      ...target,
      description: 'HR channel in Teams',
      active: true,
      secretRotatedAt: null,
      secret: expect.stringMatching(/^whsec_.{40,}/),
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(created.headers.get('Location')).toBe(`/v1/webhooks/${created.body.id}`);
    const { secret, ...shown } = created.body;
    const read = await api.call('GET', `/v1/webhooks/${created.body.id}`, { token: world.tokens.admin });
    expect(read.body).toEqual(shown);
    const list = await api.call('GET', '/v1/webhooks?limit=100', { token: world.tokens.admin });
    expect(list.body.items).toContainEqual(shown);
    expect(JSON.stringify(list.body)).not.toContain(secret);
  });

  it('replays a create with the same Idempotency-Key without showing the secret again', async () => {
    const headers = { 'Idempotency-Key': 'webhook-create-once' };
    const first = await api.call('POST', '/v1/webhooks', {
      token: world.tokens.admin,
      body: target,
      headers,
    });
    expect(first.status).toBe(201);
    const again = await api.call('POST', '/v1/webhooks', {
      token: world.tokens.admin,
      body: target,
      headers,
    });
    expect(JSON.stringify(again.body)).not.toContain(first.body.secret);
    const all = (await api.call('GET', '/v1/webhooks?limit=100', { token: world.tokens.admin })).body.items;
    expect(all.filter((w: { id: string }) => w.id === first.body.id)).toHaveLength(1);
  });

  it('refuses plain http, a private address, an unknown event and no event, naming the field', async () => {
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ ...target, url: 'http://hooks.example.com/' }, ['url']],
      [{ ...target, url: 'https://10.1.2.3/hook' }, ['url']],
      [{ ...target, url: 'https://[::1]/hook' }, ['url']],
      [{ ...target, url: 'ftp://hooks.example.com/' }, ['url']],
      [{ ...target, events: ['session.deleted'] }, ['events', 0]],
      [{ ...target, events: [] }, ['events']],
    ];
    for (const [body, path] of cases) {
      const refused = await create(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.issues.map((i: { path: unknown }) => i.path)).toContainEqual(path);
    }
  });

  it('lets a service token manage subscriptions, and nobody else', async () => {
    const minted = await api.call('POST', '/v1/service-tokens', {
      token: world.tokens.admin,
      body: { name: 'Ops' },
    });
    expect((await create(target, minted.body.token)).status).toBe(201);
    expect((await create(target, world.tokens.mentor)).status).toBe(403);
    const ours = (await create(target)).body.id;
    const theirs = await api.call('GET', `/v1/webhooks/${ours}`, { token: world.tokens.otherOrgAdmin });
    expect(theirs.status).toBe(404);
  });

  it('pauses with the version read, refuses a stale change, and rotates the secret', async () => {
    const created = (await create(target)).body;
    const paused = await api.call('PATCH', `/v1/webhooks/${created.id}`, {
      token: world.tokens.admin,
      body: { active: false },
      headers: { 'If-Match': '"1"' },
    });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ active: false, version: 2 });
    const stale = await api.call('PATCH', `/v1/webhooks/${created.id}`, {
      token: world.tokens.admin,
      body: { description: 'Older copy' },
      headers: { 'If-Match': '"1"' },
    });
    expect(stale.status).toBe(412);

    const rotated = await api.call('POST', `/v1/webhooks/${created.id}/rotate-secret`, {
      token: world.tokens.admin,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    expect(rotated.body).toMatchObject({ version: 3, secretRotatedAt: expect.any(String), active: false });
  });

  it('queues a held session for active subscriptions that chose it, and nothing for a paused one', async () => {
    const listening = (await create({ ...target, events: ['session.held'] })).body;
    const paused = (await create({ ...target, events: ['session.held'], active: false })).body;
    const other = (await create({ ...target, events: ['match.published'] })).body;
    const planned = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: { status: 'planned', scheduledAt: '2026-12-01T10:00:00Z' },
    });
    expect(await queuedFor(listening.id)).toEqual([]);
    const held = await api.call('PATCH', `/v1/sessions/${planned.body.id}`, {
      token: world.tokens.mentor,
      body: { status: 'held', occurredAt: '2026-12-01T10:00:00Z' },
    });
    expect(held.status).toBe(200);
    expect(await queuedFor(listening.id)).toEqual([
      expect.objectContaining({ eventType: 'session.held', status: 'pending', attempts: 0 }),
    ]);
    expect(await queuedFor(paused.id)).toEqual([]);
    expect(await queuedFor(other.id)).toEqual([]);
  });

  it('queues a ping and a redelivery of it, and deletes a subscription with its log', async () => {
    const hook = (await create(target)).body;
    const ping = await api.call('POST', `/v1/webhooks/${hook.id}/ping`, { token: world.tokens.admin });
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ webhookId: hook.id, eventType: 'ping', status: 'pending' });
    const again = await api.call('POST', `/v1/webhook-deliveries/${ping.body.id}/redeliver`, {
      token: world.tokens.admin,
    });
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ eventId: ping.body.eventId, eventType: 'ping' });
    expect((await queuedFor(hook.id)).map((d: { id: string }) => d.id)).toEqual([
      again.body.id,
      ping.body.id,
    ]);

    const removed = await api.call('DELETE', `/v1/webhooks/${hook.id}`, { token: world.tokens.admin });
    expect(removed.status).toBe(204);
    expect((await api.call('GET', `/v1/webhooks/${hook.id}`, { token: world.tokens.admin })).status).toBe(
      404,
    );
    const redeliver = await api.call('POST', `/v1/webhook-deliveries/${ping.body.id}/redeliver`, {
      token: world.tokens.admin,
    });
    expect(redeliver.status).toBe(404);
  });
});
