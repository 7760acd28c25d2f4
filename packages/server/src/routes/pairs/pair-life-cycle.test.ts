import { feedbackOpenings } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../db/json.js';
import { type Member, startCohort } from '../../test-support/cohort.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

const rated = { ratings: { usefulness: 4, trust: 4, preparation: 4 }, recommend: 8 };
const heldNow = () => ({ status: 'held', occurredAt: new Date().toISOString() });
/** The calendar date `days` from today (UTC, as the server counts). */
const fromToday = (days: number) =>
  new Date(Date.parse(`${todayIso()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A pair's life once made: consent, the charter, pausing, leaving, and what each stage allows. */
describe.each(testDatabases())('the life cycle of a pair on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  /** A proposed pair of two new people, enrolled and accepted in a program of its own. */
  async function proposed(program: Record<string, unknown> = {}) {
    const cohort = await startCohort(api, world, program);
    const mentor = await cohort.member('mentor');
    const mentee = await cohort.member('mentee');
    const made = await cohort.pair(mentor, mentee);
    expect(made.status).toBe(201);
    return { cohort, mentor, mentee, pairId: made.body.id as string };
  }
  const post = (pairId: string, action: string, who: Member | string, body?: unknown) =>
    api.call('POST', `/v1/pairs/${pairId}/${action}`, {
      token: typeof who === 'string' ? who : who.token,
      ...(body === undefined ? {} : { body }),
    });
  const read = async (pairId: string, who: Member | string) =>
    (await api.call('GET', `/v1/pairs/${pairId}`, { token: typeof who === 'string' ? who : who.token })).body;
  const patch = (pairId: string, who: Member | string, body: unknown) =>
    api.call('PATCH', `/v1/pairs/${pairId}`, { token: typeof who === 'string' ? who : who.token, body });
  /** A pair both have agreed to: active since today. */
  async function active() {
    const pair = await proposed();
    for (const [action, who] of [
      ['consent', pair.mentee],
      ['charter-acceptance', pair.mentor],
      ['charter-acceptance', pair.mentee],
    ] as const) {
      expect((await post(pair.pairId, action, who)).status).toBe(200);
    }
    return pair;
  }

  it('keeps a proposed pair proposed until the mentee consents and both accept the charter, then starts it today', async () => {
    const { pairId, mentor, mentee } = await proposed();
    const charter = await post(pairId, 'charter-acceptance', mentee);
    expect(charter.body).toMatchObject({ status: 'proposed', startedOn: null });
    const consent = await post(pairId, 'consent', mentee);
    expect(consent.status).toBe(200);
    expect(consent.body).toMatchObject({ status: 'proposed', menteeConsentedAt: expect.any(String) });
    const last = await post(pairId, 'charter-acceptance', mentor);
    expect(last.body).toMatchObject({ status: 'active', startedOn: todayIso(), version: 4 });
    expect(last.headers.get('ETag')).toBe('"4"');

    // Consent given last starts it just the same.
    const other = await proposed();
    await post(other.pairId, 'charter-acceptance', other.mentor);
    await post(other.pairId, 'charter-acceptance', other.mentee);
    expect((await read(other.pairId, world.tokens.admin)).status).toBe('proposed');
    expect((await post(other.pairId, 'consent', other.mentee)).body.status).toBe('active');
  });

  it('takes consent from the mentee alone: 403 for the mentor, 404 for an admin or anyone outside the pair', async () => {
    const { pairId, mentor, mentee } = await proposed();
    const refused = await post(pairId, 'consent', mentor);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    for (const token of [world.tokens.admin, world.tokens.otherMentee]) {
      expect((await post(pairId, 'consent', token)).status).toBe(404);
    }
    expect((await read(pairId, mentee)).menteeConsentedAt).toBeNull();
    const again = await post(pairId, 'consent', mentee);
    const twice = await post(pairId, 'consent', mentee);
    expect(twice.body).toEqual(again.body);
  });

  it('never makes a proposed pair active by hand: 409 saying consent and the charter do', async () => {
    const { pairId } = await proposed();
    const refused = await patch(pairId, world.tokens.admin, { status: 'active' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/consented.*charter/);
    expect(refused.body.error.issues).toEqual([{ path: ['status'], message: expect.any(String) }]);
    expect((await read(pairId, world.tokens.admin)).status).toBe('proposed');
  });

  it('lets either member leave without a reason: dissolved today, and only the leaver and admins read who left', async () => {
    const { pairId, mentor, mentee, cohort } = await active();
    const left = await post(pairId, 'decline', mentor, {});
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ status: 'dissolved', endedOn: todayIso(), endedBy: 'mentor' });
    expect((await read(pairId, mentee)).endedBy).toBeNull();
    expect((await read(pairId, world.tokens.admin)).endedBy).toBe('mentor');
    expect((await read(pairId, mentor)).endedBy).toBe('mentor');
    expect((await read(pairId, mentee)).endedBy).toBeNull();
    const listed = await api.call('GET', '/v1/pairs', { token: mentee.token });
    expect(listed.body.items).toEqual([
      expect.objectContaining({ id: pairId, status: 'dissolved', endedBy: null }),
    ]);
    const me = await api.call('GET', '/v1/me', { token: mentee.token });
    expect(me.body.pairs).toEqual([expect.objectContaining({ id: pairId, endedBy: null })]);

    // Back in the pool: their enrolments stay accepted and matching proposes them again.
    const enrolments = await api.call('GET', `/v1/programs/${cohort.programId}/enrollments`, {
      token: world.tokens.admin,
    });
    expect(enrolments.body.items.map((e: { status: string }) => e.status)).toEqual(['accepted', 'accepted']);
    const proposals = await api.call('GET', `/v1/programs/${cohort.programId}/match-proposals`, {
      token: world.tokens.admin,
    });
    expect(proposals.body.proposals).toEqual([
      expect.objectContaining({ mentorId: mentor.id, menteeId: mentee.id }),
    ]);
  });

  it('lets the mentee decline a proposal, with no body at all', async () => {
    const { pairId, mentor, mentee } = await proposed();
    const declined = await post(pairId, 'decline', mentee);
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'dissolved', endedBy: 'mentee' });
    expect((await read(pairId, mentor)).endedBy).toBeNull();
  });

  it('asks no reason for leaving (400 for one), and refuses leaving an ended pair with 409', async () => {
    const { pairId, mentee } = await proposed();
    const reason = await post(pairId, 'decline', mentee, { reason: 'Too busy' });
    expect(reason.status).toBe(400);
    expect(reason.body.error.code).toBe('validation_failed');
    expect((await read(pairId, mentee)).status).toBe('proposed');
    expect((await post(pairId, 'decline', mentee)).status).toBe(200);
    for (const action of ['decline', 'consent', 'charter-acceptance']) {
      const refused = await post(pairId, action, mentee);
      expect(refused.status).toBe(409);
    }
    expect((await post(pairId, 'decline', world.tokens.admin)).status).toBe(404);
  });

  it('lets a member pause and resume an active pair, and leaves completing and dissolving to an admin', async () => {
    const { pairId, mentor, mentee } = await active();
    expect((await patch(pairId, mentee, { status: 'paused' })).body.status).toBe('paused');
    expect((await patch(pairId, mentor, { status: 'active' })).body.status).toBe('active');
    for (const status of ['completed', 'dissolved']) {
      const refused = await patch(pairId, mentor, { status });
      expect(refused.status).toBe(403);
    }
    const topics = await patch(pairId, mentee, { topics: ['ai-tools'] });
    expect(topics.status).toBe(403);
    expect((await read(pairId, mentee)).status).toBe('active');

    const completed = await patch(pairId, world.tokens.admin, { status: 'completed' });
    expect(completed.body).toMatchObject({ status: 'completed', endedOn: todayIso(), endedBy: 'admin' });
    expect((await read(pairId, mentee)).endedBy).toBeNull();
    for (const status of ['active', 'paused', 'dissolved']) {
      const final = await patch(pairId, world.tokens.admin, { status });
      expect(final.status).toBe(409);
      expect(final.body.error.message).toMatch(/final/);
    }
  });

  it('refuses steps no one may take with 409: pausing a proposal, reopening a pair as proposed', async () => {
    const { pairId } = await proposed();
    expect((await patch(pairId, world.tokens.admin, { status: 'paused' })).status).toBe(409);
    const running = await active();
    expect((await patch(running.pairId, world.tokens.admin, { status: 'proposed' })).status).toBe(409);
    expect((await patch(pairId, world.tokens.admin, { status: 'dissolved' })).body).toMatchObject({
      status: 'dissolved',
      endedBy: 'admin',
    });
  });

  it('lets a proposed pair plan a session but not log one as held (409)', async () => {
    const { pairId, mentor } = await proposed();
    const held = await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
      token: mentor.token,
      body: heldNow(),
    });
    expect(held.status).toBe(409);
    expect(held.body.error.issues).toEqual([{ path: ['status'], message: expect.any(String) }]);
    const planned = await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
      token: mentor.token,
      body: { status: 'planned', scheduledAt: '2030-01-07T10:00:00Z' },
    });
    expect(planned.status).toBe(201);
    const logged = await api.call('PATCH', `/v1/sessions/${planned.body.id}`, {
      token: mentor.token,
      body: heldNow(),
    });
    expect(logged.status).toBe(409);
    const list = await api.call('GET', `/v1/pairs/${pairId}/sessions`, { token: mentor.token });
    expect(list.body.items.map((s: { status: string }) => s.status)).toEqual(['planned']);
  });

  it('takes no feedback from a proposed pair (409)', async () => {
    const { pairId, mentee } = await proposed({ startsOn: '2025-01-06', endsOn: '2026-01-30' });
    for (const kind of ['midpoint', 'final']) {
      const refused = await api.call('POST', `/v1/pairs/${pairId}/feedback`, {
        token: mentee.token,
        body: { kind, ...rated },
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.issues).toEqual([{ path: ['kind'], message: expect.any(String) }]);
    }
  });

  it('opens the mid-point feedback on the mid-point date, and the final one after a held session or near the end', async () => {
    const { pairId, mentor, mentee } = await active();
    const give = (who: Member, kind: string) =>
      api.call('POST', `/v1/pairs/${pairId}/feedback`, { token: who.token, body: { kind, ...rated } });
    // Started today in a program ending in 2027: the mid-point is months away, nothing held yet.
    const early = await give(mentee, 'midpoint');
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/opens on \d{4}-\d{2}-\d{2}/);
    expect((await give(mentee, 'final')).status).toBe(409);
    expect(
      (await api.call('POST', `/v1/pairs/${pairId}/sessions`, { token: mentor.token, body: heldNow() }))
        .status,
    ).toBe(201);
    expect((await give(mentee, 'final')).status).toBe(201);
    expect((await give(mentor, 'midpoint')).status).toBe(409);

    // A pair whose program has ended gives its final answer even if it never met.
    const ended = await startCohort(api, world, { startsOn: '2025-01-06', endsOn: '2025-12-19' });
    const [a, b] = [await ended.member('mentor'), await ended.member('mentee')];
    const made = await ended.pair(a, b, { status: 'active', override: true, startedOn: '2025-01-06' });
    const final = await api.call('POST', `/v1/pairs/${made.body.id}/feedback`, {
      token: b.token,
      body: { kind: 'final', ...rated },
    });
    expect(final.status).toBe(201);
    const midpoint = await api.call('POST', `/v1/pairs/${made.body.id}/feedback`, {
      token: a.token,
      body: { kind: 'midpoint', ...rated },
    });
    expect(midpoint.status).toBe(201);
  });

  it('accepts a final answer exactly when core’s rule says it is open: two cadences before the end, or once the pair met', async () => {
    const cadenceDays = 14;
    const cases = [
      { endsIn: 2 * cadenceDays, sessionHeld: false, open: true },
      { endsIn: 2 * cadenceDays + 1, sessionHeld: false, open: false },
      { endsIn: 2 * cadenceDays + 1, sessionHeld: true, open: true },
      { endsIn: -1, sessionHeld: false, open: true },
    ];
    for (const { endsIn, sessionHeld, open } of cases) {
      const program = { startsOn: fromToday(-90), endsOn: fromToday(endsIn), cadenceDays };
      const cohort = await startCohort(api, world, program);
      const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
      const pair = { status: 'active', override: true, startedOn: program.startsOn } as const;
      const made = await cohort.pair(mentor, mentee, pair);
      expect(made.status).toBe(201);
      if (sessionHeld) {
        const held = await api.call('POST', `/v1/pairs/${made.body.id}/sessions`, {
          token: mentor.token,
          body: { status: 'held', occurredAt: `${fromToday(-1)}T10:00:00Z` },
        });
        expect(held.status).toBe(201);
      }
      const rule = feedbackOpenings({
        pair: { ...pair, endedOn: null },
        program,
        today: todayIso(),
        sessionHeld,
      });
      expect(rule.final.open).toBe(open);
      const answer = await api.call('POST', `/v1/pairs/${made.body.id}/feedback`, {
        token: mentee.token,
        body: { kind: 'final', ...rated },
      });
      expect({ endsIn, sessionHeld, status: answer.status }).toEqual({
        endsIn,
        sessionHeld,
        status: open ? 201 : 409,
      });
      if (!rule.final.open) {
        expect(answer.body.error.message).toContain(rule.final.opensOn);
      }
    }
  });

  it('does not put a paused pair at risk for not meeting', async () => {
    const cohort = await startCohort(api, world);
    const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
    const made = await cohort.pair(mentor, mentee, {
      status: 'active',
      override: true,
      startedOn: '2026-01-05',
    });
    const progress = async () =>
      (await api.call('GET', `/v1/pairs/${made.body.id}/progress`, { token: mentee.token })).body;
    expect(await progress()).toMatchObject({ atRisk: true, atRiskReasons: ['no-recent-session'] });
    expect((await patch(made.body.id, mentor, { status: 'paused' })).status).toBe(200);
    expect(await progress()).toMatchObject({ atRisk: false, atRiskReasons: [] });
  });

  it('counts the quiet time of a resumed pair from the day it resumed, not across the pause', async () => {
    const cohort = await startCohort(api, world, { cadenceDays: 14 });
    const [mentor, mentee] = [await cohort.member('mentor'), await cohort.member('mentee')];
    const made = await cohort.pair(mentor, mentee, {
      status: 'active',
      override: true,
      startedOn: '2026-01-05',
    });
    const pairId = made.body.id as string;
    const lastMet = await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
      token: mentor.token,
      body: { status: 'held', occurredAt: '2026-01-19T10:00:00Z' },
    });
    expect(lastMet.status).toBe(201);
    const progress = async () =>
      (await api.call('GET', `/v1/pairs/${pairId}/progress`, { token: mentee.token })).body;
    expect(await progress()).toMatchObject({ atRisk: true, atRiskReasons: ['no-recent-session'] });

    expect((await patch(pairId, mentee, { status: 'paused' })).body.resumedOn).toBeNull();
    const resumed = await patch(pairId, mentor, { status: 'active' });
    expect(resumed.body).toMatchObject({ status: 'active', startedOn: '2026-01-05', resumedOn: todayIso() });
    expect((await read(pairId, world.tokens.admin)).resumedOn).toBe(todayIso());
    expect(await progress()).toMatchObject({
      atRisk: false,
      atRiskReasons: [],
      lastSessionAt: '2026-01-19T10:00:00.000Z',
    });

    // Twice the cadence (14 days) after the resumption with no session, it is at risk again.
    const progressAt = async (day: string) =>
      (
        await api.call('GET', `/v1/pairs/${pairId}/progress?at=${day}T00:00:00Z`, {
          token: mentee.token,
        })
      ).body;
    expect(await progressAt(fromToday(28))).toMatchObject({ atRisk: false });
    expect(await progressAt(fromToday(29))).toMatchObject({
      atRisk: true,
      atRiskReasons: ['no-recent-session'],
    });
  });
});
