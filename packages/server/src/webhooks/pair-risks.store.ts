import type { Kysely } from 'kysely';
import { toJson } from '../db/json.js';
import type { Database } from '../db/schema.js';

/** Every active pair, with what the at-risk rule needs to judge it as an admin sees it. */
/** The active pairs of every organisation, as stored: the ones that can be newly at risk. */
export function activePairs(db: Kysely<Database>) {
  return db
    .selectFrom('pairs')
    .selectAll()
    .where('status', '=', 'active')
    .where('deletedAt', 'is', null)
    .execute();
}

/** The pairs whose at-risk episode has been announced. */
export async function announcedRisks(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('webhookPairRisks').select('pairId').execute();
  return new Set(rows.map((row) => row.pairId));
}

/**
 * Marks a pair's episode announced; false if another process (or an earlier sweep) did first,
 * so of several sweeps at once exactly one queues the event.
 */
export async function markAnnounced(
  trx: Kysely<Database>,
  risk: { pairId: string; orgId: string; since: string; reasons: string[] },
): Promise<boolean> {
  const inserted = await trx
    .insertInto('webhookPairRisks')
    .values({ ...risk, reasons: toJson(risk.reasons) })
    .onConflict((oc) => oc.column('pairId').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Ends the episodes of pairs no longer at risk (or no longer active), so a new one is told again. */
export async function endEpisodes(db: Kysely<Database>, pairIds: string[]) {
  if (pairIds.length === 0) return;
  await db.deleteFrom('webhookPairRisks').where('pairId', 'in', pairIds).execute();
}
