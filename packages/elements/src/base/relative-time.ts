import type { Locale } from './localize.js';

const DAY_MS = 86_400_000;

/** Each unit a relative date is said in, from how far away it is used, and its length. */
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['year', 365 * DAY_MS, 365 * DAY_MS],
  ['month', 60 * DAY_MS, 30.44 * DAY_MS],
  ['week', 14 * DAY_MS, 7 * DAY_MS],
  ['day', DAY_MS, DAY_MS],
  ['hour', 3_600_000, 3_600_000],
  ['minute', 60_000, 60_000],
];

/** Under a minute away: Intl says "this minute" ("questo minuto"), which reads oddly right after logging. */
const JUST_NOW: Record<Locale, string> = { en: 'just now', it: 'proprio ora' };

/**
 * "2 weeks ago", "in 3 days": the largest unit that fits. A function beside the localisation
 * controller rather than a method of it, so only the elements that say relative dates carry it.
 */
export function relativeTime(locale: Locale, value: string | Date): string {
  const diff = new Date(value).getTime() - Date.now();
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, from, length] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= from) return format.format(Math.round(diff / length), unit);
  }
  return JUST_NOW[locale];
}
