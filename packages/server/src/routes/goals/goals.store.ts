import { randomBytes } from 'node:crypto';
import {
  type Commitment,
  type CommitmentInput,
  type Goal,
  type GoalStatus,
  type GoalUpdate,
  type goalListQuerySchema,
  goalSchema,
  type List,
  newId,
  type PairRole,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { findOwnPair } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import { GOAL_COLUMNS } from '../../db/columns.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import { fromJson, nowIso, toJson } from '../../db/json.js';
import { parsedOnce } from '../../db/parsed-once.js';
import type { Database, Row } from '../../db/schema.js';
import { updateVersioned } from '../../db/update-versioned.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
import { notFound, Problem } from '../../http/problem.js';
import { checkOfferedTopics } from '../programs/programs.store.js';

export const toGoal = parsedOnce(
  (row: Row<'goals'>): Goal =>
    goalSchema.parse({
      id: row.id,
      orgId: row.orgId,
      pairId: row.pairId,
      owner: row.owner,
      title: row.title,
      topic: row.topic,
      targetDate: row.targetDate,
      status: row.status,
      progress: row.progress,
      assessmentBefore: row.assessmentBefore,
      assessmentAfter: row.assessmentAfter,
      commitments: fromJson(row.commitments),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      version: row.version,
    }),
);

/** The columns that store a goal, as set or changed. */
function goalColumns(goal: Goal) {
  return {
    owner: goal.owner,
    title: goal.title,
    topic: goal.topic,
    targetDate: goal.targetDate,
    status: goal.status,
    progress: goal.progress,
    assessmentBefore: goal.assessmentBefore,
    assessmentAfter: goal.assessmentAfter,
    commitments: toJson(goal.commitments),
    updatedAt: goal.updatedAt,
    version: goal.version,
  };
}

/** New commitments get an id so they can be ticked off later; existing ones keep theirs. */
function numberCommitments(commitments: CommitmentInput[]): Commitment[] {
  return commitments.map((commitment) => ({
    id: commitment.id ?? `cm_${randomBytes(6).toString('base64url')}`,
    text: commitment.text,
    done: commitment.done ?? false,
  }));
}

/** An achieved goal is done, so its progress reads 100 whatever was last reported. */
export function progressFor(status: GoalStatus, progress: number): number {
  return status === 'achieved' ? 100 : progress;
}

/** Goals are about what the program teaches, so a topic must be one the pair's program offers. */
export async function checkTopicOffered(db: Kysely<Database>, pair: Row<'pairs'>, topic: string | null) {
  if (topic === null) return;
  const program = await db
    .selectFrom('programs')
    .select('topics')
    .where('id', '=', pair.programId)
    .where('orgId', '=', pair.orgId)
    .executeTakeFirstOrThrow();
  checkOfferedTopics(program, [topic], () => ['topic']);
}

export async function insertGoal(
  db: Kysely<Database>,
  pair: Row<'pairs'>,
  body: Omit<Goal, 'id' | 'orgId' | 'pairId' | 'commitments' | 'createdAt' | 'updatedAt' | 'version'> & {
    commitments: CommitmentInput[];
  },
): Promise<Goal> {
  const now = nowIso();
  const goal = goalSchema.parse({
    id: newId('goal'),
    orgId: pair.orgId,
    pairId: pair.id,
    owner: body.owner,
    title: body.title,
    topic: body.topic,
    targetDate: body.targetDate,
    status: body.status,
    progress: progressFor(body.status, body.progress),
    assessmentBefore: body.assessmentBefore,
    assessmentAfter: body.assessmentAfter,
    commitments: numberCommitments(body.commitments),
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  await db
    .insertInto('goals')
    .values({
      id: goal.id,
      orgId: goal.orgId,
      pairId: goal.pairId,
      createdAt: now,
      deletedAt: null,
      ...goalColumns(goal),
    })
    .execute();
  return goal;
}

/** A pair's goals, in the order they were set (ids sort by creation time). */
const goalsOf = (db: Kysely<Database>, { pairId, rows }: { pairId: string; rows: number }) =>
  db
    .selectFrom('goals')
    .select(GOAL_COLUMNS)
    .where('pairId', '=', pairId)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .limit(rows);

/** Their first page, which the pair's goal list reads as it opens: compiled once (see compiledQuery). */
const firstGoalsOf = compiledQuery(goalsOf);

/** One page of a pair's goals, in the order they were set. */
export function listGoals(
  db: Kysely<Database>,
  pairId: string,
  { status, ...page }: z.output<typeof goalListQuerySchema>,
): Promise<List<Goal>> {
  const read = (after: CursorPosition | null, rows: number) => {
    if (!status && !after) return firstGoalsOf.all(db, { pairId, rows });
    let query = goalsOf(db, { pairId, rows });
    if (status) query = query.where('status', '=', status);
    if (after) query = query.where('id', '>', after.id);
    return query.execute();
  };
  return readPage(page, read, toGoal);
}

/** Changes a goal as read (see updateVersioned); an achieved goal is at 100% progress. */
export function updateGoal(db: Kysely<Database>, row: Row<'goals'>, changes: GoalUpdate) {
  const current = toGoal(row);
  return updateVersioned(db, 'goals', {
    entity: 'goal',
    schema: goalSchema,
    current,
    patch: {
      ...changes,
      commitments: changes.commitments ? numberCommitments(changes.commitments) : current.commitments,
      progress: progressFor(changes.status ?? current.status, changes.progress ?? current.progress),
    },
    columns: goalColumns,
  });
}

/** A goal of one of the caller's own pairs; admins are not let in (goals are the pair's, like its log). */
export async function findOwnGoal(db: Kysely<Database>, caller: Caller, goalId: string) {
  const row = await db
    .selectFrom('goals')
    .select(GOAL_COLUMNS)
    .where('id', '=', goalId)
    .where('orgId', '=', caller.orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('goal');
  try {
    const access = await findOwnPair(db, caller, row.pairId);
    return { row, ...access };
  } catch (error) {
    if (error instanceof Problem) throw notFound('goal');
    throw error;
  }
}

/**
 * A self-assessment says where the goal's owner is on it ("1: just starting"): only the
 * owner gives it. The other member may send it back unchanged (a form that sends the whole
 * goal), never a new value.
 */
export function checkAssessedByOwner(
  role: PairRole,
  owner: PairRole,
  changes: { assessmentBefore?: number | null | undefined; assessmentAfter?: number | null | undefined },
  current: { assessmentBefore: number | null; assessmentAfter: number | null } = {
    assessmentBefore: null,
    assessmentAfter: null,
  },
): void {
  if (role === owner) return;
  const issues = (['assessmentBefore', 'assessmentAfter'] as const)
    .filter((field) => changes[field] !== undefined && changes[field] !== current[field])
    .map((field) => ({ path: [field], message: `Only the goal's ${owner} says where they are on it` }));
  if (issues.length > 0)
    throw new Problem('forbidden', "A self-assessment is the goal owner's to give", { issues });
}

/** The goals of some pairs: a member's export's `goals`. */
export async function goalsOfPairs(db: Kysely<Database>, pairIds: readonly string[]) {
  if (pairIds.length === 0) return [];
  const rows = await db
    .selectFrom('goals')
    .select(GOAL_COLUMNS)
    .where('pairId', 'in', pairIds)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toGoal);
}
