import { newId } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duringConcurrentChange, duringConcurrentWrite } from '../../test-support/concurrent-change.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

type Item = { id: string };
const ids = (body: { items: Item[] }) => body.items.map((item) => item.id);

describe.each(testDatabases())('enrollments on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  /** A program open for enrolment, offering two topics only. */
  let openId: string;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
    const open = await api.call('POST', '/v1/programs', {
      token: world.tokens.admin,
      body: {
        name: 'Digital Bridge 2027',
        startsOn: '2027-01-11',
        endsOn: '2027-06-30',
        status: 'enrolling',
        topics: ['ai-tools', 'social-media'],
      },
    });
    openId = open.body.id;
  });
  afterAll(() => api.close());

  const enrollmentsOf = (programId: string) => `/v1/programs/${programId}/enrollments`;
  const asMentor = (personId: string, overrides: Record<string, unknown> = {}) => ({
    personId,
    role: 'mentor',
    topics: ['ai-tools'],
    ...overrides,
  });
  const enrol = async (token: string, body: Record<string, unknown>, programId = openId) => {
    const res = await api.call('POST', enrollmentsOf(programId), { token, body });
    expect(res.status).toBe(201);
    return res.body;
  };
  let newcomers = 0;
  const addPerson = async () => {
    newcomers += 1;
    const res = await api.call('POST', '/v1/people', {
      token: world.tokens.admin,
      body: {
        externalId: `sub-newcomer-${newcomers}`,
        email: `newcomer.${newcomers}@example.com`,
        displayName: `Newcomer ${newcomers}`,
        department: 'Sales',
        careerStage: 'early',
        locale: 'en',
      },
    });
    return { id: res.body.id as string, token: await api.idp.sign({ sub: res.body.externalId }) };
  };

  it('lets a member enrol themselves while the program is enrolling, always as applied', async () => {
    const created = await api.call('POST', enrollmentsOf(openId), {
      token: world.tokens.otherMentor,
      body: asMentor(world.people.otherMentor, {
        capacity: 2,
        motivation: 'I use AI tools daily',
        status: 'accepted',
      }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      programId: openId,
      personId: world.people.otherMentor,
      role: 'mentor',
      capacity: 2,
      status: 'applied',
      version: 1,
    });
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(created.headers.get('Location')).toBe(`/v1/enrollments/${created.body.id}`);
    const read = await api.call('GET', `/v1/enrollments/${created.body.id}`, {
      token: world.tokens.otherMentor,
    });
    expect(read.body).toEqual(created.body);
  });

  it("takes the person's own languages when an enrolment names none, and keeps the slots given", async () => {
    const { id: personId, token } = await addPerson();
    await api.call('PATCH', `/v1/people/${personId}`, {
      token: world.tokens.admin,
      body: { languages: ['it', 'en-GB'] },
    });
    const created = await enrol(token, asMentor(personId, { availability: ['tue-pm', 'mon-am'] }));
    expect(created).toMatchObject({ languages: ['it', 'en-GB'], availability: ['tue-pm', 'mon-am'] });
    const changed = await api.call('PATCH', `/v1/enrollments/${created.id}`, {
      token,
      body: { languages: ['fr'], availability: [] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ languages: ['fr'], availability: [] });
    const own = await enrol(world.tokens.admin, {
      personId: (await addPerson()).id,
      role: 'mentee',
      topics: ['ai-tools'],
      languages: ['de'],
    });
    expect(own).toMatchObject({ languages: ['de'], availability: [] });
  });

  it('refuses a slot named twice, an unknown slot or a malformed language with 400', async () => {
    const { id: personId } = await addPerson();
    const send = (body: Record<string, unknown>) =>
      api.call('POST', enrollmentsOf(openId), { token: world.tokens.admin, body: asMentor(personId, body) });
    const twice = await send({ availability: ['mon-am', 'mon-am'] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.issues).toEqual([{ path: ['availability'], message: 'Name each slot once' }]);
    const unknown = await send({ availability: ['mon-am', 'sat-am'], languages: ['Italian'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues.map((i: { path: unknown[] }) => i.path.join('.')).sort()).toEqual([
      'availability.1',
      'languages.0',
    ]);
    const list = await api.call('GET', `${enrollmentsOf(openId)}?limit=100`, { token: world.tokens.admin });
    expect(list.body.items.map((e: { personId: string }) => e.personId)).not.toContain(personId);
  });

  it('refuses enrolling the same person twice in a program with 409', async () => {
    const { id: personId } = await addPerson();
    await enrol(world.tokens.admin, asMentor(personId));
    const again = await api.call('POST', enrollmentsOf(openId), {
      token: world.tokens.admin,
      body: asMentor(personId, { role: 'mentee' }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
  });

  it('refuses a member enrolling someone else with 403', async () => {
    const res = await api.call('POST', enrollmentsOf(openId), {
      token: world.tokens.mentor,
      body: { ...asMentor(world.people.mentee), role: 'mentee' },
    });
    expect(res.status).toBe(403);
  });

  it('refuses members enrolling once a program is past enrolment with 422, and in a draft with 404', async () => {
    const active = await api.call('POST', enrollmentsOf(world.programId), {
      token: world.tokens.mentor,
      body: asMentor(world.people.mentor),
    });
    expect(active.status).toBe(422);
    expect(active.body.error.code).toBe('unprocessable');
    const draft = await api.call('POST', '/v1/programs', {
      token: world.tokens.admin,
      body: { name: 'Not yet', startsOn: '2027-01-11', endsOn: '2027-06-30' },
    });
    const hidden = await api.call('POST', enrollmentsOf(draft.body.id), {
      token: world.tokens.mentor,
      body: asMentor(world.people.mentor),
    });
    expect(hidden.status).toBe(404);
  });

  it('lets an admin enrol anyone, in any program, with any status', async () => {
    const created = await enrol(
      world.tokens.admin,
      { personId: world.people.mentee, role: 'mentee', topics: ['social-media'], status: 'accepted' },
      world.programId,
    );
    expect(created).toMatchObject({
      personId: world.people.mentee,
      role: 'mentee',
      status: 'accepted',
      capacity: 1,
    });
  });

  it('refuses someone who is not in the organisation with 422 on personId', async () => {
    for (const personId of [world.people.otherOrgMentor, 'per_00000000000000000000000000']) {
      const res = await api.call('POST', enrollmentsOf(openId), {
        token: world.tokens.admin,
        body: asMentor(personId),
      });
      expect(res.status).toBe(422);
      expect(res.body.error.issues).toEqual([{ path: ['personId'], message: expect.any(String) }]);
    }
  });

  it('refuses a topic the program does not offer with 422 on that topic', async () => {
    const { id: personId } = await addPerson();
    const res = await api.call('POST', enrollmentsOf(openId), {
      token: world.tokens.admin,
      body: asMentor(personId, { topics: ['ai-tools', 'strategy'] }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error.issues[0].path).toEqual(['topics', 1]);
  });

  it('answers a mentee asking for more than one pair, or a malformed body, with 400 on the fields', async () => {
    const { id: personId } = await addPerson();
    const res = await api.call('POST', enrollmentsOf(openId), {
      token: world.tokens.admin,
      body: { personId, role: 'mentee', topics: ['ai-tools'], capacity: 2 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([
      { path: ['capacity'], message: expect.stringMatching(/one pair/) },
    ]);
    const bad = await api.call('POST', enrollmentsOf(openId), {
      token: world.tokens.admin,
      body: { personId, role: 'sponsor', topics: [], capacity: 9 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string[] }) => i.path.join('.')).sort()).toEqual([
      'capacity',
      'role',
      'topics',
    ]);
    const list = await api.call('GET', `${enrollmentsOf(openId)}?limit=100`, { token: world.tokens.admin });
    expect(list.body.items.map((e: { personId: string }) => e.personId)).not.toContain(personId);
  });

  it('lists every enrolment to an admin, by role and status, and only their own to a member', async () => {
    const mentee = await enrol(world.tokens.admin, {
      personId: (await addPerson()).id,
      role: 'mentee',
      topics: ['ai-tools'],
    });
    const mentor = await enrol(world.tokens.mentor, asMentor(world.people.mentor));
    const all = await api.call('GET', `${enrollmentsOf(openId)}?limit=100`, { token: world.tokens.admin });
    expect(ids(all.body)).toEqual(expect.arrayContaining([mentee.id, mentor.id]));
    const mentees = await api.call('GET', `${enrollmentsOf(openId)}?role=mentee&limit=100`, {
      token: world.tokens.admin,
    });
    expect(ids(mentees.body)).toContain(mentee.id);
    expect(mentees.body.items.every((e: { role: string }) => e.role === 'mentee')).toBe(true);
    const applied = await api.call('GET', `${enrollmentsOf(openId)}?status=accepted`, {
      token: world.tokens.admin,
    });
    expect(applied.body.items).toEqual([]);
    const own = await api.call('GET', enrollmentsOf(openId), { token: world.tokens.mentor });
    expect(ids(own.body)).toEqual([mentor.id]);
  });

  it('pages through enrolments without skipping or repeating', async () => {
    const all = await api.call('GET', `${enrollmentsOf(openId)}?limit=100`, { token: world.tokens.admin });
    expect(all.body.items.length).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.call('GET', `${enrollmentsOf(openId)}${query}`, { token: world.tokens.admin });
      seen.push(...ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(all.body));
  });

  it('lets the enrolled person and admins read an enrolment; their partner, others and another organisation get 404', async () => {
    const enrollment = await enrol(world.tokens.otherMentee, {
      personId: world.people.otherMentee,
      role: 'mentee',
      topics: ['social-media'],
    });
    const path = `/v1/enrollments/${enrollment.id}`;
    for (const token of [world.tokens.otherMentee, world.tokens.admin]) {
      expect((await api.call('GET', path, { token })).status).toBe(200);
    }
    for (const token of [world.tokens.otherMentor, world.tokens.mentee, world.tokens.otherOrgAdmin]) {
      expect((await api.call('GET', path, { token })).status).toBe(404);
      expect((await api.call('PATCH', path, { token, body: { motivation: 'x' } })).status).toBe(404);
      expect((await api.call('DELETE', path, { token })).status).toBe(404);
    }
    const otherOrg = await api.call('GET', enrollmentsOf(openId), { token: world.tokens.otherOrgAdmin });
    expect(otherOrg.status).toBe(404);
  });

  it('lets the enrolled person change their topics, motivation and capacity, and withdraw', async () => {
    const { id: personId, token } = await addPerson();
    const enrollment = await enrol(token, asMentor(personId));
    const path = `/v1/enrollments/${enrollment.id}`;
    const changed = await api.call('PATCH', path, {
      token,
      headers: { 'If-Match': '"1"' },
      body: { topics: ['social-media', 'ai-tools'], motivation: 'Two topics', capacity: 3 },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ topics: ['social-media', 'ai-tools'], capacity: 3, version: 2 });
    expect(changed.headers.get('ETag')).toBe('"2"');
    const withdrawn = await api.call('PATCH', path, { token, body: { status: 'withdrawn' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('refuses a member accepting or declining their own enrolment with 403', async () => {
    const enrollment = (await api.call('GET', enrollmentsOf(openId), { token: world.tokens.mentor })).body
      .items[0];
    for (const status of ['accepted', 'declined']) {
      const res = await api.call('PATCH', `/v1/enrollments/${enrollment.id}`, {
        token: world.tokens.mentor,
        body: { status },
      });
      expect(res.status).toBe(403);
    }
    const read = await api.call('GET', `/v1/enrollments/${enrollment.id}`, { token: world.tokens.mentor });
    expect(read.body.status).toBe('applied');
  });

  it('lets an admin accept an enrolment, and refuses a stale If-Match with 412', async () => {
    const enrollment = await enrol(world.tokens.admin, asMentor((await addPerson()).id));
    const path = `/v1/enrollments/${enrollment.id}`;
    const accepted = await api.call('PATCH', path, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: { status: 'accepted' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const stale = await api.call('PATCH', path, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: { status: 'declined' },
    });
    expect(stale.status).toBe(412);
    expect((await api.call('GET', path, { token: world.tokens.admin })).body.status).toBe('accepted');
  });

  it('refuses giving a mentee more than one pair with 400 on capacity, and topics the program lacks with 422', async () => {
    const enrollment = await enrol(world.tokens.admin, {
      personId: (await addPerson()).id,
      role: 'mentee',
      topics: ['ai-tools'],
    });
    const path = `/v1/enrollments/${enrollment.id}`;
    const capacity = await api.call('PATCH', path, { token: world.tokens.admin, body: { capacity: 2 } });
    expect(capacity.status).toBe(400);
    expect(capacity.body.error.code).toBe('validation_failed');
    expect(capacity.body.error.issues[0].path).toEqual(['capacity']);
    const topics = await api.call('PATCH', path, { token: world.tokens.admin, body: { topics: ['career'] } });
    expect(topics.status).toBe(422);
    expect(topics.body.error.issues[0].path).toEqual(['topics', 0]);
    expect((await api.call('GET', path, { token: world.tokens.admin })).body).toEqual(enrollment);
  });

  it('lets only an admin remove an enrolment, after which the person may enrol again', async () => {
    const enrollment = (await api.call('GET', enrollmentsOf(openId), { token: world.tokens.mentor })).body
      .items[0];
    const path = `/v1/enrollments/${enrollment.id}`;
    expect((await api.call('DELETE', path, { token: world.tokens.mentor })).status).toBe(403);
    expect((await api.call('DELETE', path, { token: world.tokens.admin })).status).toBe(204);
    expect((await api.call('GET', path, { token: world.tokens.admin })).status).toBe(404);
    const list = await api.call('GET', enrollmentsOf(openId), { token: world.tokens.mentor });
    expect(list.body.items).toEqual([]);

    const again = await enrol(
      world.tokens.mentor,
      asMentor(world.people.mentor, { motivation: 'Second try' }),
    );
    expect(again).toMatchObject({ id: enrollment.id, motivation: 'Second try', status: 'applied' });
    expect(again.version).toBeGreaterThan(enrollment.version);
  });

  it('hides the enrolments of a program a member may not see', async () => {
    const draft = await api.call('POST', '/v1/programs', {
      token: world.tokens.admin,
      body: { name: 'Quiet draft', startsOn: '2027-01-11', endsOn: '2027-06-30' },
    });
    const enrollment = await enrol(world.tokens.admin, asMentor(world.people.otherMentor), draft.body.id);
    expect(
      (await api.call('GET', `/v1/enrollments/${enrollment.id}`, { token: world.tokens.otherMentor })).status,
    ).toBe(404);
    expect(
      (await api.call('GET', enrollmentsOf(draft.body.id), { token: world.tokens.otherMentor })).status,
    ).toBe(404);
  });
  it('enrols someone once of three requests sent at once, refusing the others with 409', async () => {
    const person = await addPerson();
    const sent = await Promise.all(
      [1, 2, 3].map(() =>
        api.call('POST', enrollmentsOf(openId), { token: world.tokens.admin, body: asMentor(person.id) }),
      ),
    );
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const id = sent.find((r) => r.status === 201)?.body.id;
    for (const refused of sent.filter((r) => r.status === 409)) {
      expect(refused.body.error.code).toBe('conflict');
      expect(refused.body.error.issues).toEqual([
        { path: ['personId'], message: expect.stringContaining(id) },
      ]);
    }
  });

  it.skipIf(database.dialect === 'sqlite')(
    'answers 409, not 500, when another request enrols the same person first (PostgreSQL)',
    async () => {
      const person = await addPerson();
      const rivalId = newId('enrollment');
      const now = new Date().toISOString();
      const res = await duringConcurrentWrite(
        api,
        {
          sql: `insert into enrollments (id, org_id, program_id, person_id, role, topics, capacity, motivation,
                  status, created_at, updated_at, version)
                values ($1, $2, $3, $4, 'mentor', '["ai-tools"]', 1, '', 'applied', $5, $5, 1)`,
          params: [rivalId, world.orgId, openId, person.id, now],
        },
        () =>
          api.call('POST', enrollmentsOf(openId), { token: world.tokens.admin, body: asMentor(person.id) }),
      );
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
      expect(res.body.error.issues).toEqual([
        { path: ['personId'], message: expect.stringContaining(rivalId) },
      ]);
    },
  );

  it('enrols a removed person again once of three requests sent at once, refusing the others with 409', async () => {
    const person = await addPerson();
    const first = await enrol(world.tokens.admin, asMentor(person.id));
    expect(
      (await api.call('DELETE', `/v1/enrollments/${first.id}`, { token: world.tokens.admin })).status,
    ).toBe(204);
    const sent = await Promise.all(
      [1, 2, 3].map(() =>
        api.call('POST', enrollmentsOf(openId), { token: world.tokens.admin, body: asMentor(person.id) }),
      ),
    );
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(
      (await api.call('GET', `/v1/enrollments/${first.id}`, { token: world.tokens.admin })).body.version,
    ).toBe(3);
  });

  it.skipIf(database.dialect === 'sqlite')(
    'refuses enrolling a removed person again when someone did so meanwhile, with 409 (PostgreSQL: a concurrent change)',
    async () => {
      const person = await addPerson();
      const first = await enrol(world.tokens.admin, asMentor(person.id));
      const path = `/v1/enrollments/${first.id}`;
      expect((await api.call('DELETE', path, { token: world.tokens.admin })).status).toBe(204);
      const again = await duringConcurrentChange(
        api,
        { table: 'enrollments', id: first.id, set: 'deleted_at = null' },
        () =>
          api.call('POST', enrollmentsOf(openId), { token: world.tokens.admin, body: asMentor(person.id) }),
      );
      expect(again.status).toBe(409);
      expect(again.body.error.issues[0].path).toEqual(['personId']);
      expect((await api.call('GET', path, { token: world.tokens.admin })).body.version).toBe(3);
    },
  );

  it.skipIf(database.dialect === 'sqlite')(
    'refuses removing an enrolment changed since it was read with 412 (PostgreSQL: a concurrent change)',
    async () => {
      const person = await addPerson();
      const enrollment = await enrol(world.tokens.admin, asMentor(person.id));
      const path = `/v1/enrollments/${enrollment.id}`;
      const removed = await duringConcurrentChange(api, { table: 'enrollments', id: enrollment.id }, () =>
        api.call('DELETE', path, { token: world.tokens.admin }),
      );
      expect(removed.status).toBe(412);
      expect(removed.headers.get('ETag')).toBe('"2"');
      expect((await api.call('GET', path, { token: world.tokens.admin })).body.version).toBe(2);
      expect((await api.call('DELETE', path, { token: world.tokens.admin })).status).toBe(204);
    },
  );
});
