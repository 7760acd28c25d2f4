import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * The log of live events, so a stream resumed on any process (or after a restart) replays
 * what it missed. `seq` is drawn from the one-row `event_counter` inside the write's own
 * transaction: the row lock that this takes on PostgreSQL holds until commit, so events
 * are numbered in the order their transactions commit, on both dialects.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('seq', 'bigint', (col) => col.primaryKey())
    .addColumn('id', 'text', (col) => col.notNull().unique())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('org_id', 'text', (col) => col.notNull())
    .addColumn('pair_id', 'text', (col) => col.notNull())
    .addColumn('mentor_id', 'text', (col) => col.notNull())
    .addColumn('mentee_id', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('version', 'integer')
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('only_for', 'text')
    .execute();
  await db.schema.createIndex('events_org_seq').on('events').columns(['org_id', 'seq']).execute();
  await db.schema.createIndex('events_at').on('events').column('at').execute();

  await db.schema
    .createTable('event_counter')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('last_seq', 'bigint', (col) => col.notNull())
    .execute();
  await db.insertInto('event_counter').values({ id: 1, last_seq: 0 }).execute();
}
