import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { PRIVATE_DIR_MODE, removeSqliteFile, sqliteCompanions } from '../db/data-files.js';
import { renameDurably } from './durable-rename.js';
import { copyDatabase } from './online-copy.js';
import { rmKitDatabaseProblem } from './rm-kit-database.js';
import { sqliteDatabaseFile } from './sqlite-database-file.js';

/**
 * `rm-kit-server backup <file> [--force]`: a consistent copy of the SQLite database, safe
 * while the server runs, checked before it is given the name asked for. Says what it did.
 */
export async function backup(args: string[], env: Record<string, string | undefined>): Promise<string> {
  const { positionals, values } = parseArgs({
    args,
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [name] = positionals;
  if (positionals.length !== 1 || !name) throw new Error('Usage: rm-kit-server backup <file> [--force]');
  const database = sqliteDatabaseFile(env, 'backup');
  const target = resolve(name);
  if ([database, ...sqliteCompanions(database)].includes(target)) {
    throw new Error(`${target} is the database itself; name a file elsewhere.`);
  }
  if (existsSync(target) && !values.force) {
    throw new Error(`${target} already exists; name another file, or add --force to replace it.`);
  }
  if (!existsSync(database)) throw new Error(`There is no database at ${database} to back up.`);

  // Written under another name first, so a failed or interrupted backup never leaves a
  // file that looks like a good one, nor replaces the previous one.
  const partial = `${target}.partial-${process.pid}`;
  mkdirSync(dirname(target), { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    const source = new SQLite(database, { fileMustExist: true });
    let pages: number;
    try {
      pages = await copyDatabase(source, partial);
    } finally {
      source.close();
    }
    const problem = rmKitDatabaseProblem(partial);
    if (problem)
      throw new Error(`The copy of ${database} failed its check (${problem}); no backup was written.`);
    renameDurably(partial, target);
    return `Backed up ${database} to ${target}: ${pages} pages, integrity check ok.`;
  } finally {
    removeSqliteFile(partial);
  }
}
