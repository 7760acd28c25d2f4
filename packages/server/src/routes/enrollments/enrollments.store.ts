import {
  type Enrollment,
  type EnrollmentUpdate,
  type enrollmentListQuerySchema,
  enrollmentSchema,
  type List,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import type { Caller } from '../../auth/caller.js';
import { ENROLLMENT_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromJson, toJson } from '../../db/json.js';
import type { Database, NewRow, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';
import { findVisibleProgram } from '../programs/programs.store.js';

export function toEnrollment(row: Row<'enrollments'>): Enrollment {
  return enrollmentSchema.parse({
    id: row.id,
    orgId: row.orgId,
    programId: row.programId,
    personId: row.personId,
    role: row.role,
    topics: fromJson(row.topics),
    capacity: row.capacity,
    motivation: row.motivation,
    languages: fromJson(row.languages),
    availability: fromJson(row.availability),
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

/** The columns written when an enrolment is made or changed. */
export function enrollmentColumns(enrollment: Enrollment) {
  return {
    role: enrollment.role,
    topics: toJson(enrollment.topics),
    capacity: enrollment.capacity,
    motivation: enrollment.motivation,
    languages: toJson(enrollment.languages),
    availability: toJson(enrollment.availability),
    status: enrollment.status,
    updatedAt: enrollment.updatedAt,
    version: enrollment.version,
  };
}

/** A new enrolment as its row. */
export function enrollmentRow(enrollment: Enrollment): NewRow<'enrollments'> {
  return {
    id: enrollment.id,
    orgId: enrollment.orgId,
    programId: enrollment.programId,
    personId: enrollment.personId,
    createdAt: enrollment.createdAt,
    deletedAt: null,
    ...enrollmentColumns(enrollment),
  };
}

/** Someone of the organisation who may enrol, with the languages an enrolment takes by default. */
export async function findEnrollablePerson(db: Kysely<Database>, orgId: string, personId: string) {
  const person = await db
    .selectFrom('people')
    .select(['id', 'languages'])
    .where('id', '=', personId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!person) {
    throw new Problem('unprocessable', 'Only people of this organisation can enrol', {
      issues: [{ path: ['personId'], message: 'No person with that id' }],
    });
  }
  return { id: person.id, languages: fromJson<string[]>(person.languages) };
}

/** The person's enrolment in a program, removed or not: a unique index allows one row per pair of them. */
export function findEnrollmentOf(db: Kysely<Database>, programId: string, personId: string) {
  return db
    .selectFrom('enrollments')
    .select(['id', 'createdAt', 'version', 'deletedAt'])
    .where('programId', '=', programId)
    .where('personId', '=', personId)
    .executeTakeFirst();
}

/**
 * Stores a new enrolment, or returns false when the person turned out to be enrolled
 * already: two requests at once both pass the handler's check, so the write decides.
 * Enrolling again after a removal brings the removed row back with the new answers and
 * the next version, as the unique index leaves no room for a second; that applies only
 * to the row as it was read (`revive.version`), still removed.
 */
export async function saveNewEnrollment(
  db: Kysely<Database>,
  enrollment: Enrollment,
  options: { revive: { version: number } | null },
): Promise<boolean> {
  const columns = enrollmentColumns(enrollment);
  if (options.revive) {
    const revived = await db
      .updateTable('enrollments')
      .set({ ...columns, deletedAt: null })
      .where('id', '=', enrollment.id)
      .where('version', '=', options.revive.version)
      .where('deletedAt', 'is not', null)
      .executeTakeFirst();
    return Number(revived.numUpdatedRows) === 1;
  }
  // A conflicting row is skipped rather than refused, which would abort the
  // PostgreSQL transaction (as routes/feedback does).
  const inserted = await db
    .insertInto('enrollments')
    .values(enrollmentRow(enrollment))
    .onConflict((oc) => oc.columns(['programId', 'personId']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

type ProgramPage = { programId: string; orgId: string; rows: number };

/** A program's enrolments, oldest first. */
const enrollmentsOfProgram = (db: Kysely<Database>, { programId, orgId, rows }: ProgramPage) =>
  db
    .selectFrom('enrollments')
    .select(ENROLLMENT_COLUMNS)
    .where('programId', '=', programId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .limit(rows);

/**
 * The first pages most asked, compiled once (see compiledQuery): every enrolment, as an
 * admin's match board opens; one person's own, as everyone's enrolment form opens.
 */
const firstEnrollmentsOf = compiledQuery(enrollmentsOfProgram);
const firstEnrollmentsOfPerson = compiledQuery(
  (db: Kysely<Database>, { programId, orgId, rows, personId }: ProgramPage & { personId: string }) =>
    enrollmentsOfProgram(db, { programId, orgId, rows }).where('personId', '=', personId),
);

/** One page of a program's enrolments: all of them, or only those of `onlyOf`. */
export function listEnrollments(
  db: Kysely<Database>,
  program: { id: string; orgId: string },
  onlyOf: string | null,
  { role, status, ...page }: z.output<typeof enrollmentListQuerySchema>,
): Promise<List<Enrollment>> {
  const read = (after: CursorPosition | null, rows: number) => {
    const values = { programId: program.id, orgId: program.orgId, rows };
    if (!after && !role && !status)
      return onlyOf === null
        ? firstEnrollmentsOf.all(db, values)
        : firstEnrollmentsOfPerson.all(db, { ...values, personId: onlyOf });
    let select = enrollmentsOfProgram(db, values);
    if (onlyOf !== null) select = select.where('personId', '=', onlyOf);
    if (role) select = select.where('role', '=', role);
    if (status) select = select.where('status', '=', status);
    if (after) select = select.where('id', '>', after.id);
    return select.execute();
  };
  return readPage(page, read, toEnrollment);
}

/** Changes an enrolment as read (see updateVersioned). */
export function updateEnrollment(db: Kysely<Database>, row: Row<'enrollments'>, changes: EnrollmentUpdate) {
  return updateVersioned(db, 'enrollments', {
    entity: 'enrolment',
    schema: enrollmentSchema,
    current: toEnrollment(row),
    patch: changes,
    columns: enrollmentColumns,
  });
}

/** The enrolments of a program's people, by person: what pairing and matching go by. */
export async function enrollmentsOf(db: Kysely<Database>, programId: string, personIds?: readonly string[]) {
  let select = db
    .selectFrom('enrollments')
    .select(ENROLLMENT_COLUMNS)
    .where('programId', '=', programId)
    .where('deletedAt', 'is', null);
  if (personIds) {
    if (personIds.length === 0) return new Map<string, Enrollment>();
    select = select.where('personId', 'in', personIds);
  }
  const rows = await select.execute();
  return new Map(rows.map((row) => [row.personId, toEnrollment(row)]));
}

/** The 409 for enrolling someone already enrolled (in `enrollmentId`, when known). */
export function alreadyEnrolled(enrollmentId: string | undefined): Problem {
  return new Problem('conflict', 'This person is already enrolled in the program', {
    issues: [
      {
        path: ['personId'],
        message: enrollmentId
          ? `Already enrolled: change enrolment ${enrollmentId} instead`
          : 'Already enrolled',
      },
    ],
  });
}

/**
 * An enrolment the caller may see: any in a program an admin sees, or the caller's own
 * in a program they see. Anything else is the same 404 as an enrolment that does not exist.
 */
export async function findVisibleEnrollment(db: Kysely<Database>, caller: Caller, enrollmentId: string) {
  const row = await db
    .selectFrom('enrollments')
    .select(ENROLLMENT_COLUMNS)
    .where('id', '=', enrollmentId)
    .where('orgId', '=', caller.orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row || (!caller.isAdmin && row.personId !== caller.personId)) throw notFound('enrollment');
  try {
    const program = await findVisibleProgram(db, caller, row.programId);
    return { row, program };
  } catch {
    throw notFound('enrollment');
  }
}

/** A person's enrolments in every program, oldest first: their export's `enrollments`. */
export async function enrollmentsOfPerson(db: Kysely<Database>, orgId: string, personId: string) {
  const rows = await db
    .selectFrom('enrollments')
    .select(ENROLLMENT_COLUMNS)
    .where('orgId', '=', orgId)
    .where('personId', '=', personId)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toEnrollment);
}

/**
 * Empties the motivation of every enrolment a person made, removed ones too (erasure): their
 * own words about themselves. Role, topics and status stay, so the program's counts do.
 */
export async function clearMotivations(db: Kysely<Database>, orgId: string, personId: string, now: string) {
  const result = await db
    .updateTable('enrollments')
    .set((eb) => ({ motivation: '', updatedAt: now, version: eb('version', '+', 1) }))
    .where('orgId', '=', orgId)
    .where('personId', '=', personId)
    .where('motivation', '!=', '')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
