import { feedbackFigures, idOf, pairProgress } from '@rm-kit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openStorage, type Storage } from '../db/database.js';
import { fromJson } from '../db/json.js';
import { loadMatchGround } from '../routes/matching/match-ground.store.js';
import { proposalsOf } from '../routes/matching/match-input.js';
import { toProgram } from '../routes/programs/programs.store.js';
import { listSharedStories } from '../routes/stories/stories.store.js';
import { DEMO_ORG_ID, seedDemo } from './demo-seed.js';

// Everything is dated from `now`: check a quiet morning and the last moment of a year alike.
const MOMENTS = ['2026-03-16T10:30:00.000Z', '2026-12-31T23:59:59.999Z'];

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe.each(MOMENTS)('seedDemo at %s', (moment) => {
  const now = new Date(moment);
  let storage: Storage;

  beforeEach(async () => {
    storage = await openStorage('sqlite::memory:');
    await migrate(storage.db);
    await seedDemo(storage.db, now);
  });
  afterEach(() => storage.close());

  async function everything() {
    const db = storage.db;
    return {
      organizations: await db.selectFrom('organizations').selectAll().execute(),
      people: await db.selectFrom('people').selectAll().execute(),
      programs: await db.selectFrom('programs').selectAll().execute(),
      enrollments: await db.selectFrom('enrollments').selectAll().execute(),
      pairs: await db.selectFrom('pairs').selectAll().execute(),
      sessions: await db.selectFrom('sessions').selectAll().execute(),
      goals: await db.selectFrom('goals').selectAll().execute(),
      goalTemplates: await db.selectFrom('goalTemplates').selectAll().execute(),
      feedback: await db.selectFrom('feedback').selectAll().execute(),
      stories: await db.selectFrom('stories').selectAll().execute(),
    };
  }

  it('creates one organisation with people, two programs and pairs at every stage', async () => {
    const all = await everything();

    expect(all.organizations).toHaveLength(1);
    expect(idOf('organization').parse(DEMO_ORG_ID)).toBe(all.organizations[0]?.id);
    expect(fromJson(all.organizations[0]?.settings ?? '')).toEqual({
      minAggregateGroupSize: 3,
      photoHosts: [],
    });

    expect(all.people).toHaveLength(16);
    const admins = all.people.filter((p) => p.isAdmin === 1);
    expect(admins.map((p) => p.department)).toEqual(['HR']);
    for (const person of all.people) {
      expect(person.email).toMatch(/^[a-z.]+@contoso\.example$/);
      expect(person.externalId).toBe(person.email);
    }

    expect(countBy(all.programs.map((p) => p.status))).toEqual({ active: 1, enrolling: 1 });
    expect(countBy(all.enrollments.map((e) => e.status))).toEqual({ accepted: 20, applied: 1, declined: 1 });
    expect(countBy(all.pairs.map((p) => p.status))).toEqual({
      active: 3,
      proposed: 1,
      paused: 1,
      completed: 1,
    });
    const admin = admins[0]?.id;
    expect(all.pairs.filter((p) => p.mentorId === admin || p.menteeId === admin)).toEqual([]);

    expect(countBy(all.sessions.map((s) => s.status))).toEqual({ held: 19, planned: 2, cancelled: 2 });
    expect(countBy(all.goals.map((g) => g.status))).toEqual({
      achieved: 3,
      'in-progress': 6,
      open: 2,
      dropped: 2,
    });
    for (const goal of all.goals) {
      if (goal.status === 'achieved') expect(goal.progress).toBe(100);
      if (goal.status === 'open') expect(goal.progress).toBe(0);
    }
    expect(new Set(all.goals.map((g) => g.owner))).toEqual(new Set(['mentor', 'mentee']));
    // Goals that show the self-assessment and the senior's commitments, some done, some not.
    const committed = all.goals.filter((g) => g.owner === 'mentee' && g.assessmentBefore !== null);
    expect(committed).toHaveLength(4);
    const commitments = committed.flatMap((g) => fromJson<{ done: boolean }[]>(g.commitments));
    expect(countBy(commitments.map((c) => String(c.done)))).toEqual({ true: 4, false: 3 });
    const active = all.programs.find((p) => p.status === 'active');
    expect(all.goalTemplates.map((t) => t.programId)).toEqual([active?.id, active?.id, active?.id]);
    expect(countBy(all.feedback.map((f) => f.kind))).toEqual({ session: 27, midpoint: 4 });
  });

  it('gives the program report averages overall and by kind', async () => {
    const { pairs, feedback, programs } = await everything();
    const active = programs.find((p) => p.status === 'active');
    const inProgram = new Set(pairs.filter((p) => p.programId === active?.id).map((p) => p.id));
    const answers = feedback
      .filter((f) => inProgram.has(f.pairId))
      .map((f) => ({
        kind: f.kind,
        ratings: { usefulness: f.usefulness, trust: f.trust, preparation: f.preparation },
        recommend: f.recommend,
      }));
    const figures = feedbackFigures(answers, 3);
    expect(figures.overall).not.toBeNull();
    expect(figures.byKind?.session).not.toBeNull();
    expect(figures.byKind?.midpoint).not.toBeNull();
  });

  it('dates everything from now: held sessions in the past, planned ones ahead, nothing created later', async () => {
    const all = await everything();
    for (const session of all.sessions) {
      if (session.status === 'held') expect(Date.parse(session.occurredAt ?? '')).toBeLessThan(now.getTime());
      if (session.status === 'planned')
        expect(Date.parse(session.scheduledAt ?? '')).toBeGreaterThan(now.getTime());
      expect(session.sortAt).toBe(session.occurredAt ?? session.scheduledAt ?? session.createdAt);
    }
    const rows = Object.values(all).flat();
    for (const row of rows) {
      expect(Date.parse(row.createdAt)).toBeLessThanOrEqual(now.getTime());
      expect(row.createdAt).toBe(new Date(row.createdAt).toISOString());
    }
  });

  it('leaves matching in the enrolling program with proposals and reasons, someone unmatched, and Paolo free to enrol', async () => {
    const { people, programs, enrollments } = await everything();
    const enrolling = programs.find((p) => p.status === 'enrolling');
    if (!enrolling) throw new Error('no enrolling program');
    const set = proposalsOf(await loadMatchGround(storage.db, toProgram(enrolling)));
    expect(set.proposals.length).toBeGreaterThanOrEqual(3);
    for (const proposal of set.proposals) expect(proposal.reasons.length).toBeGreaterThan(0);
    expect(set.unmatched.length).toBeGreaterThan(0);
    const inGreen = enrollments.filter((e) => e.programId === enrolling.id);
    expect(inGreen.length).toBeGreaterThanOrEqual(8);
    expect(
      new Set(inGreen.map((e) => people.find((p) => p.id === e.personId)?.department)).size,
    ).toBeGreaterThan(4);
    const paolo = people.find((p) => p.email === 'paolo.ricci@contoso.example');
    expect(enrollments.filter((e) => e.personId === paolo?.id)).toEqual([]);
  });

  it('gives the intranet home two published stories, the HR lead one to approve, and Giulia and Marco a draft', async () => {
    const { people } = await everything();
    const lead = people.find((p) => p.isAdmin === 1);
    if (!lead) throw new Error('no HR lead');
    const caller = { kind: 'person', orgId: DEMO_ORG_ID, personId: lead.id, isAdmin: true } as const;
    const published = await listSharedStories(storage.db, caller, { status: 'published', limit: 25 });
    expect(published.items.map((s) => s.mentee.displayName)).toEqual(['Marco Rinaldi', 'James Whitfield']);
    for (const story of published.items)
      expect(Date.parse(story.publishedAt ?? '')).toBeLessThan(now.getTime());
    const waiting = await listSharedStories(storage.db, caller, { status: 'awaiting-approval', limit: 25 });
    expect(waiting.items.map((s) => s.status)).toEqual(['awaiting-approval']);
    const { stories } = await everything();
    const drafts = stories.filter((s) => s.agreedMenteeAt === null);
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ language: 'it', agreedMenteeAt: null, publishedAt: null });
  });

  it('changes nothing when run a second time', async () => {
    const ids = async () =>
      Object.fromEntries(
        Object.entries(await everything()).map(([table, rows]) => [table, rows.map((r) => r.id)]),
      );
    const before = await ids();
    await seedDemo(storage.db, new Date(now.getTime() + 86_400_000));
    expect(await ids()).toEqual(before);
  });

  it('pairs juniors as mentors with seniors as mentees, never within one reporting line', async () => {
    const { people, pairs } = await everything();
    const byId = new Map(people.map((p) => [p.id, p]));
    const chainAbove = (id: string) => {
      const chain: string[] = [];
      for (let m = byId.get(id)?.managerId; m; m = byId.get(m)?.managerId) chain.push(m);
      return chain;
    };
    for (const pair of pairs) {
      expect(chainAbove(pair.mentorId)).not.toContain(pair.menteeId);
      expect(chainAbove(pair.menteeId)).not.toContain(pair.mentorId);
      expect(['early', 'mid']).toContain(byId.get(pair.mentorId)?.careerStage);
      expect(['senior', 'executive']).toContain(byId.get(pair.menteeId)?.careerStage);
    }
  });

  it('puts exactly the quiet pair (its mentee cancelled twice in a row) and the low-trust pair at risk, and not the healthy one', async () => {
    const { people, programs, pairs, sessions, goals, feedback } = await everything();
    const email = new Map(people.map((p) => [p.id, p.email.split('@')[0]]));
    const cadenceDays = programs.find((p) => p.status === 'active')?.cadenceDays ?? 0;
    const risks = Object.fromEntries(
      pairs
        .filter((pair) => pair.status === 'active')
        .map((pair) => {
          const progress = pairProgress({
            pair,
            cadenceDays,
            sessions: sessions.filter((s) => s.pairId === pair.id),
            goals: goals.filter((g) => g.pairId === pair.id),
            feedback: feedback.filter((f) => f.pairId === pair.id),
            now,
          });
          return [`${email.get(pair.mentorId)} → ${email.get(pair.menteeId)}`, progress.atRiskReasons];
        }),
    );
    expect(risks).toEqual({
      'giulia.rossi → marco.rinaldi': [],
      'luca.esposito → francesca.galli': ['no-recent-session', 'two-cancellations'],
      'matteo.colombo → stefano.marino': ['low-trust'],
    });
  });

  it('gives both programs their charter in English and in Italian, and Italian-speaking pairs Italian content', async () => {
    const { people, programs, pairs, sessions } = await everything();
    for (const program of programs) {
      const charter = fromJson<{ en: string; it: string }>(program.charter);
      expect(charter.en).toMatch(/^Our pair charter\n\n1\. Confidentiality\./);
      expect(charter.it).toMatch(/^Il nostro patto di mentoring\n\n1\. Riservatezza\./);
    }
    const email = new Map(people.map((p) => [p.id, p.email.split('@')[0]]));
    const summariesOf = (mentor: string) => {
      const pair = pairs.find((p) => email.get(p.mentorId) === mentor);
      return sessions.filter((s) => s.pairId === pair?.id).map((s) => s.summary);
    };
    expect(summariesOf('giulia.rossi')).toContain(
      'Agenda: rivedere la nota sull’uso dell’IA per il team finanza e scegliere una prima attività da automatizzare.',
    );
    // Sarah speaks English only: her pair with Sofia keeps English.
    expect(summariesOf('sofia.romano').join(' ')).toMatch(/^[\x20-\x7e’]+$/);
  });
});
