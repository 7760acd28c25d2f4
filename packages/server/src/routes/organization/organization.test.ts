import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

describe.each(testDatabases())('organization on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const read = (token: string) => api.call('GET', '/v1/organization', { token });

  it('shows everyone their own organisation, with its settings', async () => {
    const res = await read(world.tokens.mentor);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: world.orgId,
      name: 'Contoso',
      defaultLocale: 'en',
      settings: { minAggregateGroupSize: 3, photoHosts: [] },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(res.headers.get('ETag')).toBe('"1"');
    expect((await read(world.tokens.otherOrgAdmin)).body).toMatchObject({
      id: world.otherOrgId,
      name: 'Fabrikam',
    });
  });

  it('refuses members changing the organisation with 403', async () => {
    const res = await api.call('PATCH', '/v1/organization', {
      token: world.tokens.mentee,
      body: { name: 'Mine' },
    });
    expect(res.status).toBe(403);
    expect((await read(world.tokens.mentee)).body.name).toBe('Contoso');
  });

  it('lets an admin change a setting, and keeps the settings a later change leaves out', async () => {
    const before = await read(world.tokens.admin);
    const changed = await api.call('PATCH', '/v1/organization', {
      token: world.tokens.admin,
      headers: { 'If-Match': before.headers.get('ETag') ?? '' },
      body: { settings: { minAggregateGroupSize: 5 } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      settings: { minAggregateGroupSize: 5 },
      version: before.body.version + 1,
    });
    expect(changed.headers.get('ETag')).toBe(`"${before.body.version + 1}"`);

    for (const body of [{ name: 'Contoso Italia', defaultLocale: 'it' }, { settings: {} }]) {
      const res = await api.call('PATCH', '/v1/organization', { token: world.tokens.admin, body });
      expect(res.status).toBe(200);
      expect(res.body.settings).toEqual({ minAggregateGroupSize: 5, photoHosts: [] });
    }
    expect((await read(world.tokens.mentor)).body).toMatchObject({
      name: 'Contoso Italia',
      defaultLocale: 'it',
    });
    expect((await read(world.tokens.otherOrgAdmin)).body).toMatchObject({
      name: 'Fabrikam',
      settings: { minAggregateGroupSize: 3 },
    });
  });

  it('refuses a stale If-Match with 412', async () => {
    const current = await read(world.tokens.admin);
    const res = await api.call('PATCH', '/v1/organization', {
      token: world.tokens.admin,
      headers: { 'If-Match': `"${current.body.version - 1}"` },
      body: { name: 'Lost update' },
    });
    expect(res.status).toBe(412);
    expect(res.headers.get('ETag')).toBe(`"${current.body.version}"`);
    expect((await read(world.tokens.admin)).body.name).toBe(current.body.name);
  });

  it('answers an invalid setting or locale with 400 on its path, changing nothing', async () => {
    const before = await read(world.tokens.admin);
    const res = await api.call('PATCH', '/v1/organization', {
      token: world.tokens.admin,
      body: {
        defaultLocale: 'de',
        settings: { minAggregateGroupSize: 1, photoHosts: ['*.contoso.example'], colour: 'blue' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string[] }) => i.path.join('.')).sort()).toEqual([
      'defaultLocale',
      'settings',
      'settings.minAggregateGroupSize',
      'settings.photoHosts.0',
    ]);
    expect((await read(world.tokens.admin)).body).toEqual(before.body);
  });

  it('clears, with the host it was on, every photo the organisation stops allowing', async () => {
    const setHosts = (token: string, photoHosts: string[]) =>
      api.call('PATCH', '/v1/organization', { token, body: { settings: { photoHosts } } });
    expect(
      (await setHosts(world.tokens.admin, ['photos.contoso.example', 'cdn.contoso.example'])).status,
    ).toBe(200);
    expect((await setHosts(world.tokens.otherOrgAdmin, ['photos.contoso.example'])).status).toBe(200);
    const photos = {
      [world.people.mentor]: 'https://photos.contoso.example/giulia.jpg',
      [world.people.mentee]: 'https://cdn.contoso.example/roberto.jpg',
      [world.people.otherOrgMentor]: 'https://photos.contoso.example/alex.jpg',
    };
    for (const [personId, photoUrl] of Object.entries(photos)) {
      const admin =
        personId === world.people.otherOrgMentor ? world.tokens.otherOrgAdmin : world.tokens.admin;
      const res = await api.call('PATCH', `/v1/people/${personId}`, { token: admin, body: { photoUrl } });
      expect(res.status).toBe(200);
    }
    const person = (id: string, token = world.tokens.admin) =>
      api.call('GET', `/v1/people/${id}`, { token }).then((res) => res.body);
    const mentorBefore = await person(world.people.mentor);

    const changed = await setHosts(world.tokens.admin, ['cdn.contoso.example']);
    expect(changed.status).toBe(200);
    expect(changed.body.settings.photoHosts).toEqual(['cdn.contoso.example']);
    const mentor = await person(world.people.mentor);
    expect(mentor).toMatchObject({ photoUrl: null, version: mentorBefore.version + 1 });
    // Cleared where it is stored, not only hidden when read.
    const stored = await api.storage.db
      .selectFrom('people')
      .select('photoUrl')
      .where('id', '=', world.people.mentor)
      .executeTakeFirstOrThrow();
    expect(stored.photoUrl).toBeNull();
    expect((await person(world.people.mentee)).photoUrl).toBe(photos[world.people.mentee]);
    // Another organisation's list, and its photos, are its own.
    expect((await person(world.people.otherOrgMentor, world.tokens.otherOrgAdmin)).photoUrl).toBe(
      photos[world.people.otherOrgMentor],
    );
  });
});
