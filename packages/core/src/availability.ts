/**
 * When someone can meet, in half-day slots of the working week, in their own time zone.
 * Coarse on purpose: enough to tell whether two people can find a regular slot, without
 * asking anyone to publish their calendar.
 */
export const AVAILABILITY_SLOTS = [
  'mon-am',
  'mon-pm',
  'tue-am',
  'tue-pm',
  'wed-am',
  'wed-pm',
  'thu-am',
  'thu-pm',
  'fri-am',
  'fri-pm',
] as const;
export type AvailabilitySlot = (typeof AVAILABILITY_SLOTS)[number];

export const AVAILABILITY_LABELS: Record<AvailabilitySlot, { en: string; it: string }> = {
  'mon-am': { en: 'Monday morning', it: 'Lunedì mattina' },
  'mon-pm': { en: 'Monday afternoon', it: 'Lunedì pomeriggio' },
  'tue-am': { en: 'Tuesday morning', it: 'Martedì mattina' },
  'tue-pm': { en: 'Tuesday afternoon', it: 'Martedì pomeriggio' },
  'wed-am': { en: 'Wednesday morning', it: 'Mercoledì mattina' },
  'wed-pm': { en: 'Wednesday afternoon', it: 'Mercoledì pomeriggio' },
  'thu-am': { en: 'Thursday morning', it: 'Giovedì mattina' },
  'thu-pm': { en: 'Thursday afternoon', it: 'Giovedì pomeriggio' },
  'fri-am': { en: 'Friday morning', it: 'Venerdì mattina' },
  'fri-pm': { en: 'Friday afternoon', it: 'Venerdì pomeriggio' },
};
