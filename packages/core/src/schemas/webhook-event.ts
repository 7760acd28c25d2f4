import { idOf } from '../ids.js';
import { WEBHOOK_EVENT_TYPES } from '../vocabulary.js';
import { z } from '../zod.js';
import { instantSchema } from './common.js';
import { pairRoleSchema } from './enrollment.js';
import { feedbackKindSchema } from './feedback.js';

/**
 * What each webhook event tells a receiver. Ids and facts only, never private content (notes,
 * feedback text or ratings, goals): a receiver that wants more asks the API with a service
 * token, and so meets the same authorization as any client.
 */
export const webhookEventData = {
  'session.held': z.strictObject({
    sessionId: idOf('session'),
    pairId: idOf('pair'),
    programId: idOf('program'),
    occurredAt: instantSchema.nullable().describe('When it took place, as the pair logged it'),
  }),
  'feedback.submitted': z.strictObject({
    pairId: idOf('pair'),
    kind: feedbackKindSchema,
    side: pairRoleSchema.describe('Which side answered: mentor (junior) or mentee (senior)'),
  }),
  'pair.at-risk': z.strictObject({
    pairId: idOf('pair'),
    programId: idOf('program'),
    reasons: z
      .array(z.enum(['no-recent-session', 'two-cancellations']))
      .min(1)
      .describe('Why, as an admin sees it: never from private answers'),
  }),
  'match.published': z.strictObject({
    programId: idOf('program'),
    pairIds: z.array(idOf('pair')).min(1).describe('The pairs proposed by this publication'),
  }),
  'story.published': z.strictObject({
    storyId: idOf('story'),
    pairId: idOf('pair'),
    programId: idOf('program'),
  }),
  ping: z.strictObject({
    webhookId: idOf('webhook').describe('The subscription an admin sent a test to'),
  }),
} as const;

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof webhookEventTypeSchema>;

export type WebhookEventData = {
  [T in keyof typeof webhookEventData]: z.infer<(typeof webhookEventData)[T]>;
};

function envelopeOf<T extends keyof typeof webhookEventData>(type: T) {
  return z.strictObject({
    id: idOf('event').describe('The same on every attempt and redelivery: de-duplicate on it'),
    type: z.literal(type),
    orgId: idOf('organization'),
    createdAt: instantSchema.describe('When the write that caused it committed'),
    data: webhookEventData[type],
  });
}

/** The JSON body of every delivery, signed in the `RM-Signature` header (docs/webhooks.md). */
export const webhookEventSchema = z
  .discriminatedUnion('type', [
    envelopeOf('session.held'),
    envelopeOf('feedback.submitted'),
    envelopeOf('pair.at-risk'),
    envelopeOf('match.published'),
    envelopeOf('story.published'),
    envelopeOf('ping'),
  ])
  .describe('A webhook delivery body');
export type WebhookEvent = z.infer<typeof webhookEventSchema>;
