import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * Released aggregates: each report shows the figures last released for its scope, so two
 * reports around one new answer cannot be subtracted. Kept in the database, not in a
 * process, so the step holds across restarts and across processes behind a load balancer.
 * Existing answers need no backfill: the first report after the upgrade releases them.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('aggregate_releases')
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('released_at', 'text', (col) => col.notNull())
    .addColumn('covers', 'text', (col) => col.notNull())
    .addColumn('figures', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('aggregate_releases_pk', ['org_id', 'scope'])
    .execute();
}
