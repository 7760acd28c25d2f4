import { chmodSync, closeSync, existsSync, mkdirSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

// The database, its -wal and -shm, and backups hold private notes and
// feedback: owner-only, whatever the umask says.
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** The files SQLite keeps beside a database and replays over it when it opens it. */
export function sqliteCompanions(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/** Removes a SQLite file and whatever SQLite kept beside it. */
export function removeSqliteFile(file: string): void {
  for (const path of [file, ...sqliteCompanions(file)]) rmSync(path, { force: true });
}

/** Narrows an existing file to owner-only (files written by older versions were 0644). */
function tightenFile(path: string): void {
  if (existsSync(path) && (statSync(path).mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE);
}

/** A new, empty owner-only file; fails if something is already there. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
}

/**
 * Makes a SQLite database owner-only before SQLite opens it: its directory 0700 when it has
 * to be created (an existing one may be shared, like the working directory, and is left
 * alone), the database created empty at 0600, and existing files tightened. SQLite creates
 * -wal, -shm and journals with the database's own mode, so those follow it without a umask,
 * which would be process-wide state reaching far beyond these files.
 */
export function prepareSqliteFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: PRIVATE_DIR_MODE });
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const path of [file, ...sqliteCompanions(file)]) tightenFile(path);
}
