import { describe, expect, it } from 'vitest';
import { scorePair } from './score-pair.js';
import { DEFAULT_MATCH_WEIGHTS, type MatchCandidate, type MatchInput } from './types.js';

function candidate(
  personId: string,
  role: 'mentor' | 'mentee',
  fields: Partial<MatchCandidate> = {},
): MatchCandidate {
  return {
    personId,
    role,
    department: '',
    topics: [],
    languages: [],
    availability: [],
    capacity: 1,
    ...fields,
  };
}

const giulia = candidate('giulia', 'mentor', {
  department: 'Marketing',
  topics: ['social-media', 'ai-tools', 'sustainability'],
  languages: ['it-IT', 'en'],
  availability: ['mon-am', 'tue-am', 'wed-am', 'thu-pm'],
});
const marco = candidate('marco', 'mentee', {
  department: 'Finance',
  topics: ['social-media', 'ai-tools', 'strategy'],
  languages: ['it'],
  availability: ['mon-am', 'tue-am', 'wed-am'],
});

function inputWith(overrides: Partial<MatchInput> = {}): MatchInput {
  return {
    mentors: [giulia],
    mentees: [marco],
    managerOf: {},
    weights: DEFAULT_MATCH_WEIGHTS,
    separateDepartments: false,
    pins: [],
    bans: [],
    ...overrides,
  };
}

