import {
  type Feedback,
  type FeedbackKind,
  type FeedbackUpdate,
  type feedbackListQuerySchema,
  feedbackSchema,
  type List,
  newId,
  type PairRole,
} from '@rm-kit/core';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type * as z from 'zod';
import { findOwnPair, memberId } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { FEEDBACK_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromFlag, nowIso, toFlag } from '../../db/json.js';
import { parsedOnce } from '../../db/parsed-once.js';
import type { Database, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';

export const toFeedback = parsedOnce(
  (row: Row<'feedback'>): Feedback =>
    feedbackSchema.parse({
      id: row.id,
      orgId: row.orgId,
      pairId: row.pairId,
      sessionId: row.sessionId,
      kind: row.kind,
      authorId: row.authorId,
      authorRole: row.authorRole,
      ratings: { usefulness: row.usefulness, trust: row.trust, preparation: row.preparation },
      recommend: row.recommend,
      learned: row.learned,
      improve: row.improve,
      shareWithPartner: fromFlag(row.shareWithPartner),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    }),
);

/** What an answer is about: its session, or the program phase. Each author answers each once. */
export function targetOf(answer: { kind: FeedbackKind; sessionId: string | null }): string {
  return answer.kind === 'session' && answer.sessionId ? answer.sessionId : answer.kind;
}

/**
 * The one rule for who reads an answer of a pair: its author; the partner once the author
 * shares it and once they have answered the same target themselves, so nobody reads the
 * other's view before giving their own. Nobody else, admins included, ever reads a raw
 * answer. A filter on `feedback`, so every path that lists, reads, counts or announces
 * answers applies this very condition rather than a copy of it.
 */
export function readableBy(pairId: string, readerId: string) {
  return (eb: ExpressionBuilder<Database, 'feedback'>) =>
    eb.or([
      eb('authorId', '=', readerId),
      eb.and([
        eb('shareWithPartner', '=', toFlag(true)),
        eb.exists(
          eb
            .selectFrom('feedback as mine')
            .select('mine.id')
            .where('mine.pairId', '=', pairId)
            .where('mine.authorId', '=', readerId)
            .whereRef('mine.target', '=', 'feedback.target'),
        ),
      ]),
    ]);
}

/** The answers of a pair that `readerId` may read (see readableBy), oldest first. */
const readableAnswers = (db: Kysely<Database>, pairId: string, readerId: string) =>
  db
    .selectFrom('feedback')
    .select(FEEDBACK_COLUMNS)
    .where('pairId', '=', pairId)
    .where(readableBy(pairId, readerId))
    .orderBy('id');

/** The first page of one kind: the feedback form reads three as it opens (compiled once, see compiledQuery). */
const firstOfKind = compiledQuery(
  (
    db: Kysely<Database>,
    { pairId, readerId, kind, rows }: { pairId: string; readerId: string; kind: FeedbackKind; rows: number },
  ) => readableAnswers(db, pairId, readerId).where('kind', '=', kind).limit(rows),
);

/** One page of the answers of a pair that `readerId` may read (see readableBy), oldest first. */
export function listReadableFeedback(
  db: Kysely<Database>,
  pair: Row<'pairs'>,
  readerId: string,
  { kind, sessionId, ...page }: z.output<typeof feedbackListQuerySchema>,
): Promise<List<Feedback>> {
  const read = (after: CursorPosition | null, rows: number) => {
    if (kind && !sessionId && !after) return firstOfKind.all(db, { pairId: pair.id, readerId, kind, rows });
    let query = readableAnswers(db, pair.id, readerId).limit(rows);
    if (kind) query = query.where('kind', '=', kind);
    if (sessionId) query = query.where('sessionId', '=', sessionId);
    if (after) query = query.where('id', '>', after.id);
    return query.execute();
  };
  return readPage(page, read, toFeedback);
}

/** Whether a person of the pair may read one answer as the database holds it now (see readableBy). */
export async function mayRead(
  db: Kysely<Database>,
  pair: Row<'pairs'>,
  feedbackId: string,
  readerId: string,
) {
  const row = await db
    .selectFrom('feedback')
    .select('id')
    .where('id', '=', feedbackId)
    .where('pairId', '=', pair.id)
    .where(readableBy(pair.id, readerId))
    .executeTakeFirst();
  return row !== undefined;
}

/** A person's own answer about a target (a session, or a program phase), if they gave one. */
export async function answerOf(db: Kysely<Database>, pair: Row<'pairs'>, authorId: string, target: string) {
  return db
    .selectFrom('feedback')
    .select(['id', 'version', 'shareWithPartner'])
    .where('pairId', '=', pair.id)
    .where('authorId', '=', authorId)
    .where('target', '=', target)
    .executeTakeFirst();
}

/** Session feedback is about one of the pair's own sessions, still in its log. */
export async function checkSessionOfPair(db: Kysely<Database>, pair: Row<'pairs'>, sessionId: string) {
  const session = await db
    .selectFrom('sessions')
    .select('id')
    .where('id', '=', sessionId)
    .where('orgId', '=', pair.orgId)
    .where('pairId', '=', pair.id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!session) {
    throw new Problem('unprocessable', 'Feedback can only be about a session of this pair', {
      issues: [{ path: ['sessionId'], message: 'No session of this pair with that id' }],
    });
  }
}

type Answer = Pick<
  Feedback,
  'sessionId' | 'kind' | 'ratings' | 'recommend' | 'learned' | 'improve' | 'shareWithPartner'
>;

/** Stores an answer, or returns null when its author has already answered the same target. */
export async function insertFeedback(
  db: Kysely<Database>,
  pair: Row<'pairs'>,
  authorRole: PairRole,
  answer: Answer,
): Promise<Feedback | null> {
  const now = nowIso();
  const row: Row<'feedback'> = {
    id: newId('feedback'),
    orgId: pair.orgId,
    pairId: pair.id,
    sessionId: answer.sessionId,
    target: targetOf(answer),
    kind: answer.kind,
    authorId: memberId(pair, authorRole),
    authorRole,
    ...answer.ratings,
    recommend: answer.recommend,
    learned: answer.learned,
    improve: answer.improve,
    shareWithPartner: toFlag(answer.shareWithPartner),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  // The unique index decides, so two answers sent at once cannot both be stored; and
  // a refused insert does not abort the PostgreSQL transaction as a failed one would.
  const inserted = await db
    .insertInto('feedback')
    .values(row)
    .onConflict((oc) => oc.columns(['pairId', 'authorId', 'target']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1 ? toFeedback(row) : null;
}

/**
 * An answer the caller may read (see readableBy). Anyone else, admins included, gets the
 * 404 of an id that does not exist.
 */
export async function findReadableFeedback(db: Kysely<Database>, caller: Caller, feedbackId: string) {
  const row = await db
    .selectFrom('feedback')
    .select(FEEDBACK_COLUMNS)
    .where('id', '=', feedbackId)
    .where('orgId', '=', caller.orgId)
    .executeTakeFirst();
  if (!row) throw notFound('feedback');
  let access: Awaited<ReturnType<typeof findOwnPair>>;
  try {
    access = await findOwnPair(db, caller, row.pairId);
  } catch (error) {
    if (error instanceof Problem) throw notFound('feedback');
    throw error;
  }
  const me = memberId(access.pair, access.role);
  if (!(await mayRead(db, access.pair, row.id, me))) throw notFound('feedback');
  return { row, ...access, isAuthor: row.authorId === me };
}

/** Changes an answer as read (see updateVersioned): its ratings, texts, or whether the partner may read it. */
export function updateFeedback(db: Kysely<Database>, row: Row<'feedback'>, changes: FeedbackUpdate) {
  return updateVersioned(db, 'feedback', {
    entity: 'answer',
    schema: feedbackSchema,
    current: toFeedback(row),
    patch: changes,
    columns: (answer) => ({
      ...answer.ratings,
      recommend: answer.recommend,
      learned: answer.learned,
      improve: answer.improve,
      shareWithPartner: toFlag(answer.shareWithPartner),
    }),
  });
}

/** Every answer a person gave, never their partner's: their export's `feedback`. */
export async function feedbackByAuthor(db: Kysely<Database>, orgId: string, authorId: string) {
  const rows = await db
    .selectFrom('feedback')
    .select(FEEDBACK_COLUMNS)
    .where('orgId', '=', orgId)
    .where('authorId', '=', authorId)
    .orderBy('id')
    .execute();
  return rows.map(toFeedback);
}

/**
 * Erasure of a person's answers: their free text is emptied and no answer stays shared,
 * so the ratings remain only inside aggregates. The ratings themselves stay as they were,
 * so no release of any aggregate moves (a release traces ratings alone, see feedbackTrace).
 */
export async function clearAnswerTexts(db: Kysely<Database>, orgId: string, authorId: string, now: string) {
  const result = await db
    .updateTable('feedback')
    .set((eb) => ({
      learned: '',
      improve: '',
      shareWithPartner: toFlag(false),
      updatedAt: now,
      version: eb('version', '+', 1),
    }))
    .where('orgId', '=', orgId)
    .where('authorId', '=', authorId)
    .where((eb) =>
      eb.or([eb('learned', '!=', ''), eb('improve', '!=', ''), eb('shareWithPartner', '=', toFlag(true))]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
