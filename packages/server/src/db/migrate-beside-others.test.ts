import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDatabases } from '../test-support/harness.js';
import { openOwnSchema } from '../test-support/own-schema.js';
import { migrationsApplied } from './database.js';

const postgres = testDatabases().filter((database) => database.dialect === 'postgres');

describe.runIf(postgres.length > 0)('migrating on PostgreSQL beside other schemas', () => {
  it('migrates while another schema of the database has tables made, changed and dropped', async () => {
    const { url } = postgres[0] as { url: string };
    // Another app of the same database, or another test file, migrating meanwhile.
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const other = `other_${randomBytes(6).toString('hex')}`;
    await pool.query(`create schema "${other}"`);
    let changing = true;
    let changes = 0;
    const churn = (async () => {
      while (changing) {
        const table = `"${other}".t${changes % 4}`;
        await pool.query(`create table ${table} (id serial primary key, a text, b text)`);
        await pool.query(`alter table ${table} drop column a`);
        await pool.query(`drop table ${table}`);
        changes++;
      }
    })();
    try {
      for (let i = 0; i < 8; i++) {
        const storage = await openOwnSchema(url);
        expect(await migrationsApplied(storage.db)).toBe(true);
        await storage.close();
      }
    } finally {
      changing = false;
      await churn;
      await pool.query(`drop schema "${other}" cascade`);
      await pool.end();
    }
    expect(changes).toBeGreaterThan(0);
  }, 60_000);
});
