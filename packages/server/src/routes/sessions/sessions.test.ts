import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duringConcurrentChange } from '../../test-support/concurrent-change.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

const held = {
  status: 'held',
  occurredAt: '2026-02-02T10:00:00+01:00',
  durationMinutes: 45,
  format: 'video',
  topics: ['social-media'],
  summary: 'Set up a LinkedIn profile and planned a first post',
  actionItems: [{ text: 'Publish the first post', owner: 'mentee' }],
};

describe.each(testDatabases())('sessions on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const sessionsOf = (pairId: string) => `/v1/pairs/${pairId}/sessions`;

  it('lets the mentor log a held session, which the mentee then reads', async () => {
    const created = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentor,
      body: held,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      pairId: world.pairId,
      status: 'held',
      occurredAt: '2026-02-02T09:00:00.000Z',
      actionItems: [{ text: 'Publish the first post', owner: 'mentee', done: false }],
      version: 1,
    });
    expect(created.body.actionItems[0].id).toMatch(/^ai_/);
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(created.headers.get('Location')).toBe(`/v1/sessions/${created.body.id}`);

    const read = await api.call('GET', `/v1/sessions/${created.body.id}`, { token: world.tokens.mentee });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('lists sessions newest first, page by page, without skipping or repeating', async () => {
    const pairId = world.otherPairId;
    for (let day = 1; day <= 7; day++) {
      const occurredAt = `2026-03-${String(day).padStart(2, '0')}T10:00:00Z`;
      await api.call('POST', sessionsOf(pairId), {
        token: world.tokens.otherMentor,
        body: { ...held, occurredAt },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = await api.call('GET', `${sessionsOf(pairId)}${query}`, {
        token: world.tokens.otherMentee,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((s: { occurredAt: string }) => s.occurredAt.slice(0, 10)));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      '2026-03-07',
      '2026-03-06',
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
      '2026-03-02',
      '2026-03-01',
    ]);

    const march = await api.call(
      'GET',
      `${sessionsOf(pairId)}?from=2026-03-03T00:00:00Z&to=2026-03-05T00:00:00Z`,
      {
        token: world.tokens.otherMentor,
      },
    );
    expect(march.body.items.map((s: { occurredAt: string }) => s.occurredAt.slice(0, 10))).toEqual([
      '2026-03-04',
      '2026-03-03',
    ]);
  });

  it('answers a malformed session with 400 and the path of every bad field, storing nothing', async () => {
    const before = await api.call('GET', sessionsOf(world.pairId), { token: world.tokens.mentor });
    const bad = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentor,
      body: {
        status: 'held',
        format: 'carrier-pigeon',
        actionItems: [{ text: '', owner: 'mentee' }],
        mood: 'great',
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.requestId).toEqual(expect.any(String));
    const paths = bad.body.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['format', 'actionItems.0.text', '']));
    expect(bad.body.error.issues.find((i: { path: unknown[] }) => i.path.length === 0).message).toMatch(
      /mood/,
    );
    const after = await api.call('GET', sessionsOf(world.pairId), { token: world.tokens.mentor });
    expect(after.body.items).toEqual(before.body.items);
  });

  it('refuses broken JSON with 400 and a body that is not JSON with 415', async () => {
    const broken = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentor,
      body: '{"status":',
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('bad_request');
    const text = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentor,
      body: 'status=held',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('unsupported_media_type');
  });

  it('ticks off an action item and bumps the version, refusing a stale If-Match with 412', async () => {
    const created = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentor,
      body: held,
    });
    const { id, actionItems } = created.body;
    const done = await api.call('PATCH', `/v1/sessions/${id}`, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { actionItems: [{ ...actionItems[0], done: true }] },
    });
    expect(done.status).toBe(200);
    expect(done.body.actionItems).toEqual([{ ...actionItems[0], done: true }]);
    expect(done.body.version).toBe(2);
    expect(done.headers.get('ETag')).toBe('"2"');

    const stale = await api.call('PATCH', `/v1/sessions/${id}`, {
      token: world.tokens.mentor,
      headers: { 'If-Match': '"1"' },
      body: { summary: 'Overwriting what I never saw' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    const read = await api.call('GET', `/v1/sessions/${id}`, { token: world.tokens.mentor });
    expect(read.body.summary).toBe(held.summary);
  });

  it('cancels a planned session with a reason both sides read, and forgets it once the session is planned again', async () => {
    const planned = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentee,
      body: { status: 'planned', scheduledAt: '2026-02-20T10:00:00Z' },
    });
    expect(planned.body.cancellationReason).toBeNull();
    const cancelled = await api.call('PATCH', `/v1/sessions/${planned.body.id}`, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { status: 'cancelled', cancellationReason: '  Board meeting moved to that morning ' },
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Board meeting moved to that morning',
    });
    const read = await api.call('GET', `/v1/sessions/${planned.body.id}`, { token: world.tokens.mentor });
    expect(read.body.cancellationReason).toBe('Board meeting moved to that morning');

    const replanned = await api.call('PATCH', `/v1/sessions/${planned.body.id}`, {
      token: world.tokens.mentor,
      headers: { 'If-Match': '"2"' },
      body: { status: 'planned', scheduledAt: '2026-02-27T10:00:00Z' },
    });
    expect(replanned.body).toMatchObject({ status: 'planned', cancellationReason: null, version: 3 });
  });

  it('refuses a change that would leave a held session without its time', async () => {
    const created = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentor,
      body: held,
    });
    const res = await api.call('PATCH', `/v1/sessions/${created.body.id}`, {
      token: world.tokens.mentor,
      body: { occurredAt: null },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { path: ['occurredAt'], message: expect.stringMatching(/held session/) },
    ]);
  });

  it('plans a session for later and removes one from the log', async () => {
    const planned = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentee,
      body: { status: 'planned', scheduledAt: '2030-01-10T15:00:00Z', format: 'in-person' },
    });
    expect(planned.status).toBe(201);
    const removed = await api.call('DELETE', `/v1/sessions/${planned.body.id}`, {
      token: world.tokens.mentee,
    });
    expect(removed.status).toBe(204);
    const gone = await api.call('GET', `/v1/sessions/${planned.body.id}`, { token: world.tokens.mentee });
    expect(gone.status).toBe(404);
    const list = await api.call('GET', `${sessionsOf(world.pairId)}?status=planned`, {
      token: world.tokens.mentee,
    });
    expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(planned.body.id);
  });

  it('keeps the log to the pair: their admin, another pair and another organisation get 404', async () => {
    const created = await api.call('POST', sessionsOf(world.pairId), {
      token: world.tokens.mentor,
      body: held,
    });
    for (const token of [world.tokens.admin, world.tokens.otherMentor, world.tokens.otherOrgAdmin]) {
      expect((await api.call('GET', `/v1/sessions/${created.body.id}`, { token })).status).toBe(404);
      expect((await api.call('GET', sessionsOf(world.pairId), { token })).status).toBe(404);
      expect((await api.call('POST', sessionsOf(world.pairId), { token, body: held })).status).toBe(404);
    }
  });

  it("answers another pair's log with 404 whatever its query holds, and its own with the page", async () => {
    await api.call('POST', sessionsOf(world.pairId), { token: world.tokens.mentor, body: held });
    const forged = `${sessionsOf(world.pairId)}?cursor=${Buffer.from('["x"]').toString('base64url')}`;
    const refused = await api.call('GET', forged, { token: world.tokens.otherMentor });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).not.toContain('cursor');
    expect((await api.call('GET', forged, { token: world.tokens.mentor })).status).toBe(400);
    const own = await api.call('GET', sessionsOf(world.pairId), { token: world.tokens.mentee });
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
  });
  it.skipIf(database.dialect === 'sqlite')(
    'refuses removing a session changed since it was read with 412 (PostgreSQL: a concurrent change)',
    async () => {
      const created = await api.call('POST', sessionsOf(world.pairId), {
        token: world.tokens.mentor,
        body: held,
      });
      const path = `/v1/sessions/${created.body.id}`;
      const removed = await duringConcurrentChange(api, { table: 'sessions', id: created.body.id }, () =>
        api.call('DELETE', path, { token: world.tokens.mentee }),
      );
      expect(removed.status).toBe(412);
      expect(removed.headers.get('ETag')).toBe('"2"');
      expect((await api.call('GET', path, { token: world.tokens.mentee })).body.version).toBe(2);
      expect((await api.call('DELETE', path, { token: world.tokens.mentee })).status).toBe(204);
    },
  );
});
