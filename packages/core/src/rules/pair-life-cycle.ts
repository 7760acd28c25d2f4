import type { Pair, PairActor, PairStatus } from '../schemas/pair.js';

/**
 * The statuses in which a pair holds its mentee's place in the program, and one of its
 * mentor's places: a mentee is in one such pair per program at most, a mentor in as many
 * as their capacity.
 */
export const LIVE_PAIR_STATUSES = ['proposed', 'active', 'paused'] as const satisfies readonly PairStatus[];

/** A completed or dissolved pair is over for good: nothing moves it again. */
export const ENDED_PAIR_STATUSES = ['completed', 'dissolved'] as const satisfies readonly PairStatus[];

export const isLivePair = (status: PairStatus) =>
  (LIVE_PAIR_STATUSES as readonly PairStatus[]).includes(status);
export const isEndedPair = (status: PairStatus) =>
  (ENDED_PAIR_STATUSES as readonly PairStatus[]).includes(status);

const ANYONE_IN_IT: readonly PairActor[] = ['mentor', 'mentee', 'admin'];
const ADMIN: readonly PairActor[] = ['admin'];

/**
 * Who may change a pair's status by hand, from each status to each other. Absent: nobody.
 * A proposed pair becomes active by itself, once the mentee consented and both accepted
 * the charter (`readyToActivate`); a member leaves a pair by declining, not by this table.
 */
const TRANSITIONS: Record<PairStatus, Partial<Record<PairStatus, readonly PairActor[]>>> = {
  proposed: { dissolved: ADMIN },
  active: { paused: ANYONE_IN_IT, completed: ADMIN, dissolved: ADMIN },
  paused: { active: ANYONE_IN_IT, completed: ADMIN, dissolved: ADMIN },
  completed: {},
  dissolved: {},
};

/** Why a change of status is refused; null when it is allowed. */
export type PairTransitionRefusal =
  /** The pair is completed or dissolved. */
  | 'ended'
  /** proposed -> active: consent and the charter make a pair active, nobody by hand. */
  | 'needs-consent'
  /** Nobody may make this move. */
  | 'no-such-step'
  /** Someone may, but not this actor (an admin may). */
  | 'admins-only';

export function pairTransitionRefusal(
  from: PairStatus,
  to: PairStatus,
  actor: PairActor,
): PairTransitionRefusal | null {
  if (from === to) return null;
  if (isEndedPair(from)) return 'ended';
  if (from === 'proposed' && to === 'active') return 'needs-consent';
  const allowed = TRANSITIONS[from][to];
  if (!allowed) return 'no-such-step';
  return allowed.includes(actor) ? null : 'admins-only';
}

/** Whether `actor` may move a pair from `from` to `to` by changing its status (staying put is always allowed). */
export function pairTransitionAllowed(from: PairStatus, to: PairStatus, actor: PairActor): boolean {
  return pairTransitionRefusal(from, to, actor) === null;
}

/**
 * Whether a proposed pair may start: the mentee (the senior, whose time and trust the
 * program asks for) has consented, and both sides have accepted the charter.
 */
export function readyToActivate(pair: Pick<Pair, 'menteeConsentedAt' | 'charterAcceptedAt'>): boolean {
  return (
    pair.menteeConsentedAt !== null &&
    pair.charterAcceptedAt.mentor !== null &&
    pair.charterAcceptedAt.mentee !== null
  );
}

/** Either member may leave a pair that is not over yet, without giving a reason (a no-fault exit). */
export const canDecline = isLivePair;

/**
 * A pair as one viewer may read it. Who ended a pair is told to admins and to the one who
 * ended it; the other member reads null, so leaving costs nobody a reproach.
 */
export function pairAsSeenBy<P extends Pick<Pair, 'endedBy'>>(pair: P, viewer: PairActor): P {
  return viewer === 'admin' || pair.endedBy === viewer ? pair : { ...pair, endedBy: null };
}
