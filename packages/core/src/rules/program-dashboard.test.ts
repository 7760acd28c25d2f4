import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { programDashboardSchema } from '../schemas/dashboard.js';
import { type DashboardGround, programDashboard, weekOf } from './program-dashboard.js';

const [P1, P2] = [newId('pair'), newId('pair')];
const feedback = { minGroupSize: 3, releasedAt: null, answers: 0, overall: null, byKind: null };
const held = (pairId: string, at: string, topics: string[] = []) => ({
  pairId,
  status: 'held' as const,
  occurredAt: at,
  scheduledAt: null,
  topics,
});
const cancelled = (pairId: string, at: string) => ({
  pairId,
  status: 'cancelled' as const,
  occurredAt: null,
  scheduledAt: at,
  topics: [],
});

const ground: DashboardGround = {
  program: {
    id: newId('program'),
    startsOn: '2026-01-05',
    endsOn: '2026-12-18',
    cadenceDays: 14,
    topics: ['ai-tools', 'sustainability'],
    customTopics: [],
  },
  enrollments: [
    { personId: 'per_A', role: 'mentee', status: 'accepted', topics: ['ai-tools', 'strategy'] },
    { personId: 'per_B', role: 'mentee', status: 'accepted', topics: ['ai-tools'] },
    { personId: 'per_C', role: 'mentee', status: 'applied', topics: ['sustainability'] },
    { personId: 'per_D', role: 'mentor', status: 'accepted', topics: ['ai-tools', 'ai-tools'] },
    { personId: 'per_E', role: 'mentor', status: 'withdrawn', topics: ['sustainability'] },
  ],
  pairs: [
    {
      id: P1,
      menteeId: 'per_A',
      status: 'active',
      startedOn: '2026-01-05',
      resumedOn: null,
      mentorName: 'Giulia',
      menteeName: 'Marco',
    },
    {
      id: P2,
      menteeId: 'per_B',
      status: 'dissolved',
      startedOn: '2026-01-05',
      resumedOn: null,
      mentorName: 'Luca',
      menteeName: 'Paola',
    },
  ],
  sessions: [
    held(P1, '2026-01-12T10:00:00Z', ['ai-tools']),
    held(P1, '2026-01-14T10:00:00Z', ['ai-tools', 'strategy']),
    cancelled(P1, '2026-01-26T10:00:00Z'),
    cancelled(P1, '2026-02-09T10:00:00Z'),
    { ...cancelled(P1, '2026-03-09T10:00:00Z'), status: 'planned' },
  ],
  goals: [{ status: 'achieved' }, { status: 'open' }, { status: 'dropped' }],
  now: new Date('2026-02-10T12:00:00Z'),
};

describe('programDashboard', () => {
  const dashboard = programDashboard(ground, feedback);

  it('flags the pair whose last two sessions were cancelled, with its cancellations counted', () => {
    expect(dashboard.pairRows[0]).toEqual({
      pairId: P1,
      mentorName: 'Giulia',
      menteeName: 'Marco',
      status: 'active',
      startedOn: '2026-01-05',
      sessionsHeld: 2,
      sessionsCancelled: 2,
      sessionsPlanned: 1,
      lastHeldAt: '2026-01-14T10:00:00Z',
      cancelledInARow: 2,
      atRisk: true,
      atRiskReasons: ['two-cancellations'],
    });
    expect(dashboard.pairRows[1]?.atRisk).toBe(false);
  });

  it('counts sessions per week from the start of the program to this week, Mondays first', () => {
    expect(dashboard.sessionsPerWeek).toEqual([
      { weekOf: '2026-01-05', held: 0, cancelled: 0 },
      { weekOf: '2026-01-12', held: 2, cancelled: 0 },
      { weekOf: '2026-01-19', held: 0, cancelled: 0 },
      { weekOf: '2026-01-26', held: 0, cancelled: 1 },
      { weekOf: '2026-02-02', held: 0, cancelled: 0 },
      { weekOf: '2026-02-09', held: 0, cancelled: 1 },
    ]);
  });

  it('keeps to the latest 26 weeks, and to none before the program starts', () => {
    const late = programDashboard({ ...ground, now: new Date('2026-11-30T08:00:00Z') }, feedback);
    expect(late.sessionsPerWeek).toHaveLength(26);
    expect(late.sessionsPerWeek.at(-1)?.weekOf).toBe('2026-11-30');
    const early = programDashboard({ ...ground, now: new Date('2025-12-01T08:00:00Z') }, feedback);
    expect(early.sessionsPerWeek).toEqual([]);
  });

  it('counts the sessions of a pair published before the program starts, from the week of its first', () => {
    const before = programDashboard(
      {
        ...ground,
        program: { ...ground.program, startsOn: '2027-03-29', endsOn: '2027-12-17' },
        sessions: [
          held(P1, '2026-11-30T07:37:00Z'),
          { ...cancelled(P1, '2026-11-23T10:00:00Z'), status: 'planned' },
        ],
        now: new Date('2026-12-02T08:00:00Z'),
      },
      feedback,
    );
    expect(before.sessionsPerWeek).toEqual([{ weekOf: '2026-11-30', held: 1, cancelled: 0 }]);
  });

  it('gives the match rate over accepted mentees, a dissolved pair not counting as a match', () => {
    expect(dashboard.enrollment).toEqual({
      byStatus: {
        applied: { mentor: 0, mentee: 1 },
        accepted: { mentor: 1, mentee: 2 },
        declined: { mentor: 0, mentee: 0 },
        withdrawn: { mentor: 1, mentee: 0 },
      },
      menteesAccepted: 2,
      menteesMatched: 1,
      matchRate: 0.5,
    });
  });

  it("sets what mentees want beside what mentors offer and what held sessions covered, in the program's order", () => {
    expect(dashboard.topics).toEqual([
      {
        key: 'ai-tools',
        labels: { en: 'AI tools', it: 'Strumenti di IA' },
        wanted: 2,
        offered: 1,
        covered: 2,
      },
      {
        key: 'sustainability',
        labels: { en: 'Sustainability', it: 'Sostenibilità' },
        wanted: 1,
        offered: 0,
        covered: 0,
      },
      { key: 'strategy', labels: { en: 'Strategy', it: 'Strategia' }, wanted: 1, offered: 0, covered: 1 },
    ]);
  });

  it("counts the program's goals together and its pairs by status, and matches its schema", () => {
    expect(dashboard.goals).toEqual({ achieved: 1, inPlay: 2, completion: 0.5 });
    expect(dashboard.pairs).toEqual({
      total: 2,
      byStatus: { proposed: 0, active: 1, paused: 0, completed: 0, dissolved: 1 },
    });
    expect(programDashboardSchema.parse(dashboard)).toEqual(dashboard);
  });
});

describe('weekOf', () => {
  it('gives the Monday of the week in UTC', () => {
    expect(weekOf('2026-11-29T23:59:59Z')).toBe('2026-11-23');
    expect(weekOf('2026-11-30T00:00:00Z')).toBe('2026-11-30');
    expect(weekOf('2026-01-05')).toBe('2026-01-05');
  });
});
