import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresAdapter, sql } from 'kysely';
import { DEFAULT_MIGRATION_TABLE, type Migration, Migrator } from 'kysely/migration';
import pg from 'pg';
import { prepareSqliteFile } from './data-files.js';
import { readDirectly, stopReadingDirectly } from './direct-reads.js';
import { stopWritingDirectly, writeDirectly } from './direct-writes.js';
import { groupCommitSqlite } from './grouped-sqlite.js';
import { keptReads } from './kept-reads.js';
import * as initial from './migrations/0001-initial.js';
import * as eventLog from './migrations/0002-event-log.js';
import * as charterPerLanguage from './migrations/0003-charter-per-language.js';
import * as cancellationReason from './migrations/0004-cancellation-reason.js';
import * as aggregateReleases from './migrations/0005-aggregate-releases.js';
import * as demoSigningKey from './migrations/0006-demo-signing-key.js';
import * as photoHosts from './migrations/0007-photo-hosts.js';
import * as matchingAndConsent from './migrations/0008-matching-and-consent.js';
import * as pairResumedOn from './migrations/0009-pair-resumed-on.js';
import * as goalReflection from './migrations/0010-goal-reflection.js';
import * as stories from './migrations/0011-stories.js';
import * as calendarFeeds from './migrations/0012-calendar-feeds.js';
import * as webhooks from './migrations/0013-webhooks.js';
import * as personErasure from './migrations/0014-person-erasure.js';
import * as eventsNumberedAtCommit from './migrations/0015-events-numbered-at-commit.js';
import * as peopleByEmail from './migrations/0016-people-by-email.js';
import { OwnSchemaPostgresDialect } from './own-schema-introspector.js';
import { preparingStatements } from './prepared-statements.js';
import { reusingStatements } from './reused-statements.js';
import type { Database } from './schema.js';
import { sendingAhead } from './sent-ahead.js';
import { keepOwnConnections, TurnReadsPostgresDialect, withOwnConnections } from './turn-reads.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Storage {
  db: Kysely<Database>;
  dialect: Dialect;
  /** The PostgreSQL pool, for LISTEN/NOTIFY; absent on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL only: run in this schema (created if missing), so tests can share one server. */
  schema?: string;
  /**
   * PostgreSQL only: told when an idle pooled connection fails (the server restarted, failed
   * over or closed it after an idle timeout). The pool drops that connection and opens a new
   * one when needed, so nothing else is to be done; the default ignores it. Without a
   * listener such an error would crash the process.
   */
  onError?: (error: Error) => void;
}

/**
 * Opens `sqlite:<file>` (or `sqlite::memory:`) or `postgres://…`. SQLite gets WAL,
 * foreign keys and synchronous=FULL, so a logged session survives a power cut; its writes
 * are committed in groups, each acknowledged after the fsync that covers it (grouped-sqlite.ts).
 */
