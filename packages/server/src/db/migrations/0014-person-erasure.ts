import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * Marks a person erased (`erased_at`) and records who did it (`erased_by`: an admin's
 * person id or a service token's id), so an erasure is on record without the identity
 * it removed. People stored before this was kept were never erased (both null).
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('people').addColumn('erased_at', 'text').execute();
  await db.schema.alterTable('people').addColumn('erased_by', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('people').dropColumn('erased_by').execute();
  await db.schema.alterTable('people').dropColumn('erased_at').execute();
}
