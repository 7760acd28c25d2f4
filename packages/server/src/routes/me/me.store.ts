import type { Kysely } from 'kysely';
import { PAIR_COLUMNS, PERSON_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import type { Database, Row } from '../../db/schema.js';

/**
 * `GET /v1/me`'s reads, asked by every page the kit is on: built and compiled once. The person
 * is read with their organisation in one statement, where two went: on PostgreSQL each
 * statement costs the server more than the rows it brings.
 */
const personWithOrganization = compiledQuery(
  (db: Kysely<Database>, { orgId, personId }: { orgId: string; personId: string }) =>
    db
      .selectFrom('people')
      .innerJoin('organizations', 'organizations.id', 'people.orgId')
      .select([
        ...PERSON_COLUMNS.map((column) => `people.${column}` as const),
        'organizations.name as organizationName',
        'organizations.defaultLocale as organizationLocale',
        'organizations.settings as organizationSettings',
        'organizations.createdAt as organizationCreatedAt',
        'organizations.updatedAt as organizationUpdatedAt',
        'organizations.version as organizationVersion',
      ])
      .where('people.id', '=', personId)
      .where('people.orgId', '=', orgId),
);

const pairsOfPerson = compiledQuery(
  (db: Kysely<Database>, { orgId, personId }: { orgId: string; personId: string }) =>
    db
      .selectFrom('pairs')
      .select(PAIR_COLUMNS)
      .where('orgId', '=', orgId)
      .where('deletedAt', 'is', null)
      .where((eb) => eb.or([eb('mentorId', '=', personId), eb('menteeId', '=', personId)]))
      .orderBy('id'),
);

/** The signed-in person as stored, as one row with their organisation's columns. */
export type SignedInRow = NonNullable<Awaited<ReturnType<typeof personWithOrganization.first>>>;

/** The signed-in person and their organisation: authentication found them, so they exist. */
export async function findSignedInPerson(
  db: Kysely<Database>,
  orgId: string,
  personId: string,
): Promise<SignedInRow> {
  const row = await personWithOrganization.first(db, { orgId, personId });
  if (!row) throw new Error(`No person ${personId}`);
  return row;
}

/** The organisation's own row, out of the signed-in person's. */
export function organizationOf(row: SignedInRow): Row<'organizations'> {
  return {
    id: row.orgId,
    name: row.organizationName,
    defaultLocale: row.organizationLocale,
    settings: row.organizationSettings,
    createdAt: row.organizationCreatedAt,
    updatedAt: row.organizationUpdatedAt,
    version: row.organizationVersion,
  };
}

/** The pairs a person is in, on either side, oldest first. */
export function pairsOf(db: Kysely<Database>, orgId: string, personId: string): Promise<Row<'pairs'>[]> {
  return pairsOfPerson.all(db, { orgId, personId });
}
