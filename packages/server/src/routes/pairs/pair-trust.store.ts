import type { Kysely } from 'kysely';
import { memberId, type PairAccess } from '../../auth/access.js';
import { compiledQuery } from '../../db/compiled-queries.js';
import type { Database } from '../../db/schema.js';
import { readableBy } from '../feedback/feedback.store.js';

/** Read each time a member's pair card opens (its progress): compiled once (see compiledQuery). */
const trustRatings = compiledQuery(
  (db: Kysely<Database>, { orgId, pairId, readerId }: { orgId: string; pairId: string; readerId: string }) =>
    db
      .selectFrom('feedback')
      .select(['trust', 'createdAt'])
      .where('orgId', '=', orgId)
      .where('pairId', '=', pairId)
      .where(readableBy(pairId, readerId)),
);

/**
 * The trust ratings a caller's view of progress may be computed from, since a derived
 * 'low-trust' tells as much as the ratings behind it. A member: the answers they may
 * read, by the rule every read of feedback uses (readableBy). An admin or a service
 * token: none, so 'low-trust' is never a reason they see (core's atRisk); they read
 * feedback only as the program's released aggregate.
 */
export async function trustRatingsFor(db: Kysely<Database>, { pair, role }: PairAccess) {
  if (role === 'admin') return [];
  return trustRatings.all(db, { orgId: pair.orgId, pairId: pair.id, readerId: memberId(pair, role) });
}
