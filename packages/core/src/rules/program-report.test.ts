import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programReportSchema } from '../schemas/report.js';
import { FEEDBACK_KINDS, PAIR_STATUSES } from '../vocabulary.js';
import { feedbackFigures, programReport } from './program-report.js';

const answer = (kind: 'session' | 'midpoint' | 'final', trust: number, recommend = 8) => ({
  kind,
  ratings: { usefulness: 4, trust, preparation: 3 },
  recommend,
});

describe('programReport', () => {
  it('counts pairs by status', () => {
    const report = programReport(
      [{ status: 'active' }, { status: 'active' }, { status: 'proposed' }, { status: 'completed' }],
      null,
      3,
    );
    expect(report.pairs).toEqual({
      total: 4,
      byStatus: { proposed: 1, active: 2, paused: 0, completed: 1, dissolved: 0 },
    });
    expect(programReportSchema.parse(report)).toEqual(report);
  });

  it('shows the released figures with when they were released, and nothing before a release', () => {
    expect(programReport([], null, 3).feedback).toEqual({
      minGroupSize: 3,
      releasedAt: null,
      answers: 0,
      overall: null,
      byKind: null,
    });
    const figures = feedbackFigures([answer('session', 2), answer('session', 4), answer('session', 3)], 3);
    const report = programReport([], { releasedAt: '2026-03-02T09:00:00.000Z', covers: {}, figures }, 3);
    expect(report.feedback).toEqual({ minGroupSize: 3, releasedAt: '2026-03-02T09:00:00.000Z', ...figures });
    expect(programReportSchema.parse(report)).toEqual(report);
  });

  it('hides released figures at once when the minimum was raised above them since', () => {
    const figures = feedbackFigures([answer('session', 2), answer('session', 4), answer('session', 3)], 3);
    const released = { releasedAt: '2026-03-02T09:00:00.000Z', covers: {}, figures };
    expect(programReport([], released, 4).feedback).toMatchObject({
      answers: 3,
      overall: null,
      byKind: null,
    });
  });
});

describe('feedbackFigures', () => {
  it('shows no average until enough people have answered, and rounds to one decimal', () => {
    const two = feedbackFigures([answer('session', 2), answer('session', 4)], 3);
    expect(two).toEqual({ answers: 2, overall: null, byKind: null });
    const three = feedbackFigures([answer('session', 2), answer('session', 4), answer('session', 3, 10)], 3);
    expect(three.overall).toEqual({ answers: 3, usefulness: 4, trust: 3, preparation: 3, recommend: 8.7 });
    expect(three.byKind).toEqual({ session: three.overall, midpoint: null, final: null });
  });

  it('hides the break-down when one kind is too small, so it cannot be subtracted out', () => {
    const figures = feedbackFigures(
      [answer('session', 4), answer('session', 4), answer('session', 4), answer('final', 1)],
      3,
    );
    expect(figures.overall?.answers).toBe(4);
    expect(figures.byKind).toBeNull();
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
          const figures = feedbackFigures(feedback, min);
          const { overall, byKind } = figures;
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
          const report = programReport(
            pairs,
            { releasedAt: '2026-03-02T09:00:00Z', covers: {}, figures },
            min,
          );
          expect(programReportSchema.safeParse(report).success).toBe(true);
        },
      ),
    );
  });
});