export async function openStorage(url: string, options: OpenOptions = {}): Promise<Storage> {
  const plugins = [new CamelCasePlugin()];
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({
      connectionString: url,
      max: 10,
      // A database that does not answer (a dropped network, a failover) fails the request with
      // 503 after this long, instead of holding it, and every request behind it, indefinitely.
      connectionTimeoutMillis: 5000,
      // Lets a write send statements without waiting for their answers (see sent-ahead.ts).
      pipeline: true,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    pool.on('error', (error) => options.onError?.(error));
    // The pool listens for a connection's errors only while it is idle. One lost while checked
    // out (mid-query or between a transaction's statements when PostgreSQL stops) emits its
    // error with nobody listening, which ended the process. Its user learns it anyway: the
    // query in flight, or the next one, fails; and the pool drops it when it is released.
    pool.on('connect', (client) => {
      client.on('error', () => {});
      preparingStatements(client);
      sendingAhead(client);
    });
    if (options.schema) await pool.query(`create schema if not exists "${options.schema}"`);
    const db = new Kysely<Database>({ dialect: new TurnReadsPostgresDialect(pool), plugins });
    // The migrator's. Never destroyed: it holds nothing but the pool, which db's destroy ends.
    keepOwnConnections(
      db,
      new Kysely<Database>({ dialect: new OwnSchemaPostgresDialect({ pool }), plugins }),
    );
    return { db, dialect: 'postgres', pool, close: () => db.destroy() };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    const path = file === ':memory:' ? ':memory:' : resolve(file);
    if (path !== ':memory:') prepareSqliteFile(path);
    const sqlite = new SQLite(path);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = FULL');
    // The writer waits for another connection's lock in grouped-sqlite.ts, between turns of
    // the event loop, rather than here, where the wait would stop this whole process.
    sqlite.pragma('busy_timeout = 0');
    // Each write is a savepoint (see grouped-sqlite.ts), which keeps the pages it changes in
    // a journal of its own until released: in memory, not in a temporary file.
    sqlite.pragma('temp_store = MEMORY');
    const writer = { sqlite, statements: reusingStatements(sqlite) };
    const reader = path === ':memory:' ? null : openReader(path);
    const db = new Kysely<Database>({ dialect: groupCommitSqlite(writer, reader), plugins });
    if (reader) readDirectly(db, reader);
    writeDirectly(db, writer.statements);
    const close = () => {
      stopReadingDirectly(db);
      stopWritingDirectly(db);
      return db.destroy();
    };
    return { db, dialect: 'sqlite', close };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

/** A second connection to the file for reads: with WAL it sees only committed data and never waits for the writer. */
function openReader(path: string) {
  const reader = new SQLite(path);
  reader.pragma('query_only = ON');
  reader.pragma('busy_timeout = 5000');
  return { statements: reusingStatements(reader), kept: keptReads(reader) };
}

/** Every migration this version knows, by name; a database may hold no other. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-event-log': eventLog,
  '0003-charter-per-language': charterPerLanguage,
  '0004-cancellation-reason': cancellationReason,
  '0005-aggregate-releases': aggregateReleases,
  '0006-demo-signing-key': demoSigningKey,
  '0007-photo-hosts': photoHosts,
  '0008-matching-and-consent': matchingAndConsent,
  '0009-pair-resumed-on': pairResumedOn,
  '0010-goal-reflection': goalReflection,
  '0011-stories': stories,
  '0012-calendar-feeds': calendarFeeds,
  '0013-webhooks': webhooks,
  '0014-person-erasure': personErasure,
  '0015-events-numbered-at-commit': eventsNumberedAtCommit,
  '0016-people-by-email': peopleByEmail,
};

/**
 * On PostgreSQL, the schema the connection works in (the first of its search_path). Without
 * it the migrator takes a migration table in any schema of the database (another app's in
 * `public`) for its own, then fails to find it in this one ("relation kysely_migration_lock
 * does not exist"). The tables of a database migrated before are in that schema already.
 */
async function migrationSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

/**
 * Brings the schema up to date; safe to run on every start and from several processes.
 * `upTo` stops at that migration, so a test can build the database an older release left.
 */
export async function migrate(db: Kysely<Database>, upTo?: string): Promise<void> {
  const migrator = new Migrator({
    // It locks its connection against other processes' migrations, then begins a transaction on it.
    db: withOwnConnections(db),
    migrationTableSchema: await migrationSchema(db),
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest());
  const failed = results?.find((r) => r.status === 'Error');
  if (failed) {
    throw new Error(`Migration ${failed.migrationName} failed: ${String(error)}`, { cause: error });
  }
  // No migration ran, so none failed: the database could not be reached or read.
  if (error) throw error;
}

const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? '';

/**
 * Whether every migration this server knows has been applied. A database restored from an
 * older backup would lack some; one already migrated by a newer server (during a rolling
 * upgrade) has more, which is fine.
 */
export async function migrationsApplied(db: Kysely<Database>): Promise<boolean> {
  const table = sql.table(DEFAULT_MIGRATION_TABLE);
  const latest = await sql`select name from ${table} where name = ${LATEST_MIGRATION}`.execute(db);
  return latest.rows.length === 1;
}
