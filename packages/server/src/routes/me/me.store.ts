import type { Kysely } from 'kysely';
import type { Database, Row } from '../../db/schema.js';

/** The signed-in person as stored: authentication found them, so they exist. */
export function findSignedInPerson(db: Kysely<Database>, orgId: string, personId: string) {
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', personId)
    .where('orgId', '=', orgId)
    .executeTakeFirstOrThrow();
}

/** The pairs a person is in, on either side, oldest first. */
export function pairsOf(db: Kysely<Database>, orgId: string, personId: string): Promise<Row<'pairs'>[]> {
  return db
    .selectFrom('pairs')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .where((eb) => eb.or([eb('mentorId', '=', personId), eb('menteeId', '=', personId)]))
    .orderBy('id')
    .execute();
}
