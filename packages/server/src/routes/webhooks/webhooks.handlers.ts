import { OpenAPIHono } from '@hono/zod-openapi';
import { webhookWithSecretSchema } from '@rm-kit/core';
import { everyOperation, requireAdmin } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import type { Config } from '../../config.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { Problem } from '../../http/problem.js';
import { addressLiteral, isPublicAddress } from '../../webhooks/address-guard.js';
import { queuePing, queueRedelivery } from '../../webhooks/outbox.store.js';
import {
  createWebhookRoute,
  deleteWebhookRoute,
  getWebhookRoute,
  listWebhookDeliveriesRoute,
  listWebhooksRoute,
  pingWebhookRoute,
  redeliverRoute,
  rotateWebhookSecretRoute,
  updateWebhookRoute,
} from './webhooks.routes.js';
import {
  deleteWebhook,
  findDelivery,
  findWebhook,
  insertWebhook,
  listDeliveries,
  listWebhooks,
  rotateSecret,
  toDelivery,
  toWebhook,
  updateWebhook,
} from './webhooks.store.js';

const adminsOnly = (caller: Caller) =>
  requireAdmin(caller, 'Only an admin or a service token can manage webhooks');

/**
 * What can be told from the URL alone, refused when it is written rather than at its first
 * delivery: a scheme or an address literal the operator does not allow. A name is resolved
 * and checked at each delivery instead, as its addresses may change.
 */
function checkTarget(url: string | undefined, config: Config) {
  if (url === undefined) return;
  const parsed = new URL(url);
  let message: string | null = null;
  if (parsed.protocol === 'http:' && !config.RMKIT_WEBHOOK_ALLOW_HTTP) {
    message = 'Use an https URL: this server sends webhooks over https only';
  }
  const literal = addressLiteral(parsed.hostname);
  if (literal && !config.RMKIT_WEBHOOK_ALLOW_PRIVATE && !isPublicAddress(literal)) {
    message = 'This address is private, loopback or reserved: webhooks go only to public addresses';
  }
  if (message) {
    throw new Problem('validation_failed', 'This URL cannot receive webhooks', {
      issues: [{ path: ['url'], message }],
    });
  }
}

/** The webhook subscriptions of the organisation: admins' and service tokens' alone. */
export function webhooksApp(config: Config) {
  const webhooks = new OpenAPIHono<AppEnv>();
  webhooks.use(everyOperation(adminsOnly));

  webhooks.openapi(listWebhooksRoute, async (c) =>
    json(c, await listWebhooks(c.get('db'), c.get('caller').orgId, c.req.valid('query')), 200),
  );

  webhooks.openapi(createWebhookRoute, async (c) => {
    const body = c.req.valid('json');
    checkTarget(body.url, config);
    const { row, secret } = await insertWebhook(c.get('db'), c.get('caller').orgId, body);
    const created = webhookWithSecretSchema.parse({ ...toWebhook(row), secret });
    c.set('shownOnce', true);
    return json(c, created, 201, { Location: `/v1/webhooks/${row.id}`, ETag: etagOf(row.version) });
  });

  webhooks.openapi(getWebhookRoute, async (c) => {
    const row = await findWebhook(c.get('db'), c.get('caller').orgId, c.req.valid('param').webhookId);
    return json(c, toWebhook(row), 200, { ETag: etagOf(row.version) });
  });

  webhooks.openapi(updateWebhookRoute, async (c) => {
    const db = c.get('db');
    const row = await findWebhook(db, c.get('caller').orgId, c.req.valid('param').webhookId);
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    checkTarget(changes.url, config);
    const webhook = await updateWebhook(db, row, changes);
    return json(c, webhook, 200, { ETag: etagOf(webhook.version) });
  });

  webhooks.openapi(deleteWebhookRoute, async (c) => {
    const db = c.get('db');
    const row = await findWebhook(db, c.get('caller').orgId, c.req.valid('param').webhookId);
    checkIfMatch(c, row.version);
    await deleteWebhook(db, row);
    return c.body(null, 204);
  });

  webhooks.openapi(rotateWebhookSecretRoute, async (c) => {
    const db = c.get('db');
    const row = await findWebhook(db, c.get('caller').orgId, c.req.valid('param').webhookId);
    checkIfMatch(c, row.version);
    const rotated = webhookWithSecretSchema.parse(await rotateSecret(db, row));
    c.set('shownOnce', true);
    return json(c, rotated, 200, { ETag: etagOf(rotated.version) });
  });

  webhooks.openapi(listWebhookDeliveriesRoute, async (c) => {
    const db = c.get('db');
    const row = await findWebhook(db, c.get('caller').orgId, c.req.valid('param').webhookId);
    return json(c, await listDeliveries(db, row.id, c.req.valid('query')), 200);
  });

  webhooks.openapi(pingWebhookRoute, async (c) => {
    const db = c.get('db');
    const row = await findWebhook(db, c.get('caller').orgId, c.req.valid('param').webhookId);
    return json(c, toDelivery(await queuePing(db, row)), 202);
  });

  return webhooks;
}

/** One delivery of the log, by its own id: sent again on request. */
export function webhookDeliveriesApp() {
  const deliveries = new OpenAPIHono<AppEnv>();
  deliveries.use(everyOperation(adminsOnly));

  deliveries.openapi(redeliverRoute, async (c) => {
    const db = c.get('db');
    const delivery = await findDelivery(db, c.get('caller').orgId, c.req.valid('param').deliveryId);
    return json(c, toDelivery(await queueRedelivery(db, delivery)), 202);
  });

  return deliveries;
}
