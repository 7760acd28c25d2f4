import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programReportSchema } from '../schemas/report.js';
import { FEEDBACK_KINDS, PAIR_STATUSES } from '../vocabulary.js';
import { programReport } from './program-report.js';

const answer = (kind: 'session' | 'midpoint' | 'final', trust: number, recommend = 8) => ({
  kind,
  ratings: { usefulness: 4, trust, preparation: 3 },
  recommend,
});

describe('programReport', () => {
  it('counts pairs by status', () => {
    const report = programReport(
      [{ status: 'active' }, { status: 'active' }, { status: 'proposed' }, { status: 'completed' }],
      [],
      3,
    );
    expect(report.pairs).toEqual({
      total: 4,
      byStatus: { proposed: 1, active: 2, paused: 0, completed: 1, dissolved: 0 },
    });
    expect(programReportSchema.parse(report)).toEqual(report);
  });

  it('shows no average until enough people have answered', () => {
    const two = programReport([], [answer('session', 2), answer('session', 4)], 3);
    expect(two.feedback).toEqual({ minGroupSize: 3, answers: 2, overall: null, byKind: null });
    const three = programReport(
      [],
      [answer('session', 2), answer('session', 4), answer('session', 3, 10)],
      3,
    );
    expect(three.feedback.overall).toEqual({
      answers: 3,
      usefulness: 4,
      trust: 3,
      preparation: 3,
      recommend: 8.67,
    });
    expect(three.feedback.byKind).toEqual({ session: three.feedback.overall, midpoint: null, final: null });
  });

  it('hides the break-down when one kind is too small, so it cannot be subtracted out', () => {
    const feedback = [answer('session', 4), answer('session', 4), answer('session', 4), answer('final', 1)];
    const report = programReport([], feedback, 3);
    expect(report.feedback.overall?.answers).toBe(4);
    expect(report.feedback.byKind).toBeNull();
  });

  it('never reveals a group smaller than the minimum, for any answers and any minimum', () => {
    const arbitraryAnswer = fc.record({
      kind: fc.constantFrom(...FEEDBACK_KINDS),
      ratings: fc.record({
        usefulness: fc.integer({ min: 1, max: 5 }),
        trust: fc.integer({ min: 1, max: 5 }),
        preparation: fc.integer({ min: 1, max: 5 }),
      }),
      recommend: fc.integer({ min: 0, max: 10 }),
    });
    const arbitraryPair = fc.record({ status: fc.constantFrom(...PAIR_STATUSES) });
    fc.assert(
      fc.property(
        fc.array(arbitraryPair, { maxLength: 20 }),
        fc.array(arbitraryAnswer, { maxLength: 30 }),
        fc.integer({ min: 2, max: 10 }),
        (pairs, feedback, min) => {
          const report = programReport(pairs, feedback, min);
          const { overall, byKind } = report.feedback;
          if (overall) expect(overall.answers).toBeGreaterThanOrEqual(min);
          else expect(byKind).toBeNull();
          if (byKind) {
            for (const kind of FEEDBACK_KINDS) {
              const size = feedback.filter((f) => f.kind === kind).length;
              // A kind is either shown from enough answers or has none to hide.
              expect(size === 0 || size >= min).toBe(true);
              if (byKind[kind]) expect(byKind[kind]?.answers).toBe(size);
            }
          }
          expect(programReportSchema.safeParse(report).success).toBe(true);
        },
      ),
    );
  });
});
