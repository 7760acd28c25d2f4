import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * Issue 12, sharing successes: `stories`, a pair's short story of what changed for them.
 * Each side's agreement is kept with its time (`agreed_mentor_at`, `agreed_mentee_at`);
 * an admin's approval publishes it (`published_at`, `approved_by`: a person or a service
 * token) and an admin's return leaves a note for the pair (`return_note`). The quote is
 * JSON (`{ text, by }`) or null. Listed by pair, and by organisation in publication order.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('stories')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organizations.id'))
    .addColumn('pair_id', 'text', (col) => col.notNull().references('pairs.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('language', 'text', (col) => col.notNull())
    .addColumn('quote', 'text')
    .addColumn('agreed_mentor_at', 'text')
    .addColumn('agreed_mentee_at', 'text')
    .addColumn('return_note', 'text')
    .addColumn('published_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('stories_pair').on('stories').columns(['pair_id', 'id']).execute();
  await db.schema
    .createIndex('stories_org_published')
    .on('stories')
    .columns(['org_id', 'published_at', 'id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('stories').execute();
}
