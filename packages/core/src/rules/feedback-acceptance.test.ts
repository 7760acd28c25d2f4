import { describe, expect, it } from 'vitest';
import { type FeedbackAcceptanceInput, feedbackRefusal } from './feedback-acceptance.js';

const program = { startsOn: '2026-01-05', endsOn: '2026-12-18', cadenceDays: 14 };
const pair = { status: 'active' as const, startedOn: '2026-02-02', endedOn: null };
const asked = (extra: Partial<FeedbackAcceptanceInput>) =>
  feedbackRefusal({ kind: 'session', pair, program, today: '2026-03-01', sessionHeld: false, ...extra });

describe('which feedback a pair may give', () => {
  it('takes none from a proposed pair', () => {
    for (const kind of ['session', 'midpoint', 'final'] as const) {
      expect(asked({ kind, pair: { ...pair, status: 'proposed', startedOn: null } })).toEqual({
        reason: 'pair-proposed',
        opensOn: null,
      });
    }
  });

  it('opens the mid-point answer halfway from the pair’s start to the program’s end', () => {
    expect(asked({ kind: 'midpoint', today: '2026-07-10' })).toEqual({
      reason: 'midpoint-not-yet',
      opensOn: '2026-07-11',
    });
    expect(asked({ kind: 'midpoint', today: '2026-07-11' })).toBeNull();
  });

  it('opens the final answer after a held session, or near the end for a pair that never met', () => {
    expect(asked({ kind: 'final' })).toEqual({ reason: 'final-not-yet', opensOn: '2026-11-20' });
    expect(asked({ kind: 'final', sessionHeld: true })).toBeNull();
    expect(asked({ kind: 'final', today: '2026-11-19' })).not.toBeNull();
    expect(asked({ kind: 'final', today: '2026-11-20' })).toBeNull();
    expect(
      asked({ kind: 'final', pair: { ...pair, status: 'dissolved', endedOn: '2026-03-01' } }),
    ).toBeNull();
  });

  it('takes session answers from a pair that has started', () => {
    expect(asked({ kind: 'session' })).toBeNull();
  });
});
