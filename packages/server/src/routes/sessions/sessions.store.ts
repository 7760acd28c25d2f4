import { randomBytes } from 'node:crypto';
import {
  type ActionItem,
  type ActionItemInput,
  newId,
  type Session,
  type SessionCreate,
  sessionSchema,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { findOwnPair } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { fromJson, normalizeInstant, nowIso, toJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { notFound } from '../../http/problem.js';

export function toSession(row: Row<'sessions'>): Session {
  return sessionSchema.parse({
    id: row.id,
    orgId: row.orgId,
    pairId: row.pairId,
    status: row.status,
    scheduledAt: row.scheduledAt,
    occurredAt: row.occurredAt,
    durationMinutes: row.durationMinutes,
    format: row.format,
    topics: fromJson(row.topics),
    summary: row.summary,
    cancellationReason: row.cancellationReason,
    actionItems: fromJson(row.actionItems),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
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

export function sortKey(session: Pick<Session, 'occurredAt' | 'scheduledAt'>, fallback: string): string {
  return session.occurredAt ?? session.scheduledAt ?? fallback;
}

export async function insertSession(
  db: Kysely<Database>,
  pair: Row<'pairs'>,
  body: Required<Omit<SessionCreate, 'actionItems'>> & { actionItems: ActionItemInput[] },
): Promise<Session> {
  const now = nowIso();
  const scheduledAt = normalizeInstant(body.scheduledAt);
  const occurredAt = normalizeInstant(body.occurredAt);
  const row: Row<'sessions'> = {
    id: newId('session'),
    orgId: pair.orgId,
    pairId: pair.id,
    status: body.status,
    scheduledAt,
    occurredAt,
    sortAt: sortKey({ occurredAt, scheduledAt }, now),
    durationMinutes: body.durationMinutes,
    format: body.format,
    topics: toJson(body.topics),
    summary: body.summary,
    cancellationReason: reasonFor(body),
    actionItems: toJson(numberActionItems(body.actionItems)),
    createdAt: now,
    updatedAt: now,
    version: 1,
    deletedAt: null,
  };
  await db.insertInto('sessions').values(row).execute();
  return toSession(row);
}

/** A session of one of the caller's own pairs; admins are not let in (the log is the pair's). */
export async function findOwnSession(db: Kysely<Database>, caller: Caller, sessionId: string) {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
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
