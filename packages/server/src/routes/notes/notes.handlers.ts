import type { OpenAPIHono } from '@hono/zod-openapi';
import { memberId } from '../../auth/access.js';
import { erase } from '../../db/soft-delete.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { findOwnSession } from '../sessions/sessions.store.js';
import {
  createNoteRoute,
  deleteNoteRoute,
  getNoteRoute,
  listNotesRoute,
  updateNoteRoute,
} from './notes.routes.js';
import { findOwnNote, insertNote, listNotes, toNote, updateNote } from './notes.store.js';

/**
 * Private notes publish no events: even a content-free "note created" would tell the
 * partner's open stream that the other side wrote something about their session.
 */
export function registerNotes(app: OpenAPIHono<AppEnv>) {
  app.openapi(createNoteRoute, async (c) => {
    const db = c.get('db');
    const { row, pair, role } = await findOwnSession(db, c.get('caller'), c.req.valid('param').sessionId);
    const note = await insertNote(db, row, memberId(pair, role), c.req.valid('json').text);
    return json(c, note, 201, { ETag: etagOf(note.version), Location: `/v1/notes/${note.id}` });
  });

  app.openapi(listNotesRoute, async (c) => {
    const db = c.get('db');
    const { row, pair, role } = await findOwnSession(db, c.get('caller'), c.req.valid('param').sessionId);
    return json(c, await listNotes(db, row, memberId(pair, role), c.req.valid('query')), 200);
  });

  app.openapi(getNoteRoute, async (c) => {
    const row = await findOwnNote(c.get('db'), c.get('caller'), c.req.valid('param').noteId);
    return json(c, toNote(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateNoteRoute, async (c) => {
    const db = c.get('db');
    const row = await findOwnNote(db, c.get('caller'), c.req.valid('param').noteId);
    checkIfMatch(c, row.version);
    const note = await updateNote(db, row, c.req.valid('json'));
    return json(c, note, 200, { ETag: etagOf(note.version) });
  });

  app.openapi(deleteNoteRoute, async (c) => {
    const db = c.get('db');
    const row = await findOwnNote(db, c.get('caller'), c.req.valid('param').noteId);
    checkIfMatch(c, row.version);
    await erase(db, 'privateNotes', row);
    return c.body(null, 204);
  });
}
