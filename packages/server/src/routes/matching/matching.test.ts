import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Member, startCohort } from '../../test-support/cohort.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

type Proposal = { mentorId: string; menteeId: string; score: number; reasons: { en: string; it: string }[] };

describe.each(testDatabases())('matching on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const constraintsOf = (programId: string) => `/v1/programs/${programId}/match-constraints`;
  const proposalsOf = (programId: string) => `/v1/programs/${programId}/match-proposals`;
  const publish = (programId: string, pairs: { mentorId: string; menteeId: string }[], headers = {}) =>
    api.call('POST', `${proposalsOf(programId)}/publish`, {
      token: world.tokens.admin,
      body: { pairs },
      headers,
    });
  const both = (mentor: Member, mentee: Member) => ({ mentorId: mentor.id, menteeId: mentee.id });

  describe('pins and bans', () => {
    it('lets an admin pin and ban enrolled people, list them by kind, and remove them', async () => {
      const cohort = await startCohort(api, world);
      const [mentor, mentee, other] = [
        await cohort.member('mentor'),
        await cohort.member('mentee'),
        await cohort.member('mentee'),
      ];
      const pin = await api.call('POST', constraintsOf(cohort.programId), {
        token: world.tokens.admin,
        body: { ...both(mentor, mentee), kind: 'pin' },
      });
      expect(pin.status).toBe(201);
      expect(pin.body).toMatchObject({
        id: expect.stringMatching(/^mcn_/),
        programId: cohort.programId,
        orgId: world.orgId,
        kind: 'pin',
        version: 1,
      });
      const ban = await api.call('POST', constraintsOf(cohort.programId), {
        token: world.tokens.admin,
        body: { ...both(mentor, other), kind: 'ban' },
      });
      const all = await api.call('GET', constraintsOf(cohort.programId), { token: world.tokens.admin });
      expect(all.body.items.map((c: { id: string }) => c.id)).toEqual([pin.body.id, ban.body.id]);
      const bans = await api.call('GET', `${constraintsOf(cohort.programId)}?kind=ban`, {
        token: world.tokens.admin,
      });
      expect(bans.body).toEqual({ items: [ban.body], nextCursor: null });

      const removed = await api.call('DELETE', `/v1/match-constraints/${pin.body.id}`, {
        token: world.tokens.admin,
      });
      expect(removed.status).toBe(204);
      expect(
        (await api.call('DELETE', `/v1/match-constraints/${pin.body.id}`, { token: world.tokens.admin }))
          .status,
      ).toBe(404);
      const left = await api.call('GET', constraintsOf(cohort.programId), { token: world.tokens.admin });
      expect(left.body.items).toEqual([ban.body]);
    });

    it('keeps one pin or ban per two people (409), between people enrolled in those roles (422)', async () => {
      const cohort = await startCohort(api, world);
      const [mentor, mentee, stranger] = [
        await cohort.member('mentor'),
        await cohort.member('mentee'),
        await cohort.person(),
      ];
      const add = (body: object) =>
        api.call('POST', constraintsOf(cohort.programId), { token: world.tokens.admin, body });
      expect((await add({ ...both(mentor, mentee), kind: 'pin' })).status).toBe(201);
      const twice = await add({ ...both(mentor, mentee), kind: 'ban' });
      expect(twice.status).toBe(409);
      expect(twice.body.error.message).toMatch(/pinned already/);
      const notEnrolled = await add({ ...both(stranger, mentee), kind: 'ban' });
      expect(notEnrolled.status).toBe(422);
      expect(notEnrolled.body.error.issues).toEqual([{ path: ['mentorId'], message: expect.any(String) }]);
      const wrongWay = await add({ mentorId: mentee.id, menteeId: mentor.id, kind: 'ban' });
      expect(wrongWay.status).toBe(422);
      const self = await add({ mentorId: mentor.id, menteeId: mentor.id, kind: 'ban' });
      expect(self.status).toBe(400);
      const list = await api.call('GET', constraintsOf(cohort.programId), { token: world.tokens.admin });
      expect(list.body.items).toHaveLength(1);
    });

    it('refuses members with 403, and another organisation with 404', async () => {
      const cohort = await startCohort(api, world);
      const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
      const pin = await api.call('POST', constraintsOf(cohort.programId), {
        token: world.tokens.admin,
        body: { ...both(mentor, mentee), kind: 'pin' },
      });
      for (const token of [mentor.token, mentee.token]) {
        expect((await api.call('GET', constraintsOf(cohort.programId), { token })).status).toBe(403);
        expect(
          (
            await api.call('POST', constraintsOf(cohort.programId), {
              token,
              body: { ...both(mentor, mentee), kind: 'ban' },
            })
          ).status,
        ).toBe(403);
        expect((await api.call('DELETE', `/v1/match-constraints/${pin.body.id}`, { token })).status).toBe(
          403,
        );
        expect((await api.call('GET', proposalsOf(cohort.programId), { token })).status).toBe(403);
      }
      const stranger = world.tokens.otherOrgAdmin;
      expect((await api.call('GET', constraintsOf(cohort.programId), { token: stranger })).status).toBe(404);
      expect(
        (await api.call('DELETE', `/v1/match-constraints/${pin.body.id}`, { token: stranger })).status,
      ).toBe(404);
      expect((await api.call('GET', proposalsOf(cohort.programId), { token: stranger })).status).toBe(404);
    });
  });

  describe('proposals', () => {
    it('proposes from accepted enrolments only, minus people already in a pair, naming everyone', async () => {
      const cohort = await startCohort(api, world);
      const mentor = await cohort.person();
      await cohort.enrol(mentor, 'mentor', { capacity: 2 });
      const [paired, free] = [await cohort.member('mentee'), await cohort.member('mentee')];
      const applied = await cohort.person({ careerStage: 'senior' });
      await cohort.enrol(applied, 'mentee', { status: 'applied' });
      const withdrawn = await cohort.person({ careerStage: 'senior' });
      await cohort.enrol(withdrawn, 'mentee', { status: 'withdrawn' });
      expect((await cohort.pair(mentor, paired)).status).toBe(201);

      const res = await api.call('GET', proposalsOf(cohort.programId), { token: world.tokens.admin });
      expect(res.status).toBe(200);
      expect(res.body.programId).toBe(cohort.programId);
      expect(res.body.proposals).toEqual([
        expect.objectContaining({ mentorId: mentor.id, menteeId: free.id, pinned: false }),
      ]);
      expect(res.body.fairness.total).toBeCloseTo(res.body.proposals[0].score);
      expect(res.body.unmatched).toEqual([]);
      expect(res.body.people.map((p: { id: string }) => p.id).sort()).toEqual([mentor.id, free.id].sort());
      expect(res.body.people[0]).toEqual({
        id: expect.any(String),
        displayName: expect.stringMatching(/^Cohort Person/),
        title: null,
        department: 'Sales',
      });
      // Computing stores nothing.
      expect(await cohort.pairs()).toHaveLength(1);
    });

    it('leaves a mentee out when no mentor is left, and says why', async () => {
      const cohort = await startCohort(api, world);
      await cohort.member('mentor');
      const mentees = [await cohort.member('mentee'), await cohort.member('mentee')];
      const res = await api.call('GET', proposalsOf(cohort.programId), { token: world.tokens.admin });
      expect(res.body.proposals).toHaveLength(1);
      expect(res.body.unmatched).toEqual([
        {
          personId: expect.toBeOneOf(mentees.map((m) => m.id)),
          role: 'mentee',
          reasons: [{ en: expect.any(String), it: expect.any(String) }],
        },
      ]);
    });
  });

  describe('publishing', () => {
    it('makes each proposal a proposed pair with its score and reasons, in the order given', async () => {
      const cohort = await startCohort(api, world);
      const [m1, m2, e1, e2] = [
        await cohort.member('mentor'),
        await cohort.member('mentor'),
        await cohort.member('mentee'),
        await cohort.member('mentee'),
      ];
      const res = await publish(cohort.programId, [both(m2, e1), both(m1, e2)]);
      expect(res.status).toBe(201);
      expect(
        res.body.items.map((p: { mentorId: string; menteeId: string }) => [p.mentorId, p.menteeId]),
      ).toEqual([
        [m2.id, e1.id],
        [m1.id, e2.id],
      ]);
      for (const pair of res.body.items) {
        expect(pair).toMatchObject({ status: 'proposed', override: false, programId: cohort.programId });
        expect(pair.matchScore).toEqual(expect.any(Number));
        expect(pair.matchReasons.length).toBeGreaterThan(0);
      }
      expect(await cohort.pairs()).toHaveLength(2);
      const proposals = await api.call('GET', proposalsOf(cohort.programId), { token: world.tokens.admin });
      expect(proposals.body.proposals).toEqual([]);
    });

    it('publishes all or nothing: the first pair that breaks a rule refuses them all, at pairs.<i>', async () => {
      const cohort = await startCohort(api, world);
      const [m1, m2, e1] = [
        await cohort.member('mentor'),
        await cohort.member('mentor'),
        await cohort.member('mentee'),
      ];
      const stranger = await cohort.person({ careerStage: 'senior' });
      const twice = await publish(cohort.programId, [both(m1, e1), both(m2, e1)]);
      expect(twice.status).toBe(409);
      expect(twice.body.error.issues).toEqual([
        { path: ['pairs', 1, 'menteeId'], message: expect.any(String) },
      ]);
      const unenrolled = await publish(cohort.programId, [both(m1, e1), both(m2, stranger)]);
      expect(unenrolled.status).toBe(422);
      expect(unenrolled.body.error.issues).toEqual([
        { path: ['pairs', 1, 'menteeId'], message: expect.stringMatching(/Not enrolled/) },
      ]);
      const full = await publish(cohort.programId, [both(m1, e1), both(m1, await cohort.member('mentee'))]);
      expect(full.status).toBe(409);
      expect(full.body.error.issues[0].path).toEqual(['pairs', 1, 'mentorId']);
      expect(await cohort.pairs()).toEqual([]);
    });

    it('publishes once for one Idempotency-Key, replaying the answer to a retry', async () => {
      const cohort = await startCohort(api, world);
      const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
      const key = { 'Idempotency-Key': `publish-${cohort.programId}` };
      const first = await publish(cohort.programId, [both(mentor, mentee)], key);
      const retry = await publish(cohort.programId, [both(mentor, mentee)], key);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await cohort.pairs()).toHaveLength(1);
    });

    it('refuses a publish from members (403) and a malformed one (400), storing nothing', async () => {
      const cohort = await startCohort(api, world);
      const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
      const member = await api.call('POST', `${proposalsOf(cohort.programId)}/publish`, {
        token: mentee.token,
        body: { pairs: [both(mentor, mentee)] },
      });
      expect(member.status).toBe(403);
      expect((await publish(cohort.programId, [])).status).toBe(400);
      const same = await publish(cohort.programId, [{ mentorId: mentor.id, menteeId: mentor.id }]);
      expect(same.status).toBe(400);
      expect(same.body.error.issues).toEqual([
        { path: ['pairs', 0, 'menteeId'], message: expect.any(String) },
      ]);
      expect(await cohort.pairs()).toEqual([]);
    });
  });

  it('lets an admin tune a program’s matching: weights given replace those, the rest stay', async () => {
    const cohort = await startCohort(api, world);
    const path = `/v1/programs/${cohort.programId}`;
    const read = await api.call('GET', path, { token: world.tokens.admin });
    expect(read.body.matching).toEqual({
      weights: { topics: 4, crossDepartment: 2, language: 2, availability: 2 },
      separateDepartments: false,
    });
    const changed = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { matching: { weights: { language: 0 }, separateDepartments: true } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.matching).toEqual({
      weights: { topics: 4, crossDepartment: 2, language: 0, availability: 2 },
      separateDepartments: true,
    });
    const nothingCounts = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { matching: { weights: { topics: 0, crossDepartment: 0, availability: 0 } } },
    });
    expect(nothingCounts.status).toBe(400);
    expect(nothingCounts.body.error.issues).toEqual([
      { path: ['matching', 'weights'], message: 'At least one criterion must count' },
    ]);
    const tooMuch = await api.call('PATCH', path, {
      token: world.tokens.admin,
      body: { matching: { weights: { topics: 11 } } },
    });
    expect(tooMuch.status).toBe(400);
    expect((await api.call('GET', path, { token: world.tokens.admin })).body.matching).toEqual(
      changed.body.matching,
    );
  });

  it('scores by the program’s weights: a proposal’s reasons come in English and Italian', async () => {
    const cohort = await startCohort(api, world);
    const mentor = await cohort.person({ department: 'IT' });
    await cohort.enrol(mentor, 'mentor', { topics: ['ai-tools', 'social-media'] });
    const mentee = await cohort.person({ department: 'Finance', careerStage: 'executive' });
    await cohort.enrol(mentee, 'mentee', { topics: ['ai-tools'] });
    const res = await api.call('GET', proposalsOf(cohort.programId), { token: world.tokens.admin });
    const [proposal] = res.body.proposals as Proposal[];
    expect(proposal?.score).toBeGreaterThan(0);
    for (const reason of proposal?.reasons ?? []) {
      expect(reason.en).not.toBe('');
      expect(reason.it).not.toBe('');
    }
  });
});
