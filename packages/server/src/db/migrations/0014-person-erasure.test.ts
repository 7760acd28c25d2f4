import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { toPerson } from '../../routes/people/people.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0014-person-erasure on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('reads a person stored by an older release back as never erased, and records an erasure', async () => {
    const storage = await older.at('0009-pair-resumed-on');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = storage.db as any;
    const orgId = newId('organization');
    const giulia = newId('person');
    await old
      .insertInto('organizations')
      .values({ id: orgId, name: 'Contoso', defaultLocale: 'it', settings: '{}', ...stored })
      .execute();
    await old
      .insertInto('people')
      .values({
        id: giulia,
        orgId,
        externalId: `sub-${giulia}`,
        email: 'giulia@example.com',
        displayName: 'Giulia',
        title: 'Analyst',
        department: 'Finance',
        managerId: null,
        careerStage: 'early',
        locale: 'it',
        languages: '["it"]',
        timeZone: 'Europe/Rome',
        photoUrl: null,
        isAdmin: 0,
        deletedAt: null,
        ...stored,
      })
      .execute();

    await migrate(storage.db);

    const row = await storage.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', giulia)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ erasedAt: null, erasedBy: null, displayName: 'Giulia' });
    expect(toPerson(row, []).email).toBe('giulia@example.com');
    const by = newId('person');
    await storage.db
      .updateTable('people')
      .set({ erasedAt: '2026-05-04T10:00:00.000Z', erasedBy: by })
      .where('id', '=', giulia)
      .execute();
    const erased = await storage.db
      .selectFrom('people')
      .select(['erasedAt', 'erasedBy'])
      .where('id', '=', giulia)
      .executeTakeFirstOrThrow();
    expect(erased).toEqual({ erasedAt: '2026-05-04T10:00:00.000Z', erasedBy: by });
  });
});
