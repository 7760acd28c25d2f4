import type { Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the database as it was when they were
// written, not as the current Database interface says it is now.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Db = Kysely<any>;

/** The locales of this migration's time: a charter's languages, fixed here as they were. */
const LOCALES = ['en', 'it'] as const;

/**
 * A program's charter becomes a text per language: the `charter` column, text in both
 * dialects, now holds JSON (`{"en": "…", "it": "…"}`). An existing charter was written
 * in the organisation's default language, so it is kept as that language (English when
 * the organisation's locale is not one the kit speaks).
 */
export async function up(db: Db): Promise<void> {
  const rows: { id: string; charter: string; defaultLocale: string }[] = await db
    .selectFrom('programs')
    .innerJoin('organizations', 'organizations.id', 'programs.org_id')
    .select([
      'programs.id as id',
      'programs.charter as charter',
      'organizations.default_locale as defaultLocale',
    ])
    .execute();
  for (const row of rows) {
    const locale = (LOCALES as readonly string[]).includes(row.defaultLocale) ? row.defaultLocale : 'en';
    const charter = { en: '', it: '', [locale]: row.charter };
    await db
      .updateTable('programs')
      .set({ charter: JSON.stringify(charter) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Back to one text: the organisation's language, else whichever language is written. */
export async function down(db: Db): Promise<void> {
  const rows: { id: string; charter: string; defaultLocale: string }[] = await db
    .selectFrom('programs')
    .innerJoin('organizations', 'organizations.id', 'programs.org_id')
    .select([
      'programs.id as id',
      'programs.charter as charter',
      'organizations.default_locale as defaultLocale',
    ])
    .execute();
  for (const row of rows) {
    const texts = JSON.parse(row.charter) as Record<string, string>;
    const text = texts[row.defaultLocale] || LOCALES.map((l) => texts[l]).find(Boolean) || '';
    await db.updateTable('programs').set({ charter: text }).where('id', '=', row.id).execute();
  }
}
