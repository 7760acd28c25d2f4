import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeMatches } from './propose-matches.js';
import { scorePair } from './score-pair.js';
import type { MatchCandidate, MatchInput, MatchResult, PersonPair } from './types.js';

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

const weights = { topics: 4, crossDepartment: 2, language: 2, availability: 2 };

function inputWith(overrides: Partial<MatchInput>): MatchInput {
  return {
    mentors: [],
    mentees: [],
    managerOf: {},
    weights,
    separateDepartments: false,
    pins: [],
    bans: [],
    ...overrides,
  };
}

const reasonsOf = (result: MatchResult, personId: string) =>
  result.unmatched.find((person) => person.personId === personId)?.reasons.map((reason) => reason.en);

describe('proposeMatches', () => {
  // Two juniors and three seniors; Sara manages Luca, so they can never be a pair.
  const luca = candidate('luca', 'mentor', {
    department: 'IT',
    topics: ['ai-tools', 'social-media'],
    languages: ['it'],
    availability: ['mon-am', 'tue-pm'],
    capacity: 2,
  });
  const giulia = candidate('giulia', 'mentor', {
    department: 'Marketing',
    topics: ['sustainability', 'personal-branding'],
    languages: ['it', 'en'],
    availability: ['wed-am'],
  });
  const sara = candidate('sara', 'mentee', {
    department: 'Finance',
    topics: ['ai-tools'],
    languages: ['it'],
    availability: ['mon-am'],
  });
  const paolo = candidate('paolo', 'mentee', {
    department: 'Sales',
    topics: ['ai-tools', 'social-media'],
    languages: ['it'],
    availability: ['tue-pm'],
  });
  const elena = candidate('elena', 'mentee', {
    department: 'Legal',
    topics: ['sustainability'],
    languages: ['en'],
    availability: ['wed-am'],
  });
  const org = inputWith({
    mentors: [luca, giulia],
    mentees: [sara, paolo, elena],
    managerOf: { luca: 'sara', sara: null, giulia: null, paolo: null, elena: null },
  });

  it('proposes the pairs with the best total, each with its score and reasons, sorted by mentee', () => {
    const result = proposeMatches(org);
    expect(result.proposals.map(({ mentorId, menteeId, pinned }) => [menteeId, mentorId, pinned])).toEqual([
      ['elena', 'giulia', false],
      ['paolo', 'luca', false],
    ]);
    for (const proposal of result.proposals) {
      const { score, reasons } = scorePair(org, proposal.mentorId, proposal.menteeId);
      expect(proposal.score).toBe(score);
      expect(proposal.reasons).toEqual(reasons);
    }
    expect(result.proposals[1]?.reasons[0]).toEqual({
      en: 'Offers all 2 topics wanted: AI tools, Social media',
      it: 'Offre tutti e 2 i temi richiesti: Strumenti di IA, Social media',
    });
    const [elenaScore, paoloScore] = result.proposals.map((proposal) => proposal.score) as [number, number];
    expect(result.fairness.total).toBeCloseTo(elenaScore + paoloScore, 12);
    expect(result.fairness.mean).toBeCloseTo((elenaScore + paoloScore) / 2, 12);
    expect(result.fairness.minimum).toBe(Math.min(elenaScore, paoloScore));
    // Luca still has a place, but he reports to Sara; Giulia's one place went to Elena.
    expect(result.unmatched).toEqual([
      {
        personId: 'sara',
        role: 'mentee',
        reasons: [
          {
            en: 'The best total left them out',
            it: 'Il punteggio complessivo migliore non include questa persona',
          },
        ],
      },
    ]);
    expect(result.conflicts).toEqual([]);
  });

  it('honours a pin first, even below the best total, and the pin uses up a place', () => {
    const pinned = proposeMatches({ ...org, pins: [{ mentorId: 'giulia', menteeId: 'paolo' }] });
    expect(pinned.proposals.map(({ mentorId, menteeId, pinned }) => [menteeId, mentorId, pinned])).toEqual([
      ['elena', 'luca', false],
      ['paolo', 'giulia', true],
    ]);
    // Giulia is full with Paolo, and Luca reports to Sara.
    expect(reasonsOf(pinned, 'sara')).toEqual(['Every remaining mentor is excluded for them']);
  });

  it('drops a pin that is forbidden, contradicts an earlier pin, or finds the mentor full, and says why', () => {
    const pins: PersonPair[] = [
      { mentorId: 'luca', menteeId: 'sara' },
      { mentorId: 'giulia', menteeId: 'elena' },
      { mentorId: 'giulia', menteeId: 'elena' },
      { mentorId: 'luca', menteeId: 'elena' },
      { mentorId: 'giulia', menteeId: 'paolo' },
      { mentorId: 'nobody', menteeId: 'paolo' },
      { mentorId: 'luca', menteeId: 'nobody' },
    ];
    const result = proposeMatches({ ...org, pins, bans: [{ mentorId: 'luca', menteeId: 'paolo' }] });
    expect(result.conflicts).toEqual([
      {
        mentorId: 'luca',
        menteeId: 'sara',
        reason: { en: 'Same reporting line', it: 'Stessa linea di riporto' },
      },
      {
        mentorId: 'luca',
        menteeId: 'elena',
        reason: {
          en: 'The mentee already has another pinned mentor',
          it: 'Il mentee ha già un altro mentor fissato',
        },
      },
      {
        mentorId: 'giulia',
        menteeId: 'paolo',
        reason: {
          en: 'The mentor has no free places left for this pin',
          it: 'Il mentor non ha più posti liberi per questo abbinamento fissato',
        },
      },
      {
        mentorId: 'nobody',
        menteeId: 'paolo',
        reason: { en: 'The mentor is not among the candidates', it: 'Il mentor non è tra i candidati' },
      },
      {
        mentorId: 'luca',
        menteeId: 'nobody',
        reason: { en: 'The mentee is not among the candidates', it: 'Il mentee non è tra i candidati' },
      },
    ]);
    // The pin repeated is honoured once; Luca may teach neither Sara (his manager) nor Paolo (banned).
    expect(result.proposals.map(({ mentorId, menteeId, pinned }) => [menteeId, mentorId, pinned])).toEqual([
      ['elena', 'giulia', true],
    ]);
    expect(result.conflicts.map((conflict) => conflict.reason.it)).not.toContain('');
  });

  it('says why each person is left out', () => {
    const noPlaces = proposeMatches(inputWith({ mentors: [{ ...giulia, capacity: 0 }], mentees: [elena] }));
    expect(reasonsOf(noPlaces, 'elena')).toEqual(['No mentor left with free places']);
    expect(reasonsOf(noPlaces, 'giulia')).toEqual(['No free places left']);

    const noMentees = proposeMatches(inputWith({ mentors: [giulia] }));
    expect(reasonsOf(noMentees, 'giulia')).toEqual(['No mentee left to pair']);

    const tooMany = proposeMatches(inputWith({ mentors: [giulia], mentees: [sara, elena] }));
    expect(reasonsOf(tooMany, 'sara')).toEqual(['More mentees than mentor places']);

    const tooFew = proposeMatches(inputWith({ mentors: [luca, giulia], mentees: [paolo] }));
    expect(reasonsOf(tooFew, 'giulia')).toEqual(['More mentor places than mentees']);
    expect(tooFew.unmatched.find((person) => person.personId === 'giulia')?.reasons[0]?.it).toBe(
      'Più posti da mentor che mentee',
    );

    const excluded = proposeMatches(
      inputWith({ mentors: [giulia], mentees: [elena], bans: [{ mentorId: 'giulia', menteeId: 'elena' }] }),
    );
    expect(excluded.unmatched.map((person) => [person.personId, person.reasons[0]?.it])).toEqual([
      ['elena', 'Tutti i mentor rimasti sono esclusi per questa persona'],
      ['giulia', 'Tutti i mentee rimasti sono esclusi per questa persona'],
    ]);
    expect(excluded.fairness).toEqual({ total: 0, mean: 0, minimum: 0 });
  });

  it('proposes a pair that scores 0 rather than leave both out', () => {
    const nothingInCommon = proposeMatches(
      inputWith({
        mentors: [
          candidate('m', 'mentor', { department: 'IT', languages: ['de'], availability: ['fri-pm'] }),
        ],
        mentees: [
          candidate('s', 'mentee', {
            department: 'it',
            topics: ['strategy'],
            languages: ['fr'],
            availability: ['mon-am'],
          }),
        ],
      }),
    );
    expect(nothingInCommon.proposals).toMatchObject([{ mentorId: 'm', menteeId: 's', score: 0 }]);
    expect(nothingInCommon.unmatched).toEqual([]);
  });

  it('refuses a person listed twice in one role', () => {
    expect(() => proposeMatches(inputWith({ mentors: [giulia, giulia] }))).toThrow(RangeError);
  });
});

