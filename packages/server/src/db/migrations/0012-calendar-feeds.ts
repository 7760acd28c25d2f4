import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * Issue 12, calendar feeds: `calendar_feeds` holds each person's link to a feed of one of
 * their pairs (`pair_id`) or of all their sessions (`pair_id` null). Only a SHA-256 of the
 * link's secret is kept, so a copy of the database opens no feed. One link per person and
 * feed: `scope` is the pair id, or `person`, because a key over the nullable `pair_id`
 * would let a person hold any number of person feeds (NULLs are never equal). A link that
 * is replaced or turned off is deleted, so a revoked secret is looked up exactly as one
 * that never existed.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('org_id', 'text', (col) => col.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('pair_id', 'text', (col) => col.references('pairs.id'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('calendar_feeds_pkey', ['person_id', 'scope'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
