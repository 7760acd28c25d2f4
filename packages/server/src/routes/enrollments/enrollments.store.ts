import { type Enrollment, enrollmentSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Caller } from '../../auth/caller.js';
import { fromJson, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
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
    status: enrollment.status,
    updatedAt: enrollment.updatedAt,
    version: enrollment.version,
  };
}

export async function checkPersonInOrganization(db: Kysely<Database>, orgId: string, personId: string) {
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('id', '=', personId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!person) {
    throw new Problem('unprocessable', 'Only people of this organisation can enrol', {
      issues: [{ path: ['personId'], message: 'No person with that id' }],
    });
  }
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
    .values({
      id: enrollment.id,
      orgId: enrollment.orgId,
      programId: enrollment.programId,
      personId: enrollment.personId,
      createdAt: enrollment.createdAt,
      deletedAt: null,
      ...columns,
    })
    .onConflict((oc) => oc.columns(['programId', 'personId']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
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
    .selectAll()
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
