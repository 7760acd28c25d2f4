import SQLite from 'better-sqlite3';
import { createPrivateFile, removeSqliteFile } from '../db/data-files.js';

// sqlite3_backup_step's page count is an int; this many means "all the rest".
const ALL_PAGES = 0x7fffffff;

/**
 * Copies a database through SQLite's online backup into a new owner-only file, and says
 * how many pages it copied. The copy reads one snapshot, WAL included, while other
 * processes keep writing; taken in a single step, their writes cannot make it restart.
 */
export async function copyDatabase(source: SQLite.Database, destination: string): Promise<number> {
  createPrivateFile(destination);
  try {
    const { totalPages } = await source.backup(destination, { progress: () => ALL_PAGES });
    // Rollback journaling makes the copy one self-contained file: nothing beside it to lose.
    const copy = new SQLite(destination, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return totalPages;
  } catch (error) {
    removeSqliteFile(destination);
    throw error;
  }
}
