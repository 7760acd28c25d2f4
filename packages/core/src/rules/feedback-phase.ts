import type { Pair } from '../schemas/pair.js';
import type { Program } from '../schemas/program.js';

const DAY_MS = 86_400_000;

/** The final questionnaire opens this many cadences before the pair's end date. */
export const FINAL_FEEDBACK_CADENCES = 2;

export type FeedbackPhaseKind = 'midpoint' | 'final';

export interface FeedbackPhaseInput {
  pair: Pick<Pair, 'status' | 'startedOn' | 'endedOn'>;
  program: Pick<Program, 'startsOn' | 'endsOn' | 'cadenceDays'>;
  /** Today as a calendar date (`YYYY-MM-DD`) where the reader is. */
  today: string;
  /** The phases the reader has answered already. */
  answered?: readonly FeedbackPhaseKind[];
}

export type FeedbackPhase =
  | { open: FeedbackPhaseKind }
  /** Nothing open yet: `next` opens on `opensOn`, or, for a pair not started, `next` is null. */
  | { open: null; next: FeedbackPhaseKind; opensOn: string }
  | { open: null; next: null; opensOn: null };

const dayNumber = (date: string) => Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

type SpanInput = {
  pair: FeedbackPhaseInput['pair'];
  program: Pick<Program, 'startsOn' | 'endsOn'>;
};

/** A pair's span as the phases count it, as day numbers. */
function span({ pair, program }: SpanInput) {
  const start = dayNumber(pair.startedOn ?? program.startsOn);
  const end = Math.max(start, dayNumber(pair.endedOn ?? program.endsOn));
  return { start, end, midpoint: start + Math.floor((end - start) / 2) };
}

/**
 * The days a pair's phases turn on: its mid-point, halfway from the day it became active
 * (else its program's start) to its end (else its program's end), and that end.
 */
export function phaseDates(input: SpanInput): {
  midpoint: string;
  end: string;
} {
  const { midpoint, end } = span(input);
  return { midpoint: dateOf(midpoint), end: dateOf(end) };
}

/**
 * Which program-phase questionnaire a pair member answers today. The pair runs from the
 * day it became active (else its program's start) to its end (else its program's end):
 * the mid-point questionnaire opens halfway, the final one `FINAL_FEEDBACK_CADENCES`
 * cadences before the end, and stays open after it. A proposed pair gives no feedback.
 * A phase already answered stays shown even when the dates say otherwise (they may have
 * moved since), so its author can still read, change or withdraw the answer.
 */
export function feedbackPhase({ pair, program, today, answered = [] }: FeedbackPhaseInput): FeedbackPhase {
  if (pair.status === 'proposed') return { open: null, next: null, opensOn: null };
  const { start, end, midpoint } = span({ pair, program });
  const final = Math.max(start, end - FINAL_FEEDBACK_CADENCES * program.cadenceDays);
  const now = dayNumber(today);
  if (now >= final) return { open: 'final' };
  if (now >= midpoint && midpoint < final) return { open: 'midpoint' };
  if (answered.includes('final')) return { open: 'final' };
  if (answered.includes('midpoint')) return { open: 'midpoint' };
  return midpoint < final
    ? { open: null, next: 'midpoint', opensOn: dateOf(midpoint) }
    : { open: null, next: 'final', opensOn: dateOf(final) };
}
