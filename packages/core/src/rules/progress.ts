import type { Goal } from '../schemas/goal.js';
import type { PairStatus } from '../schemas/pair.js';
import type { Session } from '../schemas/session.js';
import type { AT_RISK_REASONS } from '../vocabulary.js';

const DAY_MS = 86_400_000;

function toTime(value: Date | string): number {
  return typeof value === 'string' ? Date.parse(value) : value.getTime();
}

/**
 * How many sessions a pair should have held by `at`: the whole cadence periods since
 * it started. A pair that has not started, or is asked about a day before its start,
 * owes nothing.
 */
export function expectedSessions(
  startedOn: Date | string | null,
  at: Date | string,
  cadenceDays: number,
): number {
  if (startedOn === null) return 0;
  const elapsed = toTime(at) - toTime(startedOn);
  if (!(elapsed > 0) || !(cadenceDays > 0)) return 0;
  return Math.floor(elapsed / (cadenceDays * DAY_MS));
}

/**
 * Held sessions over expected ones, capped at 1: meeting more often than the cadence
 * does not bank credit for later. Before the first session is due, adherence is 1.
 */
export function cadenceAdherence(held: number, expected: number): number {
  if (expected <= 0) return 1;
  return Math.min(1, Math.max(0, held) / expected);
}

export const AT_RISK_CADENCE_FACTOR = 2;
export const LOW_TRUST_THRESHOLD = 3;
export const TRUST_WINDOW = 3;
export const CANCELLATIONS_IN_A_ROW = 2;

export type AtRiskReason = (typeof AT_RISK_REASONS)[number];

type DatedSession = Pick<Session, 'status' | 'occurredAt' | 'scheduledAt'>;

/** When a session took place or was meant to: held ones by when they were held. */
export function sessionDate(session: DatedSession): string | null {
  return session.occurredAt ?? session.scheduledAt;
}

/**
 * How many of the pair's latest sessions that were held or cancelled, by date, were
 * cancelled: 0 when the latest was held. Planned and missed sessions do not break a run,
 * and a session with no date cannot be placed in one.
 */
export function cancelledInARow(sessions: readonly DatedSession[]): number {
  const outcomes = sessions
    .filter((s) => (s.status === 'held' || s.status === 'cancelled') && sessionDate(s) !== null)
    .sort((a, b) => toTime(sessionDate(b) as string) - toTime(sessionDate(a) as string));
  const held = outcomes.findIndex((s) => s.status === 'held');
  return held === -1 ? outcomes.length : held;
}

export interface AtRiskInput {
  /**
   * Only an active pair owes sessions: a paused pair has agreed not to meet for now, and
   * one that is proposed, completed or dissolved is not meeting at all.
   */
  status: PairStatus;
  /** When the pair started; null for a pair that is not active yet. */
  startedOn: Date | string | null;
  /** When the latest held session took place, or null if none has been held. */
  lastHeldAt: Date | string | null;
  /**
   * The day the pair last resumed after a pause, or null if it never did: the weeks it
   * spent paused are not quiet time it owes sessions for.
   */
  resumedOn: Date | string | null;
  cadenceDays: number;
  /**
   * Trust ratings (1-5) of the pair's feedback that the viewer may read, oldest first;
   * none for an admin or a service token, whose view never rests on private answers.
   */
  trustRatings: readonly number[];
  /** How many of its latest held-or-cancelled sessions were cancelled (see cancelledInARow). */
  cancelledInARow: number;
  now: Date | string;
}

export interface AtRisk {
  atRisk: boolean;
  reasons: AtRiskReason[];
}

/**
 * A pair is at risk when, while active, no session was held for more than twice the
 * cadence (counted from the latest of its last session, its start and its resumption
 * after a pause), or its two latest sessions were both cancelled (executives cancelling
 * is the first way these programs fail); or when the average trust rating of its last
 * three answers is under 3. A paused or ended pair has said why it does not meet, so
 * neither quiet time nor cancellations flag it.
 */
export function atRisk(input: AtRiskInput): AtRisk {
  const reasons: AtRiskReason[] = [];
  const since = [input.lastHeldAt, input.resumedOn, input.startedOn]
    .filter((value) => value !== null)
    .map(toTime)
    .reduce<number | null>((max, time) => (max === null || time > max ? time : max), null);
  if (input.status === 'active' && since !== null) {
    const quiet = toTime(input.now) - since;
    if (quiet > AT_RISK_CADENCE_FACTOR * input.cadenceDays * DAY_MS) reasons.push('no-recent-session');
  }
  const recent = input.trustRatings.slice(-TRUST_WINDOW);
  if (recent.length > 0) {
    const average = recent.reduce((sum, r) => sum + r, 0) / recent.length;
    if (average < LOW_TRUST_THRESHOLD) reasons.push('low-trust');
  }
  if (input.status === 'active' && input.cancelledInARow >= CANCELLATIONS_IN_A_ROW)
    reasons.push('two-cancellations');
  return { atRisk: reasons.length > 0, reasons };
}

/**
 * Achieved goals over the goals still in play (all but dropped ones), or null when
 * there is nothing to measure yet.
 */
export function goalCompletion(goals: readonly Pick<Goal, 'status'>[]): number | null {
  const inPlay = goals.filter((g) => g.status !== 'dropped').length;
  if (inPlay === 0) return null;
  return goals.filter((g) => g.status === 'achieved').length / inPlay;
}
