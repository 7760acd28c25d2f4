import type { DashboardGround } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { fromJson } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { toProgram } from '../programs/programs.store.js';

/**
 * What a program's dashboard is computed from, besides its released feedback: its
 * applications, its pairs with their members' names, their sessions and goals. Only
 * what an admin may read: goals by status alone, sessions without summaries or notes.
 */
export async function dashboardGround(
  db: Kysely<Database>,
  programRow: Row<'programs'>,
  now: Date,
): Promise<DashboardGround> {
  const { orgId, id: programId } = programRow;
  const pairIds = db
    .selectFrom('pairs')
    .select('id')
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('deletedAt', 'is', null);
  const [enrollments, pairs, sessions, goals] = await Promise.all([
    db
      .selectFrom('enrollments')
      .select(['personId', 'role', 'status', 'topics'])
      .where('orgId', '=', orgId)
      .where('programId', '=', programId)
      .where('deletedAt', 'is', null)
      .execute(),
    db
      .selectFrom('pairs')
      .innerJoin('people as mentor', 'mentor.id', 'pairs.mentorId')
      .innerJoin('people as mentee', 'mentee.id', 'pairs.menteeId')
      .select([
        'pairs.id',
        'pairs.menteeId',
        'pairs.status',
        'pairs.startedOn',
        'pairs.resumedOn',
        'mentor.displayName as mentorName',
        'mentee.displayName as menteeName',
      ])
      .where('pairs.orgId', '=', orgId)
      .where('pairs.programId', '=', programId)
      .where('pairs.deletedAt', 'is', null)
      .orderBy('pairs.id')
      .execute(),
    db
      .selectFrom('sessions')
      .select(['pairId', 'status', 'occurredAt', 'scheduledAt', 'topics'])
      .where('orgId', '=', orgId)
      .where('pairId', 'in', pairIds)
      .where('deletedAt', 'is', null)
      .execute(),
    db
      .selectFrom('goals')
      .select('status')
      .where('orgId', '=', orgId)
      .where('pairId', 'in', pairIds)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);
  return {
    program: toProgram(programRow),
    enrollments: enrollments.map((e) => ({ ...e, topics: fromJson<string[]>(e.topics) })),
    pairs,
    sessions: sessions.map((s) => ({ ...s, topics: fromJson<string[]>(s.topics) })),
    goals,
    now,
  };
}
