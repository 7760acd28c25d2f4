import { type Locale, topicLabel } from '../vocabulary.js';
import {
  availabilityReason,
  departmentReason,
  FORBIDDEN_REASONS,
  languageReason,
  topicsReason,
} from './reasons.js';
import { inOneReportingLine, managersAbove } from './reporting-line.js';
import type { MatchCandidate, MatchInput, MatchWeights, PairScore, Reason } from './types.js';

/** A candidate with what scoring compares made ready once: sets, primary languages, managers. */
export interface Profile {
  personId: string;
  candidate: MatchCandidate;
  topics: ReadonlySet<string>;
  /** Primary language subtags, lower case, unique, in the order given. */
  languages: string[];
  availability: ReadonlySet<string>;
  department: string;
  /** The department compared: trimmed, case folded. */
  departmentKey: string;
  managers: ReadonlySet<string>;
}

export function profileOf(candidate: MatchCandidate, managerOf: MatchInput['managerOf']): Profile {
  const department = candidate.department.trim();
  return {
    personId: candidate.personId,
    candidate,
    topics: new Set(candidate.topics),
    languages: [...new Set(candidate.languages.map(primaryLanguage).filter(Boolean))],
    availability: new Set(candidate.availability),
    department,
    departmentKey: department.toLowerCase(),
    managers: managersAbove(managerOf, candidate.personId),
  };
}

/** "en-GB" and "en" share "en": people who read each other's English can meet in it. */
function primaryLanguage(tag: string): string {
  return (tag.trim().split(/[-_]/)[0] ?? '').toLowerCase();
}

/** Each part of a pair's score, 0 to 1, before weighting. */
export interface ScoreParts {
  topics: number;
  crossDepartment: number;
  language: number;
  availability: number;
}

/**
 * The parts of the score of `mentor` teaching `mentee`. A side that has said nothing
 * about a criterion (no topics wanted, no department, no languages, no slots) scores it
 * 0.5: neither a reason for the pair nor against it.
 */
export function scoreParts(mentor: Profile, mentee: Profile): ScoreParts {
  const wanted = mentee.topics;
  let offered = 0;
  for (const topic of wanted) if (mentor.topics.has(topic)) offered++;

  const crossDepartment =
    !mentor.departmentKey || !mentee.departmentKey
      ? 0.5
      : mentor.departmentKey === mentee.departmentKey
        ? 0
        : 1;

  let language = 0.5;
  if (mentor.languages.length > 0 && mentee.languages.length > 0) {
    language = mentee.languages.some((code) => mentor.languages.includes(code)) ? 1 : 0;
  }

  let availability = 0.5;
  if (mentor.availability.size > 0 && mentee.availability.size > 0) {
    let shared = 0;
    for (const slot of mentee.availability) if (mentor.availability.has(slot)) shared++;
    availability = shared / Math.min(mentor.availability.size, mentee.availability.size);
  }

  return { topics: wanted.size === 0 ? 0.5 : offered / wanted.size, crossDepartment, language, availability };
}

const CRITERIA = ['topics', 'crossDepartment', 'language', 'availability'] as const;

/** The weighted mean of the parts; 0 when every weight is 0. A weight below 0 counts as 0. */
export function weightedScore(parts: ScoreParts, weights: MatchWeights): number {
  let sum = 0;
  let total = 0;
  for (const criterion of CRITERIA) {
    const weight = Math.max(0, weights[criterion] || 0);
    sum += weight * parts[criterion];
    total += weight;
  }
  return total > 0 ? sum / total : 0;
}

/** Why the pair may not be made at all, or null. */
export function forbiddenReason(
  mentor: Profile,
  mentee: Profile,
  separateDepartments: boolean,
  banned: boolean,
): Reason | null {
  if (inOneReportingLine(mentor, mentee)) return FORBIDDEN_REASONS.reportingLine;
  if (separateDepartments && mentor.departmentKey && mentor.departmentKey === mentee.departmentKey) {
    return FORBIDDEN_REASONS.department;
  }
  return banned ? FORBIDDEN_REASONS.ban : null;
}

/** The reasons for a pair's score in words, one per criterion that carries weight. */
export function pairReasons(
  mentor: Profile,
  mentee: Profile,
  weights: MatchWeights,
  label: (key: string, locale: Locale) => string,
): Reason[] {
  const reasons: Reason[] = [];
  if (weights.topics > 0) {
    const shared = [...mentee.topics].filter((topic) => mentor.topics.has(topic));
    reasons.push(topicsReason(shared, mentee.topics.size, label));
  }
  if (weights.crossDepartment > 0) {
    const same = mentor.departmentKey === mentee.departmentKey;
    reasons.push(departmentReason(mentor.department, mentee.department, same));
  }
  if (weights.language > 0) {
    const shared = mentee.languages.filter((code) => mentor.languages.includes(code));
    reasons.push(languageReason(shared, mentor.languages.length > 0, mentee.languages.length > 0));
  }
  if (weights.availability > 0) {
    const shared = [...mentee.availability].filter((slot) => mentor.availability.has(slot)).length;
    reasons.push(availabilityReason(shared, mentor.availability.size > 0, mentee.availability.size > 0));
  }
  return reasons;
}

export function labelFor(input: MatchInput): (key: string, locale: Locale) => string {
  return input.topicLabel ?? ((key, locale) => topicLabel(key, locale));
}

export function banKey(mentorId: string, menteeId: string): string {
  return JSON.stringify([mentorId, menteeId]);
}

/**
 * The score of one mentor teaching one mentee, as matching sees it: the weighted mean of
 * topic overlap, cross-department exposure, a shared language and shared time slots, the
 * reasons in words (English and Italian), and why the pair is forbidden, if it is (one
 * reporting line, one department when the program separates them, an admin's ban).
 * Both must be among `input`'s candidates in those roles.
 */
export function scorePair(input: MatchInput, mentorId: string, menteeId: string): PairScore {
  const mentor = input.mentors.find((candidate) => candidate.personId === mentorId);
  const mentee = input.mentees.find((candidate) => candidate.personId === menteeId);
  if (!mentor) throw new RangeError(`${mentorId} is not among the mentors`);
  if (!mentee) throw new RangeError(`${menteeId} is not among the mentees`);
  const mentorProfile = profileOf(mentor, input.managerOf);
  const menteeProfile = profileOf(mentee, input.managerOf);
  const banned = input.bans.some((ban) => ban.mentorId === mentorId && ban.menteeId === menteeId);
  return {
    score: weightedScore(scoreParts(mentorProfile, menteeProfile), input.weights),
    reasons: pairReasons(mentorProfile, menteeProfile, input.weights, labelFor(input)),
    forbidden: forbiddenReason(mentorProfile, menteeProfile, input.separateDepartments, banned),
  };
}
