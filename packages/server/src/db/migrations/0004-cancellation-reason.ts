import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * A cancelled session can say why ("Marco travels to Milan"): the charter asks whoever
 * cancels to tell the other person, and two cancellations in a row put a pair at risk, so
 * the reason is worth keeping beside the status. Existing sessions have none (null).
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('cancellation_reason', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('cancellation_reason').execute();
}
