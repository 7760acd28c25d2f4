import {
  canDecline,
  type FeedbackKind,
  feedbackRefusal,
  isEndedPair,
  type Pair,
  type PairActor,
  type PairStatus,
  type Program,
  pairTransitionRefusal,
  readyToActivate,
} from '@rm-kit/core';
import { forbidden, Problem } from '../../http/problem.js';

/**
 * The life cycle of a pair as the API enforces it, from core's rules (pair-life-cycle.ts,
 * feedback-acceptance.ts): each function refuses what the rule forbids with the answer a
 * client can act on, 409 for what the pair's state forbids, 403 for what the caller may not do.
 */

const FINAL = 'A completed or dissolved pair is final';

/** Refuses changing a pair's status by hand from `from` to `to` when `actor` may not. */
export function checkTransition(from: PairStatus, to: PairStatus, actor: PairActor): void {
  const refusal = pairTransitionRefusal(from, to, actor);
  const status = (message: string) => ({ issues: [{ path: ['status'], message }] });
  switch (refusal) {
    case null:
      return;
    case 'ended':
      throw new Problem('conflict', `${FINAL}: this one is ${from}`, status('It can no longer change'));
    case 'needs-consent':
      throw new Problem(
        'conflict',
        'A proposed pair becomes active by itself once the mentee has consented and both have accepted the charter',
        status('Consent (POST …/consent) and the charter (POST …/charter-acceptance) make it active'),
      );
    case 'no-such-step':
      throw new Problem('conflict', `A ${from} pair cannot become ${to}`, status(`Not a step from ${from}`));
    case 'admins-only':
      throw forbidden(`Only an admin can make a pair ${to}; to leave it, decline it (POST …/decline)`);
  }
}

/** Refuses acting on a pair that is over (consent, the charter, leaving it). */
export function checkNotEnded(pair: Pick<Pair, 'status'>, action: string): void {
  if (isEndedPair(pair.status)) {
    throw new Problem('conflict', `${FINAL}: nobody can ${action} it any more`);
  }
}

/** A proposed pair that has everything it waits for becomes active, today unless it says when. */
export function activatedIfReady(pair: Pair, today: string): Pair {
  if (pair.status !== 'proposed' || !readyToActivate(pair)) return pair;
  return { ...pair, status: 'active', startedOn: pair.startedOn ?? today };
}

/**
 * The day a pair last resumed: today when a paused pair becomes active again, so that the
 * quiet time that puts it at risk counts from then and not across the pause.
 */
export function resumedOnAfter(
  from: PairStatus,
  to: PairStatus,
  pair: Pick<Pair, 'resumedOn'>,
  today: string,
): string | null {
  return from === 'paused' && to === 'active' ? today : pair.resumedOn;
}

/** A member leaves a pair: dissolved today, on their side, with no reason asked (see pairAsSeenBy). */
export function declinedBy(pair: Pair, side: 'mentor' | 'mentee', today: string): Pair {
  if (!canDecline(pair.status)) checkNotEnded(pair, 'leave');
  return { ...pair, status: 'dissolved', endedOn: pair.endedOn ?? today, endedBy: side };
}

/** A pair that has not started holds no session yet: it may only plan one. */
export function checkSessionStatus(pair: Pick<Pair, 'status'>, status: string): void {
  if (pair.status === 'proposed' && status === 'held') {
    throw new Problem(
      'conflict',
      'A proposed pair has not started: it can plan a session, not log one as held',
      {
        issues: [{ path: ['status'], message: 'Plan it; log it as held once the pair is active' }],
      },
    );
  }
}

/** Refuses feedback that the pair's stage or the calendar does not open yet (see feedbackOpenings). */
export function checkFeedbackOpen(
  kind: FeedbackKind,
  pair: Pick<Pair, 'status' | 'startedOn' | 'endedOn'>,
  program: Pick<Program, 'startsOn' | 'endsOn' | 'cadenceDays'>,
  context: { today: string; sessionHeld: boolean },
): void {
  const refusal = feedbackRefusal({ kind, pair, program, ...context });
  if (refusal === null) return;
  const kindIssue = (message: string) => ({ issues: [{ path: ['kind'], message }] });
  switch (refusal.reason) {
    case 'pair-proposed':
      throw new Problem(
        'conflict',
        'A proposed pair gives no feedback: it starts once the mentee consents and both accept the charter',
        kindIssue('Not before the pair is active'),
      );
    case 'midpoint-not-yet':
      throw new Problem(
        'conflict',
        `The mid-point feedback opens on ${refusal.opensOn}`,
        kindIssue(`Opens on ${refusal.opensOn}`),
      );
    case 'final-not-yet':
      throw new Problem(
        'conflict',
        `The final feedback opens once the pair has held a session, or on ${refusal.opensOn}`,
        kindIssue(`Opens after a held session, or on ${refusal.opensOn}`),
      );
  }
}
