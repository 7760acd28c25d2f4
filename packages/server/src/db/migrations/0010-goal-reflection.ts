import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * Issue 12, goals (step 2 of the seed, clear objectives, and step 4, evaluate):
 * - a goal keeps its owner's self-assessment when it was set and now (`assessment_before`,
 *   `assessment_after`, 1-5; null for goals set before, as for one not yet assessed) and
 *   the mentee's commitments, each ticked off once done (`commitments`, JSON; none before);
 * - `goal_templates`: goals an admin suggests to a program's pairs, a title per language
 *   and a topic; soft deleted like the other things people pick from.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('goals').addColumn('assessment_before', 'integer').execute();
  await db.schema.alterTable('goals').addColumn('assessment_after', 'integer').execute();
  await db.schema
    .alterTable('goals')
    .addColumn('commitments', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('goal_templates')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organizations.id'))
    .addColumn('program_id', 'text', (col) => col.notNull().references('programs.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('topic', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('goal_templates_program')
    .on('goal_templates')
    .columns(['program_id', 'id'])
    .execute();
}

/** Back to 0009: the templates and the goals' new columns go. */
export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('goal_templates').execute();
  for (const column of ['commitments', 'assessment_after', 'assessment_before']) {
    await db.schema.alterTable('goals').dropColumn(column).execute();
  }
}
