import { checkSessionTiming } from '../checks/refinements.js';
import { idOf } from '../ids.js';
import { topicKeySchema } from '../topics.js';
import { SESSION_FORMATS, SESSION_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { instantSchema, pageQuerySchema, storedFields } from './common.js';
import { pairRoleSchema } from './enrollment.js';

export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const sessionFormatSchema = z.enum(SESSION_FORMATS);
export type SessionFormat = z.infer<typeof sessionFormatSchema>;

export const actionItemSchema = z.strictObject({
  id: z.string().min(1).max(40).describe('Stable within the session, so an item can be ticked off'),
  text: z.string().trim().min(1).max(500),
  owner: pairRoleSchema.describe('Who does it: the mentor (junior) or the mentee (senior)'),
  done: z.boolean(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

/** An action item as a client sends it: the server numbers new ones. */
export const actionItemInputSchema = actionItemSchema.extend({
  id: actionItemSchema.shape.id.optional(),
  done: z.boolean().default(false),
});
export type ActionItemInput = z.input<typeof actionItemInputSchema>;

const MAX_ACTION_ITEMS = 30;

const sessionFields = {
  status: sessionStatusSchema,
  scheduledAt: instantSchema.nullable().describe('When it is (or was) planned'),
  occurredAt: instantSchema.nullable().describe('When it was held; required once status is "held"'),
  durationMinutes: z.int().min(1).max(480).nullable(),
  format: sessionFormatSchema,
  topics: z.array(topicKeySchema).max(20),
  summary: z
    .string()
    .max(10000)
    .describe('Shared summary: both sides of the pair can read it (admins cannot)'),
  cancellationReason: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .describe('Why it was cancelled, in words both sides read; null unless someone gave a reason'),
};

/** One meeting of a pair, planned or held. */
export const sessionSchema = z
  .strictObject({
    id: idOf('session'),
    orgId: idOf('organization'),
    pairId: idOf('pair'),
    ...sessionFields,
    actionItems: z.array(actionItemSchema).max(MAX_ACTION_ITEMS),
    ...storedFields,
  })
  .superRefine(checkSessionTiming)
  .describe('A mentoring session of one pair');
export type Session = z.infer<typeof sessionSchema>;

export const sessionCreateSchema = z
  .strictObject({
    ...sessionFields,
    status: sessionStatusSchema.default('held'),
    scheduledAt: sessionFields.scheduledAt.default(null),
    occurredAt: sessionFields.occurredAt.default(null),
    durationMinutes: sessionFields.durationMinutes.default(null),
    format: sessionFormatSchema.default('video'),
    topics: sessionFields.topics.default([]),
    summary: sessionFields.summary.default(''),
    cancellationReason: sessionFields.cancellationReason.default(null),
    actionItems: z.array(actionItemInputSchema).max(MAX_ACTION_ITEMS).default([]),
  })
  .superRefine(checkSessionTiming);
export type SessionCreate = z.input<typeof sessionCreateSchema>;

/** Partial update; the server checks the timing rule again on the merged session. */
export const sessionUpdateSchema = z
  .strictObject({
    ...sessionFields,
    actionItems: z.array(actionItemInputSchema).max(MAX_ACTION_ITEMS),
  })
  .partial();
export type SessionUpdate = z.input<typeof sessionUpdateSchema>;

/** The filters of a pair's session list. */
export const sessionListQuerySchema = pageQuerySchema.extend({
  status: sessionStatusSchema.optional(),
  from: instantSchema.optional().describe('Only sessions at or after this instant'),
  to: instantSchema.optional().describe('Only sessions before this instant'),
});
export type SessionListQuery = z.input<typeof sessionListQuerySchema>;
