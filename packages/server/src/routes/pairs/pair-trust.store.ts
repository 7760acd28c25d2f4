import type { Kysely } from 'kysely';
import { memberId, type PairAccess } from '../../auth/access.js';
import type { Database } from '../../db/schema.js';
import { readableBy } from '../feedback/feedback.store.js';

/**
 * The trust ratings a caller's view of progress may be computed from, since a derived
 * 'low-trust' tells as much as the ratings behind it. A member: the answers they may
 * read, by the rule every read of feedback uses (readableBy). An admin or a service
 * token: none, so 'low-trust' is never a reason they see (core's atRisk); they read
 * feedback only as the program's released aggregate.
 */
export async function trustRatingsFor(db: Kysely<Database>, { pair, role }: PairAccess) {
  if (role === 'admin') return [];
  return db
    .selectFrom('feedback')
    .select(['trust', 'createdAt'])
    .where('orgId', '=', pair.orgId)
    .where('pairId', '=', pair.id)
    .where(readableBy(pair.id, memberId(pair, role)))
    .execute();
}
