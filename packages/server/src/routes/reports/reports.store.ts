import { organizationSettingsSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Caller } from '../../auth/caller.js';
import { fromJson } from '../../db/json.js';
import type { Database } from '../../db/schema.js';
import { forbidden, notFound } from '../../http/problem.js';

/**
 * A program the caller may report on. A member who can see the program (anything past
 * draft) is told they may not; a draft stays as invisible to them as a missing id.
 */
export async function findReportableProgram(db: Kysely<Database>, caller: Caller, programId: string) {
  const program = await db
    .selectFrom('programs')
    .select(['id', 'status'])
    .where('id', '=', programId)
    .where('orgId', '=', caller.orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!program) throw notFound('program');
  if (!caller.isAdmin) {
    if (program.status === 'draft') throw notFound('program');
    throw forbidden('Only a program admin can read its report');
  }
  return program;
}

/** The organisation's smallest group of answers that may be shown as an average. */
export async function minGroupSizeOf(db: Kysely<Database>, orgId: string): Promise<number> {
  const org = await db
    .selectFrom('organizations')
    .select('settings')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const settings = fromJson<{ minAggregateGroupSize?: unknown }>(org.settings);
  // Only this setting is read, so a setting added later cannot break the report.
  return organizationSettingsSchema.shape.minAggregateGroupSize.parse(settings.minAggregateGroupSize);
}

/** What the report counts: the program's pairs still in it, and the answers of those pairs. */
export async function reportInputs(db: Kysely<Database>, orgId: string, programId: string) {
  const livePairs = db
    .selectFrom('pairs')
    .select('id')
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('deletedAt', 'is', null);
  const [pairs, answers] = await Promise.all([
    livePairs.select('status').execute(),
    db
      .selectFrom('feedback')
      .select(['kind', 'usefulness', 'trust', 'preparation', 'recommend'])
      .where('orgId', '=', orgId)
      .where('pairId', 'in', livePairs)
      .execute(),
  ]);
  return {
    pairs,
    feedback: answers.map((a) => ({
      kind: a.kind,
      ratings: { usefulness: a.usefulness, trust: a.trust, preparation: a.preparation },
      recommend: a.recommend,
    })),
  };
}
