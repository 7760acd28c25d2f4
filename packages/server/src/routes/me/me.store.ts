import type { Kysely } from 'kysely';
import { PAIR_COLUMNS, PERSON_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import type { Database, Row } from '../../db/schema.js';

/** `GET /v1/me`'s reads, asked by every page the kit is on: built and compiled once. */
const personById = compiledQuery(
  (db: Kysely<Database>, { orgId, personId }: { orgId: string; personId: string }) =>
    db.selectFrom('people').select(PERSON_COLUMNS).where('id', '=', personId).where('orgId', '=', orgId),
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

/** The signed-in person as stored: authentication found them, so they exist. */
export async function findSignedInPerson(
  db: Kysely<Database>,
  orgId: string,
  personId: string,
): Promise<Row<'people'>> {
  const row = await personById.first(db, { orgId, personId });
  if (!row) throw new Error(`No person ${personId}`);
  return row;
}

/** The pairs a person is in, on either side, oldest first. */
export function pairsOf(db: Kysely<Database>, orgId: string, personId: string): Promise<Row<'pairs'>[]> {
  return pairsOfPerson.all(db, { orgId, personId });
}
