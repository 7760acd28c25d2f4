import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOwnSchema } from '../test-support/own-schema.js';
import { addOrg } from '../test-support/world.js';
import { migrate, type Storage } from './database.js';

const pgUrl = process.env.TEST_DATABASE_URL;

describe.runIf(pgUrl)('statements asked in one turn on PostgreSQL', () => {
  let storage: Storage;
  let orgId: string;
  beforeAll(async () => {
    storage = await openOwnSchema(pgUrl ?? '');
    orgId = await addOrg(storage.db, 'Contoso');
  });
  afterAll(() => storage.close());

  const backend = async () =>
    Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(storage.db)).rows[0]?.pid);
  const name = () =>
    storage.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  const allBack = () =>
    storage.pool?.idleCount === storage.pool?.totalCount && storage.pool?.waitingCount === 0;

  it('share one connection, each with its own answer, and give it back to the pool', async () => {
    const [first, second, third, organization] = await Promise.all([backend(), backend(), backend(), name()]);

    expect(new Set([first, second, third]).size).toBe(1);
    expect(organization).toEqual({ name: 'Contoso' });
    await new Promise((turn) => setImmediate(turn));
    expect(allBack()).toBe(true);
  });

  it('fail one by one: a statement refused by the database fails alone', async () => {
    const [before, refused, after] = await Promise.allSettled([
      name(),
      sql`select 1 / 0 as never`.execute(storage.db),
      name(),
    ]);

    expect(before).toEqual({ status: 'fulfilled', value: { name: 'Contoso' } });
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: '22012' } });
    expect(after).toEqual({ status: 'fulfilled', value: { name: 'Contoso' } });
    expect(await name()).toEqual({ name: 'Contoso' });
  });

  it('stay out of a transaction open at the same time: they see only what it has committed', async () => {
    const transaction = await storage.db.startTransaction().execute();
    try {
      await transaction
        .updateTable('organizations')
        .set({ name: 'Uncommitted' })
        .where('id', '=', orgId)
        .execute();
      const [inside, outside] = await Promise.all([
        sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(transaction),
        backend(),
      ]);

      expect(inside.rows[0]?.pid).not.toBe(outside);
      expect(await name()).toEqual({ name: 'Contoso' });
    } finally {
      await transaction.rollback().execute();
    }
  });

  it('leave a connection that was lost out of the pool: the next turn gets a working one', async () => {
    // Asked in one turn, so on one connection; its backend is ended from another one.
    const pid = backend();
    // Settled from the start: it fails as soon as its backend ends, maybe before the
    // termination's own answer arrives, and a failure nobody awaits yet is an unhandled one.
    const sleeping = Promise.allSettled([sql`select pg_sleep(5)`.execute(storage.db)]);
    const lost = await pid;
    await storage.pool?.query('select pg_terminate_backend($1)', [lost]);
    const [terminated] = await sleeping;

    expect(terminated.status).toBe('rejected');
    expect(await name()).toEqual({ name: 'Contoso' });
    expect(await backend()).not.toBe(lost);
  });

  it('keep a connection of its own where statements come before a transaction on it, as the migrator has them', async () => {
    await expect(migrate(storage.db)).resolves.toBeUndefined();
    await expect(
      storage.db.connection().execute(async (connection) => {
        await sql`select 1`.execute(connection);
        await connection.transaction().execute(async () => {});
      }),
    ).rejects.toThrow('A transaction cannot begin on a connection (db.connection()) that has run statements');
  });
});
