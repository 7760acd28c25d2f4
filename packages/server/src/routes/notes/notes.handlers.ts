import type { OpenAPIHono } from '@hono/zod-openapi';
import { issuesFrom, type PrivateNote, privateNoteSchema } from '@rm-kit/core';
import { memberId } from '../../auth/access.js';
import { nowIso } from '../../db/json.js';
import type { AppEnv } from '../../http/env.js';
import { assertWritten, checkIfMatch, etagOf, stale } from '../../http/etag.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { Problem } from '../../http/problem.js';
import { findOwnSession } from '../sessions/sessions.store.js';
import {
  createNoteRoute,
  deleteNoteRoute,
  getNoteRoute,
  listNotesRoute,
  updateNoteRoute,
} from './notes.routes.js';
import { findOwnNote, insertNote, toNote } from './notes.store.js';

/**
 * Private notes publish no events: even a content-free "note created" would tell the
 * partner's open stream that the other side wrote something about their session.
 */
export function registerNotes(app: OpenAPIHono<AppEnv>) {
  app.openapi(createNoteRoute, async (c) => {
    const db = c.get('db');
    const { row, pair, role } = await findOwnSession(db, c.get('caller'), c.req.valid('param').sessionId);
    const note = await insertNote(db, row, memberId(pair, role), c.req.valid('json').text);
    return c.json(note, 201, { ETag: etagOf(note.version), Location: `/v1/notes/${note.id}` });
  });

  app.openapi(listNotesRoute, async (c) => {
    const db = c.get('db');
    const caller = c.get('caller');
    const { sessionId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const { pair, role } = await findOwnSession(db, caller, sessionId);
    const authorId = memberId(pair, role);
    const after = decodeCursor(cursor);
    let query = db
      .selectFrom('privateNotes')
      .selectAll()
      .where('sessionId', '=', sessionId)
      .where('orgId', '=', caller.orgId)
      .where('authorId', '=', authorId)
      .orderBy('id')
      .limit(limit + 1);
    if (after) query = query.where('id', '>', after.id);
    const rows = await query.execute();
    return c.json(
      toPage(rows, limit, toNote, (r) => ({ sort: r.id, id: r.id })),
      200,
    );
  });

  app.openapi(getNoteRoute, async (c) => {
    const row = await findOwnNote(c.get('db'), c.get('caller'), c.req.valid('param').noteId);
    return c.json(toNote(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateNoteRoute, async (c) => {
    const db = c.get('db');
    const row = await findOwnNote(db, c.get('caller'), c.req.valid('param').noteId);
    checkIfMatch(c, row.version);
    const now = nowIso();
    const merged = privateNoteSchema.safeParse({
      ...toNote(row),
      ...c.req.valid('json'),
      updatedAt: now,
      version: row.version + 1,
    });
    if (!merged.success) {
      throw new Problem('validation_failed', 'The change would leave the note invalid', {
        issues: issuesFrom(merged.error),
      });
    }
    const next: PrivateNote = merged.data;
    const result = await db
      .updateTable('privateNotes')
      .set({ text: next.text, updatedAt: now, version: next.version })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    assertWritten(result, row.version);
    return c.json(next, 200, { ETag: etagOf(next.version) });
  });

  app.openapi(deleteNoteRoute, async (c) => {
    const db = c.get('db');
    const row = await findOwnNote(db, c.get('caller'), c.req.valid('param').noteId);
    checkIfMatch(c, row.version);
    const result = await db
      .deleteFrom('privateNotes')
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw stale(row.version + 1);
    return c.body(null, 204);
  });
}
