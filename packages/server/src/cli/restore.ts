import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { createPrivateFile, PRIVATE_DIR_MODE, removeSqliteFile, sqliteCompanions } from '../db/data-files.js';
import { renameDurably } from './durable-rename.js';
import { copyDatabase } from './online-copy.js';
import { rmKitDatabaseProblem } from './rm-kit-database.js';
import { sqliteDatabaseFile } from './sqlite-database-file.js';

const UNCHANGED = 'nothing was changed';

/**
 * Copies the current database, with what is still in its WAL, to
 * `<database>.before-restore-<time>`. Opening it with an exclusive lock is also the check
 * that no server has it open: a server in WAL mode holds a shared lock on its database for
 * as long as it runs, and the operating system drops it only when that process ends,
 * however it ends.
 */
async function keepAside(database: string): Promise<string> {
  const current = new SQLite(database, { fileMustExist: true, timeout: 0 });
  try {
    current.pragma('locking_mode = EXCLUSIVE');
    try {
      current.prepare('select count(*) from sqlite_master').get();
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      if (code?.startsWith('SQLITE_BUSY')) {
        throw new Error(
          `${database} is open in another process (a running server?): stop it first; ${UNCHANGED}.`,
        );
      }
      throw new Error(
        `${database} cannot be read (${message}): move it and its -wal and -shm files away, then restore; ${UNCHANGED}.`,
      );
    }
    const aside = `${database}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyDatabase(current, aside);
    return aside;
  } finally {
    current.close();
  }
}

/**
 * `rm-kit-server restore <file>`, with the server stopped: checks that the file is an
 * rm-kit database, keeps the current one aside, removes the -wal and -shm that SQLite would
 * otherwise replay over the restored file, and puts the backup in place in one rename.
 */
export async function restore(args: string[], env: Record<string, string | undefined>): Promise<string> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true });
  const [name] = positionals;
  if (positionals.length !== 1 || !name) throw new Error('Usage: rm-kit-server restore <file>');
  const database = sqliteDatabaseFile(env, 'restore');
  const backupFile = resolve(name);
  if (!existsSync(backupFile)) throw new Error(`There is no backup at ${backupFile}; ${UNCHANGED}.`);
  if (backupFile === database) throw new Error(`${backupFile} is the database itself; ${UNCHANGED}.`);

  mkdirSync(dirname(database), { recursive: true, mode: PRIVATE_DIR_MODE });
  // The copy sits beside the database, so the final rename stays on one file system.
  const incoming = `${database}.restore-${process.pid}`;
  try {
    createPrivateFile(incoming);
    await pipeline(createReadStream(backupFile), createWriteStream(incoming, { flags: 'r+' }));
    const problem = rmKitDatabaseProblem(incoming);
    if (problem) throw new Error(`${backupFile} is not an rm-kit database (${problem}); ${UNCHANGED}.`);
    const aside = existsSync(database) ? await keepAside(database) : undefined;
    for (const companion of sqliteCompanions(database)) rmSync(companion, { force: true });
    renameDurably(incoming, database);
    return aside
      ? `Restored ${backupFile} into ${database}; the database it replaced is kept at ${aside}.`
      : `Restored ${backupFile} into ${database}.`;
  } finally {
    removeSqliteFile(incoming);
  }
}
