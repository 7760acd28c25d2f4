import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOwnSchema } from '../test-support/own-schema.js';
import { addOrg } from '../test-support/world.js';
import type { Storage } from './database.js';
import { SENT_AHEAD } from './sent-ahead.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const now = '2026-01-02T09:00:00.000Z';

describe.runIf(pgUrl)('statements kept prepared on PostgreSQL', () => {
  let storage: Storage;
  let orgId: string;
  beforeAll(async () => {
    storage = await openOwnSchema(pgUrl ?? '');
    orgId = await addOrg(storage.db, 'Contoso');
  });
  afterAll(() => storage.close());

  it('go on answering when a newer release adds a column while this process runs', async () => {
    const read = () =>
      Promise.all([
        storage.db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst(),
        storage.db.selectFrom('organizations').select(['name']).where('id', '=', orgId).executeTakeFirst(),
        storage.db.updateTable('organizations').set({ updatedAt: now }).where('id', '=', orgId).execute(),
      ]);
    // Often enough that PostgreSQL plans them once for all values, on every pooled connection.
    for (let i = 0; i < 10; i++) await read();

    await sql`alter table organizations add column added_by_a_newer_release text`.execute(storage.db);

    const [all, named] = await read();
    expect(all).toMatchObject({ name: 'Contoso', addedByANewerRelease: null });
    expect(named).toEqual({ name: 'Contoso' });
  });

  it('keep a write sent ahead prepared too, though it ends with a comment', async () => {
    const prepared = await storage.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('organizations')
        .set({ updatedAt: now })
        .where('id', '=', orgId)
        .modifyEnd(sql.raw(SENT_AHEAD))
        .execute();
      return sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
    });
    expect(prepared.rows.map((row) => row.statement)).toContainEqual(
      expect.stringMatching(/^update "organizations" .*\/\* sent ahead \*\/$/),
    );
  });
});
