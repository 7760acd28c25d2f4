import { type Person, personSchema } from '@rm-kit/core';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Caller } from '../../auth/caller.js';
import { fromFlag, fromJson, toFlag, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { notFound, Problem } from '../../http/problem.js';

export function toPerson(row: Row<'people'>): Person {
  return personSchema.parse({
    id: row.id,
    orgId: row.orgId,
    externalId: row.externalId,
    email: row.email,
    displayName: row.displayName,
    title: row.title,
    department: row.department,
    managerId: row.managerId,
    careerStage: row.careerStage,
    locale: row.locale,
    languages: fromJson(row.languages),
    timeZone: row.timeZone,
    photoUrl: row.photoUrl,
    isAdmin: fromFlag(row.isAdmin),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

/** The columns written when a person is added or changed. */
export function personColumns(person: Person) {
  return {
    externalId: person.externalId,
    email: person.email,
    displayName: person.displayName,
    title: person.title,
    department: person.department,
    managerId: person.managerId,
    careerStage: person.careerStage,
    locale: person.locale,
    languages: toJson(person.languages),
    timeZone: person.timeZone,
    photoUrl: person.photoUrl,
    isAdmin: toFlag(person.isAdmin),
    updatedAt: person.updatedAt,
    version: person.version,
  };
}

/** Someone who is not an admin sees themselves and the people they share a pair with, nobody else. */
export function selfOrPartnerOf(personId: string) {
  return (eb: ExpressionBuilder<Database, 'people'>) => {
    const livePairs = eb.selectFrom('pairs').where('pairs.deletedAt', 'is', null);
    return eb.or([
      eb('people.id', '=', personId),
      eb('people.id', 'in', livePairs.select('pairs.mentorId').where('pairs.menteeId', '=', personId)),
      eb('people.id', 'in', livePairs.select('pairs.menteeId').where('pairs.mentorId', '=', personId)),
    ]);
  };
}

/**
 * Case-insensitive substring match on name or email. lower() on both sides, and LIKE
 * with an explicit escape character, behave the same on SQLite and PostgreSQL
 * (ILIKE exists only on PostgreSQL).
 */
export function nameOrEmailContains(text: string) {
  const pattern = `%${text.replace(/[!%_]/g, '!$&')}%`;
  return (eb: ExpressionBuilder<Database, 'people'>) =>
    eb.or([
      sql<boolean>`lower(${eb.ref('people.displayName')}) like lower(${pattern}) escape '!'`,
      sql<boolean>`lower(${eb.ref('people.email')}) like lower(${pattern}) escape '!'`,
    ]);
}

/** A person the caller may read; anyone else is the same 404 as nobody. */
export async function findVisiblePerson(db: Kysely<Database>, caller: Caller, personId: string) {
  let query = db
    .selectFrom('people')
    .selectAll()
    .where('people.id', '=', personId)
    .where('people.orgId', '=', caller.orgId)
    .where('people.deletedAt', 'is', null);
  if (!caller.isAdmin) query = query.where(selfOrPartnerOf(caller.personId));
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('person');
  return row;
}

/**
 * Refuses an email already used in the organisation (by anyone, removed people too,
 * whose history keeps it), and an identity-provider subject bound to someone else.
 */
export async function checkUnique(
  db: Kysely<Database>,
  orgId: string,
  fields: { email?: string | undefined; externalId?: string | null | undefined },
  exceptId: string | null,
) {
  let others = db.selectFrom('people').select('id');
  if (exceptId !== null) others = others.where('id', '!=', exceptId);
  if (fields.email !== undefined) {
    const holder = await others
      .where('orgId', '=', orgId)
      .where('email', '=', fields.email)
      .executeTakeFirst();
    if (holder) {
      throw new Problem('conflict', 'Someone in the organisation already has this email', {
        issues: [{ path: ['email'], message: 'Already used, possibly by someone since removed' }],
      });
    }
  }
  // The subject is unique across organisations: one sign-in must resolve to one person.
  if (fields.externalId) {
    const holder = await others.where('externalId', '=', fields.externalId).executeTakeFirst();
    if (holder) {
      throw new Problem('conflict', 'This identity-provider subject already belongs to someone', {
        issues: [{ path: ['externalId'], message: 'Already bound to another person' }],
      });
    }
  }
}

/**
 * A manager is someone else in the organisation, and not one of the person's own
 * reports: a loop in the reporting line would make "never within one reporting line"
 * meaningless for matching.
 */
export async function checkManager(
  db: Kysely<Database>,
  orgId: string,
  personId: string | null,
  managerId: string,
) {
  const refuse = (message: string) =>
    new Problem('unprocessable', 'The manager must be someone else in this organisation', {
      issues: [{ path: ['managerId'], message }],
    });
  const manager = await db
    .selectFrom('people')
    .select(['id', 'managerId'])
    .where('id', '=', managerId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!manager) throw refuse('No person with that id in this organisation');
  const seen = new Set<string>();
  let current: string | null = manager.id;
  while (current !== null && !seen.has(current)) {
    if (current === personId) {
      throw refuse('Someone cannot be managed by themselves or by one of their own reports');
    }
    seen.add(current);
    const above: { managerId: string | null } | undefined = await db
      .selectFrom('people')
      .select('managerId')
      .where('id', '=', current)
      .executeTakeFirst();
    current = above?.managerId ?? null;
  }
}
