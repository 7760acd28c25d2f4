import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openOwnSchema } from '../test-support/own-schema.js';
import { openStorage, type Storage } from './database.js';

const pgUrl = process.env.TEST_DATABASE_URL;

/** Ends a connection from the server's side, as a restart, a failover or an idle timeout would. */
async function terminate(pid: number | undefined) {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    const ended = await admin.query('select pg_terminate_backend($1) as ok', [pid]);
    expect(ended.rows[0]?.ok).toBe(true);
  } finally {
    await admin.end();
  }
}

/**
 * Runs `test` with a fresh storage's pool, recording what would reach Node as an uncaught
 * exception (a connection's error nobody listened to ends the process).
 */
async function withPool(opened: Storage[], test: (pool: pg.Pool, uncaught: unknown[]) => Promise<void>) {
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', record);
  try {
    const storage = await openStorage(pgUrl ?? '');
    opened.push(storage);
    await test(storage.pool as pg.Pool, uncaught);
  } finally {
    process.off('uncaughtException', record);
  }
}

describe.runIf(pgUrl)('PostgreSQL storage', () => {
  const opened: Storage[] = [];
  afterAll(() => Promise.all(opened.map((s) => s.close())));

  it('survives the server closing an idle pooled connection, and serves the next query', async () => {
    await withPool(opened, async (pool, uncaught) => {
      const { rows } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
      expect(pool.idleCount).toBe(1);
      await terminate(rows[0]?.pid);
      // The pool notices and drops the dead connection…
      await expect.poll(() => pool.totalCount, { timeout: 5000 }).toBe(0);
      expect(uncaught.map(String)).toEqual([]);
      // …and opens a new one for the next query.
      const next = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
      expect(next.rows[0]?.pid).not.toBe(rows[0]?.pid);
    });
  });

  it('survives the server ending a connection while it is in use, and serves the next query', async () => {
    await withPool(opened, async (pool, uncaught) => {
      // Checked out between two statements, as a restart or a failover may find a transaction.
      const client = await pool.connect();
      let ended = false;
      client.once('end', () => {
        ended = true;
      });
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      await terminate(rows[0]?.pid);
      await expect.poll(() => ended || uncaught.length > 0, { timeout: 5000 }).toBe(true);
      await expect(client.query('select 1')).rejects.toThrow(/not queryable/);
      client.release();
      expect(uncaught.map(String)).toEqual([]);
      const next = await pool.query('select 1 as ok');
      expect(next.rows).toEqual([{ ok: 1 }]);
    });
  });

  it('tells onError, when given, what happened to the connection', async () => {
    const errors: Error[] = [];
    const storage = await openStorage(pgUrl ?? '', { onError: (error) => errors.push(error) });
    opened.push(storage);
    const pool = storage.pool as pg.Pool;
    const { rows } = await pool.query<{ pid: number }>('select pg_backend_pid() as pid');
    await terminate(rows[0]?.pid);
    await expect.poll(() => errors.length, { timeout: 5000 }).toBe(1);
    expect(errors[0]?.message).toMatch(/terminating connection/);
  });

  it('migrates its own schema in a database where another schema has a migration table of its own', async () => {
    // Another app migrated with Kysely too: its tables are where the migrator looks first.
    const other = `other_app_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await admin.query(`create schema "${other}"`);
      await admin.query(
        `create table "${other}".kysely_migration (name varchar(255) primary key, timestamp varchar(255))`,
      );
      await admin.query(
        `create table "${other}".kysely_migration_lock (id varchar(255) primary key, is_locked integer)`,
      );
      const storage = await openOwnSchema(pgUrl ?? '');
      opened.push(storage);
      const people = await storage.db.selectFrom('people').select('id').execute();
      expect(people).toEqual([]);
    } finally {
      await admin.query(`drop schema "${other}" cascade`);
      await admin.end();
    }
  });
});
