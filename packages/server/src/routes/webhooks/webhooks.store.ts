import { randomBytes } from 'node:crypto';
import {
  type List,
  newId,
  type pageQuerySchema,
  type Webhook,
  type WebhookCreate,
  type WebhookDelivery,
  type WebhookUpdate,
  webhookCreateSchema,
  type webhookDeliveryListQuerySchema,
  webhookDeliverySchema,
  webhookSchema,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { fromFlag, fromJson, nowIso, toFlag, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound } from '../../http/problem.js';

/** How long the secret a rotation replaced keeps signing beside the new one. */
const PREVIOUS_SECRET_HOURS = 24;

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** A subscription as shown: never its secret. */
export function toWebhook(row: Row<'webhooks'>): Webhook {
  return webhookSchema.parse({
    id: row.id,
    url: row.url,
    events: fromJson(row.events),
    description: row.description,
    active: fromFlag(row.active),
    secretRotatedAt: row.secretRotatedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

export function toDelivery(row: Row<'webhookDeliveries'>): WebhookDelivery {
  return webhookDeliverySchema.parse({
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export async function findWebhook(db: Kysely<Database>, orgId: string, webhookId: string) {
  const row = await db
    .selectFrom('webhooks')
    .selectAll()
    .where('id', '=', webhookId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('webhook');
  return row;
}

export function listWebhooks(
  db: Kysely<Database>,
  orgId: string,
  page: z.output<typeof pageQuerySchema>,
): Promise<List<Webhook>> {
  const read = (after: CursorPosition | null, rows: number) => {
    let query = db.selectFrom('webhooks').selectAll().where('orgId', '=', orgId).orderBy('id').limit(rows);
    if (after) query = query.where('id', '>', after.id);
    return query.execute();
  };
  return readPage(page, read, toWebhook);
}

export async function insertWebhook(
  db: Kysely<Database>,
  orgId: string,
  body: WebhookCreate,
): Promise<{ row: Row<'webhooks'>; secret: string }> {
  const input = webhookCreateSchema.parse(body);
  const now = nowIso();
  const row: Row<'webhooks'> = {
    id: newId('webhook'),
    orgId,
    url: input.url,
    events: toJson(input.events),
    description: input.description,
    active: toFlag(input.active),
    secret: newSecret(),
    previousSecret: null,
    previousSecretUntil: null,
    secretRotatedAt: null,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await db.insertInto('webhooks').values(row).execute();
  return { row, secret: row.secret };
}

const webhookColumns = (next: Webhook) => ({
  url: next.url,
  events: toJson(next.events),
  description: next.description,
  active: toFlag(next.active),
  secretRotatedAt: next.secretRotatedAt,
});

export function updateWebhook(db: Kysely<Database>, row: Row<'webhooks'>, changes: WebhookUpdate) {
  return updateVersioned(db, 'webhooks', {
    entity: 'webhook',
    schema: webhookSchema,
    current: toWebhook(row),
    patch: changes,
    columns: webhookColumns,
  });
}

/** A new secret, the old one kept signing beside it for a day; answered with the new one. */
export async function rotateSecret(db: Kysely<Database>, row: Row<'webhooks'>) {
  const secret = newSecret();
  const now = new Date();
  const webhook = await updateVersioned(db, 'webhooks', {
    entity: 'webhook',
    schema: webhookSchema,
    current: toWebhook(row),
    patch: { secretRotatedAt: now.toISOString() },
    columns: (next) => ({
      ...webhookColumns(next),
      secret,
      previousSecret: row.secret,
      previousSecretUntil: new Date(now.getTime() + PREVIOUS_SECRET_HOURS * 3_600_000).toISOString(),
    }),
  });
  return { ...webhook, secret };
}

/** Removes a subscription; its deliveries go with it (on delete cascade). */
export async function deleteWebhook(db: Kysely<Database>, row: Row<'webhooks'>) {
  await db.deleteFrom('webhookDeliveries').where('webhookId', '=', row.id).execute();
  await db.deleteFrom('webhooks').where('id', '=', row.id).execute();
}

/** One page of a subscription's log, newest first. */
export function listDeliveries(
  db: Kysely<Database>,
  webhookId: string,
  query: z.output<typeof webhookDeliveryListQuerySchema>,
): Promise<List<WebhookDelivery>> {
  const read = (after: CursorPosition | null, rows: number) => {
    let select = db
      .selectFrom('webhookDeliveries')
      .selectAll()
      .where('webhookId', '=', webhookId)
      .orderBy('id', 'desc')
      .limit(rows);
    if (query.status) select = select.where('status', '=', query.status);
    if (after) select = select.where('id', '<', after.id);
    return select.execute();
  };
  return readPage(query, read, toDelivery);
}

export async function findDelivery(db: Kysely<Database>, orgId: string, deliveryId: string) {
  const row = await db
    .selectFrom('webhookDeliveries')
    .selectAll()
    .where('id', '=', deliveryId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('webhook delivery');
  return row;
}