// Random organisations: 1 to 4 mentors and 1 to 5 mentees, managers drawn at random (so
// chains and cycles), few departments, topics, languages and slots, so pairs tie often.
const people = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
/** Managers who are not candidates themselves, as most managers are. */
const bosses = ['boss-1', 'boss-2', 'boss-3'];
const everyone = [...people, ...bosses];
const departments = ['', 'Finance', 'finance ', 'IT', 'Legal'];
const organisations = fc
  .record({
    split: fc.integer({ min: 1, max: 4 }),
    order: fc.shuffledSubarray(people, { minLength: 2, maxLength: 9 }),
    managers: fc.array(
      fc.option(fc.constantFrom(...everyone, ...bosses, ...bosses), { nil: null, freq: 3 }),
      {
        minLength: everyone.length,
        maxLength: everyone.length,
      },
    ),
    profiles: fc.array(
      fc.record({
        department: fc.constantFrom(...departments),
        topics: fc.subarray(['ai-tools', 'social-media', 'strategy', 'career']),
        languages: fc.subarray(['it', 'en-GB', 'en', 'fr']),
        availability: fc.subarray(['mon-am', 'tue-pm', 'wed-am']),
        capacity: fc.constantFrom(0, 1, 1, 2, 2),
      }),
      { minLength: 9, maxLength: 9 },
    ),
    weights: fc.record({
      topics: fc.integer({ min: 0, max: 10 }),
      crossDepartment: fc.integer({ min: 0, max: 10 }),
      language: fc.integer({ min: 0, max: 10 }),
      availability: fc.integer({ min: 0, max: 10 }),
    }),
    separateDepartments: fc.boolean(),
    pairs: fc.array(fc.record({ mentor: fc.nat(8), mentee: fc.nat(8), pin: fc.boolean() }), { maxLength: 3 }),
  })
  .map(({ split, order, managers, profiles, weights, separateDepartments, pairs }): MatchInput => {
    const mentorIds = order.slice(0, Math.min(split, order.length - 1));
    const menteeIds = order.slice(mentorIds.length, mentorIds.length + 5);
    const of = (ids: string[], role: 'mentor' | 'mentee') =>
      ids.map((id) => candidate(id, role, profiles[people.indexOf(id)]));
    const pick = (ids: string[], n: number) => (ids.length > 0 ? (ids[n % ids.length] as string) : 'nobody');
    const constraints = pairs.map(({ mentor, mentee, pin }) => ({
      pin,
      pair: { mentorId: pick(mentorIds, mentor), menteeId: pick(menteeIds, mentee) },
    }));
    return {
      mentors: of(mentorIds, 'mentor'),
      mentees: of(menteeIds, 'mentee'),
      managerOf: Object.fromEntries(everyone.map((id, n) => [id, managers[n] ?? null])),
      weights,
      separateDepartments,
      pins: constraints.filter(({ pin }) => pin).map(({ pair }) => pair),
      bans: constraints.filter(({ pin }) => !pin).map(({ pair }) => pair),
    };
  });

