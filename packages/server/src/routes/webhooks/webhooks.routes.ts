import { createRoute } from '@hono/zod-openapi';
import {
  idOf,
  listOf,
  pageQuerySchema,
  webhookCreateSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliverySchema,
  webhookSchema,
  webhookUpdateSchema,
  webhookWithSecretSchema,
} from '@rm-kit/core';
import {
  bodyErrorResponses,
  errorResponses,
  idempotencyHeaders,
  ifMatchHeaders,
  jsonBody,
  jsonResponse,
  pathId,
} from '../../http/openapi.js';

// Paths are under /v1/webhooks and /v1/webhook-deliveries, where routes/index.ts mounts them.
const Webhook = webhookSchema.meta({ id: 'Webhook' });
const WebhookWithSecret = webhookWithSecretSchema.meta({ id: 'WebhookWithSecret' });
const WebhookDelivery = webhookDeliverySchema.meta({ id: 'WebhookDelivery' });
const tags = ['Webhooks'];
const ADMINS = 'Admins and service tokens only.';

export const listWebhooksRoute = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: "The organisation's webhook subscriptions",
  description: `${ADMINS} Secrets are never shown again after a create or a rotation.`,
  request: { query: pageQuerySchema },
  responses: {
    200: jsonResponse(listOf(Webhook).meta({ id: 'WebhookList' }), 'One page, oldest first'),
    ...errorResponses(403),
  },
});

export const createWebhookRoute = createRoute({
  method: 'post',
  path: '/',
  tags,
  summary: 'Subscribe a URL to events',
  description: `${ADMINS} The answer holds the signing secret, shown this once. The URL must be https (unless the operator allows http) and may not name a private address (unless the operator allows it); each delivery checks the address it connects to again.`,
  request: {
    headers: idempotencyHeaders,
    body: jsonBody(webhookCreateSchema.meta({ id: 'WebhookCreate' })),
  },
  responses: {
    201: jsonResponse(WebhookWithSecret, 'The new subscription, with its secret'),
    ...bodyErrorResponses(403, 409, 422),
  },
});

const webhookParams = pathId('webhookId', idOf('webhook'));

export const getWebhookRoute = createRoute({
  method: 'get',
  path: '/{webhookId}',
  tags,
  summary: 'One webhook subscription, without its secret',
  description: ADMINS,
  request: { params: webhookParams },
  responses: { 200: jsonResponse(Webhook, 'The subscription'), ...errorResponses(403, 404) },
});

export const updateWebhookRoute = createRoute({
  method: 'patch',
  path: '/{webhookId}',
  tags,
  summary: 'Change a subscription: its URL, events, description, or pause and resume it',
  description: `${ADMINS} A paused subscription (active: false) is sent nothing; what was queued for it waits until it is resumed.`,
  request: {
    params: webhookParams,
    headers: ifMatchHeaders,
    body: jsonBody(webhookUpdateSchema.meta({ id: 'WebhookUpdate' })),
  },
  responses: {
    200: jsonResponse(Webhook, 'The changed subscription'),
    ...bodyErrorResponses(403, 404, 409, 412, 422),
  },
});

export const deleteWebhookRoute = createRoute({
  method: 'delete',
  path: '/{webhookId}',
  tags,
  summary: 'Remove a subscription and its delivery log',
  description: `${ADMINS} Nothing more is sent to it, including deliveries still waiting.`,
  request: { params: webhookParams, headers: ifMatchHeaders },
  responses: { 204: { description: 'Removed' }, ...errorResponses(403, 404, 409, 412, 422) },
});

export const rotateWebhookSecretRoute = createRoute({
  method: 'post',
  path: '/{webhookId}/rotate-secret',
  tags,
  summary: 'Replace the signing secret',
  description: `${ADMINS} The answer holds the new secret, shown this once. For 24 hours deliveries carry a second signature made with the old secret, so a receiver can be given the new one without missing a delivery.`,
  request: { params: webhookParams, headers: ifMatchHeaders },
  responses: {
    200: jsonResponse(WebhookWithSecret, 'The subscription, with its new secret'),
    ...errorResponses(403, 404, 409, 412, 422),
  },
});

export const listWebhookDeliveriesRoute = createRoute({
  method: 'get',
  path: '/{webhookId}/deliveries',
  tags,
  summary: "A subscription's delivery log, newest first",
  description: `${ADMINS} Kept for 30 days after a delivery ends.`,
  request: { params: webhookParams, query: webhookDeliveryListQuerySchema },
  responses: {
    200: jsonResponse(listOf(WebhookDelivery).meta({ id: 'WebhookDeliveryList' }), 'One page'),
    ...errorResponses(403, 404),
  },
});

export const pingWebhookRoute = createRoute({
  method: 'post',
  path: '/{webhookId}/ping',
  tags,
  summary: 'Send a test event (`ping`) to this subscription',
  description: `${ADMINS} Queued at once and sent within seconds, signed like any event; follow it in the delivery log.`,
  request: { params: webhookParams, headers: idempotencyHeaders },
  responses: {
    202: jsonResponse(WebhookDelivery, 'The delivery, queued'),
    ...errorResponses(403, 404, 409, 422),
  },
});

const deliveryParams = pathId('deliveryId', idOf('webhookDelivery'));

export const redeliverRoute = createRoute({
  method: 'post',
  path: '/{deliveryId}/redeliver',
  tags,
  summary: 'Send a delivery again',
  description: `${ADMINS} A new entry of the log carries the same event (same event id, so a receiver that has it can tell); the earlier entry stays as it was.`,
  request: { params: deliveryParams, headers: idempotencyHeaders },
  responses: {
    202: jsonResponse(WebhookDelivery, 'The new delivery, queued'),
    ...errorResponses(403, 404, 409, 422),
  },
});
