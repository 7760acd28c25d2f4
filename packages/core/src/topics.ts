import { z } from 'zod';

/** The locales every label and widget string exists in. */
export const LOCALES = ['en', 'it'] as const;
export const localeSchema = z.enum(LOCALES).describe('A locale the kit is translated into');
export type Locale = z.infer<typeof localeSchema>;

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

/**
 * The default catalogue. Keys are stable and stored; labels are only for display.
 * The first eight are what junior mentors bring; the last three are what senior
 * mentees give back.
 */
export const DEFAULT_TOPICS = [
  {
    key: 'digital-transformation',
    labels: { en: 'Digital transformation', it: 'Trasformazione digitale' },
    direction: 'reverse',
  },
  { key: 'social-media', labels: { en: 'Social media', it: 'Social media' }, direction: 'reverse' },
  {
    key: 'personal-branding',
    labels: { en: 'Personal branding', it: 'Personal branding' },
    direction: 'reverse',
  },
  {
    key: 'ai-tools',
    labels: { en: 'AI tools', it: 'Strumenti di intelligenza artificiale' },
    direction: 'reverse',
  },
  { key: 'sustainability', labels: { en: 'Sustainability', it: 'Sostenibilità' }, direction: 'reverse' },
  {
    key: 'diversity-inclusion',
    labels: { en: 'Diversity & inclusion', it: 'Diversità e inclusione' },
    direction: 'reverse',
  },
  {
    key: 'communication',
    labels: { en: 'New ways of communicating', it: 'Nuovi modi di comunicare' },
    direction: 'reverse',
  },
  {
    key: 'new-ways-of-working',
    labels: { en: 'New ways of working', it: 'Nuovi modi di lavorare' },
    direction: 'reverse',
  },
  { key: 'leadership', labels: { en: 'Leadership', it: 'Leadership' }, direction: 'classic' },
  { key: 'strategy', labels: { en: 'Strategy', it: 'Strategia' }, direction: 'classic' },
  { key: 'career', labels: { en: 'Career', it: 'Carriera' }, direction: 'classic' },
] as const satisfies readonly Topic[];

export type DefaultTopicKey = (typeof DEFAULT_TOPICS)[number]['key'];

/**
 * The label of a topic in a locale: a program's own topics first, then the defaults,
 * then the key itself so an unknown topic still renders as something readable.
 */
export function topicLabel(key: TopicKey, locale: Locale, customTopics: readonly Topic[] = []): string {
  const topic = customTopics.find((t) => t.key === key) ?? DEFAULT_TOPICS.find((t) => t.key === key);
  return topic ? topic.labels[locale] : key;
}