/** One reporting line, walked independently: at most one step per person, so a cycle ends. */
function sameLine(managerOf: MatchInput['managerOf'], a: string, b: string): boolean {
  const reaches = (from: string, to: string) => {
    let at: string | null | undefined = managerOf[from];
    for (let steps = 0; at && steps <= everyone.length; steps++) {
      if (at === to) return true;
      at = managerOf[at];
    }
    return false;
  };
  return a === b || reaches(a, b) || reaches(b, a);
}

function isForbidden(input: MatchInput, mentorId: string, menteeId: string): boolean {
  const mentor = input.mentors.find((person) => person.personId === mentorId) as MatchCandidate;
  const mentee = input.mentees.find((person) => person.personId === menteeId) as MatchCandidate;
  const department = (person: MatchCandidate) => person.department.trim().toLowerCase();
  return (
    sameLine(input.managerOf, mentorId, menteeId) ||
    (input.separateDepartments && department(mentor) !== '' && department(mentor) === department(mentee)) ||
    input.bans.some((ban) => ban.mentorId === mentorId && ban.menteeId === menteeId)
  );
}

/** The best total of every way to place the mentees not pinned, tried one by one. */
function bestTotalLeft(input: MatchInput, result: MatchResult): number {
  const pinned = result.proposals.filter((proposal) => proposal.pinned);
  const places = new Map(input.mentors.map((mentor) => [mentor.personId, mentor.capacity]));
  for (const { mentorId } of pinned) places.set(mentorId, (places.get(mentorId) as number) - 1);
  const free = input.mentees.filter((mentee) => !pinned.some((pin) => pin.menteeId === mentee.personId));
  let best = 0;
  const visit = (at: number, total: number) => {
    if (at === free.length) {
      best = Math.max(best, total);
      return;
    }
    const mentee = free[at] as MatchCandidate;
    visit(at + 1, total);
    for (const mentor of input.mentors) {
      const left = places.get(mentor.personId) as number;
      if (left === 0 || isForbidden(input, mentor.personId, mentee.personId)) continue;
      places.set(mentor.personId, left - 1);
      visit(at + 1, total + scorePair(input, mentor.personId, mentee.personId).score);
      places.set(mentor.personId, left);
    }
  };
  visit(0, 0);
  return best;
}

