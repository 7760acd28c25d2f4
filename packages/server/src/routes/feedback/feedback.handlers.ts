import type { OpenAPIHono } from '@hono/zod-openapi';
import { type Feedback, feedbackSchema, issuesFrom } from '@rm-kit/core';
import { findOwnPair, memberId, partnerId } from '../../auth/access.js';
import { nowIso, todayIso, toFlag } from '../../db/json.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { assertWritten, checkIfMatch, etagOf, stale } from '../../http/etag.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { forbidden, Problem } from '../../http/problem.js';
import { checkFeedbackOpen } from '../pairs/pair-life-cycle.js';
import { feedbackGround } from '../pairs/pairs.store.js';
import {
  createFeedbackRoute,
  deleteFeedbackRoute,
  getFeedbackRoute,
  listFeedbackRoute,
  updateFeedbackRoute,
} from './feedback.routes.js';
import {
  answerOf,
  checkSessionOfPair,
  findReadableFeedback,
  insertFeedback,
  mayRead,
  readableBy,
  targetOf,
  toFeedback,
} from './feedback.store.js';

/** Only the author changes or withdraws an answer; a partner who may read it is told so. */
function requireAuthor(found: { isAuthor: boolean }, action: string) {
  if (!found.isAuthor) throw forbidden(`Only the author of this answer can ${action} it`);
}

/**
 * Who may learn of a change to an answer: its author always; the partner only when they may
 * read it (see readableBy) before or after the change, so an answer the partner may not
 * read is not even known to exist.
 */
function audience(author: string, partner: string, partnerMayRead: boolean) {
  return { onlyFor: partnerMayRead ? [author, partner] : [author] };
}

export function registerFeedback(app: OpenAPIHono<AppEnv>) {
  app.openapi(createFeedbackRoute, async (c) => {
    const db = c.get('db');
    const { pair, role } = await findOwnPair(db, c.get('caller'), c.req.valid('param').pairId);
    const body = c.req.valid('json');
    const { program, heldSessions } = await feedbackGround(db, pair);
    checkFeedbackOpen(body.kind, pair, program, { today: todayIso(), heldSessions });
    if (body.sessionId !== null) await checkSessionOfPair(db, pair, body.sessionId);
    const feedback = await insertFeedback(db, pair, role, body);
    if (!feedback) {
      throw new Problem('conflict', 'You have already answered this: change your answer instead', {
        issues: [{ path: body.kind === 'session' ? ['sessionId'] : ['kind'], message: 'Already answered' }],
      });
    }
    const me = memberId(pair, role);
    const partner = partnerId(pair, role);
    const events = c.get('events');
    events.push(
      domainEvent(
        'feedback.created',
        pair,
        feedback,
        audience(me, partner, await mayRead(db, pair, feedback.id, partner)),
      ),
    );
    // Answering can make the partner's answer about the same readable: say so to the caller.
    const theirs = await answerOf(db, pair, partner, targetOf(feedback));
    if (theirs && (await mayRead(db, pair, theirs.id, me))) {
      events.push(domainEvent('feedback.updated', pair, theirs, { onlyFor: [me] }));
    }
    return c.json(feedback, 201, { ETag: etagOf(feedback.version), Location: `/v1/feedback/${feedback.id}` });
  });

  app.openapi(listFeedbackRoute, async (c) => {
    const db = c.get('db');
    const { pairId } = c.req.valid('param');
    const { limit, cursor, kind, sessionId } = c.req.valid('query');
    const { pair, role } = await findOwnPair(db, c.get('caller'), pairId);
    const after = decodeCursor(cursor);
    let query = db
      .selectFrom('feedback')
      .selectAll()
      .where('pairId', '=', pair.id)
      .where(readableBy(pair.id, memberId(pair, role)))
      .orderBy('id')
      .limit(limit + 1);
    if (kind) query = query.where('kind', '=', kind);
    if (sessionId) query = query.where('sessionId', '=', sessionId);
    if (after) query = query.where('id', '>', after.id);
    const rows = await query.execute();
    return c.json(
      toPage(rows, limit, toFeedback, (r) => ({ sort: r.id, id: r.id })),
      200,
    );
  });

  app.openapi(getFeedbackRoute, async (c) => {
    const { row } = await findReadableFeedback(c.get('db'), c.get('caller'), c.req.valid('param').feedbackId);
    return c.json(toFeedback(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateFeedbackRoute, async (c) => {
    const db = c.get('db');
    const found = await findReadableFeedback(db, c.get('caller'), c.req.valid('param').feedbackId);
    requireAuthor(found, 'change');
    const { row, pair } = found;
    checkIfMatch(c, row.version);
    // Asked before the change as well as after: a partner who could read it hears that it changed.
    const partner = partnerId(pair, found.role);
    const partnerCouldRead = await mayRead(db, pair, row.id, partner);
    const now = nowIso();
    const merged = feedbackSchema.safeParse({
      ...toFeedback(row),
      ...c.req.valid('json'),
      updatedAt: now,
      version: row.version + 1,
    });
    if (!merged.success) {
      throw new Problem('validation_failed', 'The change would leave the answer invalid', {
        issues: issuesFrom(merged.error),
      });
    }
    const next: Feedback = merged.data;
    const result = await db
      .updateTable('feedback')
      .set({
        ...next.ratings,
        recommend: next.recommend,
        learned: next.learned,
        improve: next.improve,
        shareWithPartner: toFlag(next.shareWithPartner),
        updatedAt: now,
        version: next.version,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    assertWritten(result, row.version);
    const partnerMayRead = partnerCouldRead || (await mayRead(db, pair, row.id, partner));
    c.get('events').push(
      domainEvent('feedback.updated', pair, next, audience(row.authorId, partner, partnerMayRead)),
    );
    return c.json(next, 200, { ETag: etagOf(next.version) });
  });

  app.openapi(deleteFeedbackRoute, async (c) => {
    const db = c.get('db');
    const found = await findReadableFeedback(db, c.get('caller'), c.req.valid('param').feedbackId);
    requireAuthor(found, 'withdraw');
    const { row, pair } = found;
    checkIfMatch(c, row.version);
    // Asked before the answer goes, since a withdrawn answer is readable by nobody.
    const partner = partnerId(pair, found.role);
    const partnerMayRead = await mayRead(db, pair, row.id, partner);
    const result = await db
      .deleteFrom('feedback')
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw stale(row.version + 1);
    c.get('events').push(
      domainEvent(
        'feedback.deleted',
        pair,
        { id: row.id, version: row.version + 1 },
        audience(row.authorId, partner, partnerMayRead),
      ),
    );
    return c.body(null, 204);
  });
}
