import type { OpenAPIHono } from '@hono/zod-openapi';
import type { PairRole } from '@rm-kit/core';
import { findOwnPair, readOfOwnPair } from '../../auth/access.js';
import { softDelete } from '../../db/soft-delete.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import {
  createGoalRoute,
  deleteGoalRoute,
  getGoalRoute,
  listGoalsRoute,
  updateGoalRoute,
} from './goals.routes.js';
import {
  checkAssessedByOwner,
  checkTopicOffered,
  findOwnGoal,
  insertGoal,
  listGoals,
  toGoal,
  updateGoal,
} from './goals.store.js';

export function registerGoals(app: OpenAPIHono<AppEnv>) {
  app.openapi(createGoalRoute, async (c) => {
    const db = c.get('db');
    const { pair, role } = await findOwnPair(db, c.get('caller'), c.req.valid('param').pairId);
    const body = c.req.valid('json');
    checkAssessedByOwner(role, body.owner, body);
    await checkTopicOffered(db, pair, body.topic);
    const goal = await insertGoal(db, pair, body);
    c.get('events').push(domainEvent('goal.created', pair, goal));
    return json(c, goal, 201, { ETag: etagOf(goal.version), Location: `/v1/goals/${goal.id}` });
  });

  app.openapi(listGoalsRoute, async (c) => {
    const db = c.get('db');
    const { pairId } = c.req.valid('param');
    const page = await readOfOwnPair(db, c.get('caller'), pairId, () =>
      listGoals(db, pairId, c.req.valid('query')),
    );
    return json(c, page, 200);
  });

  app.openapi(getGoalRoute, async (c) => {
    const { row } = await findOwnGoal(c.get('db'), c.get('caller'), c.req.valid('param').goalId);
    return json(c, toGoal(row), 200, { ETag: etagOf(row.version) });
  });

  app.openapi(updateGoalRoute, async (c) => {
    const db = c.get('db');
    const { row, pair, role } = await findOwnGoal(db, c.get('caller'), c.req.valid('param').goalId);
    checkIfMatch(c, row.version);
    const changes = c.req.valid('json');
    checkAssessedByOwner(role, changes.owner ?? (row.owner as PairRole), changes, row);
    if (changes.topic !== undefined) await checkTopicOffered(db, pair, changes.topic);
    const goal = await updateGoal(db, row, changes);
    c.get('events').push(domainEvent('goal.updated', pair, goal));
    return json(c, goal, 200, { ETag: etagOf(goal.version) });
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
