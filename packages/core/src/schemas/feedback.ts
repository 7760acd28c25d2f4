import { checkFeedbackTarget } from '../checks/refinements.js';
import { idOf } from '../ids.js';
import { FEEDBACK_KINDS, type RATING_KEYS } from '../vocabulary.js';
import { z } from '../zod.js';
import { pageQuerySchema, storedFields } from './common.js';
import { pairRoleSchema } from './enrollment.js';

export const feedbackKindSchema = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof feedbackKindSchema>;

export type RatingKey = (typeof RATING_KEYS)[number];

const rating = z.int().min(1).max(5);

export const ratingsSchema = z.strictObject({
  usefulness: rating.describe('1-5: how useful the exchange was'),
  trust: rating.describe('1-5: how safe it felt to speak openly'),
  preparation: rating.describe('1-5: how well prepared the partner was'),
});
export type Ratings = z.infer<typeof ratingsSchema>;

const feedbackFields = {
  ratings: ratingsSchema,
  recommend: z.int().min(0).max(10).describe('0-10: would you recommend the program to a colleague'),
  learned: z.string().max(4000).describe('What I learned'),
  improve: z.string().max(4000).describe('What to improve'),
  shareWithPartner: z
    .boolean()
    .describe(
      'Let the partner read this answer, once they have answered too. Admins only ever see aggregates',
    ),
};

/**
 * One side's feedback. Raw answers are seen by their author only; the partner sees an
 * answer only if it is shared and they have answered too; admins see aggregates only.
 */
export const feedbackSchema = z
  .strictObject({
    id: idOf('feedback'),
    orgId: idOf('organization'),
    pairId: idOf('pair'),
    sessionId: idOf('session').nullable(),
    kind: feedbackKindSchema,
    authorId: idOf('person'),
    authorRole: pairRoleSchema.describe('Which side wrote it: mentor (junior) or mentee (senior)'),
    ...feedbackFields,
    ...storedFields,
  })
  .superRefine(checkFeedbackTarget)
  .describe('Feedback from one side of a pair');
export type Feedback = z.infer<typeof feedbackSchema>;

export const feedbackCreateSchema = z
  .strictObject({
    sessionId: idOf('session').nullable().default(null),
    kind: feedbackKindSchema,
    ...feedbackFields,
    learned: feedbackFields.learned.default(''),
    improve: feedbackFields.improve.default(''),
    shareWithPartner: feedbackFields.shareWithPartner.default(false),
  })
  .superRefine(checkFeedbackTarget);
export type FeedbackCreate = z.input<typeof feedbackCreateSchema>;

export const feedbackUpdateSchema = z.strictObject(feedbackFields).partial();
export type FeedbackUpdate = z.infer<typeof feedbackUpdateSchema>;

/** The filters of a pair's feedback list. */
export const feedbackListQuerySchema = pageQuerySchema.extend({
  kind: feedbackKindSchema.optional(),
  sessionId: idOf('session').optional().describe('Only the answers about this session'),
});
export type FeedbackListQuery = z.input<typeof feedbackListQuerySchema>;
