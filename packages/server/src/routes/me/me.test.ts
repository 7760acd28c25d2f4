import { meSchema } from '@rm-kit/core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { API_VERSION } from '../../app-version.js';
import { createDemoAuthority } from '../../auth/demo-authority.js';
import { remoteIssuer } from '../../auth/tokens.js';
import {
  createTestApi,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestApi,
  testDatabases,
} from '../../test-support/harness.js';
import { runningPair } from '../../test-support/running-pair.js';
import { createWorld, type World } from '../../test-support/world.js';

describe.each(testDatabases())('me on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const me = async (token: string) => {
    const res = await api.call('GET', '/v1/me', { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('gives each person their own answer, changed as soon as their pair is (asked again, as a page does)', async () => {
    const mentor = await me(world.tokens.mentor);
    const mentee = await me(world.tokens.mentee);
    expect([mentor.person.id, mentee.person.id]).toEqual([world.people.mentor, world.people.mentee]);
    expect([mentor.roles, mentee.roles]).toEqual([['mentor'], ['mentee']]);
    expect(await me(world.tokens.mentor)).toEqual(mentor);

    const paused = await api.call('PATCH', `/v1/pairs/${world.pairId}`, {
      token: world.tokens.mentee,
      body: { status: 'paused' },
    });
    expect(paused.status).toBe(200);
    const after = await me(world.tokens.mentor);
    expect(after.pairs.find((pair: { id: string }) => pair.id === world.pairId).status).toBe('paused');
    const resumed = await api.call('PATCH', `/v1/pairs/${world.pairId}`, {
      token: world.tokens.mentee,
      body: { status: 'active' },
    });
    expect(resumed.status).toBe(200);
  });

  it('tells a mentor who they are, their organisation, their pair and their role', async () => {
    const body = await me(world.tokens.mentor);
    expect(body).toEqual({
      person: expect.objectContaining({
        id: world.people.mentor,
        displayName: 'Giulia Rossi',
        careerStage: 'early',
      }),
      organization: { id: world.orgId, name: 'Contoso', defaultLocale: 'en' },
      roles: ['mentor'],
      pairs: [
        expect.objectContaining({
          id: world.pairId,
          mentorId: world.people.mentor,
          menteeId: world.people.mentee,
        }),
      ],
      demo: false,
      apiVersion: API_VERSION,
    });
  });

  it('gives the mentee the mentee role, and an admin outside any pair the admin role alone', async () => {
    const mentee = await me(world.tokens.mentee);
    expect(mentee.roles).toEqual(['mentee']);
    expect(mentee.pairs.map((p: { id: string }) => p.id)).toEqual([world.pairId]);
    const admin = await me(world.tokens.admin);
    expect(admin).toMatchObject({
      roles: ['admin'],
      pairs: [],
      person: { id: world.people.admin, isAdmin: true },
    });
  });

  it('counts someone on both sides of two pairs as mentor and mentee, and forgets a removed pair', async () => {
    const pairId = await runningPair(api, world, {
      mentorId: world.people.mentee,
      menteeId: world.people.otherMentee,
    });
    const both = await me(world.tokens.mentee);
    expect(both.roles).toEqual(['mentor', 'mentee']);
    expect(both.pairs.map((p: { id: string }) => p.id).sort()).toEqual([world.pairId, pairId].sort());

    expect((await api.call('DELETE', `/v1/pairs/${pairId}`, { token: world.tokens.admin })).status).toBe(204);
    const after = await me(world.tokens.mentee);
    expect(after.roles).toEqual(['mentee']);
    expect(after.pairs.map((p: { id: string }) => p.id)).toEqual([world.pairId]);
  });

  it('describes a service token as a service with no person and no pairs', async () => {
    const created = await api.call('POST', '/v1/service-tokens', {
      token: world.tokens.admin,
      body: { name: 'Reports' },
    });
    const body = await me(created.body.token);
    expect(body).toEqual({
      person: null,
      organization: { id: world.orgId, name: 'Contoso', defaultLocale: 'en' },
      roles: ['service'],
      pairs: [],
      demo: false,
      apiVersion: API_VERSION,
    });
  });

  it('keeps each caller to their own organisation', async () => {
    const body = await me(world.tokens.otherOrgMentor);
    expect(body.organization).toEqual({ id: world.otherOrgId, name: 'Fabrikam', defaultLocale: 'en' });
    expect(body.pairs.map((p: { id: string }) => p.id)).toEqual([world.otherOrgPairId]);
  });

  it('answers 401 without a token', async () => {
    const res = await api.call('GET', '/v1/me');
    expect(res.status).toBe(401);
  });

  it('says so when the server runs in demo mode', async () => {
    const demoApp = createApp({
      config: api.config,
      storage: api.storage,
      bus: api.bus,
      issuers: [remoteIssuer(api.idp.jwksUrl, TEST_ISSUER, TEST_AUDIENCE)],
      logger: pino({ level: 'silent' }),
      demo: await createDemoAuthority(api.storage.db),
    });
    const res = await demoApp.request('/v1/me', {
      headers: { Authorization: `Bearer ${world.tokens.mentor}` },
    });
    expect(res.status).toBe(200);
    expect(meSchema.parse(await res.json()).demo).toBe(true);
  });
});
