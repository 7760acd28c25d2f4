import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';
import { fromJson } from '../json.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0003 (charter per language) on $dialect', (database) => {
  const older = olderDatabases(database);
  afterEach(() => older.close());

  it('keeps each existing charter as its organisation’s language, English when the kit does not speak it', async () => {
    // A database as the first release left it, with programs in it.
    const { db } = await older.at('0001-initial');
    const orgs = [
      { id: 'org_it', name: 'Contoso Italia', defaultLocale: 'it' },
      { id: 'org_en', name: 'Contoso UK', defaultLocale: 'en' },
      { id: 'org_de', name: 'Contoso Deutschland', defaultLocale: 'de' },
    ];
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = db as any;
    for (const org of orgs) {
      await old
        .insertInto('organizations')
        .values({ ...org, settings: '{"minAggregateGroupSize":3}', ...stored })
        .execute();
      await old
        .insertInto('programs')
        .values({
          id: `prg_${org.id}`,
          orgId: org.id,
          name: 'Digital Bridge',
          description: '',
          topics: '["ai-tools"]',
          customTopics: '[]',
          startsOn: '2026-01-05',
          endsOn: '2026-12-18',
          cadenceDays: 14,
          sessionMinutes: 60,
          status: 'active',
          charter: `Charter of ${org.name}`,
          deletedAt: null,
          ...stored,
        })
        .execute();
    }

    await migrate(db);

    const rows = await db.selectFrom('programs').select(['id', 'charter', 'version']).orderBy('id').execute();
    expect(rows.map((row) => [row.id, fromJson(row.charter), row.version])).toEqual([
      ['prg_org_de', { en: 'Charter of Contoso Deutschland', it: '' }, 1],
      ['prg_org_en', { en: 'Charter of Contoso UK', it: '' }, 1],
      ['prg_org_it', { en: '', it: 'Charter of Contoso Italia' }, 1],
    ]);
  });
});
