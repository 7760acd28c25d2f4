import type { Kysely } from 'kysely';
import { assertWritten, stale } from '../http/etag.js';
import { nowIso } from './json.js';
import type { Database } from './schema.js';

type SoftDeletable = 'people' | 'pairs' | 'programs' | 'enrollments' | 'goals' | 'goalTemplates' | 'sessions';

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

/**
 * Erases a row for good (a private note, a withdrawn answer: what must not outlive its
 * author's wish), only if nobody changed it since it was read (412 otherwise).
 */
export async function erase(
  db: Kysely<Database>,
  table: 'privateNotes' | 'feedback',
  row: { id: string; version: number },
): Promise<void> {
  const result = await db
    .deleteFrom(table)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw stale(row.version + 1);
}
