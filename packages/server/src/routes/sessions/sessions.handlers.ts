import type { OpenAPIHono } from '@hono/zod-openapi';
import type { List, Session } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { findOwnPair, readOfOwnPair } from '../../auth/access.js';
import type { Database, Row } from '../../db/schema.js';
import { softDelete } from '../../db/soft-delete.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json, jsonText } from '../../http/json-answer.js';
import { queueWebhook } from '../../webhooks/outbox.store.js';
import { checkSessionStatus } from '../pairs/pair-life-cycle.js';
import {
  createSessionRoute,
  deleteSessionRoute,
  getSessionRoute,
  listSessionsRoute,
  updateSessionRoute,
} from './sessions.routes.js';
import { findOwnSession, insertSession, sessionsPage, toSession, updateSession } from './sessions.store.js';

/** Tells subscribers a session took place: which, of which pair, when; never what was said. */
function queueSessionHeld(db: Kysely<Database>, pair: Row<'pairs'>, session: Session) {
  return queueWebhook(db, {
    orgId: pair.orgId,
    type: 'session.held',
    data: {
      sessionId: session.id,
      pairId: pair.id,
      programId: pair.programId,
      occurredAt: session.occurredAt,
    },
  });
}

export function registerSessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(createSessionRoute, async (c) => {
    const db = c.get('db');
    const { pair } = await findOwnPair(db, c.get('caller'), c.req.valid('param').pairId);
    const body = c.req.valid('json');
    checkSessionStatus(pair, body.status);
    const session = await insertSession(db, pair, body);
    if (session.status === 'held') await queueSessionHeld(db, pair, session);
    c.get('events').push(domainEvent('session.created', pair, session));
    return json(c, session, 201, { ETag: etagOf(session.version), Location: `/v1/sessions/${session.id}` });
  });

  app.openapi(listSessionsRoute, async (c) => {
    const db = c.get('db');
    const { pairId } = c.req.valid('param');
    const page = await readOfOwnPair(db, c.get('caller'), pairId, () =>
      sessionsPage(db, pairId, c.req.valid('query')),
    );
    return jsonText<List<Session>, 200>(c, page, 200);
  });

  app.openapi(getSessionRoute, async (c) => {
    const { row } = await findOwnSession(c.get('db'), c.get('caller'), c.req.valid('param').sessionId);
    return json(c, toSession(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateSessionRoute, async (c) => {
    const db = c.get('db');
    const { row, pair } = await findOwnSession(db, c.get('caller'), c.req.valid('param').sessionId);
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    if (changes.status) checkSessionStatus(pair, changes.status);
    const session = await updateSession(db, row, changes);
    if (session.status === 'held' && row.status !== 'held') await queueSessionHeld(db, pair, session);
    c.get('events').push(domainEvent('session.updated', pair, session));
    return json(c, session, 200, { ETag: etagOf(session.version) });
  });

  app.openapi(deleteSessionRoute, async (c) => {
    const db = c.get('db');
    const { row, pair } = await findOwnSession(db, c.get('caller'), c.req.valid('param').sessionId);
    checkIfMatch(c, row.version);
    await softDelete(db, 'sessions', row);
    c.get('events').push(domainEvent('session.deleted', pair, { id: row.id, version: row.version + 1 }));
    return c.body(null, 204);
  });
}
