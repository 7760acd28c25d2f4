import type { OpenAPIHono } from '@hono/zod-openapi';
import { issuesFrom, type Session, sessionSchema } from '@rm-kit/core';
import { findOwnPair } from '../../auth/access.js';
import { normalizeInstant, nowIso, toJson } from '../../db/json.js';
import { softDelete } from '../../db/soft-delete.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { assertWritten, checkIfMatch, etagOf } from '../../http/etag.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { Problem } from '../../http/problem.js';
import { checkSessionStatus } from '../pairs/pair-life-cycle.js';
import {
  createSessionRoute,
  deleteSessionRoute,
  getSessionRoute,
  listSessionsRoute,
  updateSessionRoute,
} from './sessions.routes.js';
import {
  findOwnSession,
  insertSession,
  numberActionItems,
  reasonFor,
  sortKey,
  toSession,
} from './sessions.store.js';

export function registerSessions(app: OpenAPIHono<AppEnv>) {
  app.openapi(createSessionRoute, async (c) => {
    const db = c.get('db');
    const { pair } = await findOwnPair(db, c.get('caller'), c.req.valid('param').pairId);
    const body = c.req.valid('json');
    checkSessionStatus(pair, body.status);
    const session = await insertSession(db, pair, body);
    c.get('events').push(domainEvent('session.created', pair, session));
    return c.json(session, 201, { ETag: etagOf(session.version), Location: `/v1/sessions/${session.id}` });
  });

  app.openapi(listSessionsRoute, async (c) => {
    const db = c.get('db');
    const { pairId } = c.req.valid('param');
    const { limit, cursor, status, from, to } = c.req.valid('query');
    await findOwnPair(db, c.get('caller'), pairId);
    const after = decodeCursor(cursor);
    let query = db
      .selectFrom('sessions')
      .selectAll()
      .where('pairId', '=', pairId)
      .where('deletedAt', 'is', null)
      .orderBy('sortAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1);
    if (status) query = query.where('status', '=', status);
    if (from) query = query.where('sortAt', '>=', normalizeInstant(from));
    if (to) query = query.where('sortAt', '<', normalizeInstant(to));
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('sortAt', '<', after.sort),
          eb.and([eb('sortAt', '=', after.sort), eb('id', '<', after.id)]),
        ]),
      );
    }
    const rows = await query.execute();
    return c.json(
      toPage(rows, limit, toSession, (r) => ({ sort: r.sortAt, id: r.id })),
      200,
    );
  });

  app.openapi(getSessionRoute, async (c) => {
    const { row } = await findOwnSession(c.get('db'), c.get('caller'), c.req.valid('param').sessionId);
    return c.json(toSession(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateSessionRoute, async (c) => {
    const db = c.get('db');
    const { row, pair } = await findOwnSession(db, c.get('caller'), c.req.valid('param').sessionId);
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    if (changes.status) checkSessionStatus(pair, changes.status);
    const current = toSession(row);
    const now = nowIso();
    const merged = sessionSchema.safeParse({
      ...current,
      ...changes,
      scheduledAt:
        changes.scheduledAt === undefined ? current.scheduledAt : normalizeInstant(changes.scheduledAt),
      occurredAt:
        changes.occurredAt === undefined ? current.occurredAt : normalizeInstant(changes.occurredAt),
      actionItems: changes.actionItems ? numberActionItems(changes.actionItems) : current.actionItems,
      cancellationReason: reasonFor({ ...current, ...changes }),
      updatedAt: now,
      version: row.version + 1,
    });
    if (!merged.success) {
      throw new Problem('validation_failed', 'The change would leave the session invalid', {
        issues: issuesFrom(merged.error),
      });
    }
    const next: Session = merged.data;
    const result = await db
      .updateTable('sessions')
      .set({
        status: next.status,
        scheduledAt: next.scheduledAt,
        occurredAt: next.occurredAt,
        sortAt: sortKey(next, row.createdAt),
        durationMinutes: next.durationMinutes,
        format: next.format,
        topics: toJson(next.topics),
        summary: next.summary,
        cancellationReason: next.cancellationReason,
        actionItems: toJson(next.actionItems),
        updatedAt: now,
        version: next.version,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    assertWritten(result, row.version);
    c.get('events').push(domainEvent('session.updated', pair, next));
    return c.json(next, 200, { ETag: etagOf(next.version) });
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
