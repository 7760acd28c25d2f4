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

  it('finds a person on first sign-in by email, then binds them to that subject only', async () => {
    const now = new Date().toISOString();
    const id = newId('person');
    await api.storage.db
      .insertInto('people')
      .values({
        id,
        orgId: world.orgId,
        externalId: null,
        email: 'new.joiner@example.com',
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
    const first = await pairs(await api.idp.sign({ sub: 'entra-oid-1', email: 'New.Joiner@example.com' }));
    expect(first.status).toBe(200);
    const bound = await api.storage.db
      .selectFrom('people')
      .select('externalId')
      .where('id', '=', id)
      .executeTakeFirst();
    expect(bound?.externalId).toBe('entra-oid-1');
    const impostor = await pairs(await api.idp.sign({ sub: 'entra-oid-2', email: 'new.joiner@example.com' }));
    expect(impostor.status).toBe(401);
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
