import { type AtRiskReason, pairProgress } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Database, Row } from '../../db/schema.js';

/**
 * Why each pair is at risk as an admin sees it (core's atRisk over its sessions, no trust
 * ratings; an empty list when it is not): the one view `GET /v1/pairs?atRisk=` filters by,
 * whoever asks, and the one the `pair.at-risk` webhook announces, so neither tells anyone
 * about answers they may not read.
 */
export async function riskAsAdminSees(
  db: Kysely<Database>,
  pairs: readonly Row<'pairs'>[],
  now: Date,
): Promise<Map<string, AtRiskReason[]>> {
  if (pairs.length === 0) return new Map();
  const [programs, sessions] = await Promise.all([
    db
      .selectFrom('programs')
      .select(['id', 'cadenceDays'])
      .where('id', 'in', [...new Set(pairs.map((p) => p.programId))])
      .execute(),
    db
      .selectFrom('sessions')
      .select(['pairId', 'status', 'occurredAt', 'scheduledAt'])
      .where(
        'pairId',
        'in',
        pairs.map((p) => p.id),
      )
      .where('deletedAt', 'is', null)
      .execute(),
  ]);
  const cadence = new Map(programs.map((p) => [p.id, p.cadenceDays]));
  return new Map(
    pairs.map((pair) => [
      pair.id,
      pairProgress({
        pair,
        cadenceDays: cadence.get(pair.programId) ?? 0,
        sessions: sessions.filter((s) => s.pairId === pair.id),
        goals: [],
        feedback: [],
        now,
      }).atRiskReasons,
    ]),
  );
}
