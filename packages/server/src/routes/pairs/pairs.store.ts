import {
  LIVE_PAIR_STATUSES,
  type List,
  type Pair,
  type PairActor,
  pairAsSeenBy,
  type pairListQuerySchema,
  pairSchema,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { actorIn } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { PAIR_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromFlag, fromJson, toFlag, toJson } from '../../db/json.js';
import type { Database, NewRow, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { jsonOf } from '../../http/json-answer.js';
import { keptAnswers } from '../../http/kept-answers.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { riskAsAdminSees } from './pair-risk.store.js';

/** Each kept pair row's answer, by viewer. */
const pairAnswers = keptAnswers();

/**
 * The pair as stored, every field: for the server's own decisions, never answered as such.
 * Not parsed again with pairSchema (a fifteenth of a read's time): every pair reaches its
 * row through the schema, made by makePairs or the demo seed and changed only by
 * updatePair, which checks the changed pair with it before writing (see updateVersioned);
 * the schema transforms nothing, so parsing a stored pair only gave back the same fields.
 */
export function pairOf(row: Row<'pairs'>): Pair {
  return {
    id: row.id,
    orgId: row.orgId,
    programId: row.programId,
    mentorId: row.mentorId,
    menteeId: row.menteeId,
    status: row.status,
    topics: fromJson<Pair['topics']>(row.topics),
    matchScore: row.matchScore,
    matchReasons: fromJson<Pair['matchReasons']>(row.matchReasons),
    menteeConsentedAt: row.menteeConsentedAt,
    charterAcceptedAt: { mentor: row.charterMentorAt, mentee: row.charterMenteeAt },
    override: fromFlag(row.override),
    startedOn: row.startedOn,
    resumedOn: row.resumedOn,
    endedOn: row.endedOn,
    endedBy: row.endedBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** The pair as `viewer` may read it (see pairAsSeenBy): what every answer gives. */
export function toPair(row: Row<'pairs'>, viewer: PairActor): Pair {
  return pairAsSeenBy(pairOf(row), viewer);
}

/**
 * `toPair`'s answer as JSON text, made once for each kept row and viewer (see keptAnswers):
 * every employee's home page asks for their pair, and making its answer again each time was a
 * twentieth of `GET /v1/pairs/{id}`.
 */
export function pairAnswer(row: Row<'pairs'>, viewer: PairActor): string {
  return pairAnswers([row], viewer, () => jsonOf(toPair(row, viewer)));
}

/** The columns a pair's changes write. */
export function pairColumns(pair: Pair) {
  return {
    status: pair.status,
    topics: toJson(pair.topics),
    matchScore: pair.matchScore,
    matchReasons: toJson(pair.matchReasons),
    menteeConsentedAt: pair.menteeConsentedAt,
    charterMentorAt: pair.charterAcceptedAt.mentor,
    charterMenteeAt: pair.charterAcceptedAt.mentee,
    override: toFlag(pair.override),
    startedOn: pair.startedOn,
    resumedOn: pair.resumedOn,
    endedOn: pair.endedOn,
    endedBy: pair.endedBy,
    updatedAt: pair.updatedAt,
    version: pair.version,
  };
}

/** A new pair as its row. */
export function pairRow(pair: Pair): NewRow<'pairs'> {
  return {
    id: pair.id,
    orgId: pair.orgId,
    programId: pair.programId,
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    createdAt: pair.createdAt,
    deletedAt: null,
    ...pairColumns(pair),
  };
}

/** How many pairs a list filtered by risk weighs at a time. */
const RISK_BATCH = 100;

/**
 * One page of the pairs a caller may see (an admin: all of the organisation's), each as
 * they may read it. Risk is no column: a list filtered by it reads pairs in batches and
 * keeps those whose risk (see riskAsAdminSees) is the one asked for.
 */
export function listPairs(
  db: Kysely<Database>,
  caller: Caller,
  { personId, programId, status, atRisk, ...page }: z.output<typeof pairListQuerySchema>,
): Promise<List<Pair>> {
  const readRows = (after: CursorPosition | null, rows: number) => {
    let select = db
      .selectFrom('pairs')
      .select(PAIR_COLUMNS)
      .where('orgId', '=', caller.orgId)
      .where('deletedAt', 'is', null)
      .orderBy('id')
      .limit(rows);
    if (!caller.isAdmin) {
      select = select.where((eb) =>
        eb.or([eb('mentorId', '=', caller.personId), eb('menteeId', '=', caller.personId)]),
      );
    }
    if (personId)
      select = select.where((eb) => eb.or([eb('mentorId', '=', personId), eb('menteeId', '=', personId)]));
    if (programId) select = select.where('programId', '=', programId);
    if (status) select = select.where('status', '=', status);
    if (after) select = select.where('id', '>', after.id);
    return select.execute();
  };
  const read = async (after: CursorPosition | null, rows: number) => {
    if (atRisk === undefined) return readRows(after, rows);
    const now = new Date();
    const kept: Row<'pairs'>[] = [];
    for (let position = after; ; ) {
      const batch = await readRows(position, RISK_BATCH);
      const risk = await riskAsAdminSees(db, batch, now);
      kept.push(...batch.filter((row) => (risk.get(row.id)?.length ?? 0) > 0 === (atRisk === 'true')));
      const last = batch.at(-1);
      if (kept.length >= rows || batch.length < RISK_BATCH || !last) return kept.slice(0, rows);
      position = { sort: last.id, id: last.id };
    }
  };
  return readPage(page, read, (row) => toPair(row, actorIn(row, caller)));
}

export async function insertPairs(db: Kysely<Database>, pairs: readonly Pair[]): Promise<void> {
  if (pairs.length > 0) await db.insertInto('pairs').values(pairs.map(pairRow)).execute();
}

/** Changes a pair as read (see updateVersioned): every field of the pair as stored, never as seen. */
export function updatePair(db: Kysely<Database>, current: Pair, patch: Partial<Pair>): Promise<Pair> {
  return updateVersioned(db, 'pairs', {
    entity: 'pair',
    schema: pairSchema,
    current,
    patch,
    columns: pairColumns,
  });
}

/** The mentor and mentee of every pair of a program that holds their places (see LIVE_PAIR_STATUSES). */
export function livePairsOf(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('pairs')
    .select(['mentorId', 'menteeId'])
    .where('programId', '=', programId)
    .where('deletedAt', 'is', null)
    .where('status', 'in', LIVE_PAIR_STATUSES)
    .execute();
}

type PairOfProgram = { programId: string; pairId: string };

/** progressGround's reads, asked each time a pair's card opens: compiled once (see compiledQuery). */
const cadenceOf = compiledQuery((db: Kysely<Database>, { programId }: PairOfProgram) =>
  db.selectFrom('programs').select('cadenceDays').where('id', '=', programId),
);
const sessionTimesOf = compiledQuery((db: Kysely<Database>, { pairId }: PairOfProgram) =>
  db
    .selectFrom('sessions')
    .select(['status', 'occurredAt', 'scheduledAt'])
    .where('pairId', '=', pairId)
    .where('deletedAt', 'is', null),
);
const goalStatusesOf = compiledQuery((db: Kysely<Database>, { pairId }: PairOfProgram) =>
  db.selectFrom('goals').select('status').where('pairId', '=', pairId).where('deletedAt', 'is', null),
);

/** What a pair's progress is computed from, besides the trust ratings (see pair-trust.store.ts). */
export async function progressGround(db: Kysely<Database>, pair: Row<'pairs'>) {
  const values = { programId: pair.programId, pairId: pair.id };
  const [program, sessions, goals] = await Promise.all([
    cadenceOf.first(db, values),
    sessionTimesOf.all(db, values),
    goalStatusesOf.all(db, values),
  ]);
  if (!program) throw new Error(`No program ${pair.programId}`);
  return { cadenceDays: program.cadenceDays, sessions, goals };
}

/** What decides which feedback a pair may give now: its program's dates and whether it held a session. */
export async function feedbackGround(db: Kysely<Database>, pair: Row<'pairs'>) {
  const [program, held] = await Promise.all([
    db
      .selectFrom('programs')
      .select(['startsOn', 'endsOn', 'cadenceDays'])
      .where('id', '=', pair.programId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('pairId', '=', pair.id)
      .where('status', '=', 'held')
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { program, sessionHeld: Number(held.count) > 0 };
}
