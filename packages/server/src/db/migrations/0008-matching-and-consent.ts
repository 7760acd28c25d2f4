import { type Kysely, sql } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * A program's matching settings as this migration gives every program that existed
 * before it: core's defaults when it was written, fixed here (as 0003 fixes its locales),
 * so a later change of the defaults does not change what an upgrade from 0007 does.
 */
const MATCHING_BEFORE_SETTINGS = JSON.stringify({
  weights: { topics: 4, crossDepartment: 2, language: 2, availability: 2 },
  separateDepartments: false,
});

/**
 * Issue 11, start a program from nothing:
 * - an enrolment says which languages and half days its person offers (`languages`,
 *   `availability`); an existing one takes its person's languages and no slots, as a new
 *   one does when the body leaves them out;
 * - a program says how matching weighs and what it forbids (`matching`);
 * - a pair records the mentee's consent, whether an admin made it outside the rules
 *   (`override`) and who ended it (`ended_by`, unknown for pairs ended before: null); its
 *   reasons become a text per language, each old reason kept as it was in both;
 * - `match_constraints`: an admin's pins and bans, one per mentor and mentee of a program.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('enrollments')
    .addColumn('languages', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
  await db.schema
    .alterTable('enrollments')
    .addColumn('availability', 'text', (col) => col.notNull().defaultTo('[]'))
    .execute();
  await db
    .updateTable('enrollments')
    .set({
      languages: sql`(select people.languages from people where people.id = enrollments.person_id)`,
    })
    .execute();

  await db.schema
    .alterTable('programs')
    .addColumn('matching', 'text', (col) => col.notNull().defaultTo(MATCHING_BEFORE_SETTINGS))
    .execute();

  await db.schema.alterTable('pairs').addColumn('mentee_consented_at', 'text').execute();
  await db.schema
    .alterTable('pairs')
    .addColumn('override', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('pairs').addColumn('ended_by', 'text').execute();
  const pairs: { id: string; matchReasons: string }[] = await db
    .selectFrom('pairs')
    .select(['id', 'match_reasons as matchReasons'])
    .execute();
  for (const pair of pairs) {
    const reasons = (JSON.parse(pair.matchReasons) as string[]).map((text) => ({ en: text, it: text }));
    await db
      .updateTable('pairs')
      .set({ match_reasons: JSON.stringify(reasons) })
      .where('id', '=', pair.id)
      .execute();
  }

  await db.schema
    .createTable('match_constraints')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organizations.id'))
    .addColumn('program_id', 'text', (col) => col.notNull().references('programs.id'))
    .addColumn('mentor_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('mentee_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('match_constraints_program_mentor_mentee')
    .unique()
    .on('match_constraints')
    .columns(['program_id', 'mentor_id', 'mentee_id'])
    .execute();
}

/** Back to 0007: the new columns and table go; each reason keeps its English text. */
export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('match_constraints').execute();
  const pairs: { id: string; matchReasons: string }[] = await db
    .selectFrom('pairs')
    .select(['id', 'match_reasons as matchReasons'])
    .execute();
  for (const pair of pairs) {
    const reasons = (JSON.parse(pair.matchReasons) as { en: string }[]).map((reason) => reason.en);
    await db
      .updateTable('pairs')
      .set({ match_reasons: JSON.stringify(reasons) })
      .where('id', '=', pair.id)
      .execute();
  }
  for (const column of ['ended_by', 'override', 'mentee_consented_at']) {
    await db.schema.alterTable('pairs').dropColumn(column).execute();
  }
  await db.schema.alterTable('programs').dropColumn('matching').execute();
  for (const column of ['availability', 'languages']) {
    await db.schema.alterTable('enrollments').dropColumn(column).execute();
  }
}
