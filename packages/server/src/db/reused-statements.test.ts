import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { reusingStatements } from './reused-statements.js';

interface Notes {
  notes: { id: number; body: string; pinned?: number };
}

describe('reused prepared statements on SQLite', () => {
  let db: Kysely<Notes>;
  afterEach(() => db.destroy());

  const open = (capacity?: number) => {
    db = new Kysely<Notes>({
      dialect: new SqliteDialect({ database: reusingStatements(new SQLite(':memory:'), capacity) }),
    });
    return db;
  };

  it('answers the same query with the rows as they are now, columns a migration added included', async () => {
    open();
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    await db.insertInto('notes').values({ id: 1, body: 'first' }).execute();
    const all = () => db.selectFrom('notes').selectAll().orderBy('id').execute();
    expect(await all()).toEqual([{ id: 1, body: 'first' }]);
    await db.insertInto('notes').values({ id: 2, body: 'second' }).execute();
    await sql`alter table notes add column pinned integer not null default 0`.execute(db);
    expect(await all()).toEqual([
      { id: 1, body: 'first', pinned: 0 },
      { id: 2, body: 'second', pinned: 0 },
    ]);
  });

  it('answers a query in full after the same query was streamed and left halfway', async () => {
    open();
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    await db
      .insertInto('notes')
      .values([
        { id: 1, body: 'a' },
        { id: 2, body: 'b' },
      ])
      .execute();
    const query = db.selectFrom('notes').select('body').orderBy('id');
    for await (const row of query.stream()) {
      expect(row.body).toBe('a');
      break;
    }
    expect((await query.execute()).map((r) => r.body)).toEqual(['a', 'b']);
  });

  it('keeps answering rightly past as many distinct queries as it keeps', async () => {
    open(2);
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    await db
      .insertInto('notes')
      .values([
        { id: 1, body: 'a' },
        { id: 2, body: 'b' },
        { id: 3, body: 'c' },
      ])
      .execute();
    for (let round = 0; round < 3; round++) {
      for (const ids of [[1], [1, 2], [1, 2, 3]]) {
        const rows = await db.selectFrom('notes').select('id').where('id', 'in', ids).orderBy('id').execute();
        expect(rows.map((r) => r.id)).toEqual(ids);
      }
    }
  });
});
