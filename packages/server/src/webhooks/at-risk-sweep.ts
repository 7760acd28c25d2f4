import type { AtRiskReason } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { nowIso } from '../db/json.js';
import type { Database } from '../db/schema.js';
import { riskAsAdminSees } from '../routes/pairs/pair-risk.store.js';
import { queueWebhook } from './outbox.store.js';
import { activePairs, announcedRisks, endEpisodes, markAnnounced } from './pair-risks.store.js';

const SWEEP_BATCH = 500;

/** What an admin may be told: every reason but the one drawn from private answers. */
type AdminReason = Exclude<AtRiskReason, 'low-trust'>;

/**
 * Notices active pairs newly at risk and queues `pair.at-risk` for each, once per episode: a
 * pair stays announced until it is no longer at risk. Judged as an admin sees the pair
 * (riskAsAdminSees, as the dashboard and `?atRisk=` judge it): never from private answers,
 * so `low-trust` cannot be a reason. Returns how many pairs were announced.
 */
export async function sweepAtRiskPairs(db: Kysely<Database>, now = new Date()): Promise<number> {
  const announced = await announcedRisks(db);
  const stillAtRisk = new Set<string>();
  let told = 0;
  const pairs = await activePairs(db);
  const risks = new Map<string, AtRiskReason[]>();
  // In batches, so a large organisation stays within a database's bound parameters.
  for (let start = 0; start < pairs.length; start += SWEEP_BATCH) {
    const batch = await riskAsAdminSees(db, pairs.slice(start, start + SWEEP_BATCH), now);
    for (const [pairId, reasons] of batch) risks.set(pairId, reasons);
  }
  for (const pair of pairs) {
    const reasons = (risks.get(pair.id) ?? []).filter(
      (reason): reason is AdminReason => reason !== 'low-trust',
    );
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
