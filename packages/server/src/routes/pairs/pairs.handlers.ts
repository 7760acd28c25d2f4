import type { OpenAPIHono } from '@hono/zod-openapi';
import { isEndedPair, type Pair, type PairStatus, pairAsSeenBy, pairProgress } from '@rm-kit/core';
import { actorIn, findOwnPair, findPair, requireAdmin } from '../../auth/access.js';
import { nowIso, todayIso } from '../../db/json.js';
import { softDelete } from '../../db/soft-delete.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { checkIfMatch, etagOf } from '../../http/etag.js';
import { json, jsonText } from '../../http/json-answer.js';
import { forbidden, Problem } from '../../http/problem.js';
import { checkOfferedTopics, findVisibleProgram, toProgram } from '../programs/programs.store.js';
import {
  activatedIfReady,
  checkNotEnded,
  checkTransition,
  declinedBy,
  resumedOnAfter,
} from './pair-life-cycle.js';
import { trustRatingsFor } from './pair-trust.store.js';
import { makePairs } from './pairing.js';
import {
  acceptCharterRoute,
  consentRoute,
  createPairRoute,
  declineRoute,
  deletePairRoute,
  getPairRoute,
  listPairsRoute,
  pairProgressRoute,
  updatePairRoute,
} from './pairs.routes.js';
import { listPairs, pairAnswer, pairOf, progressGround, updatePair } from './pairs.store.js';

/** Resuming sets the start, ending sets the end, each unless known already. */
function datesFor(status: PairStatus, pair: { startedOn: string | null; endedOn: string | null }) {
  const today = todayIso();
  return {
    startedOn: status === 'active' && pair.startedOn === null ? today : pair.startedOn,
    endedOn: isEndedPair(status) && pair.endedOn === null ? today : pair.endedOn,
  };
}

