import { CompiledQuery } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { addOrg, addPerson } from '../../test-support/world.js';
import { migrate } from '../database.js';

describe.each(testDatabases())('migration 0016-people-by-email on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('finds a person who never signed in by email alone, through an index rather than reading everyone', async () => {
    const storage = await older.at('0015-events-numbered-at-commit');
    const orgId = await addOrg(storage.db, 'Contoso Italia');
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await addPerson(storage.db, orgId, `Person ${i}`, 'senior'));
    const { email } = await storage.db
      .selectFrom('people')
      .select('email')
      .where('id', '=', ids[7] as string)
      .executeTakeFirstOrThrow();

    await migrate(storage.db);

    // How a first sign-in bound by its token's email looks a person up (see authenticate.ts).
    const lookup = storage.db
      .selectFrom('people')
      .select('id')
      .where('deletedAt', 'is', null)
      .where('email', '=', email)
      .compile();
    expect((await storage.db.executeQuery(lookup)).rows).toEqual([{ id: ids[7] }]);
    const plan = await storage.db.transaction().execute(async (trx) => {
      // PostgreSQL reads a table this small through by itself whatever its indexes: asked not
      // to, it shows what it would do with a large one.
      if (database.dialect === 'postgres')
        await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
      const explain = database.dialect === 'postgres' ? 'explain' : 'explain query plan';
      const { rows } = await trx.executeQuery(
        CompiledQuery.raw(`${explain} ${lookup.sql}`, [...lookup.parameters]),
      );
      return JSON.stringify(rows);
    });
    expect(plan).toMatch(/\bpeople_email\b/);
  });
});
