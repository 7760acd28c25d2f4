import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { requireAdmin } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import type { Database } from '../../db/schema.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch } from '../../http/etag.js';
import { json } from '../../http/json-answer.js';
import { queueWebhook } from '../../webhooks/outbox.store.js';
import { makePairs } from '../pairs/pairing.js';
import { findVisibleProgram, toProgram } from '../programs/programs.store.js';
import {
  checkEnrolledSides,
  deleteConstraint,
  findConstraint,
  insertConstraint,
  listConstraints,
} from './match-constraints.store.js';
import { loadMatchGround } from './match-ground.store.js';
import { proposalsOf } from './match-input.js';
import {
  createConstraintRoute,
  deleteConstraintRoute,
  listConstraintsRoute,
  proposalsRoute,
  publishRoute,
} from './matching.routes.js';

const ADMINS_ONLY = 'Only a program admin runs matching';

/** A program an admin may run matching for: the 404 of any program they may not see, else 403 for a member. */
async function matchingProgram(db: Kysely<Database>, caller: Caller, programId: string) {
  const program = toProgram(await findVisibleProgram(db, caller, programId));
  requireAdmin(caller, ADMINS_ONLY);
  return program;
}

export function registerMatching(app: OpenAPIHono<AppEnv>) {
  app.openapi(listConstraintsRoute, async (c) => {
    const db = c.get('db');
    const program = await matchingProgram(db, c.get('caller'), c.req.valid('param').programId);
    return json(c, await listConstraints(db, program, c.req.valid('query')), 200);
  });

  app.openapi(createConstraintRoute, async (c) => {
    const db = c.get('db');
    const program = await matchingProgram(db, c.get('caller'), c.req.valid('param').programId);
    const body = c.req.valid('json');
    await checkEnrolledSides(db, program.id, body);
    const constraint = await insertConstraint(db, program, body);
    return json(c, constraint, 201);
  });

  app.openapi(deleteConstraintRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    requireAdmin(caller, ADMINS_ONLY);
    const row = await findConstraint(db, caller.orgId, c.req.valid('param').constraintId);
    checkIfMatch(c, row.version);
    await deleteConstraint(db, row);
    return c.body(null, 204);
  });

  app.openapi(proposalsRoute, async (c) => {
    const db = c.get('db');
    const program = await matchingProgram(db, c.get('caller'), c.req.valid('param').programId);
    return json(c, proposalsOf(await loadMatchGround(db, program)), 200);
  });

  app.openapi(publishRoute, async (c) => {
    const db = c.get('db');
    const program = await matchingProgram(db, c.get('caller'), c.req.valid('param').programId);
    const { pairs: requests } = c.req.valid('json');
    const pairs = await makePairs(db, program, requests, (index, side) => ['pairs', index, side]);
    for (const pair of pairs) c.get('events').push(domainEvent('pair.created', pair, pair));
    if (pairs.length > 0) {
      await queueWebhook(db, {
        orgId: program.orgId,
        type: 'match.published',
        data: { programId: program.id, pairIds: pairs.map((pair) => pair.id) },
      });
    }
    return json(c, { items: pairs }, 201);
  });
}
