import { idOf } from '../ids.js';
import { localeSchema } from '../topics.js';
import { STORY_LIMITS, STORY_STATUSES } from '../vocabulary.js';
import { z } from '../zod.js';
import { instantSchema, pageQuerySchema, storedFields } from './common.js';
import { pairRoleSchema } from './enrollment.js';

export const storyStatusSchema = z.enum(STORY_STATUSES);

export const storyQuoteSchema = z
  .strictObject({
    text: z.string().trim().min(1).max(STORY_LIMITS.quote),
    by: pairRoleSchema.describe('Who said it: the mentor (junior) or the mentee (senior)'),
  })
  .describe('A sentence one of the two said, to show beside the story');
export type StoryQuote = z.infer<typeof storyQuoteSchema>;

const storyFields = {
  title: z.string().trim().min(1).max(STORY_LIMITS.title),
  text: z.string().trim().min(1).max(STORY_LIMITS.text).describe('What changed for the two of them'),
  language: localeSchema.describe('The language the story is written in, for the page to mark it'),
  quote: storyQuoteSchema.nullable(),
};

/** One side of the pair as a story names them: shown on the intranet because both agreed. */
export const storyPersonSchema = z.strictObject({
  displayName: z.string(),
  title: z.string().nullable(),
});
export type StoryPerson = z.infer<typeof storyPersonSchema>;

export const storyAgreementSchema = z
  .strictObject({
    mentor: instantSchema.nullable().describe('When the mentor (junior) agreed to publish this version'),
    mentee: instantSchema.nullable().describe('When the mentee (senior) agreed to publish this version'),
  })
  .describe('Each side agrees to publish; a change by either side withdraws the other side’s agreement');

/** A pair's success story, as its two members read it. */
export const storySchema = z
  .strictObject({
    id: idOf('story'),
    orgId: idOf('organization'),
    pairId: idOf('pair'),
    ...storyFields,
    mentor: storyPersonSchema,
    mentee: storyPersonSchema,
    status: storyStatusSchema,
    agreedAt: storyAgreementSchema,
    returnNote: z
      .string()
      .nullable()
      .describe('Why an admin returned it (or took it down), for the pair to act on; null if never'),
    publishedAt: instantSchema.nullable().describe('When an admin approved it; null unless published'),
    ...storedFields,
  })
  .describe('A short story of what changed for a pair, shared once both sides agree and an admin approves');
export type Story = z.infer<typeof storySchema>;

/**
 * A story as it is shown beyond its pair: to everyone once published, to admins while it
 * awaits approval. No ids of the pair or its people: the names and titles are what both agreed to show.
 */
export const sharedStorySchema = z
  .strictObject({
    id: idOf('story'),
    ...storyFields,
    mentor: storyPersonSchema,
    mentee: storyPersonSchema,
    status: storyStatusSchema,
    publishedAt: instantSchema.nullable(),
    version: storedFields.version,
  })
  .describe('A success story as the organisation reads it');
export type SharedStory = z.infer<typeof sharedStorySchema>;

export const storyCreateSchema = z.strictObject({
  ...storyFields,
  quote: storyFields.quote.default(null),
});
export type StoryCreate = z.input<typeof storyCreateSchema>;

export const storyUpdateSchema = z.strictObject(storyFields).partial();
export type StoryUpdate = z.infer<typeof storyUpdateSchema>;

export const storyReturnSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1)
    .max(STORY_LIMITS.note)
    .describe('What the pair should change, or why it was taken down; only the pair reads it'),
});
export type StoryReturn = z.infer<typeof storyReturnSchema>;

/** The organisation's stories: the published ones for everyone, those awaiting approval for admins. */
export const storyListQuerySchema = pageQuerySchema.extend({
  status: z
    .enum(['published', 'awaiting-approval'])
    .default('published')
    .describe('published (everyone) or awaiting-approval (admins only: agreed by both sides, never drafts)'),
});
export type StoryListQuery = z.input<typeof storyListQuerySchema>;
