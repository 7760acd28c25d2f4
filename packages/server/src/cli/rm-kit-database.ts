import SQLite from 'better-sqlite3';
import { DEFAULT_MIGRATION_TABLE } from 'kysely/migration';
import { MIGRATIONS } from '../db/database.js';

/**
 * Why a file cannot serve as this version's database, or undefined when it can: it must
 * pass SQLite's integrity check and carry rm-kit's migrations, none of them newer than
 * this version knows (the server would refuse to start on it).
 */
export function rmKitDatabaseProblem(file: string): string | undefined {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { fileMustExist: true, timeout: 0 });
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return `its integrity check says: ${String(integrity)}`;
    const table = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
      .get(DEFAULT_MIGRATION_TABLE);
    if (!table) return 'it has no rm-kit migrations';
    const applied = db.prepare(`select name from ${DEFAULT_MIGRATION_TABLE}`).pluck().all() as string[];
    if (applied.length === 0) return 'it has no rm-kit migrations';
    const unknown = applied.filter((name) => !(name in MIGRATIONS));
    if (unknown.length > 0) return `it comes from a newer rm-kit (migrations ${unknown.join(', ')})`;
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    db?.close();
  }
}
