import { CONFLICT_REASONS, UNMATCHED_REASONS } from './reasons.js';
import {
  banKey,
  forbiddenReason,
  labelFor,
  type Profile,
  pairReasons,
  profileOf,
  scoreParts,
  weightedScore,
} from './score-pair.js';
import { solveAssignment } from './solve-assignment.js';
import type { MatchCandidate, MatchInput, MatchProposal, MatchResult, Reason } from './types.js';

/**
 * The proposals that maximise the total score of a program's candidates: pins first
 * (in the order given; a later pin that contradicts an earlier one, or that is forbidden,
 * is a conflict and is dropped), then the optimal assignment of everyone left, a mentor
 * taking up to their free places. Never a forbidden pair. With each proposal its score
 * and reasons; the fairness figures; everyone left unmatched, and why.
 *
 * Deterministic: candidates are sorted by person id first, so the same candidates in any
 * order give the same result.
 */
export function proposeMatches(input: MatchInput): MatchResult {
  const mentors = sortedProfiles(input.mentors, 'mentor', input);
  const mentees = sortedProfiles(input.mentees, 'mentee', input);
  const mentorById = new Map(mentors.map((profile) => [profile.personId, profile]));
  const menteeById = new Map(mentees.map((profile) => [profile.personId, profile]));
  const bans = new Set(input.bans.map((ban) => banKey(ban.mentorId, ban.menteeId)));
  const label = labelFor(input);

  const placesLeft = new Map(mentors.map((profile) => [profile.personId, placesOf(profile.candidate)]));
  const proposals: MatchProposal[] = [];
  const conflicts: MatchResult['conflicts'] = [];
  const pinnedMentee = new Map<string, string>();
  const propose = (mentor: Profile, mentee: Profile, pinned: boolean) => {
    const score = weightedScore(scoreParts(mentor, mentee), input.weights);
    const reasons = pairReasons(mentor, mentee, input.weights, label);
    proposals.push({ mentorId: mentor.personId, menteeId: mentee.personId, score, reasons, pinned });
  };

  for (const pin of input.pins) {
    const { mentorId, menteeId } = pin;
    const conflict = (reason: Reason) => conflicts.push({ mentorId, menteeId, reason });
    const mentor = mentorById.get(mentorId);
    const mentee = menteeById.get(menteeId);
    if (!mentor) {
      conflict(CONFLICT_REASONS.mentorNotCandidate);
      continue;
    }
    if (!mentee) {
      conflict(CONFLICT_REASONS.menteeNotCandidate);
      continue;
    }
    const earlier = pinnedMentee.get(menteeId);
    if (earlier === mentorId) continue;
    if (earlier !== undefined) {
      conflict(CONFLICT_REASONS.menteePinnedTwice);
      continue;
    }
    const forbidden = forbiddenReason(
      mentor,
      mentee,
      input.separateDepartments,
      bans.has(banKey(mentorId, menteeId)),
    );
    if (forbidden) {
      conflict(forbidden);
      continue;
    }
    const places = placesLeft.get(mentorId) as number;
    if (places === 0) {
      conflict(CONFLICT_REASONS.mentorFull);
      continue;
    }
    placesLeft.set(mentorId, places - 1);
    pinnedMentee.set(menteeId, mentorId);
    propose(mentor, mentee, true);
  }

  // Rows are the mentees still free, columns the free places: a mentor with k places is k columns.
  const rows = mentees.filter((mentee) => !pinnedMentee.has(mentee.personId));
  const columns: Profile[] = mentors.flatMap((mentor) =>
    new Array<Profile>(placesLeft.get(mentor.personId) as number).fill(mentor),
  );
  const scores = new Float64Array(rows.length * columns.length);
  // Who has at least one pair left that is not forbidden, to say why someone is left out.
  const menteesWithChoice = new Set<string>();
  const mentorsWithChoice = new Set<string>();
  // A mentor's places share one score; compute it once per mentor, not per place.
  rows.forEach((mentee, row) => {
    let col = 0;
    for (const mentor of mentors) {
      const places = placesLeft.get(mentor.personId) as number;
      if (places === 0) continue;
      const banned = bans.has(banKey(mentor.personId, mentee.personId));
      const score = forbiddenReason(mentor, mentee, input.separateDepartments, banned)
        ? Number.NEGATIVE_INFINITY
        : weightedScore(scoreParts(mentor, mentee), input.weights);
      if (score > Number.NEGATIVE_INFINITY) {
        menteesWithChoice.add(mentee.personId);
        mentorsWithChoice.add(mentor.personId);
      }
      scores.fill(score, row * columns.length + col, row * columns.length + col + places);
      col += places;
    }
  });
  const { colOfRow } = solveAssignment({ scores, rows: rows.length, cols: columns.length });
  const matched = new Set<string>(proposals.flatMap((proposal) => [proposal.mentorId, proposal.menteeId]));
  rows.forEach((mentee, row) => {
    const col = colOfRow[row] as number;
    if (col < 0) return;
    const mentor = columns[col] as Profile;
    propose(mentor, mentee, false);
    matched.add(mentor.personId);
    matched.add(mentee.personId);
  });

  const pool = { mentees: rows.length, places: columns.length };
  const unmatched: MatchResult['unmatched'] = [];
  for (const { personId } of rows) {
    if (matched.has(personId)) continue;
    unmatched.push({
      personId,
      role: 'mentee',
      reasons: [whyMenteeLeftOut(pool, menteesWithChoice.has(personId))],
    });
  }
  for (const { personId } of mentors) {
    if (matched.has(personId)) continue;
    const places = placesLeft.get(personId) as number;
    const why = whyMentorLeftOut(pool, places, mentorsWithChoice.has(personId));
    unmatched.push({ personId, role: 'mentor', reasons: [why] });
  }

  proposals.sort((a, b) => compare(a.menteeId, b.menteeId));
  unmatched.sort((a, b) => compare(a.role, b.role) || compare(a.personId, b.personId));
  return { proposals, fairness: fairnessOf(proposals), unmatched, conflicts };
}

