import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openStorage, type Storage } from './database.js';

const opened: Storage[] = [];
let dir = '';

afterEach(async () => {
  for (const storage of opened.splice(0)) await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

it('lets a second writer on the same SQLite file wait for the first without stopping the process the first commits in', async () => {
  dir = mkdtempSync(join(tmpdir(), 'rm-kit-two-writers-'));
  const url = `sqlite:${join(dir, 'rm-kit.sqlite')}`;
  const [one, two] = [await openStorage(url), await openStorage(url)];
  opened.push(one, two);
  await sql`create table notes (body text not null)`.execute(one.db);

  // The first holds the database across a pause, as a handler awaiting something does; the
  // second asks for it meanwhile. A wait that stopped the event loop would keep the first
  // from ever finishing, and the second would give up after its timeout.
  const started = Date.now();
  const first = one.db.transaction().execute(async (trx) => {
    await sql`insert into notes (body) values ('first')`.execute(trx);
    await new Promise((resume) => setTimeout(resume, 100));
  });
  await new Promise((resume) => setTimeout(resume, 10));
  const second = sql`insert into notes (body) values ('second')`.execute(two.db);
  await Promise.all([first, second]);

  const { rows } = await sql<{ body: string }>`select body from notes order by rowid`.execute(one.db);
  expect(rows.map((row) => row.body)).toEqual(['first', 'second']);
  expect(Date.now() - started).toBeLessThan(2000);
});
