import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import {
  startTestIdentityProvider,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIdentityProvider,
} from '../test-support/harness.js';
import { createOwnDatabase, type OwnDatabase } from '../test-support/process-world.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = 'f8cdef31-a31e-4b4a-93e4-5f571e91255a';
const ADMIN_ROLE = 'RmKit.Admin';

/** Builds the server as an operator would, so the test runs `dist/main.js` as shipped. */
function buildServer() {
  const manifest = createRequire(import.meta.url).resolve('typescript/package.json');
  const tsc = join(dirname(manifest), 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-b', fileURLToPath(new URL('../..', import.meta.url))]);
}

const databases = [
  { dialect: 'sqlite' as const },
  ...(process.env.TEST_DATABASE_URL ? [{ dialect: 'postgres' as const }] : []),
];

describe.each(databases)('a real organisation’s first day on $dialect', ({ dialect }) => {
  let idp: TestIdentityProvider;
  let database: OwnDatabase;
  let server: RmServerProcess;

  beforeAll(async () => {
    buildServer();
    idp = await startTestIdentityProvider();
    database = await createOwnDatabase(dialect);
    server = await startRmServer(
      {
        RMKIT_DEMO: '0',
        DATABASE_URL: database.url,
        RMKIT_JWKS_URL: idp.jwksUrl,
        RMKIT_ISSUER: TEST_ISSUER,
        RMKIT_AUDIENCE: TEST_AUDIENCE,
        RMKIT_ORG_NAME: 'Contoso Italia',
        RMKIT_ORG_LOCALE: 'it',
        RMKIT_ALLOWED_TENANTS: TENANT,
        RMKIT_ALLOWED_EMAIL_DOMAINS: 'contoso.example',
      },
      { built: true },
    );
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await idp?.close();
    await database?.drop();
  });

  /** A token as Entra ID issues it: the user's object id and tenant, name, email, app roles. */
  const entraToken = (oid: string, claims: Record<string, unknown> = {}) =>
    idp.sign({
      sub: `pairwise-${oid}`,
      extra: { oid, tid: TENANT, name: `Person ${oid}`, email: `${oid}@contoso.example`, ...claims },
    });

  const call = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: each step reads the JSON it needs
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  let programId: string;

  it('creates the organisation on the first start and says so', () => {
    const messages = server.logs().map((line) => line.msg);
    expect(messages).toContain(
      'Created the organisation "Contoso Italia": people signing in with your identity provider join it',
    );
  });

  it('makes an admin of whoever holds the app role, and that admin opens a program', async () => {
    const anna = await entraToken('anna', { name: 'Anna Bruni', roles: [ADMIN_ROLE] });
    const me = await call('GET', '/v1/me', anna);
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['admin']);
    expect(me.body.organization).toMatchObject({ name: 'Contoso Italia', defaultLocale: 'it' });
    expect(me.body.person).toMatchObject({
      externalId: 'anna',
      displayName: 'Anna Bruni',
      email: 'anna@contoso.example',
      isAdmin: true,
      locale: 'it',
    });

    const opened = await call('POST', '/v1/programs', anna, {
      name: 'Ponte digitale 2027',
      startsOn: '2027-01-11',
      endsOn: '2027-06-30',
      status: 'enrolling',
    });
    expect(opened.status).toBe(201);
    programId = opened.body.id;
  });

  it('makes an admin only while the token holds the app role, whichever way it was asked before', async () => {
    const withRole = await entraToken('anna', { name: 'Anna Bruni', roles: [ADMIN_ROLE] });
    const without = await entraToken('anna', { name: 'Anna Bruni' });
    for (const [token, roles] of [
      [without, []],
      [withRole, ['admin']],
      [without, []],
    ] as const) {
      const me = await call('GET', '/v1/me', token);
      expect(me.body.roles).toEqual(roles);
      expect(me.body.person.isAdmin).toBe(roles.length > 0);
    }
  });

  it('adds a new employee on first sign-in, who sees the open program, enrols, and administers nothing', async () => {
    const luca = await entraToken('luca', { name: 'Luca Neri' });
    const me = await call('GET', '/v1/me', luca);
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual([]);
    expect(me.body.pairs).toEqual([]);
    const lucaId = me.body.person.id;

    const programs = await call('GET', '/v1/programs', luca);
    expect(programs.body.items.map((p: { id: string }) => p.id)).toEqual([programId]);
    const enrolled = await call('POST', `/v1/programs/${programId}/enrollments`, luca, {
      personId: lucaId,
      role: 'mentor',
      topics: ['ai-tools'],
    });
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.status).toBe('applied');

    expect(
      (
        await call('POST', '/v1/programs', luca, {
          name: 'Mine',
          startsOn: '2027-01-01',
          endsOn: '2027-02-01',
        })
      ).status,
    ).toBe(403);
    const people = await call('GET', '/v1/people', luca);
    expect(people.body.items.map((p: { id: string }) => p.id)).toEqual([lucaId]);
  });

  it('adds someone once, however many of their first requests arrive together', async () => {
    const sara = await entraToken('sara');
    const answers = await Promise.all([1, 2, 3, 4].map(() => call('GET', '/v1/me', sara)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.person.id)).size).toBe(1);
  });

  it('keeps name and email as the identity provider says them', async () => {
    const renamed = await entraToken('luca', {
      name: 'Luca Neri Ferrari',
      email: 'luca.ferrari@contoso.example',
    });
    const me = await call('GET', '/v1/me', renamed);
    expect(me.body.person).toMatchObject({
      displayName: 'Luca Neri Ferrari',
      email: 'luca.ferrari@contoso.example',
    });
  });

  it('matches someone an admin added by their externalId, never adding them twice', async () => {
    const anna = await entraToken('anna', { roles: [ADMIN_ROLE] });
    const added = await call('POST', '/v1/people', anna, {
      externalId: 'giulia',
      email: 'giulia.rossi@contoso.example',
      displayName: 'Giulia Rossi',
      department: 'Marketing',
      careerStage: 'early',
      locale: 'it',
    });
    expect(added.status).toBe(201);
    const me = await call('GET', '/v1/me', await entraToken('giulia', { name: 'Giulia Rossi' }));
    expect(me.body.person).toMatchObject({
      id: added.body.id,
      department: 'Marketing',
      careerStage: 'early',
    });
  });

  it('refuses to add a second person with the email of someone added but not yet linked', async () => {
    const anna = await entraToken('anna', { roles: [ADMIN_ROLE] });
    const added = await call('POST', '/v1/people', anna, {
      email: 'marco.rinaldi@contoso.example',
      displayName: 'Marco Rinaldi',
      department: 'Finance',
      careerStage: 'executive',
      locale: 'it',
    });
    expect(added.status).toBe(201);
    const marco = await entraToken('marco', { email: 'marco.rinaldi@contoso.example' });
    const refused = await call('GET', '/v1/me', marco);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /not linked to your sign-in; ask an admin to link the account/,
    );
    const found = await call('GET', '/v1/people?q=rinaldi', anna);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual([added.body.id]);
  });

  it('refuses accounts from another tenant or email domain, and adds nobody for them', async () => {
    const anna = await entraToken('anna', { roles: [ADMIN_ROLE] });
    const before = (await call('GET', '/v1/people', anna)).body.items.length;

    const guest = await entraToken('guest', { tid: OTHER_TENANT });
    const refused = await call('GET', '/v1/me', guest);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const outsider = await entraToken('outsider', { email: 'outsider@fabrikam.example' });
    expect((await call('GET', '/v1/programs', outsider)).status).toBe(403);

    expect((await call('GET', '/v1/people', anna)).body.items.length).toBe(before);
  });

  it('takes an admin’s rights away on the next request once the role is gone from the token', async () => {
    const withoutRole = await entraToken('anna');
    const me = await call('GET', '/v1/me', withoutRole);
    expect(me.body.roles).toEqual([]);
    expect(me.body.person.isAdmin).toBe(false);
    const refused = await call('PATCH', `/v1/programs/${programId}`, withoutRole, { name: 'Renamed' });
    expect(refused.status).toBe(403);
    const withRole = await entraToken('anna', { roles: [ADMIN_ROLE] });
    expect((await call('PATCH', `/v1/programs/${programId}`, withRole, { name: 'Renamed' })).status).toBe(
      200,
    );
  });
});

describe('a first start that lacks what it needs', () => {
  it('refuses an empty database without RMKIT_ORG_NAME, and says what to set', async () => {
    buildServer();
    const database = await createOwnDatabase('sqlite');
    const idp = await startTestIdentityProvider();
    try {
      const started = startRmServer(
        {
          RMKIT_DEMO: '0',
          DATABASE_URL: database.url,
          RMKIT_JWKS_URL: idp.jwksUrl,
          RMKIT_ISSUER: TEST_ISSUER,
          RMKIT_AUDIENCE: TEST_AUDIENCE,
        },
        { built: true },
      );
      await expect(started).rejects.toThrow(/set RMKIT_ORG_NAME to your company’s name/);
    } finally {
      await idp.close();
      await database.drop();
    }
  }, 60_000);
});
