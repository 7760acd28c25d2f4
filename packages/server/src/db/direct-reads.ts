import type { Kysely } from 'kysely';
import type { KeptReads } from './kept-reads.js';
import type { Statements } from './reused-statements.js';

/**
 * SQLite databases, opened from a file, whose reads outside a transaction may skip Kysely's
 * executor: a compiled query (compiled-queries.ts) then runs at once on the read connection,
 * the one Kysely's driver would have given it (grouped-sqlite.ts), so it sees the same
 * committed data. On `GET /v1/pairs/{id}` the asynchronous path around its one read took a
 * sixth of the server's time. Kept by the Kysely instance itself: a transaction, a
 * connection of its own or a copy with other plugins is another instance and goes through
 * Kysely as ever. What such a read gives is kept until the next commit (kept-reads.ts).
 */
export interface DirectReader {
  statements: Statements;
  kept: KeptReads;
}

const readers = new WeakMap<Kysely<unknown>, DirectReader>();

export function readDirectly<DB>(db: Kysely<DB>, reader: DirectReader): void {
  readers.set(db as Kysely<unknown>, reader);
}

/** Forgotten before the connection closes, so a read after it fails as Kysely's would. */
export function stopReadingDirectly<DB>(db: Kysely<DB>): void {
  readers.delete(db as Kysely<unknown>);
}

export function directReader<DB>(db: Kysely<DB>): DirectReader | undefined {
  return readers.get(db as Kysely<unknown>);
}
