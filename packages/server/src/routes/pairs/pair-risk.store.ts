import { pairProgress } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Database, Row } from '../../db/schema.js';

/**
 * Whether each pair is at risk as an admin sees it (core's atRisk over its sessions, no
 * trust ratings): the one view `GET /v1/pairs?atRisk=` filters by, whoever asks, so the
 * filter never tells anyone about answers they may not read.
 */
export async function atRiskAsAdminSees(
  db: Kysely<Database>,
  pairs: readonly Row<'pairs'>[],
  now: Date,
): Promise<Map<string, boolean>> {
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
      }).atRisk,
    ]),
  );
}
