import {
  type List,
  type MatchConstraint,
  type MatchConstraintCreate,
  type matchConstraintListQuerySchema,
  matchConstraintSchema,
  newId,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { MATCH_CONSTRAINT_COLUMNS } from '../../db/columns.js';
import { nowIso } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { stale } from '../../http/etag.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';
import { enrollmentsOf } from '../enrollments/enrollments.store.js';

export function toMatchConstraint(row: Row<'matchConstraints'>): MatchConstraint {
  return matchConstraintSchema.parse(row);
}

/** Every pin and ban of a program. */
export async function constraintsOf(db: Kysely<Database>, programId: string): Promise<MatchConstraint[]> {
  const rows = await db
    .selectFrom('matchConstraints')
    .select(MATCH_CONSTRAINT_COLUMNS)
    .where('programId', '=', programId)
    .execute();
  return rows.map(toMatchConstraint);
}

/** One page of a program's pins and bans. */
export function listConstraints(
  db: Kysely<Database>,
  program: { id: string; orgId: string },
  { kind, ...page }: z.output<typeof matchConstraintListQuerySchema>,
): Promise<List<MatchConstraint>> {
  const read = (after: CursorPosition | null, rows: number) => {
    let select = db
      .selectFrom('matchConstraints')
      .select(MATCH_CONSTRAINT_COLUMNS)
      .where('programId', '=', program.id)
      .where('orgId', '=', program.orgId)
      .orderBy('id')
      .limit(rows);
    if (kind) select = select.where('kind', '=', kind);
    if (after) select = select.where('id', '>', after.id);
    return select.execute();
  };
  return readPage(page, read, toMatchConstraint);
}

/**
 * Stores a pin or ban, or refuses with 409 when the two already have one: the unique index
 * decides, so two requests at once cannot both add one (a skipped insert, unlike a refused
 * one, leaves the PostgreSQL transaction usable).
 */
export async function insertConstraint(
  db: Kysely<Database>,
  program: { id: string; orgId: string },
  body: MatchConstraintCreate,
): Promise<MatchConstraint> {
  const now = nowIso();
  const constraint = matchConstraintSchema.parse({
    id: newId('matchConstraint'),
    orgId: program.orgId,
    programId: program.id,
    ...body,
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  const inserted = await db
    .insertInto('matchConstraints')
    .values(constraint)
    .onConflict((oc) => oc.columns(['programId', 'mentorId', 'menteeId']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return constraint;
  const existing = await db
    .selectFrom('matchConstraints')
    .select(['id', 'kind'])
    .where('programId', '=', program.id)
    .where('mentorId', '=', body.mentorId)
    .where('menteeId', '=', body.menteeId)
    .executeTakeFirst();
  throw new Problem('conflict', `These two are ${existing?.kind === 'ban' ? 'banned' : 'pinned'} already`, {
    issues: [
      {
        path: ['menteeId'],
        message: existing ? `Remove ${existing.kind} ${existing.id} first` : 'Already pinned or banned',
      },
    ],
  });
}

/** Pins and bans are between people enrolled in the program, each in their role (422 otherwise). */
export async function checkEnrolledSides(
  db: Kysely<Database>,
  programId: string,
  pair: { mentorId: string; menteeId: string },
): Promise<void> {
  const enrolled = await enrollmentsOf(db, programId, [pair.mentorId, pair.menteeId]);
  for (const [side, role] of [
    ['mentorId', 'mentor'],
    ['menteeId', 'mentee'],
  ] as const) {
    if (enrolled.get(pair[side])?.role !== role) {
      throw new Problem('unprocessable', 'Pins and bans are between people enrolled in the program', {
        issues: [{ path: [side], message: `Not enrolled in this program as ${role}` }],
      });
    }
  }
}

/** A pin or ban of the caller's organisation; any other id is the 404 of one that does not exist. */
export async function findConstraint(db: Kysely<Database>, orgId: string, constraintId: string) {
  const row = await db
    .selectFrom('matchConstraints')
    .select(MATCH_CONSTRAINT_COLUMNS)
    .where('id', '=', constraintId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('match constraint');
  return row;
}

/** Removes a pin or ban, only if nobody changed it since it was read (412 otherwise). */
export async function deleteConstraint(db: Kysely<Database>, row: { id: string; version: number }) {
  const result = await db
    .deleteFrom('matchConstraints')
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw stale(row.version + 1);
}
