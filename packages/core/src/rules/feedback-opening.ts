import type { FeedbackKind } from '../schemas/feedback.js';
import type { Pair } from '../schemas/pair.js';
import type { Program } from '../schemas/program.js';

const DAY_MS = 86_400_000;

/** The final questionnaire opens this many cadences before the pair's end date, if not before. */
export const FINAL_FEEDBACK_CADENCES = 2;

export interface FeedbackOpeningInput {
  pair: Pick<Pair, 'status' | 'startedOn' | 'endedOn'>;
  program: Pick<Program, 'startsOn' | 'endsOn' | 'cadenceDays'>;
  /** Today as a calendar date (`YYYY-MM-DD`) where the reader is. */
  today: string;
  /** Whether the pair has held a session: the final questionnaire opens with the first. */
  sessionHeld: boolean;
}

/** Whether feedback of a kind can be given today; if not, from when by the calendar (null: not as the pair stands). */
export type FeedbackOpening = { open: true } | { open: false; opensOn: string | null };

const dayNumber = (date: string) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The days a pair's phases turn on, as day numbers (see phaseDates). */
function phaseDays({ pair, program }: Pick<FeedbackOpeningInput, 'pair' | 'program'>) {
  const start = dayNumber(pair.startedOn ?? program.startsOn);
  const end = Math.max(start, dayNumber(pair.endedOn ?? program.endsOn));
  const midpoint = start + Math.floor((end - start) / 2);
  const endNear = Math.max(start, end - FINAL_FEEDBACK_CADENCES * program.cadenceDays);
  return { midpoint, endNear };
}

/**
 * The days a pair's phases turn on. The pair runs from the day it became active (else its
 * program's start) to its end (else its program's end): its mid-point is halfway; its end
 * is near `FINAL_FEEDBACK_CADENCES` cadences before the end (never before the start).
 */
export function phaseDates(input: Pick<FeedbackOpeningInput, 'pair' | 'program'>): {
  midpoint: string;
  endNear: string;
} {
  const { midpoint, endNear } = phaseDays(input);
  return { midpoint: dateOf(midpoint), endNear: dateOf(endNear) };
}

/**
 * The one rule of when feedback is open, which the server refuses by and the feedback
 * form offers by. A proposed pair has not started and gives none. Session feedback is open
 * once it has started; the mid-point questionnaire from the pair's mid-point date; the
 * final one once the pair has held a session or its end is near (see phaseDays), so a pair
 * that never met can still say why at the end.
 */
export function feedbackOpenings(input: FeedbackOpeningInput): Record<FeedbackKind, FeedbackOpening> {
  if (input.pair.status === 'proposed') {
    const closed = { open: false, opensOn: null } as const;
    return { session: closed, midpoint: closed, final: closed };
  }
  const { midpoint, endNear } = phaseDays(input);
  const now = dayNumber(input.today);
  const from = (day: number, already = false): FeedbackOpening =>
    already || now >= day ? { open: true } : { open: false, opensOn: dateOf(day) };
  return { session: { open: true }, midpoint: from(midpoint), final: from(endNear, input.sessionHeld) };
}
