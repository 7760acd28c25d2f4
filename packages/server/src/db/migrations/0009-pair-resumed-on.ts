import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * The day a pair last resumed after a pause (`resumed_on`): a paused pair is not at risk
 * for missing sessions, so the quiet time that puts it at risk counts from its resumption
 * too, not across the pause. Pairs resumed before this was kept have none (null).
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('pairs').addColumn('resumed_on', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('pairs').dropColumn('resumed_on').execute();
}
