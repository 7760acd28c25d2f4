import type { OpenAPIHono } from '@hono/zod-openapi';
import { type Goal, goalSchema, issuesFrom } from '@rm-kit/core';
import { findOwnPair } from '../../auth/access.js';
import { nowIso } from '../../db/json.js';
import { softDelete } from '../../db/soft-delete.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { assertWritten, checkIfMatch, etagOf } from '../../http/etag.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { Problem } from '../../http/problem.js';
import {
  createGoalRoute,
  deleteGoalRoute,
  getGoalRoute,
  listGoalsRoute,
  updateGoalRoute,
} from './goals.routes.js';
import { checkTopicOffered, findOwnGoal, insertGoal, progressFor, toGoal } from './goals.store.js';

export function registerGoals(app: OpenAPIHono<AppEnv>) {
  app.openapi(createGoalRoute, async (c) => {
    const db = c.get('db');
    const { pair } = await findOwnPair(db, c.get('caller'), c.req.valid('param').pairId);
    const body = c.req.valid('json');
    await checkTopicOffered(db, pair, body.topic);
    const goal = await insertGoal(db, pair, body);
    c.get('events').push(domainEvent('goal.created', pair, goal));
    return c.json(goal, 201, { ETag: etagOf(goal.version), Location: `/v1/goals/${goal.id}` });
  });

  app.openapi(listGoalsRoute, async (c) => {
    const db = c.get('db');
    const { pairId } = c.req.valid('param');
    const { limit, cursor, status } = c.req.valid('query');
    await findOwnPair(db, c.get('caller'), pairId);
    const after = decodeCursor(cursor);
    // Ids sort by creation time, so ordering by id lists goals in the order they were set.
    let query = db
      .selectFrom('goals')
      .selectAll()
      .where('pairId', '=', pairId)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .limit(limit + 1);
    if (status) query = query.where('status', '=', status);
    if (after) query = query.where('id', '>', after.id);
    const rows = await query.execute();
    return c.json(
      toPage(rows, limit, toGoal, (r) => ({ sort: r.id, id: r.id })),
      200,
    );
  });

  app.openapi(getGoalRoute, async (c) => {
    const { row } = await findOwnGoal(c.get('db'), c.get('caller'), c.req.valid('param').goalId);
    return c.json(toGoal(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateGoalRoute, async (c) => {
    const db = c.get('db');
    const { row, pair } = await findOwnGoal(db, c.get('caller'), c.req.valid('param').goalId);
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    if (changes.topic !== undefined) await checkTopicOffered(db, pair, changes.topic);
    const current = toGoal(row);
    const status = changes.status ?? current.status;
    const now = nowIso();
    const merged = goalSchema.safeParse({
      ...current,
      ...changes,
      progress: progressFor(status, changes.progress ?? current.progress),
      updatedAt: now,
      version: row.version + 1,
    });
    if (!merged.success) {
      throw new Problem('validation_failed', 'The change would leave the goal invalid', {
        issues: issuesFrom(merged.error),
      });
    }
    const next: Goal = merged.data;
    const result = await db
      .updateTable('goals')
      .set({
        owner: next.owner,
        title: next.title,
        topic: next.topic,
        targetDate: next.targetDate,
        status: next.status,
        progress: next.progress,
        updatedAt: now,
        version: next.version,
      })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    assertWritten(result, row.version);
    c.get('events').push(domainEvent('goal.updated', pair, next));
    return c.json(next, 200, { ETag: etagOf(next.version) });
  });

  app.openapi(deleteGoalRoute, async (c) => {
    const db = c.get('db');
    const { row, pair } = await findOwnGoal(db, c.get('caller'), c.req.valid('param').goalId);
    checkIfMatch(c, row.version);
    await softDelete(db, 'goals', row);
    c.get('events').push(domainEvent('goal.deleted', pair, { id: row.id, version: row.version + 1 }));
    return c.body(null, 204);
  });
}
