import type { FeedbackKind } from '../schemas/feedback.js';
import { type FeedbackOpeningInput, feedbackOpenings } from './feedback-opening.js';

export interface FeedbackAcceptanceInput extends FeedbackOpeningInput {
  kind: FeedbackKind;
}

/** Why an answer cannot be given yet, and from when it can (null: it never can, as it stands). */
export type FeedbackRefusal =
  | { reason: 'pair-proposed'; opensOn: null }
  | { reason: 'midpoint-not-yet'; opensOn: string }
  | { reason: 'final-not-yet'; opensOn: string };

/** Why a pair member may not give feedback of a kind today, by feedbackOpenings; null: accepted. */
export function feedbackRefusal({ kind, ...input }: FeedbackAcceptanceInput): FeedbackRefusal | null {
  const opening = feedbackOpenings(input)[kind];
  if (opening.open) return null;
  if (opening.opensOn === null) return { reason: 'pair-proposed', opensOn: null };
  return { reason: kind === 'midpoint' ? 'midpoint-not-yet' : 'final-not-yet', opensOn: opening.opensOn };
}
