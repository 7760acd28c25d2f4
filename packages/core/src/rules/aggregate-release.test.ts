import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedbackKind } from '../schemas/feedback.js';
import type { FeedbackFigures } from '../schemas/report.js';
import { FEEDBACK_KINDS } from '../vocabulary.js';
import { nextRelease, type Release } from './aggregate-release.js';
import { feedbackFigures, feedbackTrace } from './program-report.js';

interface Answer {
  id: string;
  kind: FeedbackKind;
  ratings: { usefulness: number; trust: number; preparation: number };
  recommend: number;
}

const answer = (id: string, kind: FeedbackKind, trust: number, recommend = 8): Answer => ({
  id,
  kind,
  ratings: { usefulness: 4, trust, preparation: 3 },
  recommend,
});

const release = (
  previous: Release<FeedbackFigures> | null,
  answers: readonly Answer[],
  step = 3,
  at = 'then',
) =>
  nextRelease(previous, answers, {
    step,
    at,
    traceOf: (a) => [a.id, feedbackTrace(a)],
    summarize: (all) => feedbackFigures(all, step),
  });

describe('nextRelease', () => {
  const [a, b, c] = [answer('a', 'session', 2), answer('b', 'session', 4), answer('c', 'session', 3)];
  const three = [a, b, c];

  it('releases nothing until a step of answers came in, then all of them at once', () => {
    expect(release(null, three.slice(0, 2))).toBeNull();
    const first = release(null, three, 3, 'first');
    expect(first?.releasedAt).toBe('first');
    expect(first?.figures.overall).toMatchObject({ answers: 3, trust: 3 });
  });

  it('keeps the released figures, count included, after one more answer, an edit or a withdrawal', () => {
    const first = release(null, three);
    expect(release(first, [...three, answer('d', 'session', 1)])).toBe(first);
    expect(release(first, [a, b, answer('c', 'session', 5)])).toBe(first);
    expect(release(first, three.slice(0, 2))).toBe(first);
  });

  it('moves once a step of answers was added, changed or withdrawn, each counting as one', () => {
    const first = release(null, three);
    const changed = [answer('b', 'session', 5), answer('c', 'session', 5), answer('d', 'session', 1)];
    const next = release(first, changed, 3, 'next');
    expect(next?.releasedAt).toBe('next');
    expect(next?.figures.overall).toMatchObject({ answers: 3, trust: 3.7 });
  });

  it('holds every figure back while one kind changed by less than a step, however many others did', () => {
    const first = release(null, three);
    const more = [...three, answer('d', 'session', 1), answer('e', 'session', 1), answer('f', 'session', 1)];
    expect(release(first, [...more, answer('g', 'final', 1)])).toBe(first);
    const finals = [answer('g', 'final', 1), answer('h', 'final', 2), answer('i', 'final', 3)];
    expect(release(first, [...more, ...finals])?.figures.byKind?.final).toMatchObject({
      answers: 3,
      trust: 2,
    });
  });
});

type Step =
  | { op: 'add'; kind: FeedbackKind; trust: number; recommend: number }
  | { op: 'edit'; pick: number; trust: number; recommend: number }
  | { op: 'withdraw'; pick: number }
  | { op: 'report' };

/** How many answers of each kind differ between two states: added, withdrawn, or with other figures. */
function differingByKind(before: ReadonlyMap<string, Answer>, after: ReadonlyMap<string, Answer>) {
  const differing = new Map<FeedbackKind, number>(FEEDBACK_KINDS.map((k) => [k, 0]));
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const [a, b] = [before.get(id), after.get(id)];
    if (a && b && a.ratings.trust === b.ratings.trust && a.recommend === b.recommend) continue;
    const kind = (a ?? b)?.kind as FeedbackKind;
    differing.set(kind, (differing.get(kind) ?? 0) + 1);
  }
  return differing;
}

describe('released feedback figures, for any answers, edits, withdrawals and reports in between', () => {
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      op: fc.constant('add' as const),
      kind: fc.constantFrom(...FEEDBACK_KINDS),
      trust: fc.integer({ min: 1, max: 5 }),
      recommend: fc.integer({ min: 0, max: 10 }),
    }),
    fc.record({
      op: fc.constant('edit' as const),
      pick: fc.nat(),
      trust: fc.integer({ min: 1, max: 5 }),
      recommend: fc.integer({ min: 0, max: 10 }),
    }),
    fc.record({ op: fc.constant('withdraw' as const), pick: fc.nat() }),
    fc.constant({ op: 'report' as const }),
  );

  it('never changes between two reports unless every kind that changed did so in at least k answers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.array(step, { maxLength: 80 }), (k, steps) => {
        const answers = new Map<string, Answer>();
        let released: Release<FeedbackFigures> | null = null;
        let shown: { figures: FeedbackFigures | null; state: Map<string, Answer> } = {
          figures: null,
          state: new Map(),
        };
        steps.forEach((s, i) => {
          const ids = [...answers.keys()];
          if (s.op === 'add') answers.set(`f${i}`, answer(`f${i}`, s.kind, s.trust, s.recommend));
          if (s.op === 'edit' && ids.length > 0) {
            const id = ids[s.pick % ids.length] as string;
            const old = answers.get(id) as Answer;
            answers.set(id, { ...old, ratings: { ...old.ratings, trust: s.trust }, recommend: s.recommend });
          }
          if (s.op === 'withdraw' && ids.length > 0) answers.delete(ids[s.pick % ids.length] as string);
          if (s.op !== 'report') return;

          const next = release(released, [...answers.values()], k, `t${i}`);
          if (next === released) {
            // Not released: the very same figures and counts as the report before.
            expect(next?.figures ?? null).toEqual(shown.figures);
            return;
          }
          released = next;
          for (const n of differingByKind(shown.state, answers).values())
            expect(n === 0 || n >= k).toBe(true);
          expect(next?.figures).toEqual(feedbackFigures([...answers.values()], k));
          shown = { figures: next?.figures ?? null, state: new Map(answers) };
        });
      }),
      { numRuns: 300 },
    );
  });
});
