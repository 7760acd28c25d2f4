import type { Feedback, FeedbackKind } from '../schemas/feedback.js';
import type { Pair, PairStatus } from '../schemas/pair.js';
import type { ProgramReport, RatingSummary } from '../schemas/report.js';
import { FEEDBACK_KINDS, PAIR_STATUSES } from '../vocabulary.js';

type Answer = Pick<Feedback, 'kind' | 'ratings' | 'recommend'>;

function mean(values: number[]): number {
  return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 100) / 100;
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
 * Counts by pair status and feedback averages for HR. A kind with answers but fewer
 * than `minGroupSize` hides the whole break-down: showing the others beside the overall
 * average would let anyone subtract their way to the hidden answers.
 */
export function programReport(
  pairs: readonly Pick<Pair, 'status'>[],
  feedback: readonly Answer[],
  minGroupSize: number,
): ProgramReport {
  const byStatus = Object.fromEntries(PAIR_STATUSES.map((s) => [s, 0])) as Record<PairStatus, number>;
  for (const pair of pairs) byStatus[pair.status] += 1;

  const groups = new Map<FeedbackKind, Answer[]>(FEEDBACK_KINDS.map((k) => [k, []]));
  for (const answer of feedback) groups.get(answer.kind)?.push(answer);
  const everyGroupLargeEnough = [...groups.values()].every((g) => g.length === 0 || g.length >= minGroupSize);
  const overall = summarizeRatings(feedback, minGroupSize);

  return {
    pairs: { total: pairs.length, byStatus },
    feedback: {
      minGroupSize,
      answers: feedback.length,
      overall,
      byKind:
        overall && everyGroupLargeEnough
          ? (Object.fromEntries(
              FEEDBACK_KINDS.map((k) => [k, summarizeRatings(groups.get(k) ?? [], minGroupSize)]),
            ) as Record<FeedbackKind, RatingSummary | null>)
          : null,
    },
  };
}
