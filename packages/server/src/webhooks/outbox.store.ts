import { newId, type WebhookEventData, type WebhookEventType, webhookEventData } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { compiledQuery } from '../db/compiled-queries.js';
import { fromJson, nowIso } from '../db/json.js';
import type { Database, Row } from '../db/schema.js';

export type QueuedEvent<T extends WebhookEventType | 'ping'> = {
  orgId: string;
  type: T;
  data: WebhookEventData[T];
};

/** Asked by every write that may tell subscribers of it, so compiled once. */
const activeWebhooks = compiledQuery((db: Kysely<Database>, { orgId }: { orgId: string }) =>
  db
    .selectFrom('webhooks')
    .select(['id', 'orgId', 'events'])
    .where('orgId', '=', orgId)
    .where('active', '=', 1),
);
const insertWebhookEvent = compiledQuery((db: Kysely<Database>, row: Row<'webhookEvents'>) =>
  db
    .insertInto('webhookEvents')
    .values({ id: row.id, orgId: row.orgId, type: row.type, body: row.body, createdAt: row.createdAt }),
);

/** Writes the event once, with the body exactly as every attempt will send and sign it. */
async function insertEvent<T extends WebhookEventType | 'ping'>(
  trx: Kysely<Database>,
  event: QueuedEvent<T>,
): Promise<{ id: string; createdAt: string }> {
  const id = newId('event');
  const createdAt = nowIso();
  // Checked against core's schema, so no field the contract does not list (notes, ratings,
  // free text) can reach a receiver through a writer that passed too much.
  const data = webhookEventData[event.type].parse(event.data);
  const body = JSON.stringify({ id, type: event.type, orgId: event.orgId, createdAt, data });
  await insertWebhookEvent.execute(trx, { id, orgId: event.orgId, type: event.type, body, createdAt });
  return { id, createdAt };
}

function deliveryRow(
  event: { id: string; createdAt: string },
  type: string,
  webhook: Pick<Row<'webhooks'>, 'id' | 'orgId'>,
) {
  return {
    id: newId('webhookDelivery'),
    orgId: webhook.orgId,
    webhookId: webhook.id,
    eventId: event.id,
    eventType: type,
    status: 'pending' as const,
    attempts: 0,
    responseStatus: null,
    lastError: null,
    nextAttemptAt: event.createdAt,
    leaseUntil: null,
    deliveredAt: null,
    createdAt: event.createdAt,
    updatedAt: event.createdAt,
  };
}

/**
 * Queues an event for every active subscription of the organisation that chose its type.
 * Call it with the transaction of the write the event tells of (an outbox): the event exists
 * exactly when the write does, and the delivery worker, which reads only committed rows,
 * sends it only after the commit. Without a subscriber nothing is written.
 */
export async function queueWebhook<T extends WebhookEventType>(
  trx: Kysely<Database>,
  event: QueuedEvent<T>,
): Promise<void> {
  const subscribed = (await activeWebhooks.all(trx, { orgId: event.orgId })).filter((webhook) =>
    fromJson<string[]>(webhook.events).includes(event.type),
  );
  if (subscribed.length === 0) return;
  const queued = await insertEvent(trx, event);
  await trx
    .insertInto('webhookDeliveries')
    .values(subscribed.map((webhook) => deliveryRow(queued, event.type, webhook)))
    .execute();
}

/** A test event for one subscription, as an admin asks for it. */
export async function queuePing(
  trx: Kysely<Database>,
  webhook: Row<'webhooks'>,
): Promise<Row<'webhookDeliveries'>> {
  const queued = await insertEvent(trx, {
    orgId: webhook.orgId,
    type: 'ping',
    data: { webhookId: webhook.id },
  });
  const row = deliveryRow(queued, 'ping', webhook);
  await trx.insertInto('webhookDeliveries').values(row).execute();
  return row;
}

/**
 * The same event sent again to the same subscription, as a new entry of the log: the
 * receiver gets the same event id (and can tell it already has it), the log keeps the
 * earlier attempts.
 */
export async function queueRedelivery(
  trx: Kysely<Database>,
  delivery: Row<'webhookDeliveries'>,
): Promise<Row<'webhookDeliveries'>> {
  const row = deliveryRow({ id: delivery.eventId, createdAt: nowIso() }, delivery.eventType, {
    id: delivery.webhookId,
    orgId: delivery.orgId,
  });
  await trx.insertInto('webhookDeliveries').values(row).execute();
  return row;
}
