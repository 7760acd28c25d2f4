import type { Locale } from '../vocabulary.js';

/** How much each part of the match score counts, 0 (ignored) to 10, per program. */
export interface MatchWeights {
  topics: number;
  crossDepartment: number;
  language: number;
  availability: number;
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  topics: 4,
  crossDepartment: 2,
  language: 2,
  availability: 2,
};

/** One accepted enrolment as matching sees it. */
export interface MatchCandidate {
  personId: string;
  role: 'mentor' | 'mentee';
  /** Empty when nobody has said where they work yet. */
  department: string;
  /** A mentor's topics offered, a mentee's topics wanted. */
  topics: string[];
  /** BCP 47 tags, compared on their primary language ("en-GB" shares "en"). */
  languages: string[];
  availability: string[];
  /** Places still free: a mentor's capacity less the pairs they are in; 1 for a mentee. */
  capacity: number;
}

export interface PersonPair {
  mentorId: string;
  menteeId: string;
}

export interface MatchInput {
  mentors: MatchCandidate[];
  mentees: MatchCandidate[];
  /** Every person of the organisation to their manager, for reporting-line chains. */
  managerOf: Record<string, string | null>;
  weights: MatchWeights;
  /** Forbid a mentor and a mentee of one (known) department. */
  separateDepartments: boolean;
  pins: PersonPair[];
  bans: PersonPair[];
  /** A topic's label; defaults to the core catalogue's, else the key. */
  topicLabel?: (key: string, locale: Locale) => string;
}

/** A reason in words, in every locale of the kit. */
export type Reason = Record<Locale, string>;

export interface PairScore {
  /** 0-1: the weighted mean of the score's parts. */
  score: number;
  reasons: Reason[];
  /** Why this pair may not be made at all; null when it may. */
  forbidden: Reason | null;
}

export interface MatchProposal extends PersonPair {
  score: number;
  reasons: Reason[];
  pinned: boolean;
}

export interface MatchResult {
  proposals: MatchProposal[];
  /** Over the proposals' scores; all 0 when there are none. */
  fairness: { total: number; mean: number; minimum: number };
  unmatched: { personId: string; role: 'mentor' | 'mentee'; reasons: Reason[] }[];
  /** Pins that could not be honoured, and why. */
  conflicts: (PersonPair & { reason: Reason })[];
}

/** A dense score matrix, row-major; -Infinity marks a forbidden cell. */
export interface ScoreMatrix {
  scores: Float64Array;
  rows: number;
  cols: number;
}

export interface Assignment {
  /** The column each row is assigned, -1 for a row left unmatched. */
  colOfRow: Int32Array;
  total: number;
}
