import { LOCALES } from './vocabulary.js';
import { z } from './zod.js';

export const localeSchema = z.enum(LOCALES).describe('A locale the kit is translated into');

export const topicKeySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens, e.g. "ai-tools"')
  .max(48)
  .describe('Stable topic key; labels are looked up by key and locale');
export type TopicKey = z.infer<typeof topicKeySchema>;

export const topicSchema = z
  .strictObject({
    key: topicKeySchema,
    labels: z.strictObject({ en: z.string().min(1).max(80), it: z.string().min(1).max(80) }),
    direction: z
      .enum(['reverse', 'classic'])
      .describe(
        '"reverse": the junior mentor teaches it to the senior mentee (the point of the program); "classic": the senior gives it back to the junior',
      ),
  })
  .describe('A topic a program offers, with its labels in every supported locale');
export type Topic = z.infer<typeof topicSchema>;
