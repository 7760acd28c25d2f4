import type { Locale } from '../vocabulary.js';
import type { Reason } from './types.js';

/** A pair's reasons are stored, and a stored reason holds at most this many characters. */
export const MAX_REASON_LENGTH = 200;

/** Why a pair may not be made at all. ("Referente HR" is what the Italian glossary calls an admin.) */
export const FORBIDDEN_REASONS = {
  reportingLine: { en: 'Same reporting line', it: 'Stessa linea di riporto' },
  department: { en: 'Same department', it: 'Stesso reparto' },
  ban: { en: 'Excluded by an admin', it: 'Escluso da un referente HR' },
} as const satisfies Record<string, Reason>;

/** Why a person is left without a proposal. */
export const UNMATCHED_REASONS = {
  noMentorPlaces: { en: 'No mentor left with free places', it: 'Nessun mentor con posti liberi' },
  everyMentorExcluded: {
    en: 'Every remaining mentor is excluded for them',
    it: 'Tutti i mentor rimasti sono esclusi per questa persona',
  },
  moreMentees: { en: 'More mentees than mentor places', it: 'Più mentee che posti da mentor' },
  noFreePlaces: { en: 'No free places left', it: 'Nessun posto libero' },
  noMentees: { en: 'No mentee left to pair', it: 'Nessun mentee ancora da abbinare' },
  everyMenteeExcluded: {
    en: 'Every remaining mentee is excluded for them',
    it: 'Tutti i mentee rimasti sono esclusi per questa persona',
  },
  morePlaces: { en: 'More mentor places than mentees', it: 'Più posti da mentor che mentee' },
  bestTotal: {
    en: 'The best total left them out',
    it: 'Il punteggio complessivo migliore non include questa persona',
  },
} as const satisfies Record<string, Reason>;

/** Why a pin could not be honoured, besides the pair being forbidden. */
export const CONFLICT_REASONS = {
  menteePinnedTwice: {
    en: 'The mentee already has another pinned mentor',
    it: 'Il mentee ha già un altro mentor fissato',
  },
  mentorFull: {
    en: 'The mentor has no free places left for this pin',
    it: 'Il mentor non ha più posti liberi per questo abbinamento fissato',
  },
  mentorNotCandidate: { en: 'The mentor is not among the candidates', it: 'Il mentor non è tra i candidati' },
  menteeNotCandidate: { en: 'The mentee is not among the candidates', it: 'Il mentee non è tra i candidati' },
} as const satisfies Record<string, Reason>;

function reason(text: (locale: Locale) => string): Reason {
  return { en: fit(text('en')), it: fit(text('it')) };
}

function fit(text: string, length = MAX_REASON_LENGTH): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/** "Social media, AI tools", and "… and 2 more" once the reason would grow too long. */
function labelList(labels: string[], room: number, locale: Locale): string {
  const more = (count: number) => (locale === 'it' ? ` e altri ${count}` : ` and ${count} more`);
  let list = '';
  for (let shown = 0; shown < labels.length; shown++) {
    const next = shown === 0 ? (labels[0] as string) : `${list}, ${labels[shown]}`;
    const rest = labels.length - shown - 1;
    if (next.length + (rest > 0 ? more(rest).length : 0) > room && shown > 0) {
      return list + more(labels.length - shown);
    }
    list = next;
  }
  return list;
}

/** How many of the topics the mentee wants the mentor offers, and which. */
export function topicsReason(
  sharedKeys: string[],
  wanted: number,
  label: (key: string, locale: Locale) => string,
): Reason {
  const shared = sharedKeys.length;
  if (wanted === 0)
    return { en: 'The mentee has not chosen any topics', it: 'Il mentee non ha indicato temi' };
  if (shared === 0) {
    return wanted === 1
      ? { en: 'Does not offer the topic wanted', it: 'Non offre il tema richiesto' }
      : {
          en: `Offers none of the ${wanted} topics wanted`,
          it: `Non offre nessuno dei ${wanted} temi richiesti`,
        };
  }
  return reason((locale) => {
    const head =
      locale === 'it'
        ? shared === wanted
          ? wanted === 1
            ? 'Offre il tema richiesto: '
            : `Offre tutti e ${wanted} i temi richiesti: `
          : `Offre ${shared} dei ${wanted} temi richiesti: `
        : shared === wanted
          ? wanted === 1
            ? 'Offers the topic wanted: '
            : `Offers all ${wanted} topics wanted: `
          : `Offers ${shared} of the ${wanted} topics wanted: `;
    const labels = sharedKeys.map((key) => label(key, locale));
    return head + labelList(labels, MAX_REASON_LENGTH - head.length, locale);
  });
}

/** Whether the pair crosses departments, the exposure reverse mentoring is for. */
export function departmentReason(mentorDepartment: string, menteeDepartment: string, same: boolean): Reason {
  if (!mentorDepartment && !menteeDepartment) {
    return { en: 'Neither has given a department', it: 'Nessuna delle due persone ha indicato il reparto' };
  }
  if (!mentorDepartment || !menteeDepartment) {
    return {
      en: 'One of them has not given a department',
      it: 'Una delle due persone non ha indicato il reparto',
    };
  }
  const mentor = fit(mentorDepartment, 60);
  const mentee = fit(menteeDepartment, 60);
  return same
    ? { en: `Same department: ${mentor}`, it: `Stesso reparto: ${mentor}` }
    : { en: `Different departments: ${mentor} and ${mentee}`, it: `Reparti diversi: ${mentor} e ${mentee}` };
}

/** The languages both speak, by name in the reason's own language. */
export function languageReason(
  sharedLanguages: string[],
  mentorKnown: boolean,
  menteeKnown: boolean,
): Reason {
  if (!mentorKnown && !menteeKnown) {
    return { en: 'Neither has given their languages', it: 'Nessuna delle due persone ha indicato le lingue' };
  }
  if (!mentorKnown || !menteeKnown) {
    return {
      en: 'One of them has not given their languages',
      it: 'Una delle due persone non ha indicato le lingue',
    };
  }
  if (sharedLanguages.length === 0) return { en: 'No language in common', it: 'Nessuna lingua in comune' };
  return reason((locale) => {
    const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
      sharedLanguages.map((language) => languageName(language, locale)),
    );
    return locale === 'it' ? `Parlano entrambi ${names}` : `Both speak ${names}`;
  });
}

const displayNames = new Map<Locale, Intl.DisplayNames>();

function languageName(language: string, locale: Locale): string {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(language) ?? language;
  } catch {
    // Not a well-formed language subtag: show it as it was given.
    return language;
  }
}

/** How many half-day slots both are free in. */
export function availabilityReason(shared: number, mentorKnown: boolean, menteeKnown: boolean): Reason {
  if (!mentorKnown && !menteeKnown) {
    return {
      en: 'Neither has given their availability',
      it: 'Nessuna delle due persone ha indicato la disponibilità',
    };
  }
  if (!mentorKnown || !menteeKnown) {
    return {
      en: 'One of them has not given their availability',
      it: 'Una delle due persone non ha indicato la disponibilità',
    };
  }
  if (shared === 0) return { en: 'No shared time slot', it: 'Nessuna fascia oraria in comune' };
  if (shared === 1) return { en: '1 shared time slot', it: '1 fascia oraria in comune' };
  return { en: `${shared} shared time slots`, it: `${shared} fasce orarie in comune` };
}
