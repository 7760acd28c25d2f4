import type { CreateTableBuilder, Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

function stored<T extends string>(table: CreateTableBuilder<T, never>) {
  return table
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1));
}

function tenant<T extends string>(table: CreateTableBuilder<T, never>) {
  return stored(table).addColumn('org_id', 'text', (col) => col.notNull().references('organizations.id'));
}

export async function up(db: Db): Promise<void> {
  await stored(db.schema.createTable('organizations'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('default_locale', 'text', (col) => col.notNull())
    .addColumn('settings', 'text', (col) => col.notNull())
    .execute();

  await tenant(db.schema.createTable('people'))
    .addColumn('external_id', 'text')
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('department', 'text', (col) => col.notNull())
    .addColumn('manager_id', 'text', (col) => col.references('people.id'))
    .addColumn('career_stage', 'text', (col) => col.notNull())
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('languages', 'text', (col) => col.notNull())
    .addColumn('time_zone', 'text', (col) => col.notNull())
    .addColumn('photo_url', 'text')
    .addColumn('is_admin', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('people_org_email')
    .unique()
    .on('people')
    .columns(['org_id', 'email'])
    .execute();
  await db.schema
    .createIndex('people_external_id')
    .unique()
    .on('people')
    .column('external_id')
    .where('external_id', 'is not', null)
    .execute();

  await tenant(db.schema.createTable('programs'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('topics', 'text', (col) => col.notNull())
    .addColumn('custom_topics', 'text', (col) => col.notNull())
    .addColumn('starts_on', 'text', (col) => col.notNull())
    .addColumn('ends_on', 'text', (col) => col.notNull())
    .addColumn('cadence_days', 'integer', (col) => col.notNull())
    .addColumn('session_minutes', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('charter', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('programs_org').on('programs').columns(['org_id', 'id']).execute();

  await tenant(db.schema.createTable('enrollments'))
    .addColumn('program_id', 'text', (col) => col.notNull().references('programs.id'))
    .addColumn('person_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('topics', 'text', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull())
    .addColumn('motivation', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('enrollments_program_person')
    .unique()
    .on('enrollments')
    .columns(['program_id', 'person_id'])
    .execute();

  await tenant(db.schema.createTable('pairs'))
    .addColumn('program_id', 'text', (col) => col.notNull().references('programs.id'))
    .addColumn('mentor_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('mentee_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('topics', 'text', (col) => col.notNull())
    .addColumn('match_score', 'real')
    .addColumn('match_reasons', 'text', (col) => col.notNull())
    .addColumn('charter_mentor_at', 'text')
    .addColumn('charter_mentee_at', 'text')
    .addColumn('started_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('pairs_mentor').on('pairs').column('mentor_id').execute();
  await db.schema.createIndex('pairs_mentee').on('pairs').column('mentee_id').execute();
  await db.schema.createIndex('pairs_program').on('pairs').columns(['program_id', 'id']).execute();

  await tenant(db.schema.createTable('goals'))
    .addColumn('pair_id', 'text', (col) => col.notNull().references('pairs.id'))
    .addColumn('owner', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('topic', 'text')
    .addColumn('target_date', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('progress', 'integer', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('goals_pair').on('goals').columns(['pair_id', 'id']).execute();

  await tenant(db.schema.createTable('sessions'))
    .addColumn('pair_id', 'text', (col) => col.notNull().references('pairs.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('scheduled_at', 'text')
    .addColumn('occurred_at', 'text')
    .addColumn('sort_at', 'text', (col) => col.notNull())
    .addColumn('duration_minutes', 'integer')
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('topics', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('action_items', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('sessions_pair_sort')
    .on('sessions')
    .columns(['pair_id', 'sort_at', 'id'])
    .execute();

  await tenant(db.schema.createTable('private_notes'))
    .addColumn('session_id', 'text', (col) => col.notNull().references('sessions.id'))
    .addColumn('author_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('text', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('private_notes_author_session')
    .on('private_notes')
    .columns(['author_id', 'session_id'])
    .execute();

  await tenant(db.schema.createTable('feedback'))
    .addColumn('pair_id', 'text', (col) => col.notNull().references('pairs.id'))
    .addColumn('session_id', 'text', (col) => col.references('sessions.id'))
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('author_id', 'text', (col) => col.notNull().references('people.id'))
    .addColumn('author_role', 'text', (col) => col.notNull())
    .addColumn('usefulness', 'integer', (col) => col.notNull())
    .addColumn('trust', 'integer', (col) => col.notNull())
    .addColumn('preparation', 'integer', (col) => col.notNull())
    .addColumn('recommend', 'integer', (col) => col.notNull())
    .addColumn('learned', 'text', (col) => col.notNull())
    .addColumn('improve', 'text', (col) => col.notNull())
    .addColumn('share_with_partner', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_one_per_author_and_target')
    .unique()
    .on('feedback')
    .columns(['pair_id', 'author_id', 'target'])
    .execute();

  await db.schema
    .createTable('service_tokens')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('org_id', 'text', (col) => col.notNull().references('organizations.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response_body', 'text')
    .addColumn('response_headers', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_created')
    .on('idempotency_keys')
    .column('created_at')
    .execute();
}
