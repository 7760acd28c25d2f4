import { nextRelease, type Release, type ReleaseCoverage, type ReleaseRule } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { AGGREGATE_RELEASE_COLUMNS } from '../db/columns.js';
import { fromJson, nowIso, toJson } from '../db/json.js';
import type { Database, Row } from '../db/schema.js';

/** One aggregate of one organisation: `program:<id>`, `pair-trust:<id>`. */
export interface AggregateScope {
  orgId: string;
  scope: string;
}

function toRelease<F>(row: Row<'aggregateReleases'>, figures: z.ZodType<F>): Release<F> {
  return {
    releasedAt: row.releasedAt,
    covers: fromJson<ReleaseCoverage>(row.covers),
    figures: figures.parse(fromJson(row.figures)),
  };
}

async function stored(db: Kysely<Database>, { orgId, scope }: AggregateScope) {
  return db
    .selectFrom('aggregateReleases')
    .select(AGGREGATE_RELEASE_COLUMNS)
    .where('orgId', '=', orgId)
    .where('scope', '=', scope)
    .executeTakeFirst();
}

/**
 * The one way feedback leaves the server as an aggregate: every report, progress figure,
 * dashboard or export of answers calls this, so each shows the figures last released for
 * its scope and no fresher (core's nextRelease says when they move). Null while nothing
 * has been released.
 *
 * The release is read before the answers, and a new one is written only over the release
 * it was computed from (its version): of two requests releasing at once, on one process
 * or several, one writes and the other answers with what the first wrote, so no request
 * ever shows figures that were not stored, and a slower request cannot roll them back.
 */
export async function releasedAggregate<A, F>(
  db: Kysely<Database>,
  key: AggregateScope,
  loadAnswers: () => Promise<readonly A[]>,
  rule: Omit<ReleaseRule<A, F>, 'at'>,
  figures: z.ZodType<F>,
): Promise<Release<F> | null> {
  const row = await stored(db, key);
  const previous = row ? toRelease(row, figures) : null;
  const next = nextRelease(previous, await loadAnswers(), { ...rule, at: nowIso() });
  if (next === null || next === previous) return previous;

  const values = {
    releasedAt: next.releasedAt,
    covers: toJson(next.covers),
    figures: toJson(next.figures),
    version: (row?.version ?? 0) + 1,
  };
  const written = row
    ? await db
        .updateTable('aggregateReleases')
        .set(values)
        .where('orgId', '=', key.orgId)
        .where('scope', '=', key.scope)
        .where('version', '=', row.version)
        .executeTakeFirst()
    : await db
        .insertInto('aggregateReleases')
        .values({ ...key, ...values })
        .onConflict((oc) => oc.columns(['orgId', 'scope']).doNothing())
        .executeTakeFirst();
  const changed = 'numUpdatedRows' in written ? written.numUpdatedRows : written.numInsertedOrUpdatedRows;
  if (Number(changed ?? 0n) === 1) return next;
  const winner = await stored(db, key);
  return winner ? toRelease(winner, figures) : previous;
}