describe('scorePair', () => {
  it('scores the weighted mean of topics, departments, language and time slots, and says why in English and Italian', () => {
    const { score, reasons, forbidden } = scorePair(inputWith(), 'giulia', 'marco');
    // Topics 2/3 (weight 4), different departments 1, a shared language 1, 3 of 3 slots 1 (weight 2 each).
    expect(score).toBeCloseTo((4 * (2 / 3) + 2 + 2 + 2) / 10, 12);
    expect(reasons).toEqual([
      {
        en: 'Offers 2 of the 3 topics wanted: Social media, AI tools',
        it: 'Offre 2 dei 3 temi richiesti: Social media, Strumenti di IA',
      },
      { en: 'Different departments: Marketing and Finance', it: 'Reparti diversi: Marketing e Finance' },
      { en: 'Both speak Italian', it: 'Parlano entrambi italiano' },
      { en: '3 shared time slots', it: '3 fasce orarie in comune' },
    ]);
    expect(forbidden).toBe(null);
  });

  it('counts a side that said nothing about a criterion as half, and says it was not given', () => {
    const blank = candidate('blank', 'mentor');
    const { score, reasons } = scorePair(inputWith({ mentors: [blank] }), 'blank', 'marco');
    // No topic offered: 0 of 3; department, language and slots unknown on one side: 0.5 each.
    expect(score).toBeCloseTo((0 + 2 * 0.5 + 2 * 0.5 + 2 * 0.5) / 10, 12);
    expect(reasons.map((reason) => reason.en)).toEqual([
      'Offers none of the 3 topics wanted',
      'One of them has not given a department',
      'One of them has not given their languages',
      'One of them has not given their availability',
    ]);
    expect(reasons.map((reason) => reason.it)).toEqual([
      'Non offre nessuno dei 3 temi richiesti',
      'Una delle due persone non ha indicato il reparto',
      'Una delle due persone non ha indicato le lingue',
      'Una delle due persone non ha indicato la disponibilità',
    ]);
  });

  it('scores the same department, no common language and no shared slot as 0', () => {
    const colleague = candidate('anna', 'mentor', {
      department: ' finance',
      topics: ['social-media', 'ai-tools', 'strategy'],
      languages: ['fr'],
      availability: ['fri-pm'],
    });
    const { score, reasons } = scorePair(inputWith({ mentors: [colleague] }), 'anna', 'marco');
    expect(score).toBeCloseTo(4 / 10, 12);
    expect(reasons).toEqual([
      {
        en: 'Offers all 3 topics wanted: Social media, AI tools, Strategy',
        it: 'Offre tutti e 3 i temi richiesti: Social media, Strumenti di IA, Strategia',
      },
      { en: 'Same department: finance', it: 'Stesso reparto: finance' },
      { en: 'No language in common', it: 'Nessuna lingua in comune' },
      { en: 'No shared time slot', it: 'Nessuna fascia oraria in comune' },
    ]);
  });

  it('names every shared language in the reason’s own language, matching "en-GB" with "en"', () => {
    const mentee = candidate('marco', 'mentee', { languages: ['en-GB', 'it', 'de'] });
    const { reasons } = scorePair(
      inputWith({
        mentees: [mentee],
        weights: { topics: 0, crossDepartment: 0, language: 1, availability: 0 },
      }),
      'giulia',
      'marco',
    );
    expect(reasons).toEqual([
      { en: 'Both speak English and Italian', it: 'Parlano entrambi inglese e italiano' },
    ]);
  });

  it('leaves out a criterion whose weight is 0, and scores 0 when every weight is 0', () => {
    const topicsOnly = scorePair(
      inputWith({ weights: { topics: 3, crossDepartment: 0, language: 0, availability: 0 } }),
      'giulia',
      'marco',
    );
    expect(topicsOnly.score).toBeCloseTo(2 / 3, 12);
    expect(topicsOnly.reasons).toHaveLength(1);
    const none = scorePair(
      inputWith({ weights: { topics: 0, crossDepartment: 0, language: 0, availability: 0 } }),
      'giulia',
      'marco',
    );
    expect(none).toEqual({ score: 0, reasons: [], forbidden: null });
  });

  it('labels topics with the program’s own labels when given, else the catalogue’s, else the key', () => {
    const mentee = candidate('marco', 'mentee', { topics: ['social-media', 'podcasting'] });
    const mentor = candidate('giulia', 'mentor', { topics: ['social-media', 'podcasting'] });
    const weights = { topics: 1, crossDepartment: 0, language: 0, availability: 0 };
    const plain = scorePair(inputWith({ mentors: [mentor], mentees: [mentee], weights }), 'giulia', 'marco');
    expect(plain.reasons[0]?.en).toBe('Offers all 2 topics wanted: Social media, podcasting');
    const custom = scorePair(
      inputWith({
        mentors: [mentor],
        mentees: [mentee],
        weights,
        topicLabel: (key, locale) => `${key} (${locale})`,
      }),
      'giulia',
      'marco',
    );
    expect(custom.reasons[0]?.it).toBe(
      'Offre tutti e 2 i temi richiesti: social-media (it), podcasting (it)',
    );
  });

  it('says when the mentee has not chosen topics, and when the one topic wanted is not offered', () => {
    const weights = { topics: 1, crossDepartment: 0, language: 0, availability: 0 };
    const noWish = scorePair(
      inputWith({ mentees: [candidate('marco', 'mentee')], weights }),
      'giulia',
      'marco',
    );
    expect(noWish.score).toBe(0.5);
    expect(noWish.reasons).toEqual([
      { en: 'The mentee has not chosen any topics', it: 'Il mentee non ha indicato temi' },
    ]);
    const missed = scorePair(
      inputWith({ mentees: [candidate('marco', 'mentee', { topics: ['career'] })], weights }),
      'giulia',
      'marco',
    );
    expect(missed.reasons).toEqual([
      { en: 'Does not offer the topic wanted', it: 'Non offre il tema richiesto' },
    ]);
  });

  it('keeps every reason within 200 characters, however long the names', () => {
    const long = (n: number) => `${'Department of very long names '.repeat(4)}${n}`;
    const topics = Array.from({ length: 12 }, (_, n) => `topic-${n}`);
    const mentor = candidate('giulia', 'mentor', { department: long(1), topics });
    const mentee = candidate('marco', 'mentee', { department: long(2), topics });
    const { reasons } = scorePair(
      inputWith({
        mentors: [mentor],
        mentees: [mentee],
        topicLabel: (key) => `${key} ${'label '.repeat(6)}`,
      }),
      'giulia',
      'marco',
    );
    for (const reason of reasons) {
      expect(reason.en.length).toBeLessThanOrEqual(200);
      expect(reason.it.length).toBeLessThanOrEqual(200);
    }
    expect(reasons[0]?.en).toMatch(/^Offers all 12 topics wanted: topic-0 .* and \d+ more$/);
    expect(reasons[0]?.it).toMatch(/^Offre tutti e 12 i temi richiesti: topic-0 .* e altri \d+$/);
  });

  describe('forbids', () => {
    it('a mentor anywhere above the mentee, and a mentee anywhere above the mentor', () => {
      // giulia -> lead -> director; marco -> director: the director manages both.
      const managerOf = { giulia: 'lead', lead: 'director', marco: 'director', director: null };
      expect(scorePair(inputWith({ managerOf }), 'giulia', 'marco').forbidden).toBe(null);
      const seniorAbove = { ...managerOf, lead: 'marco' };
      expect(scorePair(inputWith({ managerOf: seniorAbove }), 'giulia', 'marco').forbidden).toEqual({
        en: 'Same reporting line',
        it: 'Stessa linea di riporto',
      });
      const juniorAbove = { ...managerOf, marco: 'x', x: 'y', y: 'giulia' };
      expect(scorePair(inputWith({ managerOf: juniorAbove }), 'giulia', 'marco').forbidden?.en).toBe(
        'Same reporting line',
      );
    });

    it('a reporting line through a cycle in the data, without looping', () => {
      const managerOf = { giulia: 'a', a: 'b', b: 'marco', marco: 'a' };
      expect(scorePair(inputWith({ managerOf }), 'giulia', 'marco').forbidden?.en).toBe(
        'Same reporting line',
      );
      const apart = { giulia: 'a', a: 'b', b: 'a', marco: 'c', c: 'marco' };
      expect(scorePair(inputWith({ managerOf: apart }), 'giulia', 'marco').forbidden).toBe(null);
    });

    it('one department when the program separates departments, never an unknown one', () => {
      const mentor = candidate('giulia', 'mentor', { department: 'Finance ' });
      const separate = { mentors: [mentor], separateDepartments: true };
      expect(scorePair(inputWith(separate), 'giulia', 'marco').forbidden).toEqual({
        en: 'Same department',
        it: 'Stesso reparto',
      });
      expect(scorePair(inputWith({ mentors: [mentor] }), 'giulia', 'marco').forbidden).toBe(null);
      const unknown = { mentors: [candidate('giulia', 'mentor')], mentees: [candidate('marco', 'mentee')] };
      expect(
        scorePair(inputWith({ ...unknown, separateDepartments: true }), 'giulia', 'marco').forbidden,
      ).toBe(null);
    });

    it('a pair an admin banned, and only that pair', () => {
      const bans = [{ mentorId: 'giulia', menteeId: 'marco' }];
      expect(scorePair(inputWith({ bans }), 'giulia', 'marco').forbidden).toEqual({
        en: 'Excluded by an admin',
        it: 'Escluso da un referente HR',
      });
      const other = [{ mentorId: 'giulia', menteeId: 'someone else' }];
      expect(scorePair(inputWith({ bans: other }), 'giulia', 'marco').forbidden).toBe(null);
    });
  });

  it('refuses ids that are not among the candidates in those roles', () => {
    expect(() => scorePair(inputWith(), 'marco', 'giulia')).toThrow(RangeError);
  });
});
