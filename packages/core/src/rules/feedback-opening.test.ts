import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feedbackRefusal } from './feedback-acceptance.js';
import { type FeedbackOpeningInput, feedbackOpenings } from './feedback-opening.js';
import { feedbackPhase } from './feedback-phase.js';

// 2026-01-11 to 2026-06-30: mid-point 2026-04-06; two 14-day cadences before the end, 2026-06-02.
const program = { startsOn: '2026-01-01', endsOn: '2026-06-30', cadenceDays: 14 };
const pair = { status: 'active' as const, startedOn: '2026-01-11', endedOn: null };
const openings = (today: string, extra: Partial<FeedbackOpeningInput> = {}) =>
  feedbackOpenings({ pair, program, today, sessionHeld: false, ...extra });

describe('feedbackOpenings: when feedback is open', () => {
  it('opens nothing for a proposed pair, whatever the dates and sessions', () => {
    const proposed = { ...pair, status: 'proposed' as const, startedOn: null };
    const closed = { open: false, opensOn: null };
    expect(openings('2027-01-01', { pair: proposed, sessionHeld: true })).toEqual({
      session: closed,
      midpoint: closed,
      final: closed,
    });
  });

  it('opens session feedback as soon as the pair has started', () => {
    expect(openings('2026-01-11').session).toEqual({ open: true });
  });

  it('opens the mid-point on the mid-point date', () => {
    expect(openings('2026-04-05').midpoint).toEqual({ open: false, opensOn: '2026-04-06' });
    expect(openings('2026-04-06').midpoint).toEqual({ open: true });
  });

  it('opens the final once the end is near, two cadences before it, for a pair that never met', () => {
    expect(openings('2026-06-01').final).toEqual({ open: false, opensOn: '2026-06-02' });
    expect(openings('2026-06-02').final).toEqual({ open: true });
    expect(openings('2027-01-01').final).toEqual({ open: true });
  });

  it('opens the final as soon as the pair has held a session', () => {
    expect(openings('2026-01-12', { sessionHeld: true }).final).toEqual({ open: true });
  });

  it('follows the pair’s own end, when it ended early', () => {
    const ended = { ...pair, status: 'dissolved' as const, endedOn: '2026-03-01' };
    expect(openings('2026-03-01', { pair: ended }).final).toEqual({ open: true });
  });
});

describe('the server and the form go by the same rule', () => {
  const date = (n: number) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const input = fc.record({
    status: fc.constantFrom('proposed', 'active', 'paused', 'completed', 'dissolved'),
    startedOn: fc.option(fc.nat(200).map(date)),
    length: fc.integer({ min: 0, max: 400 }),
    cadenceDays: fc.integer({ min: 1, max: 60 }),
    today: fc.nat(700).map(date),
    sessionHeld: fc.boolean(),
  });

  it('refuses exactly what is not open, and the form offers nothing the server refuses', () => {
    fc.assert(
      fc.property(input, ({ status, startedOn, length, cadenceDays, today, sessionHeld }) => {
        const subject = {
          pair: { status, startedOn: status === 'proposed' ? null : startedOn, endedOn: null },
          program: { startsOn: date(0), endsOn: date(length), cadenceDays },
          today,
          sessionHeld,
        } as const;
        const open = feedbackOpenings(subject);
        for (const kind of ['session', 'midpoint', 'final'] as const) {
          expect(feedbackRefusal({ kind, ...subject }) === null).toBe(open[kind].open);
        }
        const offered = feedbackPhase(subject).open;
        if (offered) expect(feedbackRefusal({ kind: offered, ...subject })).toBeNull();
      }),
    );
  });
});
