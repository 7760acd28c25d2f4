import { describe, expect, it } from 'vitest';
import { pairProgressSchema } from '../schemas/progress.js';
import { pairProgress } from './pair-progress.js';

describe('pairProgress', () => {
  it('sums up a pair that meets on time and trusts each other', () => {
    const progress = pairProgress({
      pair: { startedOn: '2026-01-05', resumedOn: null, status: 'active' },
      cadenceDays: 14,
      now: new Date('2026-02-20T12:00:00Z'),
      sessions: [
        { status: 'held', occurredAt: '2026-01-12T10:00:00Z', scheduledAt: null },
        { status: 'held', occurredAt: '2026-01-26T10:00:00Z', scheduledAt: null },
        { status: 'held', occurredAt: '2026-02-09T10:00:00Z', scheduledAt: null },
        { status: 'cancelled', occurredAt: null, scheduledAt: '2026-02-16T10:00:00Z' },
        { status: 'planned', occurredAt: null, scheduledAt: '2026-03-09T10:00:00Z' },
        { status: 'planned', occurredAt: null, scheduledAt: '2026-02-23T10:00:00Z' },
      ],
      goals: [{ status: 'achieved' }, { status: 'in-progress' }, { status: 'dropped' }],
      feedback: [
        { trust: 5, createdAt: '2026-01-12T11:00:00Z' },
        { trust: 4, createdAt: '2026-01-26T11:00:00Z' },
      ],
    });
    expect(progress).toEqual({
      sessionsHeld: 3,
      sessionsExpected: 3,
      cadenceAdherence: 1,
      goalsAchieved: 1,
      goalsInPlay: 2,
      goalCompletion: 0.5,
      lastSessionAt: '2026-02-09T10:00:00Z',
      nextSessionAt: '2026-02-23T10:00:00Z',
      atRisk: false,
      atRiskReasons: [],
    });
    expect(pairProgressSchema.parse(progress)).toEqual(progress);
  });

  it('reads trust from the newest answers, whatever order they arrive in', () => {
    const progress = pairProgress({
      pair: { startedOn: '2026-01-05', resumedOn: null, status: 'active' },
      cadenceDays: 14,
      now: new Date('2026-01-20T12:00:00Z'),
      sessions: [{ status: 'held', occurredAt: '2026-01-19T10:00:00Z', scheduledAt: null }],
      goals: [],
      feedback: [
        { trust: 2, createdAt: '2026-01-19T11:00:00Z' },
        { trust: 5, createdAt: '2026-01-06T11:00:00Z' },
        { trust: 2, createdAt: '2026-01-18T11:00:00Z' },
        { trust: 2, createdAt: '2026-01-17T11:00:00Z' },
      ],
    });
    expect(progress.atRiskReasons).toEqual(['low-trust']);
    expect(progress.goalCompletion).toBeNull();
  });

  it('flags a pair whose executive cancelled the last two sessions, though it met recently', () => {
    const progress = pairProgress({
      pair: { startedOn: '2026-01-05', resumedOn: null, status: 'active' },
      cadenceDays: 14,
      now: new Date('2026-02-20T12:00:00Z'),
      sessions: [
        { status: 'held', occurredAt: '2026-02-02T10:00:00Z', scheduledAt: '2026-02-02T10:00:00Z' },
        { status: 'cancelled', occurredAt: null, scheduledAt: '2026-02-09T10:00:00Z' },
        { status: 'cancelled', occurredAt: null, scheduledAt: '2026-02-16T10:00:00Z' },
      ],
      goals: [],
      feedback: [],
    });
    expect(progress).toMatchObject({ atRisk: true, atRiskReasons: ['two-cancellations'] });
    expect(pairProgressSchema.parse(progress)).toEqual(progress);
  });
});
