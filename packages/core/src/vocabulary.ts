/**
 * The domain's words and defaults, without zod: the statuses, roles and kinds the schemas
 * are built from, the topic catalogue and its labels. Widgets import this (and the pure
 * rules) at run time, so a page pays for zod only when it validates a form.
 */

/** The locales every label and widget string exists in. */
export const LOCALES = ['en', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text written per locale (a program's charter); an empty string is a language it is not written in. */
export type LocalizedText = Record<Locale, string>;

/**
 * A localised text in the reader's locale or, when it is not written in that one, in the
 * first locale (in `LOCALES` order) it is written in; null when it is written in none.
 * The locale is returned too, so a page can mark the fallback with its own `lang`.
 */
export function textIn(
  text: Partial<LocalizedText>,
  locale: Locale,
): { text: string; locale: Locale } | null {
  for (const candidate of [locale, ...LOCALES]) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, locale: candidate };
  }
  return null;
}

/** A topic as the catalogue holds it: a stable key, its labels, and which way it is taught. */
export interface TopicEntry {
  key: string;
  labels: { en: string; it: string };
  direction: 'reverse' | 'classic';
}

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
    labels: { en: 'AI tools', it: 'Strumenti di IA' },
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
] as const satisfies readonly TopicEntry[];

export type DefaultTopicKey = (typeof DEFAULT_TOPICS)[number]['key'];

/**
 * The label of a topic in a locale: a program's own topics first, then the defaults,
 * then the key itself so an unknown topic still renders as something readable.
 */
export function topicLabel(key: string, locale: Locale, customTopics: readonly TopicEntry[] = []): string {
  const topic = customTopics.find((t) => t.key === key) ?? DEFAULT_TOPICS.find((t) => t.key === key);
  return topic ? topic.labels[locale] : key;
}

/**
 * The two sides of a pair. Mind the inversion that gives reverse mentoring its name:
 * the **mentor is the junior** (early career; teaches digital, social, sustainability,
 * new ways of working) and the **mentee is the senior** (executive; learns, and gives
 * strategy and experience back).
 */
export const PAIR_ROLES = ['mentor', 'mentee'] as const;
export const ENROLLMENT_STATUSES = ['applied', 'accepted', 'declined', 'withdrawn'] as const;
export const MAX_MENTOR_CAPACITY = 5;
/** When feedback is given: after a session, at the program's mid-point, or at its end. */
export const FEEDBACK_KINDS = ['session', 'midpoint', 'final'] as const;
export const RATING_KEYS = ['usefulness', 'trust', 'preparation'] as const;
export const GOAL_STATUSES = ['open', 'in-progress', 'achieved', 'dropped'] as const;
export const DEFAULT_MIN_AGGREGATE_GROUP = 3;
export const PAIR_STATUSES = ['proposed', 'active', 'paused', 'completed', 'dissolved'] as const;
/**
 * Where someone is in their career. Mentors in this kit are usually `early` (the
 * junior who teaches); mentees are usually `senior` or `executive` (who learn).
 */
export const CAREER_STAGES = ['early', 'mid', 'senior', 'executive'] as const;
/** A program moves forward through these, one step at a time. */
export const PROGRAM_STATUSES = ['draft', 'enrolling', 'matching', 'active', 'closed'] as const;
export const DEFAULT_CADENCE_DAYS = 14;
export const DEFAULT_SESSION_MINUTES = 60;
export const SESSION_STATUSES = ['planned', 'held', 'cancelled', 'missed'] as const;
export const SESSION_FORMATS = ['in-person', 'video', 'phone', 'async'] as const;
/**
 * Why a pair is at risk: no session held for more than twice the cadence, low trust in
 * the answers the viewer may read, or its last two sessions both cancelled.
 */
export const AT_RISK_REASONS = ['no-recent-session', 'low-trust', 'two-cancellations'] as const;

/**
 * Where a success story is on its way to the intranet: written (`draft`), agreed by both
 * sides and waiting for an admin (`awaiting-approval`), sent back by an admin with a note
 * (`returned`), or `published` for the whole organisation.
 */
export const STORY_STATUSES = ['draft', 'awaiting-approval', 'returned', 'published'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];
/** How long a story and its parts may be, in characters: short enough to read on a home page. */
export const STORY_LIMITS = { title: 120, text: 2000, quote: 300, note: 1000 } as const;
export * from './availability.js';

/** The name an erased person's pairs show in their place: the history stays, the identity goes. */
export const FORMER_PARTICIPANT: LocalizedText = { en: 'Former participant', it: 'Ex partecipante' };

/** The events a webhook subscription may choose; `ping` is sent only on request, to one subscription. */
export const WEBHOOK_EVENT_TYPES = [
  'session.held',
  'feedback.submitted',
  'pair.at-risk',
  'match.published',
  'story.published',
] as const;

/** Where a webhook delivery is: waiting for its next attempt, being sent, done, or given up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivering', 'succeeded', 'failed'] as const;
