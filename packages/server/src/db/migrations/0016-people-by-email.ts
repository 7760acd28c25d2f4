import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/**
 * People found by their email alone. A first sign-in bound by its token's email
 * (RMKIT_BIND_BY_EMAIL, and demo mode's own tokens) does not know the person's organisation
 * yet, so `people_org_email` could not serve it and every such sign-in read every person:
 * on the morning a company opens the kit to everyone it imported, one full read per person.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.createIndex('people_email').on('people').column('email').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('people_email').execute();
}
