import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { compiledQuery } from './compiled-queries.js';

interface Notes {
  notes: { id: number; ownerId: string; body: string; deletedAt: string | null };
}

const notesOf = compiledQuery((db: Kysely<Notes>, { ownerId, rows }: { ownerId: string; rows: number }) =>
  db
    .selectFrom('notes')
    .selectAll()
    .where('ownerId', '=', ownerId)
    .where('deletedAt', 'is', null)
    .where('body', '!=', 'hidden')
    .orderBy('id')
    .limit(rows),
);

describe('queries compiled once', () => {
  const opened: Kysely<Notes>[] = [];
  afterEach(async () => {
    for (const db of opened.splice(0)) await db.destroy();
  });

  async function open() {
    const db = new Kysely<Notes>({
      dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
      plugins: [new CamelCasePlugin()],
    });
    opened.push(db);
    await sql`create table notes (id integer primary key, owner_id text not null, body text not null, deleted_at text)`.execute(
      db,
    );
    return db;
  }

  it('answers each run with its own values, constants kept, rows as the plugins make them', async () => {
    const db = await open();
    await db
      .insertInto('notes')
      .values([
        { id: 1, ownerId: 'ada', body: 'first', deletedAt: null },
        { id: 2, ownerId: 'bob', body: 'second', deletedAt: null },
        { id: 3, ownerId: 'ada', body: 'hidden', deletedAt: null },
        { id: 4, ownerId: 'ada', body: 'gone', deletedAt: '2026-01-01' },
        { id: 5, ownerId: 'ada', body: 'third', deletedAt: null },
      ])
      .execute();
    expect(await notesOf.all(db, { ownerId: 'ada', rows: 10 })).toEqual([
      { id: 1, ownerId: 'ada', body: 'first', deletedAt: null },
      { id: 5, ownerId: 'ada', body: 'third', deletedAt: null },
    ]);
    expect((await notesOf.all(db, { ownerId: 'ada', rows: 1 })).map((n) => n.id)).toEqual([1]);
    expect(await notesOf.first(db, { ownerId: 'bob', rows: 10 })).toMatchObject({ id: 2 });
    expect(await notesOf.first(db, { ownerId: 'nobody', rows: 10 })).toBeUndefined();
  });

  it('runs inside a transaction, seeing its own writes, and on another database alike', async () => {
    const db = await open();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('notes')
        .values({ id: 1, ownerId: 'ada', body: 'draft', deletedAt: null })
        .execute();
      expect((await notesOf.all(trx, { ownerId: 'ada', rows: 10 })).map((n) => n.body)).toEqual(['draft']);
    });
    const other = await open();
    expect(await notesOf.all(other, { ownerId: 'ada', rows: 10 })).toEqual([]);
  });

  it('writes with the values of each run and says how many rows each write changed', async () => {
    const db = await open();
    const add = compiledQuery((db: Kysely<Notes>, note: { id: number; ownerId: string; body: string }) =>
      db
        .insertInto('notes')
        .values({ id: note.id, ownerId: note.ownerId, body: note.body, deletedAt: null })
        .onConflict((oc) => oc.column('id').doNothing()),
    );
    expect((await add.execute(db, { id: 1, ownerId: 'ada', body: 'first' })).numAffectedRows).toBe(1n);
    expect((await add.execute(db, { id: 1, ownerId: 'bob', body: 'again' })).numAffectedRows).toBe(0n);
    expect((await add.execute(db, { id: 2, ownerId: 'bob', body: 'second' })).numAffectedRows).toBe(1n);
    expect(await db.selectFrom('notes').select(['id', 'ownerId', 'body']).orderBy('id').execute()).toEqual([
      { id: 1, ownerId: 'ada', body: 'first' },
      { id: 2, ownerId: 'bob', body: 'second' },
    ]);
  });

  it('refuses a query that writes a value into its SQL instead of binding it', async () => {
    const db = await open();
    const inlined = compiledQuery((db: Kysely<Notes>, { body }: { body: string }) =>
      db.selectFrom('notes').selectAll().where('body', '=', sql.lit(body)),
    );
    await expect(inlined.all(db, { body: 'first' })).rejects.toThrow(/written into the SQL/);
  });

  it('refuses a query whose values are taken without their names, rather than bind them as undefined', async () => {
    const db = await open();
    await db.insertInto('notes').values({ id: 1, ownerId: 'ada', body: 'first', deletedAt: null }).execute();
    const spread = compiledQuery((db: Kysely<Notes>, { ...values }: { ownerId: string }) =>
      db.selectFrom('notes').selectAll().where('ownerId', '=', values.ownerId),
    );
    await expect(spread.all(db, { ownerId: 'ada' })).rejects.toThrow(/without being asked for by name/);
  });
});
