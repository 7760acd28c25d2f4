import type SQLite from 'better-sqlite3';
import { currentMoment } from './read-moments.js';

/** About a hundred pages of sessions: a few megabytes at most. */
const KEPT_ROWS = 5000;

/** Rows read on one connection, by query and values, for as long as the database is unchanged. */
export interface KeptReads {
  rows(key: string): readonly unknown[] | undefined;
  keep(key: string, rows: readonly unknown[]): void;
}

/**
 * Reads on SQLite's read connection answered again from memory until anything is committed.
 * `PRAGMA data_version` changes on this connection whenever any other connection commits:
 * this process's writer, another server process on the same file, the CLI. It is asked
 * once in each moment (read-moments.ts): at a request's first read, again after this process
 * commits, and at the latest in the next turn of the event loop. So a request never misses a
 * write that committed before it arrived, nor one this process committed before its read, and
 * any commit drops everything kept. Reads far outnumber writes, and the same ones come again
 * between two writes: every request about a pair reads the pair first, and a pair's two people
 * read the same sessions. Kept rows are frozen, as each is shared by whoever reads it next. At
 * most `capacity` rows are kept, the oldest reads dropped first.
 */
export function keptReads(connection: SQLite.Database, capacity = KEPT_ROWS): KeptReads {
  const dataVersion = connection.prepare('PRAGMA data_version').pluck();
  const kept = new Map<string, readonly unknown[]>();
  let rowsKept = 0;
  let keptAt: unknown;
  let askedIn = -1;
  return {
    rows(key) {
      const moment = currentMoment();
      if (moment !== askedIn) {
        askedIn = moment;
        const now = dataVersion.get();
        if (now !== keptAt) {
          kept.clear();
          rowsKept = 0;
          keptAt = now;
          return undefined;
        }
      }
      return kept.get(key);
    },
    keep(key, rows) {
      if (rows.length > capacity) return;
      kept.set(key, rows);
      rowsKept += rows.length;
      for (const [oldest, its] of kept) {
        if (rowsKept <= capacity) break;
        kept.delete(oldest);
        rowsKept -= its.length;
      }
    },
  };
}

/**
 * The rows of a read as kept since the last commit, or else `readNow`'s, frozen and kept (none
 * when it gives null). A read whose values are not all strings, numbers or null is not kept.
 */
export function readKept<T extends readonly unknown[] | null>(
  kept: KeptReads,
  sql: string,
  parameters: readonly unknown[],
  readNow: () => T,
): T {
  if (!parameters.every((value) => value === null || typeof value === 'string' || typeof value === 'number'))
    return readNow();
  const key = `${sql}\u0000${JSON.stringify(parameters)}`;
  const known = kept.rows(key);
  if (known) return known as T;
  const rows = readNow();
  if (rows) {
    for (const row of rows) Object.freeze(row);
    kept.keep(key, Object.freeze(rows));
  }
  return rows;
}
