import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiledQuery } from './compiled-queries.js';
import { openStorage, type Storage } from './database.js';
import { endMoment } from './read-moments.js';

interface Tables {
  owners: { id: string; displayName: string };
  notes: { id: number; ownerId: string; body: string; deletedAt: string | null };
}

const notesWithOwners = compiledQuery((db: Kysely<Tables>, { ownerId }: { ownerId: string }) =>
  db
    .selectFrom('notes')
    .innerJoin('owners', 'owners.id', 'notes.ownerId')
    .select(['notes.id', 'notes.body', 'notes.deletedAt', 'owners.displayName as writtenBy'])
    .where('notes.ownerId', '=', ownerId)
    .orderBy('notes.id'),
);

/** Two tables' `id` under one name: the row keeps one of them, as Kysely's own read does. */
const sameNames = compiledQuery((db: Kysely<Tables>, { ownerId }: { ownerId: string }) =>
  db
    .selectFrom('notes')
    .innerJoin('owners', 'owners.id', 'notes.ownerId')
    .select(['notes.id', 'owners.id'])
    .where('notes.ownerId', '=', ownerId),
);

describe('compiled reads on a SQLite file, outside a transaction', () => {
  let dir: string;
  let storage: Storage;
  let db: Kysely<Tables>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rm-kit-direct-reads-'));
    storage = await openStorage(`sqlite:${join(dir, 'rm-kit.sqlite')}`);
    db = storage.db as unknown as Kysely<Tables>;
    await sql`create table owners (id text primary key, display_name text not null)`.execute(db);
    await sql`create table notes (id integer primary key, owner_id text not null, body text not null, deleted_at text)`.execute(
      db,
    );
    await db.insertInto('owners').values({ id: 'ada', displayName: 'Ada' }).execute();
    await db
      .insertInto('notes')
      .values([
        { id: 1, ownerId: 'ada', body: 'first', deletedAt: null },
        { id: 2, ownerId: 'ada', body: 'second', deletedAt: '2026-01-01' },
      ])
      .execute();
  });

  afterEach(async () => {
    await storage.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers with the rows Kysely gives, named as its plugins name them', async () => {
    const expected = [
      { id: 1, body: 'first', deletedAt: null, writtenBy: 'Ada' },
      { id: 2, body: 'second', deletedAt: '2026-01-01', writtenBy: 'Ada' },
    ];
    expect(await notesWithOwners.all(db, { ownerId: 'ada' })).toEqual(expected);
    expect(await notesWithOwners.first(db, { ownerId: 'ada' })).toEqual(expected[0]);
    expect(await notesWithOwners.all(db, { ownerId: 'nobody' })).toEqual([]);
    const kyselys = await db
      .selectFrom('notes')
      .innerJoin('owners', 'owners.id', 'notes.ownerId')
      .select(['notes.id', 'owners.id'])
      .where('notes.ownerId', '=', 'ada')
      .execute();
    expect(await sameNames.all(db, { ownerId: 'ada' })).toEqual(kyselys);
  });

  it('sees a write once it is committed, and a transaction its own writes', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let insideSaw: unknown[] = [];
    const writing = db.transaction().execute(async (trx) => {
      await trx
        .insertInto('notes')
        .values({ id: 3, ownerId: 'ada', body: 'draft', deletedAt: null })
        .execute();
      insideSaw = (await notesWithOwners.all(trx, { ownerId: 'ada' })).map((note) => note.body);
      await held;
    });
    await expect.poll(() => insideSaw).toEqual(['first', 'second', 'draft']);
    expect((await notesWithOwners.all(db, { ownerId: 'ada' })).map((note) => note.body)).toEqual([
      'first',
      'second',
    ]);
    release();
    await writing;
    expect((await notesWithOwners.all(db, { ownerId: 'ada' })).map((note) => note.body)).toEqual([
      'first',
      'second',
      'draft',
    ]);
  });

  it("answers a read again from memory until anything is committed; another process's commit is read by the next request or turn", async () => {
    const first = await notesWithOwners.all(db, { ownerId: 'ada' });
    expect(await notesWithOwners.all(db, { ownerId: 'ada' })).toBe(first);

    // Another process on the same file (a second server, the CLI) commits: a read in a later
    // turn of the event loop sees it, and so does a read after a request arrives.
    const elsewhere = (body: string) => {
      const another = new SQLite(join(dir, 'rm-kit.sqlite'));
      try {
        another.prepare('update notes set body = ? where id = 1').run(body);
      } finally {
        another.close();
      }
    };
    elsewhere('edited elsewhere');
    await new Promise(setImmediate);
    expect((await notesWithOwners.first(db, { ownerId: 'ada' }))?.body).toBe('edited elsewhere');
    elsewhere('edited elsewhere again');
    endMoment();
    expect((await notesWithOwners.first(db, { ownerId: 'ada' }))?.body).toBe('edited elsewhere again');

    await db.updateTable('notes').set({ body: 'edited here' }).where('id', '=', 1).execute();
    expect((await notesWithOwners.first(db, { ownerId: 'ada' }))?.body).toBe('edited here');
  });

  it("sees this process's commit in the turn of the event loop it is acknowledged in", async () => {
    const body = async () => (await notesWithOwners.first(db, { ownerId: 'ada' }))?.body;
    expect(await body()).toBe('first');
    await new Promise(setImmediate);
    const writing = db.updateTable('notes').set({ body: 'edited here' }).where('id', '=', 1).execute();
    // Its COMMIT waits for the end of the next turn; the timer runs at that turn's start.
    const timer = new Promise((resolve) => setTimeout(resolve, 1));
    const due = performance.now() + 3;
    while (performance.now() < due);
    await timer;
    expect(await body()).toBe('first');
    await writing;
    expect(await body()).toBe('edited here');
  });

  it('gives rows no reader can change for the next one', async () => {
    const [note] = await notesWithOwners.all(db, { ownerId: 'ada' });
    expect(() => Object.assign(note ?? {}, { body: 'changed by a caller' })).toThrow(TypeError);
    expect((await notesWithOwners.first(db, { ownerId: 'ada' }))?.body).toBe('first');
  });

  it('fails once the storage is closed, as any other read', async () => {
    await storage.close();
    await expect(notesWithOwners.all(db, { ownerId: 'ada' })).rejects.toThrow();
  });
});
