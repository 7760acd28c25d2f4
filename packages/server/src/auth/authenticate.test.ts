import { newId } from '@rm-kit/core';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFlag, toJson } from '../db/json.js';
import {
  createTestApi,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestApi,
  testDatabases,
} from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';
import { createServiceToken } from './service-tokens.js';

/** Someone an admin added who has never signed in: no externalId yet. */
async function addUnboundPerson(api: TestApi, orgId: string, email: string) {
  const now = new Date().toISOString();
  const id = newId('person');
  await api.storage.db
    .insertInto('people')
    .values({
      id,
      orgId,
      externalId: null,
      email,
      displayName: 'New Joiner',
      title: null,
      department: 'Sales',
      managerId: null,
      careerStage: 'early',
      locale: 'it',
      languages: toJson(['it']),
      timeZone: 'Europe/Rome',
      photoUrl: null,
      isAdmin: toFlag(false),
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    })
    .execute();
  return id;
}

async function externalIdOf(api: TestApi, id: string) {
  const row = await api.storage.db
    .selectFrom('people')
    .select('externalId')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.externalId;
}

describe.each(testDatabases())('authentication on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const pairs = (token?: string) => api.call('GET', '/v1/pairs', token ? { token } : {});

  it('lets a person in with a valid token from the identity provider', async () => {
    const res = await pairs(world.tokens.mentor);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual([world.pairId]);
  });

  it('asks for a token when there is none, with WWW-Authenticate', async () => {
    const res = await pairs();
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
  });

  it('refuses expired tokens and tokens meant for another API or from another issuer', async () => {
    const sub = `sub-${world.people.mentor}`;
    const expired = await api.idp.sign({ sub, expiresIn: Math.floor(Date.now() / 1000) - 120 });
    const otherAudience = await api.idp.sign({ sub, aud: 'api://someone-else' });
    const otherIssuer = await api.idp.sign({ sub, iss: 'https://evil.example/' });
    const res = await pairs(expired);
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('The token has expired');
    expect((await pairs(otherAudience)).status).toBe(401);
    expect((await pairs(otherIssuer)).status).toBe(401);
    expect((await pairs('not-a-jwt')).status).toBe(401);
  });

  it('refuses a token signed with a shared secret or with no signature (algorithm confusion)', async () => {
    const claims = { sub: `sub-${world.people.mentor}` };
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .setIssuer(TEST_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a-secret-anyone-could-guess-0123456789'));
    expect((await pairs(hs256)).status).toBe(401);
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        ...claims,
        iss: TEST_ISSUER,
        aud: TEST_AUDIENCE,
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    expect((await pairs(`${header}.${payload}.`)).status).toBe(401);
  });

  it('refuses a valid token whose subject is nobody here', async () => {
    const res = await pairs(await api.idp.sign({ sub: 'stranger' }));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('The token does not belong to anyone here');
  });

  it('refuses, unless binding by email is on, a token whose subject is unknown but whose email matches', async () => {
    const id = await addUnboundPerson(api, world.orgId, 'never.signed.in@example.com');
    const res = await pairs(await api.idp.sign({ sub: 'entra-oid-0', email: 'never.signed.in@example.com' }));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('The token does not belong to anyone here');
    expect(await externalIdOf(api, id)).toBeNull();
  });

  it('lets a script in with a service token, stored only as a hash', async () => {
    const { token, id } = await createServiceToken(api.storage.db, world.orgId, 'HR sync');
    const res = await pairs(token);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [world.pairId, world.otherPairId].sort(),
    );
    const stored = await api.storage.db
      .selectFrom('serviceTokens')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    expect(stored?.tokenHash).not.toContain(token.slice(4));
    expect(stored?.lastUsedAt).not.toBeNull();
    expect((await pairs('rmk_made-up')).status).toBe(401);
  });
});

describe.each(testDatabases())('first sign-in with RMKIT_BIND_BY_EMAIL=1 on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database, { RMKIT_BIND_BY_EMAIL: '1' });
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const pairs = (token: string) => api.call('GET', '/v1/pairs', { token });

  it('finds a person on first sign-in by email, then binds them to that subject only', async () => {
    const id = await addUnboundPerson(api, world.orgId, 'new.joiner@example.com');
    const first = await pairs(await api.idp.sign({ sub: 'entra-oid-1', email: 'New.Joiner@example.com' }));
    expect(first.status).toBe(200);
    expect(await externalIdOf(api, id)).toBe('entra-oid-1');
    const impostor = await pairs(await api.idp.sign({ sub: 'entra-oid-2', email: 'new.joiner@example.com' }));
    expect(impostor.status).toBe(401);
    expect((await pairs(await api.idp.sign({ sub: 'entra-oid-1' }))).status).toBe(200);
  });

  it('does not trust an email the identity provider says is unverified', async () => {
    const id = await addUnboundPerson(api, world.orgId, 'unverified@example.com');
    const unverified = await api.idp.sign({
      sub: 'entra-oid-3',
      email: 'unverified@example.com',
      extra: { email_verified: false },
    });
    expect((await pairs(unverified)).status).toBe(401);
    expect(await externalIdOf(api, id)).toBeNull();

    // Binding then falls back to the sign-in name, which the administrator chose to trust.
    const byUsername = await api.idp.sign({
      sub: 'entra-oid-4',
      email: 'someone.else@example.com',
      extra: { email_verified: false, preferred_username: 'Unverified@example.com' },
    });
    expect((await pairs(byUsername)).status).toBe(200);
    expect(await externalIdOf(api, id)).toBe('entra-oid-4');
  });
});
