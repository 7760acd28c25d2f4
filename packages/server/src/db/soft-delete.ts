import type { Kysely } from 'kysely';
import { assertWritten } from '../http/etag.js';
import { nowIso } from './json.js';
import type { Database } from './schema.js';

type SoftDeletable = 'pairs' | 'programs' | 'enrollments' | 'goals' | 'sessions';

/**
 * Removes a row from every list and read while keeping it for history, only if nobody
 * changed it since it was read (412 otherwise).
 */
export async function softDelete(
  db: Kysely<Database>,
  table: SoftDeletable,
  row: { id: string; version: number },
): Promise<void> {
  const result = await db
    .updateTable(table)
    .set({ deletedAt: nowIso(), version: row.version + 1 })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  assertWritten(result, row.version);
}
