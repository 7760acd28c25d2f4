import { type MatchProposalSet, matchProposalSetSchema, type PairRole, topicLabel } from '@rm-kit/core';
import {
  type MatchCandidate,
  type MatchInput,
  type MatchResult,
  proposeMatches,
  type Reason,
  scorePair,
} from '@rm-kit/core/matching';
import type { MatchGround } from './match-ground.store.js';

/**
 * What core's matching is given, from what the database holds (see match-ground.store.ts):
 * the one place where enrolments, people, pairs and constraints become a MatchInput, for
 * the proposals and for every pair made by hand or published alike.
 */

/** How many pairs of the program hold each person's places, as mentor. */
function placesTaken(ground: MatchGround): Map<string, number> {
  const taken = new Map<string, number>();
  for (const pair of ground.livePairs) taken.set(pair.mentorId, (taken.get(pair.mentorId) ?? 0) + 1);
  return taken;
}

/**
 * A person on one side. With an enrolment of the program in that role: what it offers or
 * wants. Without one (a pair an admin makes by override): only where they work and what
 * they speak, which is all the hard rules need.
 */
function candidateOf(ground: MatchGround, personId: string, role: PairRole, capacity = 1): MatchCandidate {
  const enrollment = ground.enrollments.get(personId);
  const person = ground.people.get(personId);
  const enrolled = enrollment?.role === role ? enrollment : undefined;
  return {
    personId,
    role,
    department: person?.department ?? '',
    topics: enrolled?.topics ?? [],
    languages: enrolled?.languages ?? person?.languages ?? [],
    availability: enrolled?.availability ?? [],
    capacity,
  };
}

function inputOf(ground: MatchGround, mentors: MatchCandidate[], mentees: MatchCandidate[]): MatchInput {
  const { program } = ground;
  const among = new Set([...mentors, ...mentees].map((c) => c.personId));
  const constraints = ground.constraints.filter((c) => among.has(c.mentorId) && among.has(c.menteeId));
  const ofKind = (kind: 'pin' | 'ban') =>
    constraints.filter((c) => c.kind === kind).map(({ mentorId, menteeId }) => ({ mentorId, menteeId }));
  return {
    mentors,
    mentees,
    managerOf: Object.fromEntries([...ground.people.values()].map((p) => [p.id, p.managerId])),
    weights: program.matching.weights,
    separateDepartments: program.matching.separateDepartments,
    pins: ofKind('pin'),
    bans: ofKind('ban'),
    topicLabel: (key, locale) => topicLabel(key, locale, program.customTopics),
  };
}

/**
 * Who matching may propose: the accepted enrolments of people still in the organisation,
 * a mentee in no pair that holds a place, a mentor with a place left.
 */
export function candidatesOf(ground: MatchGround) {
  const taken = placesTaken(ground);
  const paired = new Set(ground.livePairs.map((p) => p.menteeId));
  const mentors: MatchCandidate[] = [];
  const mentees: MatchCandidate[] = [];
  for (const enrollment of ground.enrollments.values()) {
    const id = enrollment.personId;
    if (enrollment.status !== 'accepted' || !ground.people.has(id)) continue;
    if (enrollment.role === 'mentee' && !paired.has(id)) mentees.push(candidateOf(ground, id, 'mentee'));
    const free = enrollment.capacity - (taken.get(id) ?? 0);
    if (enrollment.role === 'mentor' && free > 0) mentors.push(candidateOf(ground, id, 'mentor', free));
  }
  return { mentors, mentees };
}

/**
 * How one mentor and one mentee fare by the program's rules: why they may not be paired
 * (null: they may), and their score and reasons when both hold an enrolment in those roles
 * (else null and none: an override pair has nothing to score).
 */
export function scoreOf(
  ground: MatchGround,
  mentorId: string,
  menteeId: string,
): { forbidden: Reason | null; score: number | null; reasons: Reason[] } {
  const input = inputOf(
    ground,
    [candidateOf(ground, mentorId, 'mentor')],
    [candidateOf(ground, menteeId, 'mentee')],
  );
  const { score, reasons, forbidden } = scorePair(input, mentorId, menteeId);
  const scored =
    ground.enrollments.get(mentorId)?.role === 'mentor' &&
    ground.enrollments.get(menteeId)?.role === 'mentee';
  return { forbidden, score: scored ? score : null, reasons: scored ? reasons : [] };
}

/** What matching proposes for the program now, with the names of everyone it names. */
export function proposalsOf(ground: MatchGround): MatchProposalSet {
  const { mentors, mentees } = candidatesOf(ground);
  const result: MatchResult = proposeMatches(inputOf(ground, mentors, mentees));
  const named = new Set([
    ...result.proposals.flatMap((p) => [p.mentorId, p.menteeId]),
    ...result.unmatched.map((u) => u.personId),
    ...result.conflicts.flatMap((c) => [c.mentorId, c.menteeId]),
  ]);
  return matchProposalSetSchema.parse({
    programId: ground.program.id,
    proposals: result.proposals.map(({ mentorId, menteeId, score, reasons, pinned }) => ({
      mentorId,
      menteeId,
      score,
      reasons,
      pinned,
    })),
    fairness: result.fairness,
    unmatched: result.unmatched,
    conflicts: result.conflicts,
    people: [...named].flatMap((id) => {
      const person = ground.people.get(id);
      return person
        ? [{ id, displayName: person.displayName, title: person.title, department: person.department }]
        : [];
    }),
  });
}
