import type { Kysely } from 'kysely';
import { nowIso } from '../db/json.js';
import type { Database } from '../db/schema.js';

/** A delivery this process claimed, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  eventType: string;
  attempts: number;
  leaseUntil: string;
  url: string;
  body: string;
  secrets: string[];
}

/** How an attempt ended, for the log. */
export type AttemptOutcome =
  | { kind: 'succeeded'; responseStatus: number }
  | { kind: 'retry'; responseStatus: number | null; error: string; at: string }
  | { kind: 'failed'; responseStatus: number | null; error: string };

/**
 * Claims up to `limit` deliveries that are due: pending ones whose time has come, and ones a
 * process claimed and then never finished (it stopped or crashed: its lease ran out). Each is
 * taken by a conditional update that re-checks it is still due, so of several processes on
 * one PostgreSQL database exactly one gets it (the losers' updates match no row once the
 * winner's commits). The attempt is counted when claimed, so a receiver that crashes the
 * process on every attempt still reaches the bound. Deliveries of paused subscriptions wait.
 */
export async function claimDue(
  db: Kysely<Database>,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const now = nowIso();
  const due = await db
    .selectFrom('webhookDeliveries')
    .innerJoin('webhooks', 'webhooks.id', 'webhookDeliveries.webhookId')
    .select(['webhookDeliveries.id'])
    .where('webhooks.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('webhookDeliveries.status', '=', 'pending'),
          eb('webhookDeliveries.nextAttemptAt', '<=', now),
        ]),
        eb.and([
          eb('webhookDeliveries.status', '=', 'delivering'),
          eb('webhookDeliveries.leaseUntil', '<', now),
        ]),
      ]),
    )
    .orderBy('webhookDeliveries.nextAttemptAt')
    .limit(limit)
    .execute();
  const claimed: ClaimedDelivery[] = [];
  for (const { id } of due) {
    const leaseUntil = new Date(Date.now() + leaseMs).toISOString();
    const taken = await db
      .updateTable('webhookDeliveries')
      .set((eb) => ({
        status: 'delivering',
        leaseUntil,
        attempts: eb('attempts', '+', 1),
        updatedAt: nowIso(),
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('nextAttemptAt', '<=', now)]),
          eb.and([eb('status', '=', 'delivering'), eb('leaseUntil', '<', now)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) continue;
    const row = await db
      .selectFrom('webhookDeliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhookDeliveries.webhookId')
      .innerJoin('webhookEvents', 'webhookEvents.id', 'webhookDeliveries.eventId')
      .select([
        'webhookDeliveries.id',
        'webhookDeliveries.eventId',
        'webhookDeliveries.eventType',
        'webhookDeliveries.attempts',
        'webhooks.url',
        'webhooks.secret',
        'webhooks.previousSecret',
        'webhooks.previousSecretUntil',
        'webhookEvents.body',
      ])
      .where('webhookDeliveries.id', '=', id)
      .executeTakeFirst();
    if (!row) continue; // its subscription was deleted in between: the delivery went with it
    const previous =
      row.previousSecret && row.previousSecretUntil && row.previousSecretUntil > now
        ? [row.previousSecret]
        : [];
    claimed.push({
      id: row.id,
      eventId: row.eventId,
      eventType: row.eventType,
      attempts: row.attempts,
      leaseUntil,
      url: row.url,
      body: row.body,
      secrets: [row.secret, ...previous],
    });
  }
  return claimed;
}

/** Writes how an attempt ended, unless the claim was lost (its lease ran out and another took it). */
export async function recordOutcome(
  db: Kysely<Database>,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
) {
  const now = nowIso();
  const common = { leaseUntil: null, updatedAt: now, responseStatus: outcome.responseStatus };
  const change =
    outcome.kind === 'succeeded'
      ? { ...common, status: 'succeeded' as const, lastError: null, nextAttemptAt: null, deliveredAt: now }
      : outcome.kind === 'retry'
        ? { ...common, status: 'pending' as const, lastError: outcome.error, nextAttemptAt: outcome.at }
        : { ...common, status: 'failed' as const, lastError: outcome.error, nextAttemptAt: null };
  await db
    .updateTable('webhookDeliveries')
    .set(change)
    .where('id', '=', delivery.id)
    .where('status', '=', 'delivering')
    .where('leaseUntil', '=', delivery.leaseUntil)
    .execute();
}

/** Gives a claimed delivery back, its attempt not counted: the process stopped before it ended. */
export async function releaseClaim(db: Kysely<Database>, delivery: ClaimedDelivery) {
  await db
    .updateTable('webhookDeliveries')
    .set((eb) => ({
      status: 'pending',
      leaseUntil: null,
      attempts: eb('attempts', '-', 1),
      nextAttemptAt: nowIso(),
      updatedAt: nowIso(),
    }))
    .where('id', '=', delivery.id)
    .where('status', '=', 'delivering')
    .where('leaseUntil', '=', delivery.leaseUntil)
    .execute();
}

/** Forgets events older than `days` whose deliveries have all ended (their log entries go with them). */
export async function pruneWebhookEvents(db: Kysely<Database>, days: number) {
  const cutoff = new Date(Date.now() - days * 86_400_000).toISOString();
  await db
    .deleteFrom('webhookEvents')
    .where('createdAt', '<', cutoff)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('webhookDeliveries')
            .select('webhookDeliveries.id')
            .whereRef('webhookDeliveries.eventId', '=', 'webhookEvents.id')
            .where('webhookDeliveries.status', 'in', ['pending', 'delivering']),
        ),
      ),
    )
    .execute();
}