export function registerPairs(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPairsRoute, async (c) => {
    return json(c, await listPairs(c.get('db'), c.get('caller'), c.req.valid('query')), 200);
  });

  app.openapi(createPairRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const programRow = await findVisibleProgram(db, caller, c.req.valid('param').programId);
    requireAdmin(caller, 'Only a program admin can pair people');
    const body = c.req.valid('json');
    if (body.status === 'active' && !body.override) {
      throw new Problem(
        'unprocessable',
        'A new pair is proposed until the mentee consents and both accept the charter',
        {
          issues: [{ path: ['status'], message: 'Only an override records a pair as active already' }],
        },
      );
    }
    checkOfferedTopics(programRow, body.topics);
    const [pair] = await makePairs(db, toProgram(programRow), [body], (_index, side) => [side]);
    if (!pair) throw new Error('makePairs made no pair of one request');
    c.get('events').push(domainEvent('pair.created', pair, pair));
    return json(c, pair, 201, { ETag: etagOf(pair.version), Location: `/v1/pairs/${pair.id}` });
  });

  app.openapi(getPairRoute, async (c) => {
    const caller = c.get('caller');
    const { pair } = await findPair(c.get('db'), caller, c.req.valid('param').pairId, { admins: true });
    return jsonText<Pair, 200>(c, pairAnswer(pair, actorIn(pair, caller)), 200, {
      ETag: etagOf(pair.version),
    });
  });

  app.openapi(updatePairRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { pair: row } = await findPair(db, caller, c.req.valid('param').pairId, { admins: true });
    const actor = actorIn(row, caller);
    const changes = c.req.valid('json');
    const { status: _status, ...adminOnly } = changes;
    if (actor !== 'admin' && Object.keys(adminOnly).length > 0) {
      throw forbidden('A member pauses or resumes the pair; its topics and dates are for an admin');
    }
    checkIfMatch(c, row.version);
    const current = pairOf(row);
    const status = changes.status ?? current.status;
    checkTransition(current.status, status, actor);
    if (changes.topics) {
      const program = await findVisibleProgram(db, caller, row.programId);
      checkOfferedTopics(program, changes.topics);
    }
    const dates = datesFor(status, {
      startedOn: changes.startedOn === undefined ? current.startedOn : changes.startedOn,
      endedOn: changes.endedOn === undefined ? current.endedOn : changes.endedOn,
    });
    if (dates.startedOn && dates.endedOn && dates.endedOn < dates.startedOn) {
      throw new Problem('validation_failed', 'A pair cannot end before it starts', {
        issues: [{ path: ['endedOn'], message: 'Must be on or after startedOn' }],
      });
    }
    const ends = isEndedPair(status) && !isEndedPair(current.status);
    const next = await updatePair(db, current, {
      status,
      topics: changes.topics ?? current.topics,
      ...dates,
      resumedOn: resumedOnAfter(current.status, status, current, todayIso()),
      endedBy: ends ? actor : current.endedBy,
    });
    c.get('events').push(domainEvent('pair.updated', next, next));
    return json(c, pairAsSeenBy(next, actor), 200, { ETag: etagOf(next.version) });
  });

  app.openapi(deletePairRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { pair } = await findPair(db, caller, c.req.valid('param').pairId, { admins: true });
    requireAdmin(caller, 'Only a program admin can remove a pair');
    checkIfMatch(c, pair.version);
    await softDelete(db, 'pairs', pair);
    c.get('events').push(domainEvent('pair.deleted', pair, { id: pair.id, version: pair.version + 1 }));
    return c.body(null, 204);
  });

  app.openapi(acceptCharterRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { pair: row, role } = await findOwnPair(db, caller, c.req.valid('param').pairId);
    const current = pairOf(row);
    const viewer = actorIn(row, caller);
    if (current.charterAcceptedAt[role] !== null) {
      return json(c, pairAsSeenBy(current, viewer), 200, { ETag: etagOf(current.version) });
    }
    checkNotEnded(current, 'accept the charter of');
    const now = nowIso();
    const accepted = { ...current.charterAcceptedAt, [role]: now };
    const next = await updatePair(
      db,
      current,
      activatedIfReady({ ...current, charterAcceptedAt: accepted }, todayIso()),
    );
    c.get('events').push(domainEvent('pair.updated', next, next));
    return json(c, pairAsSeenBy(next, viewer), 200, { ETag: etagOf(next.version) });
  });

  app.openapi(consentRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { pair: row, role } = await findOwnPair(db, caller, c.req.valid('param').pairId);
    if (role !== 'mentee') {
      throw forbidden('Only the mentee gives consent: the program asks the senior’s time and trust');
    }
    const current = pairOf(row);
    const viewer = actorIn(row, caller);
    if (current.menteeConsentedAt !== null) {
      return json(c, pairAsSeenBy(current, viewer), 200, { ETag: etagOf(current.version) });
    }
    checkNotEnded(current, 'consent to');
    const next = await updatePair(
      db,
      current,
      activatedIfReady({ ...current, menteeConsentedAt: nowIso() }, todayIso()),
    );
    c.get('events').push(domainEvent('pair.updated', next, next));
    return json(c, pairAsSeenBy(next, viewer), 200, { ETag: etagOf(next.version) });
  });

  app.openapi(declineRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { pair: row, role } = await findOwnPair(db, caller, c.req.valid('param').pairId);
    const current = pairOf(row);
    const next = await updatePair(db, current, declinedBy(current, role, todayIso()));
    c.get('events').push(domainEvent('pair.updated', next, next));
    return json(c, pairAsSeenBy(next, actorIn(row, caller)), 200, { ETag: etagOf(next.version) });
  });

  app.openapi(pairProgressRoute, async (c) => {
    const db = c.get('db');
    const access = await findPair(db, c.get('caller'), c.req.valid('param').pairId, { admins: true });
    const { pair } = access;
    const at = c.req.valid('query').at;
    const [ground, feedback] = await Promise.all([progressGround(db, pair), trustRatingsFor(db, access)]);
    const progress = pairProgress({
      pair: { startedOn: pair.startedOn, resumedOn: pair.resumedOn, status: pair.status },
      ...ground,
      feedback,
      now: at ? new Date(at) : new Date(),
    });
    return json(c, progress, 200);
  });
}
