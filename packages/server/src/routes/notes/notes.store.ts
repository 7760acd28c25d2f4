import {
  type List,
  newId,
  type PrivateNote,
  type PrivateNoteUpdate,
  type pageQuerySchema,
  privateNoteSchema,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import type { Caller } from '../../auth/caller.js';
import { NOTE_COLUMNS } from '../../db/columns.js';
import { nowIso } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound } from '../../http/problem.js';

export function toNote(row: Row<'privateNotes'>): PrivateNote {
  return privateNoteSchema.parse({
    id: row.id,
    orgId: row.orgId,
    sessionId: row.sessionId,
    authorId: row.authorId,
    text: row.text,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

export async function insertNote(
  db: Kysely<Database>,
  session: Row<'sessions'>,
  authorId: string,
  text: string,
): Promise<PrivateNote> {
  const now = nowIso();
  const row: Row<'privateNotes'> = {
    id: newId('privateNote'),
    orgId: session.orgId,
    sessionId: session.id,
    authorId,
    text,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await db.insertInto('privateNotes').values(row).execute();
  return toNote(row);
}

/**
 * A note the caller wrote. The author is part of the lookup, so the partner, an admin
 * and a service token get the same 404 as for an id that does not exist.
 */
export async function findOwnNote(db: Kysely<Database>, caller: Caller, noteId: string) {
  if (caller.personId === null) throw notFound('note');
  const row = await db
    .selectFrom('privateNotes')
    .select(NOTE_COLUMNS)
    .where('id', '=', noteId)
    .where('orgId', '=', caller.orgId)
    .where('authorId', '=', caller.personId)
    .executeTakeFirst();
  if (!row) throw notFound('note');
  return row;
}

/** One page of what one author wrote on a session, oldest first: nobody lists anyone else's notes. */
export function listNotes(
  db: Kysely<Database>,
  session: Pick<Row<'sessions'>, 'id' | 'orgId'>,
  authorId: string,
  page: z.output<typeof pageQuerySchema>,
): Promise<List<PrivateNote>> {
  const read = (after: CursorPosition | null, rows: number) => {
    let query = db
      .selectFrom('privateNotes')
      .select(NOTE_COLUMNS)
      .where('sessionId', '=', session.id)
      .where('orgId', '=', session.orgId)
      .where('authorId', '=', authorId)
      .orderBy('id')
      .limit(rows);
    if (after) query = query.where('id', '>', after.id);
    return query.execute();
  };
  return readPage(page, read, toNote);
}

/** Rewrites a note as read (see updateVersioned). */
export function updateNote(db: Kysely<Database>, row: Row<'privateNotes'>, changes: PrivateNoteUpdate) {
  return updateVersioned(db, 'privateNotes', {
    entity: 'note',
    schema: privateNoteSchema,
    current: toNote(row),
    patch: changes,
    columns: (note) => ({ text: note.text }),
  });
}

/** Every note a person wrote, on any session: their export's `privateNotes`. */
export async function notesByAuthor(db: Kysely<Database>, orgId: string, authorId: string) {
  const rows = await db
    .selectFrom('privateNotes')
    .select(NOTE_COLUMNS)
    .where('orgId', '=', orgId)
    .where('authorId', '=', authorId)
    .orderBy('id')
    .execute();
  return rows.map(toNote);
}

/** Deletes every note a person wrote (erasure): a note is its author's alone, and goes with them. */
export async function deleteNotesByAuthor(db: Kysely<Database>, orgId: string, authorId: string) {
  const result = await db
    .deleteFrom('privateNotes')
    .where('orgId', '=', orgId)
    .where('authorId', '=', authorId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
