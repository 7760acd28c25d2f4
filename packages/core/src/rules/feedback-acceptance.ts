import type { FeedbackKind } from '../schemas/feedback.js';
import type { Pair } from '../schemas/pair.js';
import type { Program } from '../schemas/program.js';
import { phaseDates } from './feedback-phase.js';

export interface FeedbackAcceptanceInput {
  kind: FeedbackKind;
  pair: Pick<Pair, 'status' | 'startedOn' | 'endedOn'>;
  program: Pick<Program, 'startsOn' | 'endsOn'>;
  /** Today as a calendar date (`YYYY-MM-DD`). */
  today: string;
  /** How many sessions the pair has held. */
  heldSessions: number;
}

/** Why an answer cannot be given yet, and from when it can (null: it never can, as it stands). */
export type FeedbackRefusal =
  | { reason: 'pair-proposed'; opensOn: null }
  | { reason: 'midpoint-not-yet'; opensOn: string }
  | { reason: 'final-not-yet'; opensOn: string };

/**
 * Whether a pair member may give feedback of a kind today. A proposed pair has not
 * started, so it gives none. The mid-point answer opens on the pair's mid-point date; the
 * final answer once the pair has held a session, or once it reached its end date (which
 * a pair that never met reaches too). Null: accepted.
 */
export function feedbackRefusal({
  kind,
  pair,
  program,
  today,
  heldSessions,
}: FeedbackAcceptanceInput): FeedbackRefusal | null {
  if (pair.status === 'proposed') return { reason: 'pair-proposed', opensOn: null };
  const { midpoint, end } = phaseDates({ pair, program });
  if (kind === 'midpoint' && today < midpoint) return { reason: 'midpoint-not-yet', opensOn: midpoint };
  if (kind === 'final' && heldSessions === 0 && today < end) return { reason: 'final-not-yet', opensOn: end };
  return null;
}
