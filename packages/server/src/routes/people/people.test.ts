import { newId } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceToken } from '../../auth/service-tokens.js';
import { duringConcurrentChange, duringConcurrentWrite } from '../../test-support/concurrent-change.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

type Item = { id: string };
const ids = (body: { items: Item[] }) => body.items.map((item) => item.id);
const paths = (body: { error: { issues: { path: (string | number)[] }[] } }) =>
  body.error.issues.map((issue) => issue.path.join('.'));

let serial = 0;
function newPerson(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    email: `marta.neri.${serial}@example.com`,
    displayName: `Marta Neri ${serial}`,
    department: 'Sales',
    careerStage: 'mid',
    locale: 'it',
    ...overrides,
  };
}

describe.each(testDatabases())('people on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
    const allowed = await api.call('PATCH', '/v1/organization', {
      token: world.tokens.admin,
      body: { settings: { photoHosts: ['intranet.example.com'] } },
    });
    expect(allowed.status).toBe(200);
  });
  afterAll(() => api.close());

  const add = async (overrides: Record<string, unknown> = {}) => {
    const res = await api.call('POST', '/v1/people', {
      token: world.tokens.admin,
      body: newPerson(overrides),
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('lists everyone in the organisation to an admin, and nobody from another organisation', async () => {
    const res = await api.call('GET', '/v1/people?limit=100', { token: world.tokens.admin });
    expect(res.status).toBe(200);
    const { admin, mentor, mentee, otherMentor, otherMentee, otherOrgAdmin, otherOrgMentor } = world.people;
    expect(ids(res.body)).toEqual(expect.arrayContaining([admin, mentor, mentee, otherMentor, otherMentee]));
    expect(ids(res.body)).not.toContain(otherOrgAdmin);
    expect(ids(res.body)).not.toContain(otherOrgMentor);
    expect(res.body.nextCursor).toBeNull();
  });

  it('shows a mentor only themselves and their mentee', async () => {
    const res = await api.call('GET', '/v1/people', { token: world.tokens.mentor });
    expect(res.status).toBe(200);
    expect(ids(res.body).sort()).toEqual([world.people.mentor, world.people.mentee].sort());
    expect(res.body.items[0]).not.toHaveProperty('deletedAt');
  });

  it('filters by department, career stage and a part of the name or email in any case', async () => {
    const get = async (query: string) =>
      (await api.call('GET', `/v1/people?${query}`, { token: world.tokens.admin })).body;
    expect(ids(await get('department=Finance'))).toEqual([world.people.mentee]);
    const early = await get('careerStage=early&limit=100');
    expect(ids(early)).toEqual(expect.arrayContaining([world.people.mentor, world.people.otherMentor]));
    expect(early.items.every((p: { careerStage: string }) => p.careerStage === 'early')).toBe(true);
    expect(ids(await get('q=ROSSI'))).toEqual([world.people.mentor]);
    expect(ids(await get('q=giulia.rossi.'))).toEqual([world.people.mentor]);
    expect(ids(await get('q=rossi&department=Finance'))).toEqual([]);
    // LIKE's wildcards are matched as plain characters.
    expect(ids(await get('q=%25'))).toEqual([]);
    expect(ids(await get('q=_'))).toEqual([]);
  });

  it('keeps a member’s filters within the people they may see', async () => {
    const res = await api.call('GET', '/v1/people?careerStage=early', { token: world.tokens.mentee });
    expect(ids(res.body)).toEqual([world.people.mentor]);
  });

  it('pages through people without skipping or repeating', async () => {
    for (let i = 0; i < 3; i++) await add({ department: 'Paging' });
    const all = await api.call('GET', '/v1/people?limit=100', { token: world.tokens.admin });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.call('GET', `/v1/people${query}`, { token: world.tokens.admin });
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(all.body));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers a cursor it did not make with 400', async () => {
    const res = await api.call('GET', '/v1/people?cursor=not-ours', { token: world.tokens.admin });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(['cursor']);
  });

  it('lets an admin add a person, with the email stored in lower case', async () => {
    const body = newPerson({
      email: 'Marta.Bruni@Example.COM',
      title: 'Head of Sales',
      languages: ['it', 'en'],
    });
    const created = await api.call('POST', '/v1/people', { token: world.tokens.admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      orgId: world.orgId,
      email: 'marta.bruni@example.com',
      title: 'Head of Sales',
      managerId: null,
      timeZone: 'UTC',
      isAdmin: false,
      version: 1,
    });
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(created.headers.get('Location')).toBe(`/v1/people/${created.body.id}`);
    const read = await api.call('GET', `/v1/people/${created.body.id}`, { token: world.tokens.admin });
    expect(read.body).toEqual(created.body);
  });

  it('refuses a second person with the same email, in any case, with 409; another organisation may use it', async () => {
    const first = await add({ email: 'dario.costa@example.com' });
    const again = await api.call('POST', '/v1/people', {
      token: world.tokens.admin,
      body: newPerson({ email: 'Dario.Costa@EXAMPLE.com' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    expect(again.body.error.issues[0].path).toEqual(['email']);
    const elsewhere = await api.call('POST', '/v1/people', {
      token: world.tokens.otherOrgAdmin,
      body: newPerson({ email: 'dario.costa@example.com' }),
    });
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(first.id);
  });

  it('refuses a manager who is not in the organisation with 422 on managerId, storing nothing', async () => {
    for (const managerId of [world.people.otherOrgAdmin, 'per_00000000000000000000000000']) {
      const body = newPerson({ department: 'Nowhere', managerId });
      const res = await api.call('POST', '/v1/people', { token: world.tokens.admin, body });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('unprocessable');
      expect(res.body.error.issues).toEqual([{ path: ['managerId'], message: expect.any(String) }]);
    }
    const list = await api.call('GET', '/v1/people?department=Nowhere', { token: world.tokens.admin });
    expect(list.body.items).toEqual([]);
  });

  it('lets an admin set a manager from the organisation', async () => {
    const boss = await add();
    const report = await add({ managerId: boss.id });
    expect(report.managerId).toBe(boss.id);
  });

  it('answers a malformed person with 400 naming every bad field, storing nothing', async () => {
    const res = await api.call('POST', '/v1/people', {
      token: world.tokens.admin,
      body: { email: 'not-an-email', displayName: '', careerStage: 'intern', locale: 'it', shoeSize: 42 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(paths(res.body)).toEqual(
      expect.arrayContaining(['email', 'displayName', 'careerStage', 'department', '']),
    );
    const list = await api.call('GET', '/v1/people?q=not-an-email', { token: world.tokens.admin });
    expect(list.body.items).toEqual([]);
  });

  it('refuses members adding people with 403', async () => {
    const res = await api.call('POST', '/v1/people', { token: world.tokens.mentor, body: newPerson() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('lets the admin, the person and their partner read a profile; another pair and another organisation get 404', async () => {
    const path = `/v1/people/${world.people.mentee}`;
    for (const token of [world.tokens.admin, world.tokens.mentee, world.tokens.mentor]) {
      const res = await api.call('GET', path, { token });
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(world.people.mentee);
      expect(res.headers.get('ETag')).toBe(`"${res.body.version}"`);
    }
    for (const token of [world.tokens.otherMentor, world.tokens.otherMentee, world.tokens.otherOrgAdmin]) {
      const res = await api.call('GET', path, { token });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('lets people change their own title, languages, locale, time zone and photo', async () => {
    const path = `/v1/people/${world.people.otherMentee}`;
    const before = await api.call('GET', path, { token: world.tokens.otherMentee });
    const changes = {
      title: 'General Counsel',
      languages: ['en', 'fr'],
      locale: 'it',
      timeZone: 'Europe/London',
      photoUrl: 'https://intranet.example.com/photos/helen.jpg',
    };
    const res = await api.call('PATCH', path, {
      token: world.tokens.otherMentee,
      headers: { 'If-Match': before.headers.get('ETag') ?? '' },
      body: changes,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...changes, version: before.body.version + 1, department: 'Legal' });
    expect(res.headers.get('ETag')).toBe(`"${before.body.version + 1}"`);
  });

  it('refuses a photo over http, or on a host the organisation does not list, with 400 naming the allowed hosts, storing nothing', async () => {
    const refusals = [];
    for (const photoUrl of [
      'http://intranet.example.com/photos/marta.jpg',
      'https://tracker.example/pixel.gif',
    ]) {
      const body = newPerson({ photoUrl });
      const refused = await api.call('POST', '/v1/people', { token: world.tokens.admin, body });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
      expect(paths(refused.body)).toEqual(['photoUrl']);
      refusals.push(refused.body.error.issues[0].message);
      const list = await api.call('GET', `/v1/people?q=${encodeURIComponent(body.email)}`, {
        token: world.tokens.admin,
      });
      expect(list.body.items).toEqual([]);
    }
    expect(refusals).toEqual([
      expect.stringContaining('https'),
      expect.stringContaining('intranet.example.com'),
    ]);

    const person = await add();
    const path = `/v1/people/${person.id}`;
    const changed = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { title: 'Buyer', photoUrl: 'https://tracker.example/pixel.gif' },
    });
    expect(changed.status).toBe(400);
    expect(paths(changed.body)).toEqual(['photoUrl']);
    expect((await api.call('GET', path, { token: world.tokens.admin })).body).toEqual(person);
  });

  it('takes a photo on a listed host from an admin, and clears it with null', async () => {
    const photoUrl = 'https://intranet.example.com/photos/marta.jpg';
    const person = await add({ photoUrl });
    expect(person.photoUrl).toBe(photoUrl);
    const path = `/v1/people/${person.id}`;
    expect((await api.call('GET', path, { token: world.tokens.admin })).body.photoUrl).toBe(photoUrl);
    const cleared = await api.call('PATCH', path, { token: world.tokens.admin, body: { photoUrl: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.photoUrl).toBeNull();
  });

  it('holds people setting their own photo to the same hosts', async () => {
    const path = `/v1/people/${world.people.mentor}`;
    const before = await api.call('GET', path, { token: world.tokens.mentor });
    for (const photoUrl of ['https://tracker.example/giulia.jpg', 'http://intranet.example.com/giulia.jpg']) {
      const res = await api.call('PATCH', path, { token: world.tokens.mentor, body: { photoUrl } });
      expect(res.status).toBe(400);
      expect(paths(res.body)).toEqual(['photoUrl']);
    }
    expect((await api.call('GET', path, { token: world.tokens.mentor })).body).toEqual(before.body);
  });

  it('never shows a stored photo the organisation does not allow, in a profile, a list or /v1/me', async () => {
    // As a change of the hosts made at the same moment as a person's change could leave it.
    const person = await add({ externalId: `sub-photo-${serial}` });
    await api.storage.db
      .updateTable('people')
      .set({ photoUrl: 'https://tracker.example/pixel.gif' })
      .where('id', '=', person.id)
      .execute();
    const token = await api.idp.sign({ sub: person.externalId });
    const path = `/v1/people/${person.id}`;
    expect((await api.call('GET', path, { token: world.tokens.admin })).body.photoUrl).toBeNull();
    const list = await api.call('GET', `/v1/people?q=${encodeURIComponent(person.email)}`, {
      token: world.tokens.admin,
    });
    expect(list.body.items.map((p: { photoUrl: string | null }) => p.photoUrl)).toEqual([null]);
    expect((await api.call('GET', '/v1/me', { token })).body.person.photoUrl).toBeNull();
    // Their next change stores what was shown.
    await api.call('PATCH', path, { token, body: { title: 'Buyer' } });
    const stored = await api.storage.db
      .selectFrom('people')
      .select('photoUrl')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(stored.photoUrl).toBeNull();
  });

  it('refuses people changing their own department, career stage, email or admin flag with 403', async () => {
    const path = `/v1/people/${world.people.mentor}`;
    const before = await api.call('GET', path, { token: world.tokens.mentor });
    for (const body of [
      { department: 'Board' },
      { careerStage: 'executive' },
      { isAdmin: true },
      { title: 'X', email: 'me@example.com' },
    ]) {
      const res = await api.call('PATCH', path, { token: world.tokens.mentor, body });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const after = await api.call('GET', path, { token: world.tokens.mentor });
    expect(after.body).toEqual(before.body);
  });

  it('refuses a partner changing a profile with 403, and anyone else with 404', async () => {
    const path = `/v1/people/${world.people.mentee}`;
    expect(
      (await api.call('PATCH', path, { token: world.tokens.mentor, body: { title: 'CFO' } })).status,
    ).toBe(403);
    for (const token of [world.tokens.otherMentor, world.tokens.otherOrgAdmin]) {
      expect((await api.call('PATCH', path, { token, body: { title: 'CFO' } })).status).toBe(404);
      expect((await api.call('DELETE', path, { token })).status).toBe(404);
    }
  });

  it('lets an admin change any field and refuses a stale If-Match with 412', async () => {
    const person = await add();
    const path = `/v1/people/${person.id}`;
    const changed = await api.call('PATCH', path, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: {
        department: 'Strategy',
        careerStage: 'executive',
        isAdmin: true,
        email: 'New.Address@Example.com',
      },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      department: 'Strategy',
      careerStage: 'executive',
      isAdmin: true,
      email: 'new.address@example.com',
      version: 2,
    });
    const stale = await api.call('PATCH', path, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: { department: 'Overwritten' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    expect(stale.headers.get('ETag')).toBe('"2"');
    expect((await api.call('GET', path, { token: world.tokens.admin })).body.department).toBe('Strategy');
  });

  it('refuses moving someone onto another person’s email with 409', async () => {
    const person = await add();
    const taken = (await api.call('GET', `/v1/people/${world.people.mentor}`, { token: world.tokens.admin }))
      .body.email;
    const res = await api.call('PATCH', `/v1/people/${person.id}`, {
      token: world.tokens.admin,
      body: { email: taken.toUpperCase() },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.issues[0].path).toEqual(['email']);
  });

  it('refuses a reporting line that loops back on itself with 422 on managerId', async () => {
    const boss = await add();
    const report = await add({ managerId: boss.id });
    for (const managerId of [report.id, boss.id]) {
      const res = await api.call('PATCH', `/v1/people/${boss.id}`, {
        token: world.tokens.admin,
        body: { managerId },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.issues[0].path).toEqual(['managerId']);
    }
  });

  it('answers an invalid change with 400 on the field', async () => {
    const res = await api.call('PATCH', `/v1/people/${world.people.mentor}`, {
      token: world.tokens.mentor,
      body: { locale: 'fr', timeZone: 'Mars/Olympus' },
    });
    expect(res.status).toBe(400);
    expect(paths(res.body).sort()).toEqual(['locale', 'timeZone']);
  });

  it('lets only an admin remove a person, who then disappears and can no longer sign in', async () => {
    const person = await add({ externalId: `sub-leaver-${serial}` });
    const token = await api.idp.sign({ sub: person.externalId });
    expect((await api.call('GET', '/v1/people', { token })).status).toBe(200);
    expect((await api.call('DELETE', `/v1/people/${person.id}`, { token })).status).toBe(403);

    const removed = await api.call('DELETE', `/v1/people/${person.id}`, { token: world.tokens.admin });
    expect(removed.status).toBe(204);
    expect((await api.call('GET', `/v1/people/${person.id}`, { token: world.tokens.admin })).status).toBe(
      404,
    );
    const list = await api.call('GET', '/v1/people?limit=100', { token: world.tokens.admin });
    expect(ids(list.body)).not.toContain(person.id);
    expect((await api.call('GET', '/v1/people', { token })).status).toBe(401);
  });
  it('refuses anyone re-binding a signed-in person, so their private notes stay theirs', async () => {
    const sessionId = (
      await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
        token: world.tokens.mentor,
        body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z' },
      })
    ).body.id;
    const note = await api.call('POST', `/v1/sessions/${sessionId}/notes`, {
      token: world.tokens.mentor,
      body: { text: 'Only mine' },
    });
    expect(note.status).toBe(201);
    const path = `/v1/people/${world.people.mentor}`;
    const before = await api.call('GET', path, { token: world.tokens.admin });
    const serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR sync')).token;

    for (const token of [world.tokens.admin, serviceToken]) {
      for (const [field, value] of [
        ['externalId', 'sub-attacker'],
        ['externalId', null],
        ['email', 'attacker@example.com'],
      ] as const) {
        const res = await api.call('PATCH', path, { token, body: { [field]: value } });
        expect(res.status).toBe(422);
        expect(res.body.error.code).toBe('unprocessable');
        expect(res.body.error.issues.map((i: { path: string[] }) => i.path)).toEqual([[field]]);
      }
    }
    expect((await api.call('GET', path, { token: world.tokens.admin })).body).toEqual(before.body);

    // Neither the subject the attacker wanted bound, nor their email, nor the person's own email reaches the note.
    for (const claims of [
      { sub: 'sub-attacker' },
      { sub: 'sub-attacker', email: 'attacker@example.com' },
      { sub: 'sub-attacker', email: before.body.email },
    ]) {
      const token = await api.idp.sign(claims);
      expect((await api.call('GET', `/v1/notes/${note.body.id}`, { token })).status).toBe(401);
    }
    expect((await api.call('GET', `/v1/notes/${note.body.id}`, { token: world.tokens.mentor })).status).toBe(
      200,
    );
    // Sending the values they already have changes nothing, and is no refusal.
    const same = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { externalId: before.body.externalId, email: before.body.email.toUpperCase(), title: 'Analyst' },
    });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ externalId: before.body.externalId, title: 'Analyst' });
  });

  it('lets an admin, not a service token, set the email and subject of someone yet to sign in', async () => {
    const serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR sync')).token;
    const person = await add();
    expect(person.externalId).toBeNull();
    const path = `/v1/people/${person.id}`;
    for (const body of [{ email: 'script@example.com' }, { externalId: 'sub-script' }]) {
      const res = await api.call('PATCH', path, { token: serviceToken, body });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await api.call('PATCH', path, { token: serviceToken, body: { title: 'Buyer' } })).status).toBe(
      200,
    );

    const provisioned = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { email: `Provisioned.${serial}@Example.com`, externalId: `sub-provisioned-${serial}` },
    });
    expect(provisioned.status).toBe(200);
    expect(provisioned.body).toMatchObject({
      email: `provisioned.${serial}@example.com`,
      externalId: `sub-provisioned-${serial}`,
    });
    const token = await api.idp.sign({ sub: `sub-provisioned-${serial}` });
    expect((await api.call('GET', path, { token })).status).toBe(200);
    const rebind = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { externalId: 'sub-x' },
    });
    expect(rebind.status).toBe(422);
    expect(rebind.body.error.issues[0].path).toEqual(['externalId']);
  });

  it.skipIf(database.dialect === 'sqlite')(
    'neither undoes nor overrides a first sign-in made while a change is under way (PostgreSQL)',
    async () => {
      for (const change of [{ title: 'Buyer' }, { externalId: 'sub-attacker-2' }]) {
        const person = await add();
        const subject = `sub-first-sign-in-${serial}`;
        // Sign-in binds the subject without a new version, as auth/authenticate.ts does.
        const signIn = {
          sql: 'update people set external_id = $1 where id = $2',
          params: [subject, person.id],
        };
        const res = await duringConcurrentWrite(api, signIn, () =>
          api.call('PATCH', `/v1/people/${person.id}`, { token: world.tokens.admin, body: change }),
        );
        expect(res.status).toBe(412);
        expect(res.headers.get('ETag')).toBe('"1"');
        const read = await api.call('GET', `/v1/people/${person.id}`, { token: world.tokens.admin });
        expect(read.body).toMatchObject({ externalId: subject, title: null, version: 1 });
      }
    },
  );

  it('refuses a service token making anyone an admin with 403', async () => {
    const serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR sync')).token;
    const path = `/v1/people/${world.people.mentee}`;
    const res = await api.call('PATCH', path, { token: serviceToken, body: { isAdmin: true } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect((await api.call('GET', path, { token: world.tokens.admin })).body.isAdmin).toBe(false);
    const created = await api.call('POST', '/v1/people', {
      token: serviceToken,
      body: newPerson({ isAdmin: true, externalId: 'sub-script-admin' }),
    });
    expect(created.status).toBe(403);
    const signIn = await api.idp.sign({ sub: 'sub-script-admin' });
    expect((await api.call('GET', '/v1/people', { token: signIn })).status).toBe(401);
    // Without the admin flag, a script may still add people.
    expect((await api.call('POST', '/v1/people', { token: serviceToken, body: newPerson() })).status).toBe(
      201,
    );
  });

  it('refuses an admin changing their own admin flag with 422; another admin may', async () => {
    const self = await api.call('PATCH', `/v1/people/${world.people.admin}`, {
      token: world.tokens.admin,
      body: { isAdmin: false },
    });
    expect(self.status).toBe(422);
    expect(self.body.error.issues[0].path).toEqual(['isAdmin']);
    const read = await api.call('GET', `/v1/people/${world.people.admin}`, { token: world.tokens.admin });
    expect(read.body.isAdmin).toBe(true);
    const colleague = await add({ isAdmin: true });
    const demoted = await api.call('PATCH', `/v1/people/${colleague.id}`, {
      token: world.tokens.admin,
      body: { isAdmin: false },
    });
    expect(demoted.status).toBe(200);
    expect(demoted.body.isAdmin).toBe(false);
  });

  it('adds one person of three sent at once with one email, refusing the others with 409', async () => {
    const body = newPerson();
    const sent = await Promise.all(
      [1, 2, 3].map(() => api.call('POST', '/v1/people', { token: world.tokens.admin, body })),
    );
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const refused of sent.filter((r) => r.status === 409)) {
      expect(refused.body.error.code).toBe('conflict');
      expect(refused.body.error.issues[0].path).toEqual(['email']);
    }
    const found = await api.call('GET', `/v1/people?q=${encodeURIComponent(body.email)}`, {
      token: world.tokens.admin,
    });
    expect(found.body.items).toHaveLength(1);
  });

  it('adds one person of three sent at once with one subject, refusing the others with 409', async () => {
    const externalId = `sub-race-${serial}`;
    const sent = await Promise.all(
      [1, 2, 3].map(() =>
        api.call('POST', '/v1/people', { token: world.tokens.admin, body: newPerson({ externalId }) }),
      ),
    );
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const refused of sent.filter((r) => r.status === 409)) {
      expect(refused.body.error.issues[0].path).toEqual(['externalId']);
    }
  });

  it.skipIf(database.dialect === 'sqlite')(
    'answers 409, not 500, when another request stores the same email or subject first (PostgreSQL)',
    async () => {
      /** Another request's new person, written but not yet committed when this one checks. */
      const rival = (email: string, externalId: string | null) => ({
        sql: `insert into people (id, org_id, external_id, email, display_name, department, career_stage,
                locale, languages, time_zone, is_admin, created_at, updated_at, version)
              values ($1, $2, $3, $4, 'Rival', 'Sales', 'mid', 'en', '[]', 'UTC', 0, $5, $5, 1)`,
        params: [newId('person'), world.orgId, externalId, email, new Date().toISOString()],
      });
      const body = { ...newPerson(), externalId: `sub-rival-${serial}` };
      for (const [statement, field] of [
        [rival(body.email, null), 'email'],
        [rival(`other.${body.email}`, body.externalId), 'externalId'],
      ] as const) {
        const res = await duringConcurrentWrite(api, statement, () =>
          api.call('POST', '/v1/people', { token: world.tokens.admin, body }),
        );
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('conflict');
        expect(res.body.error.issues[0].path).toEqual([field]);
        await api.storage.db.deleteFrom('people').where('displayName', '=', 'Rival').execute();
      }
    },
  );

  it('finds accented names in any case, the same on every database', async () => {
    const elena = await add({ displayName: 'Èlena Ñúñez', department: 'Accents' });
    // The same name typed with combining accents (as some systems store it).
    const decomposed = await add({
      displayName: 'E\u0300lena Nun\u0303ez'.normalize('NFD'),
      department: 'Accents',
    });
    const search = async (q: string) =>
      ids(
        (
          await api.call('GET', `/v1/people?department=Accents&q=${encodeURIComponent(q)}`, {
            token: world.tokens.admin,
          })
        ).body,
      );
    expect(await search('èlena')).toEqual([elena.id, decomposed.id].sort());
    expect(await search('ÈLENA')).toEqual([elena.id, decomposed.id].sort());
    expect(await search('ÑÚÑEZ')).toEqual([elena.id]);
    expect(await search('elena')).toEqual([]);
    const sigma = await add({ displayName: 'ΟΔΥΣΣΕΥΣ Straße', department: 'Accents' });
    expect(await search('οδυσσευς')).toEqual([sigma.id]);
    expect(await search('STRASSE')).toEqual([sigma.id]);
  });

  it('pages through a search without skipping or repeating, however sparse the matches', async () => {
    const matching: string[] = [];
    for (let i = 0; i < 5; i++) {
      await add({ department: 'Sparse', displayName: `Filler ${i}` });
      matching.push((await add({ department: 'Sparse', displayName: `Ñandú ${i}` })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `department=Sparse&q=%C3%B1and%C3%BA&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.call('GET', `/v1/people?${query}`, { token: world.tokens.admin });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual([...matching].sort());
    expect(pages).toBe(3);
  });

  it.skipIf(database.dialect === 'sqlite')(
    'refuses removing a person changed since it was read with 412 (PostgreSQL: a concurrent change)',
    async () => {
      const person = await add();
      const removed = await duringConcurrentChange(api, { table: 'people', id: person.id }, () =>
        api.call('DELETE', `/v1/people/${person.id}`, { token: world.tokens.admin }),
      );
      expect(removed.status).toBe(412);
      expect(removed.headers.get('ETag')).toBe('"2"');
      const read = await api.call('GET', `/v1/people/${person.id}`, { token: world.tokens.admin });
      expect(read.body.version).toBe(2);
      expect(
        (await api.call('DELETE', `/v1/people/${person.id}`, { token: world.tokens.admin })).status,
      ).toBe(204);
    },
  );
});
