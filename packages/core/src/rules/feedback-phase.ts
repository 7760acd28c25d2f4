import { type FeedbackOpeningInput, feedbackOpenings, phaseDates } from './feedback-opening.js';

export type FeedbackPhaseKind = 'midpoint' | 'final';

export interface FeedbackPhaseInput extends FeedbackOpeningInput {
  /** The phases the reader has answered already. */
  answered?: readonly FeedbackPhaseKind[];
}

export type FeedbackPhase =
  | { open: FeedbackPhaseKind }
  /** Nothing open yet: `next` opens on `opensOn`, or, for a pair not started, `next` is null. */
  | { open: null; next: FeedbackPhaseKind; opensOn: string }
  | { open: null; next: null; opensOn: null };

/**
 * Which program-phase questionnaire the feedback form offers a pair member today: only one
 * that feedbackOpenings says is open, so the server never refuses what the form offers.
 * Of those, the one the calendar is at: the final once the end is near, the mid-point from
 * the mid-point date until then; a pair too short for a mid-point has only the final one,
 * offered as soon as it opens. A phase already answered stays shown even when the dates
 * say otherwise (they may have moved since), so its author can still read, change or
 * withdraw the answer.
 */
export function feedbackPhase({ answered = [], ...input }: FeedbackPhaseInput): FeedbackPhase {
  if (input.pair.status === 'proposed') return { open: null, next: null, opensOn: null };
  const open = feedbackOpenings(input);
  const { midpoint, endNear } = phaseDates(input);
  const hasMidpoint = midpoint < endNear;
  if (open.final.open && (!hasMidpoint || input.today.slice(0, 10) >= endNear)) return { open: 'final' };
  if (hasMidpoint && open.midpoint.open) return { open: 'midpoint' };
  if (answered.includes('final')) return { open: 'final' };
  if (answered.includes('midpoint')) return { open: 'midpoint' };
  return hasMidpoint
    ? { open: null, next: 'midpoint', opensOn: midpoint }
    : { open: null, next: 'final', opensOn: endNear };
}
