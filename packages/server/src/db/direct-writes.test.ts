import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledQuery } from './compiled-queries.js';
import { openStorage, type Storage } from './database.js';
import { withDirectWrites } from './direct-writes.js';

// biome-ignore lint/suspicious/noExplicitAny: a table of the test's own, which the Database interface does not describe
type AnyDb = Kysely<any>;

const insertNote = compiledQuery((db: AnyDb, { id, noteText }: { id: string; noteText: string }) =>
  db.insertInto('notes').values({ id, noteText }),
);
const noteById = compiledQuery((db: AnyDb, { id }: { id: string }) =>
  db.selectFrom('notes').select(['id', 'noteText']).where('id', '=', id),
);
const renameNote = compiledQuery((db: AnyDb, { id, noteText }: { id: string; noteText: string }) =>
  db.updateTable('notes').set({ noteText }).where('id', '=', id).returning(['id', 'noteText']),
);

describe('the statements of a write on SQLite, sent directly to its connection', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-direct-writes-'));
  let storage: Storage;
  let db: AnyDb;

  beforeAll(async () => {
    storage = await openStorage(`sqlite:${join(work, 'rm-kit.sqlite')}`);
    db = storage.db as unknown as AnyDb;
    await sql`create table notes (id text primary key, note_text text not null)`.execute(db);
  });
  afterAll(async () => {
    await storage.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('are seen by the write itself, by nobody else until it commits, and by everyone after', async () => {
    await db.transaction().execute((trx) =>
      withDirectWrites(db, trx, async () => {
        const inserted = await insertNote.execute(trx, { id: 'a', noteText: 'first' });
        expect(inserted.numAffectedRows).toBe(1n);
        expect(await noteById.first(trx, { id: 'a' })).toEqual({ id: 'a', noteText: 'first' });
        // Returned rows are named as the plugins name them, as through Kysely.
        expect((await renameNote.execute(trx, { id: 'a', noteText: 'second' })).rows).toEqual([
          { id: 'a', noteText: 'second' },
        ]);
        expect(await noteById.first(db, { id: 'a' })).toBeUndefined();
      }),
    );
    expect(await noteById.first(db, { id: 'a' })).toEqual({ id: 'a', noteText: 'second' });
  });

  it('leave nothing behind when the write fails, and fail with the database’s own error', async () => {
    const failed = db.transaction().execute((trx) =>
      withDirectWrites(db, trx, async () => {
        await insertNote.execute(trx, { id: 'b', noteText: 'kept?' });
        await insertNote.execute(trx, { id: 'a', noteText: 'the same id again' });
      }),
    );
    await expect(failed).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
    expect(await noteById.first(db, { id: 'b' })).toBeUndefined();
    expect(await noteById.first(db, { id: 'a' })).toEqual({ id: 'a', noteText: 'second' });
  });

  it('are no longer sent directly once the write is over: Kysely refuses a finished transaction', async () => {
    let finished: AnyDb | undefined;
    await db.transaction().execute((trx) =>
      withDirectWrites(db, trx, async () => {
        finished = trx;
      }),
    );
    await expect(insertNote.execute(finished as AnyDb, { id: 'c', noteText: 'too late' })).rejects.toThrow();
    expect(await noteById.first(db, { id: 'c' })).toBeUndefined();
  });
});
