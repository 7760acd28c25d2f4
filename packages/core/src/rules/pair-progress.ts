import type { Goal } from '../schemas/goal.js';
import type { Pair } from '../schemas/pair.js';
import type { PairProgress } from '../schemas/progress.js';
import type { Session } from '../schemas/session.js';
import { atRisk, cadenceAdherence, cancelledInARow, expectedSessions, goalCompletion } from './progress.js';

export interface PairProgressInput {
  pair: Pick<Pair, 'startedOn' | 'resumedOn' | 'status'>;
  cadenceDays: number;
  sessions: readonly Pick<Session, 'status' | 'occurredAt' | 'scheduledAt'>[];
  goals: readonly Pick<Goal, 'status'>[];
  /**
   * The trust rating (1-5) of each feedback answer on the pair the viewer may read, and
   * when it was given; none for an admin or a service token.
   */
  feedback: readonly { trust: number; createdAt: string }[];
  now: Date;
}

function latest(values: (string | null)[]): string | null {
  return values.reduce<string | null>((max, v) => (v !== null && (max === null || v > max) ? v : max), null);
}

/** Every progress figure of one pair, as the server reports it and the pair card draws it. */
export function pairProgress(input: PairProgressInput): PairProgress {
  const nowIso = input.now.toISOString();
  const held = input.sessions.filter((s) => s.status === 'held');
  const lastSessionAt = latest(held.map((s) => s.occurredAt));
  const upcoming = input.sessions
    .filter((s) => s.status === 'planned' && s.scheduledAt !== null && s.scheduledAt >= nowIso)
    .map((s) => s.scheduledAt as string)
    .sort();
  const sessionsExpected = expectedSessions(input.pair.startedOn, input.now, input.cadenceDays);
  const trustRatings = [...input.feedback]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((f) => f.trust);
  const risk = atRisk({
    status: input.pair.status,
    startedOn: input.pair.startedOn,
    resumedOn: input.pair.resumedOn,
    lastHeldAt: lastSessionAt,
    cadenceDays: input.cadenceDays,
    trustRatings,
    cancelledInARow: cancelledInARow(input.sessions),
    now: input.now,
  });
  return {
    sessionsHeld: held.length,
    sessionsExpected,
    cadenceAdherence: cadenceAdherence(held.length, sessionsExpected),
    goalsAchieved: input.goals.filter((g) => g.status === 'achieved').length,
    goalsInPlay: input.goals.filter((g) => g.status !== 'dropped').length,
    goalCompletion: goalCompletion(input.goals),
    lastSessionAt,
    nextSessionAt: upcoming[0] ?? null,
    atRisk: risk.atRisk,
    atRiskReasons: risk.reasons,
  };
}