describe('proposeMatches on random organisations', () => {
  it('never proposes a forbidden pair, a mentee twice or a mentor beyond their places', () => {
    fc.assert(
      fc.property(organisations, (input) => {
        const { proposals } = proposeMatches(input);
        const taken = new Map<string, number>();
        const mentees = new Set<string>();
        for (const { mentorId, menteeId } of proposals) {
          expect(isForbidden(input, mentorId, menteeId), `${mentorId} teaching ${menteeId}`).toBe(false);
          expect(mentees.has(menteeId)).toBe(false);
          mentees.add(menteeId);
          taken.set(mentorId, (taken.get(mentorId) ?? 0) + 1);
        }
        for (const mentor of input.mentors) {
          expect(taken.get(mentor.personId) ?? 0).toBeLessThanOrEqual(mentor.capacity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('honours every pin it does not list as a conflict', () => {
    fc.assert(
      fc.property(organisations, (input) => {
        const { proposals, conflicts } = proposeMatches(input);
        const conflicting = (pin: PersonPair) =>
          conflicts.some(
            (conflict) => conflict.mentorId === pin.mentorId && conflict.menteeId === pin.menteeId,
          );
        for (const pin of input.pins) {
          const proposal = proposals.find((p) => p.mentorId === pin.mentorId && p.menteeId === pin.menteeId);
          if (proposal) expect(proposal.pinned).toBe(true);
          else expect(conflicting(pin)).toBe(true);
        }
        expect(proposals.filter((proposal) => proposal.pinned)).toHaveLength(
          new Set(
            input.pins
              .filter((pin) => !conflicting(pin))
              .map((pin) => JSON.stringify([pin.mentorId, pin.menteeId])),
          ).size,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the best total there is, once the pins are placed', () => {
    fc.assert(
      fc.property(organisations, (input) => {
        const result = proposeMatches(input);
        const optimised = result.proposals.filter((proposal) => !proposal.pinned);
        const total = optimised.reduce((sum, proposal) => sum + proposal.score, 0);
        expect(total).toBeCloseTo(bestTotalLeft(input, result), 9);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same result for the same candidates in any order', () => {
    fc.assert(
      fc.property(organisations, fc.integer(), (input, seed) => {
        const shuffle = <T>(items: T[]) =>
          items
            .map((item, n) => ({ item, key: Math.sin(seed + n * 7919) }))
            .sort((a, b) => a.key - b.key)
            .map(({ item }) => item);
        const again = { ...input, mentors: shuffle(input.mentors), mentees: shuffle(input.mentees) };
        expect(proposeMatches(again)).toEqual(proposeMatches(input));
      }),
      { numRuns: 200 },
    );
  });

  it('gives every proposal its reasons in English and Italian, and every person left out a reason', () => {
    fc.assert(
      fc.property(organisations, (input) => {
        const result = proposeMatches(input);
        for (const { reasons } of result.proposals) {
          for (const reason of reasons) {
            expect(reason.en.length).toBeGreaterThan(0);
            expect(reason.it.length).toBeGreaterThan(0);
          }
        }
        const placed = new Set(
          result.proposals.flatMap((proposal) => [proposal.mentorId, proposal.menteeId]),
        );
        const everyone = [...input.mentors, ...input.mentees].map((person) => person.personId);
        expect(new Set([...placed, ...result.unmatched.map((person) => person.personId)])).toEqual(
          new Set(everyone),
        );
        for (const person of result.unmatched) expect(person.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
