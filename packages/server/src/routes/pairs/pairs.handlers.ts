import type { OpenAPIHono } from '@hono/zod-openapi';
import { newId, type Pair, type PairStatus, pairProgress } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { findPair, memberId, type PairAccess, requireAdmin, sideIn } from '../../auth/access.js';
import { nowIso, todayIso, toFlag, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { softDelete } from '../../db/soft-delete.js';
import { domainEvent } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { assertWritten, checkIfMatch, etagOf } from '../../http/etag.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';
import { readableBy } from '../feedback/feedback.store.js';
import { checkOfferedTopics } from '../programs/programs.store.js';
import { releasedPairTrust } from './pair-trust.store.js';
import {
  acceptCharterRoute,
  createPairRoute,
  deletePairRoute,
  getPairRoute,
  listPairsRoute,
  pairProgressRoute,
  updatePairRoute,
} from './pairs.routes.js';
import { toPair } from './pairs.store.js';

async function managerChain(db: Kysely<Database>, personId: string): Promise<Set<string>> {
  const chain = new Set<string>();
  let current: string | null = personId;
  while (current && !chain.has(current) && chain.size < 100) {
    chain.add(current);
    const row: { managerId: string | null } | undefined = await db
      .selectFrom('people')
      .select('managerId')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.managerId ?? null;
  }
  return chain;
}

/** Reverse mentoring only works across reporting lines: nobody mentors their own boss, or is mentored by them. */
async function checkReportingLine(db: Kysely<Database>, mentorId: string, menteeId: string) {
  const [mentorChain, menteeChain] = await Promise.all([
    managerChain(db, mentorId),
    managerChain(db, menteeId),
  ]);
  if (mentorChain.has(menteeId) || menteeChain.has(mentorId)) {
    throw new Problem('unprocessable', 'A mentor and a mentee cannot be in one reporting line', {
      issues: [{ path: ['menteeId'], message: 'This person is in the mentor’s reporting line' }],
    });
  }
}

/**
 * The trust ratings a caller's view of progress may be computed from, since a derived
 * 'low-trust' tells as much as the ratings behind it. A member: the answers they may
 * read, by the rule every read of feedback uses (readableBy). An admin: the pair's last answers
 * as released (see releasedPairTrust), like any other aggregate of feedback.
 */
async function trustRatingsFor(db: Kysely<Database>, { pair, role }: PairAccess) {
  const answers = db
    .selectFrom('feedback')
    .select(['trust', 'createdAt'])
    .where('orgId', '=', pair.orgId)
    .where('pairId', '=', pair.id);
  if (role === 'admin') return releasedPairTrust(db, pair);
  return answers.where(readableBy(pair.id, memberId(pair, role))).execute();
}

function datesFor(status: PairStatus, pair: { startedOn: string | null; endedOn: string | null }) {
  const today = todayIso();
  return {
    startedOn: status === 'active' && pair.startedOn === null ? today : pair.startedOn,
    endedOn:
      (status === 'completed' || status === 'dissolved') && pair.endedOn === null ? today : pair.endedOn,
  };
}

export function registerPairs(app: OpenAPIHono<AppEnv>) {
  app.openapi(listPairsRoute, async (c) => {
    const caller = c.get('caller');
    const { limit, cursor, programId, status, personId } = c.req.valid('query');
    const after = decodeCursor(cursor);
    let query = c
      .get('db')
      .selectFrom('pairs')
      .selectAll()
      .where('orgId', '=', caller.orgId)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .limit(limit + 1);
    if (!caller.isAdmin) {
      query = query.where((eb) =>
        eb.or([eb('mentorId', '=', caller.personId), eb('menteeId', '=', caller.personId)]),
      );
    }
    if (personId)
      query = query.where((eb) => eb.or([eb('mentorId', '=', personId), eb('menteeId', '=', personId)]));
    if (programId) query = query.where('programId', '=', programId);
    if (status) query = query.where('status', '=', status);
    if (after) query = query.where('id', '>', after.id);
    const rows = await query.execute();
    return c.json(
      toPage(rows, limit, toPair, (r) => ({ sort: r.id, id: r.id })),
      200,
    );
  });

  app.openapi(createPairRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { programId } = c.req.valid('param');
    const program = await db
      .selectFrom('programs')
      .select(['id', 'topics'])
      .where('id', '=', programId)
      .where('orgId', '=', caller.orgId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!program) throw notFound('program');
    requireAdmin(caller, 'Only a program admin can pair people');
    const body = c.req.valid('json');
    const people = await db
      .selectFrom('people')
      .select('id')
      .where('orgId', '=', caller.orgId)
      .where('deletedAt', 'is', null)
      .where('id', 'in', [body.mentorId, body.menteeId])
      .execute();
    for (const side of ['mentorId', 'menteeId'] as const) {
      if (!people.some((p) => p.id === body[side])) {
        throw new Problem('unprocessable', 'Both people must belong to this organisation', {
          issues: [{ path: [side], message: 'No person with that id' }],
        });
      }
    }
    checkOfferedTopics(program, body.topics);
    await checkReportingLine(db, body.mentorId, body.menteeId);
    const now = nowIso();
    const row: Row<'pairs'> = {
      id: newId('pair'),
      orgId: caller.orgId,
      programId,
      mentorId: body.mentorId,
      menteeId: body.menteeId,
      status: body.status,
      topics: toJson(body.topics),
      matchScore: null,
      matchReasons: toJson([]),
      menteeConsentedAt: null,
      charterMentorAt: null,
      charterMenteeAt: null,
      override: toFlag(body.override),
      ...datesFor(body.status, { startedOn: body.startedOn, endedOn: null }),
      endedBy: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
      deletedAt: null,
    };
    await db.insertInto('pairs').values(row).execute();
    const pair = toPair(row);
    c.get('events').push(domainEvent('pair.created', row, pair));
    return c.json(pair, 201, { ETag: etagOf(1), Location: `/v1/pairs/${pair.id}` });
  });

  app.openapi(getPairRoute, async (c) => {
    const { pair } = await findPair(c.get('db'), c.get('caller'), c.req.valid('param').pairId, {
      admins: true,
    });
    return c.json(toPair(pair), 200, { ETag: etagOf(pair.version) });
  });

  app.openapi(updatePairRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { pair } = await findPair(db, caller, c.req.valid('param').pairId, { admins: true });
    requireAdmin(caller, 'Only a program admin can change a pair');
    checkIfMatch(c, pair.version);
    const changes = c.req.valid('json');
    if (changes.topics) {
      const program = await db
        .selectFrom('programs')
        .select('topics')
        .where('id', '=', pair.programId)
        .executeTakeFirstOrThrow();
      checkOfferedTopics(program, changes.topics);
    }
    const status: PairStatus = changes.status ?? pair.status;
    const dates = datesFor(status, {
      startedOn: changes.startedOn === undefined ? pair.startedOn : changes.startedOn,
      endedOn: changes.endedOn === undefined ? pair.endedOn : changes.endedOn,
    });
    if (dates.startedOn && dates.endedOn && dates.endedOn < dates.startedOn) {
      throw new Problem('validation_failed', 'A pair cannot end before it starts', {
        issues: [{ path: ['endedOn'], message: 'Must be on or after startedOn' }],
      });
    }
    const now = nowIso();
    const next: Row<'pairs'> = {
      ...pair,
      status,
      topics: changes.topics ? toJson(changes.topics) : pair.topics,
      ...dates,
      updatedAt: now,
      version: pair.version + 1,
    };
    const result = await db
      .updateTable('pairs')
      .set({
        status: next.status,
        topics: next.topics,
        startedOn: next.startedOn,
        endedOn: next.endedOn,
        updatedAt: now,
        version: next.version,
      })
      .where('id', '=', pair.id)
      .where('version', '=', pair.version)
      .executeTakeFirst();
    assertWritten(result, pair.version);
    const updated: Pair = toPair(next);
    c.get('events').push(domainEvent('pair.updated', next, updated));
    return c.json(updated, 200, { ETag: etagOf(updated.version) });
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
    const { pair } = await findPair(db, caller, c.req.valid('param').pairId, { admins: false });
    const side = sideIn(pair, caller);
    const column = side === 'mentor' ? 'charterMentorAt' : 'charterMenteeAt';
    if (pair[column] !== null) return c.json(toPair(pair), 200, { ETag: etagOf(pair.version) });
    const now = nowIso();
    const next = { ...pair, [column]: now, updatedAt: now, version: pair.version + 1 };
    const result = await db
      .updateTable('pairs')
      .set({ [column]: now, updatedAt: now, version: next.version })
      .where('id', '=', pair.id)
      .where('version', '=', pair.version)
      .executeTakeFirst();
    assertWritten(result, pair.version);
    const updated = toPair(next);
    c.get('events').push(domainEvent('pair.updated', next, updated));
    return c.json(updated, 200, { ETag: etagOf(updated.version) });
  });

  app.openapi(pairProgressRoute, async (c) => {
    const db = c.get('db');
    const access = await findPair(db, c.get('caller'), c.req.valid('param').pairId, { admins: true });
    const { pair } = access;
    const at = c.req.valid('query').at;
    const [program, sessions, goals, feedback] = await Promise.all([
      db
        .selectFrom('programs')
        .select('cadenceDays')
        .where('id', '=', pair.programId)
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('sessions')
        .select(['status', 'occurredAt', 'scheduledAt'])
        .where('pairId', '=', pair.id)
        .where('deletedAt', 'is', null)
        .execute(),
      db
        .selectFrom('goals')
        .select('status')
        .where('pairId', '=', pair.id)
        .where('deletedAt', 'is', null)
        .execute(),
      trustRatingsFor(db, access),
    ]);
    const progress = pairProgress({
      pair: { startedOn: pair.startedOn, status: pair.status },
      cadenceDays: program.cadenceDays,
      sessions,
      goals,
      feedback,
      now: at ? new Date(at) : new Date(),
    });
    return c.json(progress, 200);
  });
}