/** What was left to assign once the pins were placed. */
interface Pool {
  mentees: number;
  places: number;
}

function whyMenteeLeftOut(pool: Pool, hadChoice: boolean): Reason {
  if (pool.places === 0) return UNMATCHED_REASONS.noMentorPlaces;
  if (!hadChoice) return UNMATCHED_REASONS.everyMentorExcluded;
  return pool.mentees > pool.places ? UNMATCHED_REASONS.moreMentees : UNMATCHED_REASONS.bestTotal;
}

function whyMentorLeftOut(pool: Pool, placesLeft: number, hadChoice: boolean): Reason {
  if (placesLeft === 0) return UNMATCHED_REASONS.noFreePlaces;
  if (pool.mentees === 0) return UNMATCHED_REASONS.noMentees;
  if (!hadChoice) return UNMATCHED_REASONS.everyMenteeExcluded;
  return pool.places > pool.mentees ? UNMATCHED_REASONS.morePlaces : UNMATCHED_REASONS.bestTotal;
}

function sortedProfiles(
  candidates: MatchCandidate[],
  role: 'mentor' | 'mentee',
  input: MatchInput,
): Profile[] {
  const sorted = [...candidates].sort((a, b) => compare(a.personId, b.personId));
  sorted.forEach((candidate, at) => {
    if (at > 0 && sorted[at - 1]?.personId === candidate.personId) {
      throw new RangeError(`${candidate.personId} is among the ${role}s twice`);
    }
  });
  return sorted.map((candidate) => profileOf(candidate, input.managerOf));
}

/** A mentor's free places as whole columns; a mentee is one person to place. */
function placesOf(candidate: MatchCandidate): number {
  return Math.max(0, Math.floor(candidate.capacity) || 0);
}

/** By code unit, not by locale: the same order in every runtime. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fairnessOf(proposals: MatchProposal[]): MatchResult['fairness'] {
  if (proposals.length === 0) return { total: 0, mean: 0, minimum: 0 };
  let total = 0;
  let minimum = Number.POSITIVE_INFINITY;
  for (const { score } of proposals) {
    total += score;
    minimum = Math.min(minimum, score);
  }
  return { total, mean: total / proposals.length, minimum };
}
