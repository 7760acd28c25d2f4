import { idOf } from '../ids.js';
import { topicKeySchema } from '../topics.js';
import { z } from '../zod.js';
import { pageQuerySchema, storedFields } from './common.js';

const titleText = z.string().trim().max(200);

/** A template's title per language; an empty string is a language it is not written in. */
export const goalTemplateTitleSchema = z
  .strictObject({ en: titleText, it: titleText })
  .refine((title) => Boolean(title.en || title.it), {
    path: ['en'],
    message: 'Write the title in at least one language',
  })
  .describe(
    'The title per language; a reader gets their own, else the first one written (en, then it), as with the charter',
  );
export type GoalTemplateTitle = z.infer<typeof goalTemplateTitleSchema>;

const goalTemplateFields = {
  title: goalTemplateTitleSchema,
  topic: topicKeySchema.nullable().describe('One of the topics the program offers, to offer it by topic'),
};

/**
 * A goal an admin suggests to a program's pairs ("Publish a post on LinkedIn", by topic):
 * a pair starts a goal of its own from it, and the admin never sees the pairs' goals.
 */
export const goalTemplateSchema = z
  .strictObject({
    id: idOf('goalTemplate'),
    orgId: idOf('organization'),
    programId: idOf('program'),
    ...goalTemplateFields,
    ...storedFields,
  })
  .describe("An admin's suggestion of a goal for a program's pairs");
export type GoalTemplate = z.infer<typeof goalTemplateSchema>;

export const goalTemplateCreateSchema = z.strictObject({
  ...goalTemplateFields,
  topic: goalTemplateFields.topic.default(null),
});
export type GoalTemplateCreate = z.input<typeof goalTemplateCreateSchema>;

/** Partial update: a title changes only the languages given. */
export const goalTemplateUpdateSchema = z
  .strictObject({
    title: z.strictObject({ en: titleText, it: titleText }).partial(),
    topic: goalTemplateFields.topic,
  })
  .partial();
export type GoalTemplateUpdate = z.input<typeof goalTemplateUpdateSchema>;

/** The filters of a program's goal templates. */
export const goalTemplateListQuerySchema = pageQuerySchema.extend({ topic: topicKeySchema.optional() });
export type GoalTemplateListQuery = z.input<typeof goalTemplateListQuerySchema>;
