import type { OpenAPIHono } from '@hono/zod-openapi';
import { findOwnPair, memberId, partnerId } from '../../auth/access.js';
import { todayIso } from '../../db/json.js';
import { erase } from '../../db/soft-delete.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { forbidden, Problem } from '../../http/problem.js';
import { queueWebhook } from '../../webhooks/outbox.store.js';
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
  listReadableFeedback,
  mayRead,
  targetOf,
  toFeedback,
  updateFeedback,
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
    const { program, sessionHeld } = await feedbackGround(db, pair);
    checkFeedbackOpen(body.kind, pair, program, { today: todayIso(), sessionHeld });
    if (body.sessionId !== null) await checkSessionOfPair(db, pair, body.sessionId);
    const feedback = await insertFeedback(db, pair, role, body);
    if (!feedback) {
      throw new Problem('conflict', 'You have already answered this: change your answer instead', {
        issues: [{ path: body.kind === 'session' ? ['sessionId'] : ['kind'], message: 'Already answered' }],
      });
    }
    // No content: that an answer came, of which kind, from which side.
    await queueWebhook(db, {
      orgId: pair.orgId,
      type: 'feedback.submitted',
      data: { pairId: pair.id, kind: feedback.kind, side: role },
    });
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
    return json(c, feedback, 201, {
      ETag: etagOf(feedback.version),
      Location: `/v1/feedback/${feedback.id}`,
    });
  });

  app.openapi(listFeedbackRoute, async (c) => {
    const db = c.get('db');
    const { pair, role } = await findOwnPair(db, c.get('caller'), c.req.valid('param').pairId);
    return json(c, await listReadableFeedback(db, pair, memberId(pair, role), c.req.valid('query')), 200);
  });

  app.openapi(getFeedbackRoute, async (c) => {
    const { row } = await findReadableFeedback(c.get('db'), c.get('caller'), c.req.valid('param').feedbackId);
    return json(c, toFeedback(row), 200, { ETag: etagOf(row.version) });
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
    const answer = await updateFeedback(db, row, c.req.valid('json'));
    const partnerMayRead = partnerCouldRead || (await mayRead(db, pair, row.id, partner));
    c.get('events').push(
      domainEvent('feedback.updated', pair, answer, audience(row.authorId, partner, partnerMayRead)),
    );
    return json(c, answer, 200, { ETag: etagOf(answer.version) });
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
    await erase(db, 'feedback', row);
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
