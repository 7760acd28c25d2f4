import {
  feedbackFigures,
  feedbackFiguresSchema,
  feedbackTrace,
  organizationSettingsSchema,
} from '@rm-kit/core';
import type { Kysely } from 'kysely';
import { releasedAggregate } from '../../aggregates/released-aggregate.js';
import { fromJson } from '../../db/json.js';
import type { Database } from '../../db/schema.js';

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

/** The program's pairs still in it, counted by status in the report. */
export async function livePairsOf(db: Kysely<Database>, orgId: string, programId: string) {
  return db
    .selectFrom('pairs')
    .select('status')
    .where('orgId', '=', orgId)
    .where('programId', '=', programId)
    .where('deletedAt', 'is', null)
    .execute();
}

/** Every answer of the program's pairs still in it, with what its figures are made of. */
async function answersOf(db: Kysely<Database>, orgId: string, programId: string) {
  const rows = await db
    .selectFrom('feedback')
    .select(['id', 'kind', 'usefulness', 'trust', 'preparation', 'recommend'])
    .where('orgId', '=', orgId)
    .where('pairId', 'in', (eb) =>
      eb
        .selectFrom('pairs')
        .select('id')
        .where('orgId', '=', orgId)
        .where('programId', '=', programId)
        .where('deletedAt', 'is', null),
    )
    .execute();
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    ratings: { usefulness: a.usefulness, trust: a.trust, preparation: a.preparation },
    recommend: a.recommend,
  }));
}

/**
 * The program's feedback figures as last released: what every view of a program's
 * feedback (the report, a dashboard, an export) shows, overall and by kind from one
 * release. A pair removed from the program takes its answers out, which counts as a
 * change like a withdrawal.
 */
export async function releasedFeedbackFigures(
  db: Kysely<Database>,
  orgId: string,
  programId: string,
  minGroupSize: number,
) {
  return releasedAggregate(
    db,
    { orgId, scope: `program:${programId}` },
    () => answersOf(db, orgId, programId),
    {
      step: minGroupSize,
      traceOf: (answer) => [answer.id, feedbackTrace(answer)],
      summarize: (answers) => feedbackFigures(answers, minGroupSize),
    },
    feedbackFiguresSchema,
  );
}
