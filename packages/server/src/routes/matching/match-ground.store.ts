import type { Enrollment, MatchConstraint, Program } from '@rm-kit/core';
import type { PersonPair } from '@rm-kit/core/matching';
import type { Kysely } from 'kysely';
import { fromJson } from '../../db/json.js';
import type { Database } from '../../db/schema.js';
import { enrollmentsOf } from '../enrollments/enrollments.store.js';
import { livePairsOf } from '../pairs/pairs.store.js';
import { constraintsOf } from './match-constraints.store.js';

/** Someone of the organisation, as matching and the pairing rules see them. */
export interface GroundPerson {
  id: string;
  displayName: string;
  title: string | null;
  department: string;
  managerId: string | null;
  languages: string[];
}

/**
 * Everything the rules for making a program's pairs go by, read at once: the organisation's
 * people (reporting lines run through all of them), the program's enrolments by person, the
 * pairs that hold a place in it, and its pins and bans.
 */
export interface MatchGround {
  program: Program;
  people: Map<string, GroundPerson>;
  enrollments: Map<string, Enrollment>;
  livePairs: PersonPair[];
  constraints: MatchConstraint[];
}

export async function loadMatchGround(db: Kysely<Database>, program: Program): Promise<MatchGround> {
  const [people, enrollments, livePairs, constraints] = await Promise.all([
    db
      .selectFrom('people')
      .select(['id', 'displayName', 'title', 'department', 'managerId', 'languages'])
      .where('orgId', '=', program.orgId)
      .where('deletedAt', 'is', null)
      .execute(),
    enrollmentsOf(db, program.id),
    livePairsOf(db, program.id),
    constraintsOf(db, program.id),
  ]);
  return {
    program,
    people: new Map(people.map((p) => [p.id, { ...p, languages: fromJson<string[]>(p.languages) }])),
    enrollments,
    livePairs,
    constraints,
  };
}
