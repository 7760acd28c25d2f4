import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFlag } from '../db/json.js';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';
import { KnownPeople } from './known-people.js';

describe.each(testDatabases())('who a token stands for, on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const rolesOf = async (token: string) => (await api.call('GET', '/v1/me', { token })).body.roles;

  it('gives an admin’s change to a person effect on that person’s very next request', async () => {
    expect(await rolesOf(world.tokens.otherMentor)).toEqual(['mentor']);
    const made = await api.call('PATCH', `/v1/people/${world.people.otherMentor}`, {
      token: world.tokens.admin,
      body: { isAdmin: true },
    });
    expect(made.status).toBe(200);
    expect(await rolesOf(world.tokens.otherMentor)).toContain('admin');

    await api.call('PATCH', `/v1/people/${world.people.otherMentor}`, {
      token: world.tokens.admin,
      body: { isAdmin: false },
    });
    expect(await rolesOf(world.tokens.otherMentor)).toEqual(['mentor']);
  });

  it('refuses a removed person on their very next request', async () => {
    const removed = world.tokens.otherOrgMentee;
    expect((await api.call('GET', '/v1/me', { token: removed })).status).toBe(200);

    const gone = await api.call('DELETE', `/v1/people/${world.people.otherOrgMentee}`, {
      token: world.tokens.otherOrgAdmin,
    });
    expect(gone.status).toBe(204);
    expect((await api.call('GET', '/v1/me', { token: removed })).status).toBe(401);
  });

  it('sees a change another server process made to a person within two seconds', async () => {
    expect(await rolesOf(world.tokens.otherMentee)).toEqual(['mentee']);
    // Written straight to the database, as another server process on it would.
    await api.storage.db
      .updateTable('people')
      .set({ isAdmin: toFlag(true) })
      .where('id', '=', world.people.otherMentee)
      .execute();
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(await rolesOf(world.tokens.otherMentee)).toContain('admin');
  });
});

describe('KnownPeople', () => {
  const person = { id: 'p', orgId: 'o', isAdmin: 0, externalId: 'sub', email: 'e@x.test', displayName: 'E' };

  it('does not keep a person read before a write ended, nor after two seconds', () => {
    const people = new KnownPeople();
    const before = people.generation;
    people.forget();
    people.keep('sub', person, before, 0);
    expect(people.get('sub', 1)).toBeUndefined();

    people.keep('sub', person, people.generation, 0);
    expect(people.get('sub', 1_999)).toEqual(person);
    expect(people.get('sub', 2_000)).toBeUndefined();
  });
});
