import type { Kysely } from 'kysely';
import type { Statements } from './reused-statements.js';

/**
 * SQLite's writing connection, for the statements of a write's transaction: a compiled query
 * (compiled-queries.ts) run in it goes at once to that connection, as Kysely's driver would
 * send it inside the transaction (grouped-sqlite.ts), without Kysely's executor around it. A
 * keyed session write runs seven, and the executor's promises and plugins around each took
 * about a sixteenth of the write's CPU. Only while the transaction's work runs: the connection
 * is the transaction's for that long, and a query sent after it goes through Kysely, which
 * refuses it.
 */
const writers = new WeakMap<Kysely<unknown>, Statements>();
const inTransaction = new WeakMap<Kysely<unknown>, Statements>();

export function writeDirectly<DB>(db: Kysely<DB>, statements: Statements): void {
  writers.set(db as Kysely<unknown>, statements);
}

/** Forgotten before the connection closes, so a write after it fails as Kysely's would. */
export function stopWritingDirectly<DB>(db: Kysely<DB>): void {
  writers.delete(db as Kysely<unknown>);
}

/** Runs `work` in `trx`, a transaction of `db`, its compiled queries sent directly if `db` is SQLite's. */
export async function withDirectWrites<DB, T>(
  db: Kysely<DB>,
  trx: Kysely<DB>,
  work: () => Promise<T>,
): Promise<T> {
  const statements = writers.get(db as Kysely<unknown>);
  if (!statements) return work();
  inTransaction.set(trx as Kysely<unknown>, statements);
  try {
    return await work();
  } finally {
    inTransaction.delete(trx as Kysely<unknown>);
  }
}

export function directWriter<DB>(trx: Kysely<DB>): Statements | undefined {
  return inTransaction.get(trx as Kysely<unknown>);
}
