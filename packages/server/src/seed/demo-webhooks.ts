import { newId, type Pair, type Session, type WebhookEvent, webhookEventSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { toJson } from '../db/json.js';
import type { Database, NewRow } from '../db/schema.js';

const HOUR_MS = 3_600_000;

/** What the demo's one webhook was sent, and how each delivery went. */
interface SentSpec {
  event: WebhookEvent;
  status: 'succeeded' | 'failed';
  attempts: number;
  responseStatus: number;
  lastError: string | null;
}

/**
 * The demo organisation's webhook to its HR channel in Teams, with a delivery log to read: a
 * test, a held session delivered, and a pair at risk that the channel's relay failed to take.
 * It is paused, so a demo server never sends anything to its made-up host.
 */
export async function seedDemoWebhook(
  trx: Kysely<Database>,
  demo: { orgId: string; pairs: Pair[]; sessions: Session[] },
  now: Date,
) {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS).toISOString();
  const pair = demo.pairs.find((p) => p.status === 'active');
  const held = demo.sessions.filter((s) => s.pairId === pair?.id && s.status === 'held').at(-1);
  if (!pair || !held) return;
  const created = at(24 * 9);
  const webhookId = newId('webhook', Date.parse(created));
  await trx
    .insertInto('webhooks')
    .values({
      id: webhookId,
      orgId: demo.orgId,
      url: 'https://hooks.contoso.example/teams/canale-hr',
      events: toJson(['session.held', 'pair.at-risk', 'match.published']),
      description: 'Canale HR su Teams',
      active: 0,
      secret: `whsec_demo_${newId('webhook').slice(4)}`,
      previousSecret: null,
      previousSecretUntil: null,
      secretRotatedAt: null,
      createdAt: created,
      updatedAt: at(2),
      version: 2,
    })
    .execute();
  const envelope = (hoursAgo: number, rest: Pick<WebhookEvent, 'type' | 'data'>) =>
    webhookEventSchema.parse({
      id: newId('event', Date.parse(at(hoursAgo))),
      orgId: demo.orgId,
      createdAt: at(hoursAgo),
      ...rest,
    });
  const sent: SentSpec[] = [
    {
      event: envelope(24 * 9 - 1, { type: 'ping', data: { webhookId } }),
      status: 'succeeded',
      attempts: 1,
      responseStatus: 202,
      lastError: null,
    },
    {
      event: envelope(24 * 3, {
        type: 'session.held',
        data: { sessionId: held.id, pairId: pair.id, programId: pair.programId, occurredAt: held.occurredAt },
      }),
      status: 'succeeded',
      attempts: 2,
      responseStatus: 202,
      lastError: null,
    },
    {
      event: envelope(30, {
        type: 'pair.at-risk',
        data: { pairId: pair.id, programId: pair.programId, reasons: ['no-recent-session'] },
      }),
      status: 'failed',
      attempts: 8,
      responseStatus: 503,
      lastError: 'Answered 503; gave up after 8 attempts',
    },
  ];
  for (const { event, ...delivery } of sent) {
    await trx
      .insertInto('webhookEvents')
      .values({
        id: event.id,
        orgId: demo.orgId,
        type: event.type,
        body: JSON.stringify(event),
        createdAt: event.createdAt,
      })
      .execute();
    const row: NewRow<'webhookDeliveries'> = {
      id: newId('webhookDelivery', Date.parse(event.createdAt)),
      orgId: demo.orgId,
      webhookId,
      eventId: event.id,
      eventType: event.type,
      ...delivery,
      nextAttemptAt: null,
      leaseUntil: null,
      deliveredAt: delivery.status === 'succeeded' ? event.createdAt : null,
      createdAt: event.createdAt,
      updatedAt: event.createdAt,
    };
    await trx.insertInto('webhookDeliveries').values(row).execute();
  }
}
