import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FeedbackPhaseInput, feedbackPhase } from './feedback-phase.js';

const program = { startsOn: '2026-01-01', endsOn: '2026-06-30', cadenceDays: 14 };
const pair = { status: 'active' as const, startedOn: '2026-01-11', endedOn: null };
const on = (today: string, extra: Partial<FeedbackPhaseInput> = {}) =>
  feedbackPhase({ pair, program, today, sessionHeld: false, ...extra });

describe('feedbackPhase', () => {
  it('opens nothing before the mid-point, and says when the mid-point opens', () => {
    expect(on('2026-02-01')).toEqual({ open: null, next: 'midpoint', opensOn: '2026-04-06' });
  });

  it('opens the mid-point halfway between the pair’s start and its program’s end', () => {
    expect(on('2026-04-05').open).toBe(null);
    expect(on('2026-04-06')).toEqual({ open: 'midpoint' });
  });

  it('opens the final questionnaire two cadences before the end, and keeps it open after', () => {
    expect(on('2026-06-01')).toEqual({ open: 'midpoint' });
    expect(on('2026-06-02')).toEqual({ open: 'final' });
    expect(on('2027-01-01')).toEqual({ open: 'final' });
  });

  it('follows the pair’s own end, when it ended early', () => {
    expect(on('2026-03-01', { pair: { ...pair, status: 'completed', endedOn: '2026-03-01' } })).toEqual({
      open: 'final',
    });
  });

  it('keeps showing a phase already answered, as dates may have moved', () => {
    expect(on('2026-02-01', { answered: ['midpoint'] })).toEqual({ open: 'midpoint' });
  });

  it('opens nothing for a proposed pair', () => {
    expect(on('2026-06-20', { pair: { ...pair, status: 'proposed', startedOn: null } })).toEqual({
      open: null,
      next: null,
      opensOn: null,
    });
  });

  it('goes straight to the final questionnaire when the pair is shorter than four cadences', () => {
    const short = { ...program, endsOn: '2026-02-10' };
    expect(on('2026-01-12', { program: short })).toEqual({
      open: null,
      next: 'final',
      opensOn: '2026-01-13',
    });
  });

  it('offers the mid-point, not the final, to a pair that has met, until the end is near', () => {
    expect(on('2026-02-01', { sessionHeld: true })).toEqual({
      open: null,
      next: 'midpoint',
      opensOn: '2026-04-06',
    });
    expect(on('2026-04-06', { sessionHeld: true })).toEqual({ open: 'midpoint' });
    expect(on('2026-06-02', { sessionHeld: true })).toEqual({ open: 'final' });
  });

  it('offers the final of a pair too short for a mid-point once it has met', () => {
    const short = { ...program, endsOn: '2026-02-10' };
    expect(on('2026-01-12', { program: short, sessionHeld: true })).toEqual({ open: 'final' });
  });

  it('never goes back from final to mid-point, nor from open to closed, as days pass', () => {
    const rank = (today: string) => {
      const phase = on(today);
      return phase.open === 'final' ? 2 : phase.open === 'midpoint' ? 1 : 0;
    };
    const date = (n: number) => new Date(Date.UTC(2025, 11, 1) + n * 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.nat(400), fc.nat(400), (a, b) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(rank(date(later))).toBeGreaterThanOrEqual(rank(date(earlier)));
      }),
    );
  });
});
