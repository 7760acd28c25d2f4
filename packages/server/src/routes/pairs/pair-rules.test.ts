import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCohort } from '../../test-support/cohort.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

/** How pairs come to be: the rules every pair made by hand obeys, each refused through the API. */
describe.each(testDatabases())('making pairs on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const issue = (res: { body: { error: { issues: { path: unknown[] }[] } } }) =>
    res.body.error.issues[0]?.path;

  it('pairs only accepted enrolments of the program in their roles, saying which is missing, with 422', async () => {
    const cohort = await startCohort(api, world);
    const mentor = await cohort.member('mentor');
    const mentee = await cohort.member('mentee');
    const stranger = await cohort.person();
    const applied = await cohort.person({ careerStage: 'senior' });
    await cohort.enrol(applied, 'mentee', { status: 'applied' });
    const otherSide = await cohort.member('mentee');

    for (const [mentorOf, menteeOf, path, message] of [
      [stranger, mentee, ['mentorId'], /Not enrolled/],
      [mentor, applied, ['menteeId'], /applied/],
      [otherSide, mentee, ['mentorId'], /Enrolled as mentee, not as mentor/],
    ] as const) {
      const refused = await cohort.pair(mentorOf, menteeOf);
      expect(refused.status).toBe(422);
      expect(refused.body.error.code).toBe('unprocessable');
      expect(refused.body.error.issues).toEqual([{ path, message: expect.stringMatching(message) }]);
    }
    expect(await cohort.pairs()).toEqual([]);

    const made = await cohort.pair(mentor, mentee);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      status: 'proposed',
      override: false,
      menteeConsentedAt: null,
      endedBy: null,
      startedOn: null,
    });
  });

  it('records an admin’s override: people outside the enrolments, paired and marked as such', async () => {
    const cohort = await startCohort(api, world);
    const [mentor, mentee] = [await cohort.person(), await cohort.person({ careerStage: 'senior' })];
    const made = await cohort.pair(mentor, mentee, { override: true });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      override: true,
      status: 'proposed',
      matchScore: null,
      matchReasons: [],
    });
    const read = await api.call('GET', `/v1/pairs/${made.body.id}`, { token: world.tokens.admin });
    expect(read.body.override).toBe(true);
  });

  it('starts a pair proposed: only an override records one as active, else 422 on status', async () => {
    const cohort = await startCohort(api, world);
    const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
    const refused = await cohort.pair(mentor, mentee, { status: 'active' });
    expect(refused.status).toBe(422);
    expect(issue(refused)).toEqual(['status']);
    expect(await cohort.pairs()).toEqual([]);
    const recorded = await cohort.pair(mentor, mentee, { status: 'active', override: true });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ status: 'active', override: true, startedOn: expect.any(String) });
  });

  it('never pairs two people of one reporting line, either way and however far up, not even by override', async () => {
    const cohort = await startCohort(api, world);
    const director = await cohort.member('mentee', { department: 'Finance' });
    const manager = await cohort.member('mentee', { department: 'Finance', managerId: director.id });
    const junior = await cohort.member('mentor', { department: 'Finance', managerId: manager.id });
    for (const [mentor, mentee] of [
      [junior, manager],
      [junior, director],
    ] as const) {
      for (const override of [false, true]) {
        const refused = await cohort.pair(mentor, mentee, { override });
        expect(refused.status).toBe(422);
        expect(refused.body.error.issues).toEqual([
          { path: ['menteeId'], message: expect.stringMatching(/reporting line/i) },
        ]);
      }
    }
    // The other way round too: a senior mentoring their own junior is as much one line.
    const refused = await cohort.pair(manager, junior, { override: true });
    expect(refused.status).toBe(422);
    expect(await cohort.pairs()).toEqual([]);
  });

  it('keeps one department apart only when the program says so', async () => {
    const apart = await startCohort(api, world, {
      matching: {
        weights: { topics: 1, crossDepartment: 0, language: 0, availability: 0 },
        separateDepartments: true,
      },
    });
    const [mentor, mentee] = [
      await apart.member('mentor', { department: 'IT' }),
      await apart.member('mentee', { department: 'IT' }),
    ];
    const refused = await apart.pair(mentor, mentee);
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toEqual([
      { path: ['menteeId'], message: expect.stringMatching(/department/i) },
    ]);

    const together = await startCohort(api, world);
    const [a, b] = [
      await together.member('mentor', { department: 'IT' }),
      await together.member('mentee', { department: 'IT' }),
    ];
    expect((await together.pair(a, b)).status).toBe(201);
  });

  it('refuses pairing two people an admin banned, with 422', async () => {
    const cohort = await startCohort(api, world);
    const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
    const ban = await api.call('POST', `/v1/programs/${cohort.programId}/match-constraints`, {
      token: world.tokens.admin,
      body: { mentorId: mentor.id, menteeId: mentee.id, kind: 'ban' },
    });
    expect(ban.status).toBe(201);
    const refused = await cohort.pair(mentor, mentee);
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues).toEqual([
      { path: ['menteeId'], message: expect.stringMatching(/admin/i) },
    ]);
  });

  it('puts a mentee in one proposed, active or paused pair of a program, override or not, with 409', async () => {
    const cohort = await startCohort(api, world);
    const [first, second] = [await cohort.member('mentor'), await cohort.member('mentor')];
    const mentee = await cohort.member('mentee');
    const made = await cohort.pair(first, mentee);
    expect(made.status).toBe(201);
    for (const override of [false, true]) {
      const refused = await cohort.pair(second, mentee, { override });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe('conflict');
      expect(issue(refused)).toEqual(['menteeId']);
    }
    // Once that pair is over, the mentee is free for another.
    const left = await api.call('POST', `/v1/pairs/${made.body.id}/decline`, { token: mentee.token });
    expect(left.status).toBe(200);
    expect((await cohort.pair(second, mentee)).status).toBe(201);
  });

  it('gives a mentor no more pairs than their capacity (409), unless by override', async () => {
    const cohort = await startCohort(api, world);
    const mentor = await cohort.person();
    await cohort.enrol(mentor, 'mentor', { capacity: 2 });
    const mentees = [
      await cohort.member('mentee'),
      await cohort.member('mentee'),
      await cohort.member('mentee'),
    ];
    expect((await cohort.pair(mentor, mentees[0] ?? mentor)).status).toBe(201);
    expect((await cohort.pair(mentor, mentees[1] ?? mentor)).status).toBe(201);
    const full = await cohort.pair(mentor, mentees[2] ?? mentor);
    expect(full.status).toBe(409);
    expect(full.body.error.issues).toEqual([
      { path: ['mentorId'], message: expect.stringMatching(/2 of 2/) },
    ]);
    expect(await cohort.pairs()).toHaveLength(2);
    expect((await cohort.pair(mentor, mentees[2] ?? mentor, { override: true })).status).toBe(201);
  });

  it('makes one of three pairs sent at once for one mentee, refusing the others with 409', async () => {
    const cohort = await startCohort(api, world);
    const mentors = [
      await cohort.member('mentor'),
      await cohort.member('mentor'),
      await cohort.member('mentor'),
    ];
    const mentee = await cohort.member('mentee');
    const sent = await Promise.all(mentors.map((mentor) => cohort.pair(mentor, mentee)));
    expect(sent.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await cohort.pairs()).toHaveLength(1);
  });

  it('takes no new pair in a closed program, with 409', async () => {
    const cohort = await startCohort(api, world);
    const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
    const closed = await api.call('PATCH', `/v1/programs/${cohort.programId}`, {
      token: world.tokens.admin,
      body: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    const refused = await cohort.pair(mentor, mentee);
    expect(refused.status).toBe(409);
    expect(await cohort.pairs()).toEqual([]);
  });
});
