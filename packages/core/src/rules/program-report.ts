import type { Feedback, FeedbackKind } from '../schemas/feedback.js';
import type { Pair, PairStatus } from '../schemas/pair.js';
import type { FeedbackFigures, ProgramReport, RatingSummary } from '../schemas/report.js';
import { FEEDBACK_KINDS, PAIR_STATUSES } from '../vocabulary.js';
import type { AnswerTrace, Release } from './aggregate-release.js';

type Answer = Pick<Feedback, 'kind' | 'ratings' | 'recommend'>;

/**
 * To one decimal: enough for HR to compare groups, and the count times the average no
 * longer gives the exact sum of the answers behind it.
 */
function mean(values: number[]): number {
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 10) / 10;
}

/** Averages over a group, or null when the group is too small to hide any one answer. */
export function summarizeRatings(answers: readonly Answer[], minGroupSize: number): RatingSummary | null {
  if (answers.length === 0 || answers.length < minGroupSize) return null;
  return {
    answers: answers.length,
    usefulness: mean(answers.map((a) => a.ratings.usefulness)),
    trust: mean(answers.map((a) => a.ratings.trust)),
    preparation: mean(answers.map((a) => a.ratings.preparation)),
    recommend: mean(answers.map((a) => a.recommend)),
  };
}

/**
 * The feedback figures over one set of answers: overall and by kind. A kind with answers
 * but fewer than `minGroupSize` hides the whole break-down: showing the others beside the
 * overall average would let anyone subtract their way to the hidden answers.
 */
export function feedbackFigures(feedback: readonly Answer[], minGroupSize: number): FeedbackFigures {
  const groups = new Map<FeedbackKind, Answer[]>(FEEDBACK_KINDS.map((k) => [k, []]));
  for (const answer of feedback) groups.get(answer.kind)?.push(answer);
  const everyGroupLargeEnough = [...groups.values()].every((g) => g.length === 0 || g.length >= minGroupSize);
  const overall = summarizeRatings(feedback, minGroupSize);
  return {
    answers: feedback.length,
    overall,
    byKind:
      overall && everyGroupLargeEnough
        ? (Object.fromEntries(
            FEEDBACK_KINDS.map((k) => [k, summarizeRatings(groups.get(k) ?? [], minGroupSize)]),
          ) as Record<FeedbackKind, RatingSummary | null>)
        : null,
  };
}

/**
 * How a release of feedback figures remembers an answer: counted in its kind, with the
 * ratings and recommendation it contributed, so an edit is a change like a new answer.
 */
export function feedbackTrace(answer: Answer): AnswerTrace {
  const { usefulness, trust, preparation } = answer.ratings;
  return { group: answer.kind, value: `${usefulness}${trust}${preparation}/${answer.recommend}` };
}

/**
 * Released figures under the organisation's minimum as it is now: one raised since the
 * release hides what it no longer allows, at once rather than at the next release.
 */
function withinMinimum(figures: FeedbackFigures, minGroupSize: number): FeedbackFigures {
  const largeEnough = (summary: RatingSummary | null) => summary === null || summary.answers >= minGroupSize;
  const overall = figures.overall && largeEnough(figures.overall) ? figures.overall : null;
  const kinds = Object.values(figures.byKind ?? {});
  return {
    answers: figures.answers,
    overall,
    byKind: overall && kinds.every(largeEnough) ? figures.byKind : null,
  };
}

/**
 * Counts by pair status, and the feedback figures as last released (see nextRelease): a
 * report never shows figures fresher than their release, so two reports cannot be
 * subtracted down to one answer. Pair statuses are no one's private answer and are live.
 */
export function programReport(
  pairs: readonly Pick<Pair, 'status'>[],
  released: Release<FeedbackFigures> | null,
  minGroupSize: number,
): ProgramReport {
  const byStatus = Object.fromEntries(PAIR_STATUSES.map((s) => [s, 0])) as Record<PairStatus, number>;
  for (const pair of pairs) byStatus[pair.status] += 1;
  return {
    pairs: { total: pairs.length, byStatus },
    feedback: {
      minGroupSize,
      releasedAt: released?.releasedAt ?? null,
      ...withinMinimum(released?.figures ?? feedbackFigures([], minGroupSize), minGroupSize),
    },
  };
}
