import type SQLite from 'better-sqlite3';

/** Far more than the distinct queries the server sends; a list of ids of every length adds a few. */
const KEPT_STATEMENTS = 500;

/** A SQLite connection as the drivers use it: prepared statements, and closing. */
export interface Statements {
  prepare(sql: string): SQLite.Statement;
  close(): void;
}

/**
 * The SQLite database as Kysely's dialect sees it, keeping each prepared statement for its
 * SQL text: Kysely asks for a new one on every query, and preparing took a tenth of the
 * server's time on a read. A kept statement is reused only when it is not in the middle of
 * streaming rows; SQLite itself prepares it again if the schema changed since. At most
 * KEPT_STATEMENTS are kept, the least recently used dropped first.
 */
export function reusingStatements(sqlite: SQLite.Database, capacity = KEPT_STATEMENTS): Statements {
  const kept = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const fresh = sqlite.prepare(sql);
      if (statement) return fresh;
      if (kept.size >= capacity) {
        const oldest = kept.keys().next();
        if (!oldest.done) kept.delete(oldest.value);
      }
      kept.set(sql, fresh);
      return fresh;
    },
    close() {
      kept.clear();
      sqlite.close();
    },
  };
}
