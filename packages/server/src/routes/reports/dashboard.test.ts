import { newId } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceToken } from '../../auth/service-tokens.js';
import { type Cohort, startCohort } from '../../test-support/cohort.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

describe.each(testDatabases())('the program dashboard on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  let cohort: Cohort;
  let serviceToken: string;
  /** A pair that meets, and one whose executive cancelled the last two sessions. */
  let steady: string;
  let cancelling: string;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
    serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR dashboard')).token;
    cohort = await startCohort(api, world, { topics: ['ai-tools', 'sustainability', 'strategy'] });
    const [giulia, luca] = [await cohort.person(), await cohort.person()];
    const [marco, paola, sara] = [
      await cohort.person({ careerStage: 'executive' }),
      await cohort.person({ careerStage: 'executive' }),
      await cohort.person({ careerStage: 'executive' }),
    ];
    await cohort.enrol(giulia, 'mentor', { topics: ['ai-tools', 'sustainability'] });
    await cohort.enrol(luca, 'mentor', { topics: ['ai-tools'] });
    await cohort.enrol(marco, 'mentee', { topics: ['ai-tools', 'strategy'] });
    await cohort.enrol(paola, 'mentee', { topics: ['sustainability'] });
    await cohort.enrol(sara, 'mentee', { topics: ['ai-tools'], status: 'applied' });
    const running = async (mentor: typeof giulia, mentee: typeof marco) => {
      const res = await cohort.pair(mentor, mentee, {
        status: 'active',
        startedOn: '2026-09-07',
        override: true,
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    steady = await running(giulia, marco);
    cancelling = await running(luca, paola);
    const log = async (pairId: string, token: string, body: object) => {
      const res = await api.call('POST', `/v1/pairs/${pairId}/sessions`, { token, body });
      expect(res.status).toBe(201);
    };
    await log(steady, giulia.token, { status: 'held', occurredAt: daysAgo(10), topics: ['ai-tools'] });
    await log(steady, giulia.token, {
      status: 'held',
      occurredAt: daysAgo(3),
      topics: ['ai-tools', 'strategy'],
    });
    await log(cancelling, luca.token, {
      status: 'held',
      occurredAt: daysAgo(12),
      topics: ['sustainability'],
    });
    await log(cancelling, paola.token, { status: 'cancelled', scheduledAt: daysAgo(5) });
    await log(cancelling, paola.token, { status: 'cancelled', scheduledAt: daysAgo(1) });
    // Marco, the mentee, thinks little of the trust between them: his answer is his own.
    for (const token of [marco.token, marco.token, giulia.token]) {
      const session = await api.call('POST', `/v1/pairs/${steady}/sessions`, {
        token,
        body: { status: 'held', occurredAt: daysAgo(2) },
      });
      const answer = await api.call('POST', `/v1/pairs/${steady}/feedback`, {
        token,
        body: {
          kind: 'session',
          sessionId: session.body.id,
          ratings: { usefulness: 2, trust: 1, preparation: 2 },
          recommend: 3,
        },
      });
      expect(answer.status).toBe(201);
    }
  });
  afterAll(() => api.close());

  const dashboardOf = (programId: string, query = '') => `/v1/programs/${programId}/dashboard${query}`;
  const read = async (token = world.tokens.admin) => {
    const res = await api.call('GET', dashboardOf(cohort.programId), { token });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('flags the pair with two cancellations in a row, and never for low trust, which comes from private answers', async () => {
    const dashboard = await read();
    const rows = new Map(dashboard.pairRows.map((row: { pairId: string }) => [row.pairId, row]));
    expect(rows.get(cancelling)).toMatchObject({
      status: 'active',
      startedOn: '2026-09-07',
      sessionsHeld: 1,
      sessionsCancelled: 2,
      sessionsPlanned: 0,
      cancelledInARow: 2,
      atRisk: true,
      atRiskReasons: ['two-cancellations'],
    });
    expect(rows.get(steady)).toMatchObject({
      sessionsHeld: 5,
      cancelledInARow: 0,
      atRisk: false,
      atRiskReasons: [],
    });
    expect(await read(serviceToken)).toEqual(dashboard);
  });

  it('counts applications, the match rate, sessions per week, goals and topics for the whole program', async () => {
    const goal = await api.call('POST', `/v1/pairs/${steady}/goals`, {
      token: world.tokens.admin,
      body: { title: 'Not the admin’s to set' },
    });
    expect(goal.status).toBe(404);
    const dashboard = await read();
    expect(dashboard.enrollment).toEqual({
      byStatus: {
        applied: { mentor: 0, mentee: 1 },
        accepted: { mentor: 2, mentee: 2 },
        declined: { mentor: 0, mentee: 0 },
        withdrawn: { mentor: 0, mentee: 0 },
      },
      menteesAccepted: 2,
      menteesMatched: 2,
      matchRate: 1,
    });
    expect(dashboard.pairs).toEqual({
      total: 2,
      byStatus: { proposed: 0, active: 2, paused: 0, completed: 0, dissolved: 0 },
    });
    const weeks = dashboard.sessionsPerWeek as { held: number; cancelled: number }[];
    expect(weeks.length).toBeGreaterThan(1);
    expect(weeks.reduce((n, w) => n + w.held, 0)).toBe(6);
    expect(weeks.reduce((n, w) => n + w.cancelled, 0)).toBe(2);
    expect(dashboard.goals).toEqual({ achieved: 0, inPlay: 0, completion: null });
    expect(dashboard.topics).toEqual([
      {
        key: 'ai-tools',
        labels: { en: 'AI tools', it: 'Strumenti di IA' },
        wanted: 2,
        offered: 2,
        covered: 2,
      },
      {
        key: 'sustainability',
        labels: { en: 'Sustainability', it: 'Sostenibilità' },
        wanted: 1,
        offered: 1,
        covered: 1,
      },
      { key: 'strategy', labels: { en: 'Strategy', it: 'Strategia' }, wanted: 1, offered: 0, covered: 1 },
    ]);
  });

  it("shows feedback exactly as the program's report releases it", async () => {
    const report = await api.call('GET', `/v1/programs/${cohort.programId}/report`, {
      token: world.tokens.admin,
    });
    const dashboard = await read();
    expect(dashboard.feedback).toEqual(report.body.feedback);
    expect(dashboard.feedback).toMatchObject({ answers: 3, overall: { answers: 3, trust: 1 } });
  });

  it('answers CSV for a spreadsheet: one pair a line, with ; and a BOM when asked, a formula in a name neutralised', async () => {
    const people = await api.call('GET', `/v1/pairs/${cancelling}`, { token: world.tokens.admin });
    await api.storage.db
      .updateTable('people')
      .set({ displayName: '=HYPERLINK("http://evil.example","Luca")' })
      .where('id', '=', people.body.mentorId)
      .execute();
    const res = await api.call(
      'GET',
      dashboardOf(cohort.programId, '?format=csv&delimiter=semicolon&bom=true'),
      {
        token: world.tokens.admin,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    // The byte order mark is there for Excel, though a text decoder takes it off as it reads.
    const raw = await api.app.request(dashboardOf(cohort.programId, '?format=csv&bom=true'), {
      headers: { Authorization: `Bearer ${world.tokens.admin}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x70]);
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]).toBe(
      'pairId;mentorName;menteeName;status;startedOn;sessionsHeld;sessionsCancelled;sessionsPlanned;lastHeldAt;cancelledInARow;atRisk;atRiskReasons',
    );
    const row = lines.find((line) => line.startsWith(cancelling));
    expect(row).toMatch(
      /^par_\w+;"'=HYPERLINK\(""http:\/\/evil\.example"",""Luca""\)";Cohort Person \d+;active;/,
    );
    expect(row).toMatch(/;2;true;two-cancellations$/);
    expect(lines).toHaveLength(4);

    const plain = await api.call('GET', dashboardOf(cohort.programId, '?format=csv'), {
      token: world.tokens.admin,
    });
    expect((plain.body as string).startsWith('pairId,mentorName,')).toBe(true);
  });

  it('answers the report as CSV too, with decimal commas beside ;', async () => {
    const res = await api.call(
      'GET',
      `/v1/programs/${cohort.programId}/report?format=csv&delimiter=semicolon`,
      {
        token: serviceToken,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const lines = (res.body as string).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['figure;group;value', 'pairs;total;2', 'pairs;proposed;0']);
    expect(lines).toContain('feedback.trust;overall;1');
    expect(lines).toContain('feedback.usefulness;overall;2');
  });

  it('refuses members with 403, and answers 404 for another organisation, a missing id, and 400 for a bad format', async () => {
    for (const token of [world.tokens.mentor, world.tokens.mentee]) {
      const refused = await api.call('GET', dashboardOf(world.programId), { token });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    }
    expect(
      (await api.call('GET', dashboardOf(cohort.programId), { token: world.tokens.otherOrgAdmin })).status,
    ).toBe(404);
    expect((await api.call('GET', dashboardOf(newId('program')), { token: world.tokens.admin })).status).toBe(
      404,
    );
    const bad = await api.call('GET', dashboardOf(cohort.programId, '?format=xlsx'), {
      token: world.tokens.admin,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(['format']);
  });
});
