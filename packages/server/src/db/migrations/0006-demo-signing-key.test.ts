import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

describe.each(testDatabases())('migration 0006-demo-signing-key on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('upgrades a database the earlier releases left, keeping its data, with a place for the demo key', async () => {
    const storage = await older.at('0003-charter-per-language');
    const now = new Date().toISOString();
    await storage.db
      .insertInto('organizations')
      .values({
        id: 'org_1',
        name: 'Contoso',
        defaultLocale: 'en',
        settings: '{}',
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();

    await migrate(storage.db);

    expect(await storage.db.selectFrom('organizations').select('name').execute()).toEqual([
      { name: 'Contoso' },
    ]);
    await storage.db
      .insertInto('demoSigningKeys')
      .values({ kid: 'rm-kit-demo-key', privateJwk: '{"kty":"EC"}', createdAt: now })
      .execute();
    expect(await storage.db.selectFrom('demoSigningKeys').selectAll().execute()).toEqual([
      { kid: 'rm-kit-demo-key', privateJwk: '{"kty":"EC"}', createdAt: now },
    ]);
  });
});
