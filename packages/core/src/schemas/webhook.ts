import { idOf } from '../ids.js';
import { WEBHOOK_DELIVERY_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { instantSchema, pageQuerySchema, storedFields } from './common.js';
import { webhookEventTypeSchema } from './webhook-event.js';

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe(
    'Where events are POSTed: https (http only where the operator allows it), never to a private address unless allowed',
  );
const events = z
  .array(webhookEventTypeSchema)
  .min(1)
  .max(20)
  .refine((list) => new Set(list).size === list.length, 'Name each event once')
  .describe('The events this subscription receives');
const description = z
  .string()
  .trim()
  .max(200)
  .describe('What the subscription is for, e.g. "HR channel in Teams"');

/** A webhook subscription of the organisation, without its signing secret. */
export const webhookSchema = z
  .strictObject({
    id: idOf('webhook'),
    url,
    events,
    description,
    active: z.boolean().describe('A paused subscription (false) receives nothing until resumed'),
    secretRotatedAt: instantSchema.nullable().describe('When its secret was last replaced; null if never'),
    ...storedFields,
  })
  .describe('A webhook subscription');
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookCreateSchema = z.strictObject({
  url,
  events,
  description: description.default(''),
  active: z.boolean().default(true),
});
export type WebhookCreate = z.input<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z
  .strictObject({ url, events, description, active: z.boolean() })
  .partial();
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

const secret = z
  .string()
  .min(32)
  .describe('The key that signs every delivery (HMAC-SHA256). Shown only now: keep it in your receiver');

/** The answer to a create or a secret rotation: the only time the secret is shown. */
export const webhookWithSecretSchema = webhookSchema
  .extend({ secret })
  .describe('A webhook subscription, with its signing secret');
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

export const webhookDeliveryStatusSchema = z.enum(WEBHOOK_DELIVERY_STATUSES);
export type WebhookDeliveryStatus = z.infer<typeof webhookDeliveryStatusSchema>;

/** One event on its way to one subscription: an entry of the delivery log. */
export const webhookDeliverySchema = z
  .strictObject({
    id: idOf('webhookDelivery'),
    webhookId: idOf('webhook'),
    eventId: idOf('event').describe('The event it carries: receivers de-duplicate on it'),
    eventType: z.union([webhookEventTypeSchema, z.literal('ping')]),
    status: webhookDeliveryStatusSchema.describe(
      'pending (waiting for its next attempt), delivering, succeeded, or failed (given up)',
    ),
    attempts: z.int().min(0).describe('Attempts made so far'),
    responseStatus: z.int().nullable().describe('The HTTP status of the last answer; null without one'),
    lastError: z.string().nullable().describe('Why the last attempt failed, in words; null if it did not'),
    nextAttemptAt: instantSchema
      .nullable()
      .describe('When it is tried next; null once it succeeded or failed'),
    deliveredAt: instantSchema.nullable(),
    createdAt: instantSchema,
    updatedAt: instantSchema,
  })
  .describe('A delivery of one event to one subscription');
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuerySchema = pageQuerySchema.extend({
  status: webhookDeliveryStatusSchema.optional().describe('Only deliveries in this state'),
});
export type WebhookDeliveryListQuery = z.input<typeof webhookDeliveryListQuerySchema>;
