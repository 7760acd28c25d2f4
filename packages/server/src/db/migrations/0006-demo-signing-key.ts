import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * Demo mode's signing key, kept in the database it signs for: on PostgreSQL there was no
 * file to keep it in, so every restart made a new key and every demo token handed out
 * failed. One row per key id; the private JWK as text.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('demo_signing_keys')
    .addColumn('kid', 'text', (col) => col.primaryKey())
    .addColumn('private_jwk', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('demo_signing_keys').execute();
}
