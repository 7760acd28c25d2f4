import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duringConcurrentChange } from '../../test-support/concurrent-change.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

type Item = { id: string };
const ids = (body: { items: Item[] }) => body.items.map((item) => item.id);

const cohort = { name: 'Digital Bridge 2027', startsOn: '2027-01-11', endsOn: '2027-06-30' };

describe.each(testDatabases())('programs on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const start = async (overrides: Record<string, unknown> = {}) => {
    const res = await api.call('POST', '/v1/programs', {
      token: world.tokens.admin,
      body: { ...cohort, ...overrides },
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('lets an admin start a program: a draft with the default topics, cadence and length', async () => {
    const created = await api.call('POST', '/v1/programs', { token: world.tokens.admin, body: cohort });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...cohort,
      orgId: world.orgId,
      status: 'draft',
      cadenceDays: 14,
      sessionMinutes: 60,
      description: '',
      charter: { en: '', it: '' },
      customTopics: [],
      version: 1,
    });
    expect(created.body.topics).toEqual(expect.arrayContaining(['social-media', 'ai-tools', 'leadership']));
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(created.headers.get('Location')).toBe(`/v1/programs/${created.body.id}`);
    const read = await api.call('GET', `/v1/programs/${created.body.id}`, { token: world.tokens.admin });
    expect(read.body).toEqual(created.body);
  });

  it('hides drafts from members: absent from their list and 404 on read', async () => {
    const draft = await start();
    const members = await api.call('GET', '/v1/programs?limit=100', { token: world.tokens.mentor });
    expect(members.status).toBe(200);
    expect(ids(members.body)).toContain(world.programId);
    expect(ids(members.body)).not.toContain(draft.id);
    expect((await api.call('GET', `/v1/programs/${draft.id}`, { token: world.tokens.mentor })).status).toBe(
      404,
    );
    const admins = await api.call('GET', '/v1/programs?limit=100', { token: world.tokens.admin });
    expect(ids(admins.body)).toEqual(expect.arrayContaining([world.programId, draft.id]));
  });

  it('filters programs by status', async () => {
    const enrolling = await start({ status: 'enrolling' });
    const res = await api.call('GET', '/v1/programs?status=enrolling', { token: world.tokens.mentee });
    expect(ids(res.body)).toEqual([enrolling.id]);
    const drafts = await api.call('GET', '/v1/programs?status=draft', { token: world.tokens.mentee });
    expect(drafts.body.items).toEqual([]);
  });

  it('keeps programs to their organisation: another organisation gets 404 and never lists them', async () => {
    const path = `/v1/programs/${world.programId}`;
    const token = world.tokens.otherOrgAdmin;
    expect((await api.call('GET', path, { token })).status).toBe(404);
    expect((await api.call('PATCH', path, { token, body: { name: 'Taken over' } })).status).toBe(404);
    expect((await api.call('DELETE', path, { token })).status).toBe(404);
    const list = await api.call('GET', '/v1/programs?limit=100', { token });
    expect(ids(list.body)).toEqual([world.otherOrgProgramId]);
  });

  it('refuses members starting, changing or removing a program with 403 (404 for a draft)', async () => {
    const draft = await start();
    const token = world.tokens.mentor;
    expect((await api.call('POST', '/v1/programs', { token, body: cohort })).status).toBe(403);
    const path = `/v1/programs/${world.programId}`;
    expect((await api.call('PATCH', path, { token, body: { name: 'Mine now' } })).status).toBe(403);
    expect((await api.call('DELETE', path, { token })).status).toBe(403);
    expect(
      (await api.call('PATCH', `/v1/programs/${draft.id}`, { token, body: { name: 'Mine' } })).status,
    ).toBe(404);
    expect((await api.call('GET', path, { token })).body.name).toBe('Digital Bridge');
  });

  it('answers a program that ends before it starts, or offers an unknown topic, with 400 on those fields', async () => {
    const res = await api.call('POST', '/v1/programs', {
      token: world.tokens.admin,
      body: {
        ...cohort,
        name: 'Backwards',
        endsOn: '2026-12-31',
        topics: ['ai-tools', 'underwater-basketry'],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: unknown[] }) => i.path)).toEqual(
      expect.arrayContaining([['endsOn'], ['topics', 1]]),
    );
    const list = await api.call('GET', '/v1/programs?limit=100', { token: world.tokens.admin });
    expect(list.body.items.map((p: { name: string }) => p.name)).not.toContain('Backwards');
  });

  it('moves a program forward one step at a time or straight to closed, refusing other moves with 422', async () => {
    const program = await start();
    const path = `/v1/programs/${program.id}`;
    const move = (status: string) => api.call('PATCH', path, { token: world.tokens.admin, body: { status } });

    const skipped = await move('active');
    expect(skipped.status).toBe(422);
    expect(skipped.body.error.code).toBe('unprocessable');
    expect(skipped.body.error.issues[0].path).toEqual(['status']);

    expect((await move('enrolling')).body.status).toBe('enrolling');
    expect((await move('matching')).body.status).toBe('matching');
    expect((await move('enrolling')).status).toBe(422);
    const closed = await move('closed');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 4 });
    expect((await move('active')).status).toBe(422);
  });

  it('checks the whole program after a change: an end before the start is refused with 400', async () => {
    const program = await start();
    const path = `/v1/programs/${program.id}`;
    const res = await api.call('PATCH', path, { token: world.tokens.admin, body: { endsOn: '2026-12-01' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues).toEqual([
      { path: ['endsOn'], message: expect.stringMatching(/end before/) },
    ]);
    expect((await api.call('GET', path, { token: world.tokens.admin })).body).toEqual(program);
  });

  it('adds a program’s own topic, and refuses removing it while the program still offers it', async () => {
    const program = await start();
    const path = `/v1/programs/${program.id}`;
    const esg = {
      key: 'esg-reporting',
      labels: { en: 'ESG reporting', it: 'Rendicontazione ESG' },
      direction: 'reverse',
    };
    const added = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { customTopics: [esg], topics: ['esg-reporting', 'ai-tools'] },
    });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ customTopics: [esg], topics: ['esg-reporting', 'ai-tools'] });
    const removed = await api.call('PATCH', path, { token: world.tokens.admin, body: { customTopics: [] } });
    expect(removed.status).toBe(400);
    expect(removed.body.error.issues[0].path).toEqual(['topics', 0]);
  });

  it('keeps the charter per language: a plain text as the organisation’s language, an update changing only the languages given', async () => {
    const program = await start({ charter: 'We keep what is said between us.' });
    expect(program.charter).toEqual({ en: 'We keep what is said between us.', it: '' });
    const path = `/v1/programs/${program.id}`;
    const italian = 'Ciò che ci diciamo resta tra noi.';
    const changed = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { charter: { it: italian } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.charter).toEqual({ en: 'We keep what is said between us.', it: italian });
    const read = await api.call('GET', path, { token: world.tokens.admin });
    expect(read.body.charter).toEqual(changed.body.charter);
    const refused = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { charter: { fr: 'Charte' } },
    });
    expect(refused.status).toBe(400);
  });

  it('changes a program with the current If-Match and refuses a stale one with 412', async () => {
    const program = await start();
    const path = `/v1/programs/${program.id}`;
    const renamed = await api.call('PATCH', path, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: { name: 'Digital Bridge, spring', cadenceDays: 7 },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Digital Bridge, spring', cadenceDays: 7, version: 2 });
    expect(renamed.headers.get('ETag')).toBe('"2"');
    const stale = await api.call('PATCH', path, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: { name: 'Lost update' },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe('"2"');
    expect(
      (await api.call('DELETE', path, { token: world.tokens.admin, headers: { 'If-Match': '"1"' } })).status,
    ).toBe(412);
  });

  it('pages through programs without skipping or repeating', async () => {
    for (let i = 0; i < 4; i++) await start();
    const all = await api.call('GET', '/v1/programs?limit=100', { token: world.tokens.admin });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
      const page = await api.call('GET', `/v1/programs${query}`, { token: world.tokens.admin });
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(all.body));
    expect(seen.length).toBeGreaterThan(4);
  });

  it('lets an admin remove a program, which then disappears from reads and lists', async () => {
    const program = await start({ status: 'enrolling' });
    const path = `/v1/programs/${program.id}`;
    expect((await api.call('DELETE', path, { token: world.tokens.admin })).status).toBe(204);
    expect((await api.call('GET', path, { token: world.tokens.admin })).status).toBe(404);
    expect(
      (await api.call('PATCH', path, { token: world.tokens.admin, body: { name: 'Back' } })).status,
    ).toBe(404);
    const list = await api.call('GET', '/v1/programs?limit=100', { token: world.tokens.admin });
    expect(ids(list.body)).not.toContain(program.id);
  });
  it.skipIf(database.dialect === 'sqlite')(
    'refuses removing a program changed since it was read with 412 (PostgreSQL: a concurrent change)',
    async () => {
      const program = await start();
      const path = `/v1/programs/${program.id}`;
      const removed = await duringConcurrentChange(api, { table: 'programs', id: program.id }, () =>
        api.call('DELETE', path, { token: world.tokens.admin }),
      );
      expect(removed.status).toBe(412);
      expect(removed.headers.get('ETag')).toBe('"2"');
      expect((await api.call('GET', path, { token: world.tokens.admin })).body.version).toBe(2);
      expect((await api.call('DELETE', path, { token: world.tokens.admin })).status).toBe(204);
    },
  );
});
