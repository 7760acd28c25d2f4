import type { LiveEventType } from '@rm-kit/core';
import { type Kysely, sql } from 'kysely';
import { compiledQuery } from '../db/compiled-queries.js';
import type { Database, Row } from '../db/schema.js';
import { SENT_AHEAD } from '../db/sent-ahead.js';
import type { DomainEvent, LoggedEvent } from './event-bus.js';

/** How long published events stay in the log: a stream resumed later than this is told to reload. */
export const EVENT_RETENTION_HOURS = 24;

const BATCH = 500;

/**
 * Writes the events into the log inside the write's transaction, so they exist exactly when
 * the write does, numbered in commit order. On SQLite, which has one writer at a time, the
 * write numbers them itself. On PostgreSQL the database numbers them inside COMMIT (see
 * migration 0015): a number taken in the write would have to hold the counter's row lock
 * until commit, across the write's remaining round trips to a busy Node process, and every
 * other write would queue behind it.
 */
export async function appendEvents(
  trx: Kysely<Database>,
  events: readonly DomainEvent[],
  numbering: 'in the write' | 'at commit' = 'in the write',
): Promise<void> {
  const first = numbering === 'in the write' ? await numbersFor(trx, events.length) : undefined;
  const rows = events.map(
    (event, index): LogRow => ({
      seq: first === undefined ? undefined : first + index,
      id: event.id,
      type: event.type,
      orgId: event.orgId,
      pairId: event.pairId,
      mentorId: event.mentorId,
      menteeId: event.menteeId,
      entityId: event.entityId,
      version: event.version,
      at: event.at,
      onlyFor: event.onlyFor ? JSON.stringify(event.onlyFor) : null,
    }),
  );
  // Sent ahead (see sent-ahead.ts): nothing reads what they return, and the write's COMMIT,
  // which follows them, reports whether they failed.
  const [only] = rows;
  if (!only || rows.length > 1) {
    await trx.insertInto('events').values(rows).modifyEnd(sql.raw(SENT_AHEAD)).execute();
  } else if (only.seq === undefined) await insertOneUnnumbered.execute(trx, columnsOf(only));
  else await insertOne.execute(trx, { ...columnsOf(only), seq: only.seq });
}

/** Takes `count` numbers from the counter, holding its row lock until the write commits; answers the first. */
async function numbersFor(trx: Kysely<Database>, count: number): Promise<number> {
  const counter = await advanceCounter.first(trx, { count });
  if (!counter) throw new Error('the event counter row is missing');
  return Number(counter.lastSeq) - count + 1;
}

type LogRow = Omit<Row<'events'>, 'seq'> & { seq: number | undefined };
type Columns = Omit<Row<'events'>, 'seq'>;

/** A write's events are nearly always one: its queries are compiled once. */
const advanceCounter = compiledQuery((db: Kysely<Database>, { count }: { count: number }) =>
  db
    .updateTable('eventCounter')
    .set({ lastSeq: sql<number>`last_seq + ${count}` })
    .where('id', '=', 1)
    .returning('lastSeq'),
);
const columnsOf = (row: Columns): Columns => ({
  id: row.id,
  type: row.type,
  orgId: row.orgId,
  pairId: row.pairId,
  mentorId: row.mentorId,
  menteeId: row.menteeId,
  entityId: row.entityId,
  version: row.version,
  at: row.at,
  onlyFor: row.onlyFor,
});
const insertOne = compiledQuery((db: Kysely<Database>, row: Columns & { seq: number }) =>
  db
    .insertInto('events')
    .values({ seq: row.seq, ...columnsOf(row) })
    .modifyEnd(sql.raw(SENT_AHEAD)),
);
const insertOneUnnumbered = compiledQuery((db: Kysely<Database>, row: Columns) =>
  db.insertInto('events').values(columnsOf(row)).modifyEnd(sql.raw(SENT_AHEAD)),
);

function toEvent(row: Row<'events'>): LoggedEvent {
  return {
    seq: Number(row.seq),
    id: row.id,
    type: row.type as LiveEventType,
    orgId: row.orgId,
    pairId: row.pairId,
    mentorId: row.mentorId,
    menteeId: row.menteeId,
    entityId: row.entityId,
    version: row.version,
    at: row.at,
    ...(row.onlyFor ? { onlyFor: JSON.parse(row.onlyFor) as string[] } : {}),
  };
}

/**
 * What a process's follower reads after every write, compiled once. Its columns are named, so
 * PostgreSQL keeps it prepared (see prepared-statements.ts).
 */
const nextEvents = compiledQuery((db: Kysely<Database>, { after, rows }: { after: number; rows: number }) =>
  db
    .selectFrom('events')
    .select([
      'seq',
      'id',
      'type',
      'orgId',
      'pairId',
      'mentorId',
      'menteeId',
      'entityId',
      'version',
      'at',
      'onlyFor',
    ])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(rows),
);

/** The events after `seq`, in commit order, a batch at a time; of one organisation (and pair) if given. */
export async function* eventsAfter(
  db: Kysely<Database>,
  seq: number,
  scope: { orgId?: string; pairId?: string } = {},
): AsyncGenerator<LoggedEvent> {
  for (let after = seq; ; ) {
    let rows: Row<'events'>[];
    if (!scope.orgId && !scope.pairId) rows = await nextEvents.all(db, { after, rows: BATCH });
    else {
      let query = db.selectFrom('events').selectAll().where('seq', '>', after);
      if (scope.orgId) query = query.where('orgId', '=', scope.orgId);
      if (scope.pairId) query = query.where('pairId', '=', scope.pairId);
      rows = await query.orderBy('seq').limit(BATCH).execute();
    }
    for (const row of rows) {
      const event = toEvent(row);
      after = event.seq;
      yield event;
    }
    if (rows.length < BATCH) return;
  }
}

/** The position of the newest event (0 when the log is empty), in the organisation if given. */
export async function latestSeq(db: Kysely<Database>, orgId?: string): Promise<number> {
  let query = db.selectFrom('events').select('seq');
  if (orgId) query = query.where('orgId', '=', orgId);
  const row = await query.orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/** Where an event of the organisation sits in the log; undefined once pruned, or if it never was there. */
export async function seqOf(
  db: Kysely<Database>,
  orgId: string,
  eventId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('events')
    .select('seq')
    .where('id', '=', eventId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  return row ? Number(row.seq) : undefined;
}

export async function hasEvent(db: Kysely<Database>, seq: number): Promise<boolean> {
  return (
    (await db.selectFrom('events').select('seq').where('seq', '=', seq).executeTakeFirst()) !== undefined
  );
}

/** Forgets events past their retention, so the log does not grow for ever. */
export async function pruneEvents(
  db: Kysely<Database>,
  retentionHours = EVENT_RETENTION_HOURS,
): Promise<void> {
  const cutoff = new Date(Date.now() - retentionHours * 3_600_000).toISOString();
  await db.deleteFrom('events').where('at', '<', cutoff).execute();
}
