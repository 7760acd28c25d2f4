import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommitSqlite } from './grouped-sqlite.js';
import { keptReads } from './kept-reads.js';
import { reusingStatements } from './reused-statements.js';

interface Notes {
  notes: { id: number; body: string };
  /** Its note is checked only at COMMIT (a deferred foreign key): a way to make a COMMIT fail. */
  pins: { id: number; note: number };
}

/** A transaction's outcome, to see what was acknowledged and when. */
const settle = (promise: Promise<unknown>) => {
  const outcome: { state: 'pending' | 'committed' | 'failed' } = { state: 'pending' };
  const done = promise.then(
    () => {
      outcome.state = 'committed';
    },
    () => {
      outcome.state = 'failed';
    },
  );
  return { outcome, done };
};

describe('SQLite writes committed in groups, on a file', () => {
  let dir: string;
  let db: Kysely<Notes>;
  /** Another process's view of the file: only what is committed. */
  let outside: SQLite.Database;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rm-kit-group-'));
    const file = join(dir, 'notes.sqlite');
    const writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = FULL');
    writer.pragma('foreign_keys = ON');
    const reader = new SQLite(file);
    reader.pragma('query_only = ON');
    db = new Kysely<Notes>({
      dialect: groupCommitSqlite(
        { sqlite: writer, statements: reusingStatements(writer) },
        { statements: reusingStatements(reader), kept: keptReads(reader) },
      ),
    });
    await sql`create table notes (id integer primary key, body text not null)`.execute(db);
    await sql`create table pins (id integer primary key, note integer not null references notes (id) deferrable initially deferred)`.execute(
      db,
    );
    outside = new SQLite(file, { readonly: true });
  });

  afterEach(async () => {
    outside.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () =>
    (outside.prepare('select id from notes order by id').all() as { id: number }[]).map((r) => r.id);
  const insert = (trx: Kysely<Notes>, id: number) =>
    trx
      .insertInto('notes')
      .values({ id, body: `note ${id}` })
      .execute();

  /** A transaction that holds the writer (and so its group open) until `release` is called. */
  const holding = (id: number) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await insert(trx, id);
      started();
      await held;
    });
    return { transaction, running, release };
  };

  it('acknowledges a transaction only once the COMMIT that covers it is done, and readers see it only then', async () => {
    const first = settle(db.transaction().execute((trx) => insert(trx, 1)));
    const second = holding(2);
    await second.running;
    await new Promise((resolve) => setTimeout(resolve, 20));

    // The first is done with its work but shares the second's COMMIT: not yet acknowledged, not yet visible.
    expect(first.outcome.state).toBe('pending');
    expect(await db.selectFrom('notes').select('id').execute()).toEqual([]);
    expect(stored()).toEqual([]);

    second.release();
    await second.transaction;
    await first.done;
    expect(first.outcome.state).toBe('committed');
    expect(stored()).toEqual([1, 2]);
    expect((await db.selectFrom('notes').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([
      1, 2,
    ]);
  });

  it('rolls back only the transaction that failed; the others of its group are stored', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await insert(trx, 2);
      throw new Error('refused');
    });
    const results = await Promise.allSettled([
      db.transaction().execute((trx) => insert(trx, 1)),
      failing,
      db.transaction().execute((trx) => insert(trx, 3)),
      // The same id as the failed one: its row was undone, so this one may take it.
      db.transaction().execute((trx) => insert(trx, 2)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(stored()).toEqual([1, 2, 3]);
  });

  it('fails every transaction of a group whose COMMIT fails, and stores none of them', async () => {
    await db.transaction().execute((trx) => insert(trx, 1));
    const results = await Promise.allSettled([
      db.transaction().execute((trx) => insert(trx, 2)),
      // A pin of a note that does not exist: refused only by the COMMIT.
      db.transaction().execute((trx) => trx.insertInto('pins').values({ id: 1, note: 99 }).execute()),
      db.transaction().execute((trx) => insert(trx, 3)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(stored()).toEqual([1]);

    // The next group starts afresh.
    await db.transaction().execute((trx) => insert(trx, 4));
    expect(stored()).toEqual([1, 4]);
  });

  it('commits many concurrent transactions in fewer COMMITs, every one of them stored', async () => {
    const ids = Array.from({ length: 200 }, (_, i) => i + 1);
    await Promise.all(ids.map((id) => db.transaction().execute((trx) => insert(trx, id))));
    expect(stored()).toEqual(ids);
  });

  it('makes a write outside a transaction a transaction of its own, acknowledged after its COMMIT', async () => {
    const held = holding(1);
    await held.running;
    const alone = settle(insert(db, 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alone.outcome.state).toBe('pending');
    expect(stored()).toEqual([]);
    held.release();
    await alone.done;
    expect(alone.outcome.state).toBe('committed');
    expect(stored()).toEqual([1, 2]);
  });

  it('commits what is still queued when closed, then refuses new work', async () => {
    const held = holding(1);
    await held.running;
    const queued = Promise.all([2, 3].map((id) => db.transaction().execute((trx) => insert(trx, id))));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closed = db.destroy();
    held.release();
    await Promise.all([held.transaction, queued, closed]);
    expect(stored()).toEqual([1, 2, 3]);
    await expect(insert(db, 4)).rejects.toThrow();
  });
});
