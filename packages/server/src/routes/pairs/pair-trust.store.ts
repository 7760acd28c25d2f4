import { instantSchema, ratingsSchema, TRUST_WINDOW } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import * as z from 'zod';
import { releasedAggregate } from '../../aggregates/released-aggregate.js';
import { memberId, type PairAccess } from '../../auth/access.js';
import type { Database, Row } from '../../db/schema.js';
import { readableBy } from '../feedback/feedback.store.js';
import { minGroupSizeOf } from '../reports/reports.store.js';

/**
 * What an admin's 'low-trust' is computed from: the trust ratings of the pair's last
 * answers, oldest first. Stored with the release, never answered to anyone as such.
 */
const recentTrustSchema = z.array(
  z.strictObject({ trust: ratingsSchema.shape.trust, createdAt: instantSchema }),
);

/**
 * The pair's trust ratings an admin's view of its progress uses, released like every
 * other aggregate of feedback: nothing until the pair has at least the organisation's
 * minAggregateGroupSize answers, and then the same ratings until that many more were
 * given, changed or withdrawn, so the admin's at-risk flag never moves with one answer.
 */
export async function releasedPairTrust(db: Kysely<Database>, pair: Row<'pairs'>) {
  const minGroupSize = await minGroupSizeOf(db, pair.orgId);
  const released = await releasedAggregate(
    db,
    { orgId: pair.orgId, scope: `pair-trust:${pair.id}` },
    () =>
      db
        .selectFrom('feedback')
        .select(['id', 'trust', 'createdAt'])
        .where('orgId', '=', pair.orgId)
        .where('pairId', '=', pair.id)
        .execute(),
    {
      step: minGroupSize,
      traceOf: (answer) => [answer.id, { group: 'trust', value: String(answer.trust) }],
      summarize: (answers) =>
        [...answers]
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .slice(-TRUST_WINDOW)
          .map(({ trust, createdAt }) => ({ trust, createdAt })),
    },
    recentTrustSchema,
  );
  // Checked as the minimum is now, so one raised since the release hides the figure at once.
  const covered = released ? Object.keys(released.covers).length : 0;
  return released && covered >= minGroupSize ? released.figures : [];
}

/**
 * The trust ratings a caller's view of progress may be computed from, since a derived
 * 'low-trust' tells as much as the ratings behind it. A member: the answers they may
 * read, by the rule every read of feedback uses (readableBy). An admin: the pair's last
 * answers as released (see releasedPairTrust), like any other aggregate of feedback.
 */
export async function trustRatingsFor(db: Kysely<Database>, { pair, role }: PairAccess) {
  if (role === 'admin') return releasedPairTrust(db, pair);
  return db
    .selectFrom('feedback')
    .select(['trust', 'createdAt'])
    .where('orgId', '=', pair.orgId)
    .where('pairId', '=', pair.id)
    .where(readableBy(pair.id, memberId(pair, role)))
    .execute();
}
