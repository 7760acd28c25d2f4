import { randomBytes } from 'node:crypto';
import {
  type ActionItem,
  type ActionItemInput,
  newId,
  type Session,
  type SessionCreate,
  type SessionStatus,
  type SessionUpdate,
  type sessionListQuerySchema,
  sessionSchema,
} from '@rm-kit/core';
import { type Kysely, sql } from 'kysely';
import type * as z from 'zod';
import { findOwnPair } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { SESSION_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromJson, normalizeInstant, nowIso, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { SENT_AHEAD } from '../../db/sent-ahead.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { jsonOf } from '../../http/json-answer.js';
import { keptAnswers } from '../../http/kept-answers.js';
import { type CursorPosition, readPage, toPage } from '../../http/pagination.js';
import { notFound } from '../../http/problem.js';

/** A pair's first page of sessions, for the rows it was made from. */
const firstPages = keptAnswers();

/**
 * A session as stored. Not parsed again with sessionSchema (on a page of twenty, most of the
 * read's time): every session reaches its row through the schema, by insertSession or the
 * demo seed, and changes only by updateSession, which checks the changed session with it
 * before writing (see updateVersioned); what the schema would transform (trimmed text) was
 * transformed on the way in, so parsing a stored session only gave back the same fields.
 */
export function toSession(row: Row<'sessions'>): Session {
  return {
    id: row.id,
    orgId: row.orgId,
    pairId: row.pairId,
    status: row.status,
    scheduledAt: row.scheduledAt,
    occurredAt: row.occurredAt,
    durationMinutes: row.durationMinutes,
    format: row.format,
    topics: fromJson<Session['topics']>(row.topics),
    summary: row.summary,
    cancellationReason: row.cancellationReason,
    actionItems: fromJson<Session['actionItems']>(row.actionItems),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** New action items get an id so they can be ticked off later; existing ones keep theirs. */
export function numberActionItems(items: ActionItemInput[]): ActionItem[] {
  return items.map((item) => ({
    id: item.id ?? `ai_${randomBytes(6).toString('base64url')}`,
    text: item.text,
    owner: item.owner,
    done: item.done ?? false,
  }));
}

/** A reason is kept only while the session is cancelled: planned or held again, it no longer applies. */
export function reasonFor(session: Pick<Session, 'status' | 'cancellationReason'>): string | null {
  return session.status === 'cancelled' && session.cancellationReason ? session.cancellationReason : null;
}

/** Where a session sits in its pair's log: when it was held, else when it is planned, else `fallback`. */
export function sortKey(session: Pick<Session, 'occurredAt' | 'scheduledAt'>, fallback: string): string {
  return session.occurredAt ?? session.scheduledAt ?? fallback;
}

/** The columns that store a session, as created or changed. */
function sessionColumns(session: Session) {
  return {
    status: session.status,
    scheduledAt: session.scheduledAt,
    occurredAt: session.occurredAt,
    sortAt: sortKey(session, session.createdAt),
    durationMinutes: session.durationMinutes,
    format: session.format,
    topics: toJson(session.topics),
    summary: session.summary,
    cancellationReason: session.cancellationReason,
    actionItems: toJson(session.actionItems),
    updatedAt: session.updatedAt,
    version: session.version,
  };
}

export async function insertSession(
  db: Kysely<Database>,
  pair: Row<'pairs'>,
  body: Required<Omit<SessionCreate, 'actionItems'>> & { actionItems: ActionItemInput[] },
): Promise<Session> {
  const now = nowIso();
  const session = sessionSchema.parse({
    id: newId('session'),
    orgId: pair.orgId,
    pairId: pair.id,
    status: body.status,
    scheduledAt: normalizeInstant(body.scheduledAt),
    occurredAt: normalizeInstant(body.occurredAt),
    durationMinutes: body.durationMinutes,
    format: body.format,
    topics: body.topics,
    summary: body.summary,
    cancellationReason: reasonFor(body),
    actionItems: numberActionItems(body.actionItems),
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await sessionInsert.execute(db, {
    id: session.id,
    orgId: session.orgId,
    pairId: session.pairId,
    createdAt: now,
    ...sessionColumns(session),
  });
  return session;
}

type StoredSession = Omit<Row<'sessions'>, 'deletedAt'>;

/**
 * Every logged session, compiled once. Sent ahead (see sent-ahead.ts): nothing reads what it
 * returns, and a write's next statement (its webhooks, or its COMMIT) reports its failure.
 */
const sessionInsert = compiledQuery((db: Kysely<Database>, row: StoredSession) =>
  db
    .insertInto('sessions')
    .values({
      id: row.id,
      orgId: row.orgId,
      pairId: row.pairId,
      status: row.status,
      scheduledAt: row.scheduledAt,
      occurredAt: row.occurredAt,
      sortAt: row.sortAt,
      durationMinutes: row.durationMinutes,
      format: row.format,
      topics: row.topics,
      summary: row.summary,
      cancellationReason: row.cancellationReason,
      actionItems: row.actionItems,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
      deletedAt: null,
    })
    .modifyEnd(sql.raw(SENT_AHEAD)),
);

const newestOf = (db: Kysely<Database>, pairId: string, rows: number) =>
  db
    .selectFrom('sessions')
    .select(SESSION_COLUMNS)
    .where('pairId', '=', pairId)
    .where('deletedAt', 'is', null)
    .orderBy('sortAt', 'desc')
    .orderBy('id', 'desc')
    .limit(rows);

/** A log's first page, unfiltered: what a pair's card reads each time it opens. */
const newest = compiledQuery((db: Kysely<Database>, { pairId, rows }: { pairId: string; rows: number }) =>
  newestOf(db, pairId, rows),
);

/** The newest of one status: the feedback form asks whether a session was held as it opens. */
const newestWithStatus = compiledQuery(
  (db: Kysely<Database>, { pairId, status, rows }: { pairId: string; status: SessionStatus; rows: number }) =>
    newestOf(db, pairId, rows).where('status', '=', status),
);

/** Where a session sits in its pair's log: the cursor of a page that ends with it. */
const logPosition = (row: Row<'sessions'>): CursorPosition => ({ sort: row.sortAt, id: row.id });

/**
 * One page of a pair's sessions, newest first (by when held, else planned, else logged), as
 * the JSON text of the answer. The first page unfiltered, which the log reads each time it
 * opens, is made once for the rows SQLite keeps until the next commit (see keptAnswers).
 */
export async function sessionsPage(
  db: Kysely<Database>,
  pairId: string,
  { status, from, to, ...page }: z.output<typeof sessionListQuerySchema>,
): Promise<string> {
  if (!status && !from && !to && !page.cursor) {
    const rows = await newest.all(db, { pairId, rows: page.limit + 1 });
    // The same rows make another page at another limit: 11 sessions are all of them at 11 a
    // page, and at 10 a page, ten and a cursor.
    return firstPages([rows], String(page.limit), () =>
      jsonOf(toPage(rows, page.limit, toSession, logPosition)),
    );
  }
  const read = (after: CursorPosition | null, rows: number) => {
    if (status && !from && !to && !after) return newestWithStatus.all(db, { pairId, status, rows });
    let query = newestOf(db, pairId, rows);
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
    return query.execute();
  };
  return jsonOf(await readPage(page, read, toSession, logPosition));
}

/** Changes a session as read (see updateVersioned); a reason is kept only while it stays cancelled. */
export function updateSession(db: Kysely<Database>, row: Row<'sessions'>, changes: SessionUpdate) {
  const current = toSession(row);
  return updateVersioned(db, 'sessions', {
    entity: 'session',
    schema: sessionSchema,
    current,
    patch: {
      ...changes,
      scheduledAt:
        changes.scheduledAt === undefined ? current.scheduledAt : normalizeInstant(changes.scheduledAt),
      occurredAt:
        changes.occurredAt === undefined ? current.occurredAt : normalizeInstant(changes.occurredAt),
      actionItems: changes.actionItems ? numberActionItems(changes.actionItems) : current.actionItems,
      cancellationReason: reasonFor({ ...current, ...changes }),
    },
    columns: sessionColumns,
  });
}

/** A session of one of the caller's own pairs; admins are not let in (the log is the pair's). */
export async function findOwnSession(db: Kysely<Database>, caller: Caller, sessionId: string) {
  const row = await db
    .selectFrom('sessions')
    .select(SESSION_COLUMNS)
    .where('id', '=', sessionId)
    .where('orgId', '=', caller.orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('session');
  try {
    const access = await findOwnPair(db, caller, row.pairId);
    return { row, ...access };
  } catch {
    throw notFound('session');
  }
}

/** The sessions of some pairs, in each pair's log order: a member's export's `sessions`. */
export async function sessionsOfPairs(db: Kysely<Database>, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  const rows = await db
    .selectFrom('sessions')
    .select(SESSION_COLUMNS)
    .where('pairId', 'in', pairIds)
    .where('deletedAt', 'is', null)
    .orderBy('pairId')
    .orderBy('sortAt')
    .orderBy('id')
    .execute();
  return rows.map(toSession);
}
