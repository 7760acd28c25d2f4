import { type AtRiskReason, atRisk } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { nowIso } from '../db/json.js';
import type { Database } from '../db/schema.js';
import { queueWebhook } from './outbox.store.js';
import { activePairsForRisk, announcedRisks, endEpisodes, markAnnounced } from './pair-risks.store.js';

/** What an admin may be told: every reason but the one drawn from private answers. */
type AdminReason = Exclude<AtRiskReason, 'low-trust'>;

/**
 * Notices active pairs newly at risk and queues `pair.at-risk` for each, once per episode: a
 * pair stays announced until it is no longer at risk. Judged as an admin sees the pair, by
 * core's rule: never from private answers, so trust ratings are left out and `low-trust`
 * cannot be a reason. Returns how many pairs were announced.
 */
export async function sweepAtRiskPairs(db: Kysely<Database>, now = new Date()): Promise<number> {
  const announced = await announcedRisks(db);
  const stillAtRisk = new Set<string>();
  let told = 0;
  for (const pair of await activePairsForRisk(db)) {
    const risk = atRisk({
      status: pair.status,
      startedOn: pair.startedOn,
      resumedOn: pair.resumedOn,
      lastHeldAt: pair.lastHeldAt ?? null,
      cadenceDays: pair.cadenceDays,
      trustRatings: [],
      now,
    });
    const reasons = risk.reasons.filter((reason): reason is AdminReason => reason !== 'low-trust');
    if (reasons.length === 0) continue;
    stillAtRisk.add(pair.id);
    if (announced.has(pair.id)) continue;
    const queued = await db.transaction().execute(async (trx) => {
      const first = await markAnnounced(trx, {
        pairId: pair.id,
        orgId: pair.orgId,
        since: nowIso(),
        reasons,
      });
      if (first) {
        await queueWebhook(trx, {
          orgId: pair.orgId,
          type: 'pair.at-risk',
          data: { pairId: pair.id, programId: pair.programId, reasons },
        });
      }
      return first;
    });
    if (queued) told++;
  }
  await endEpisodes(
    db,
    [...announced].filter((pairId) => !stillAtRisk.has(pairId)),
  );
  return told;
}
