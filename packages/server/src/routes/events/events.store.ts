import type { Kysely } from 'kysely';
import type { Caller } from '../../auth/caller.js';
import type { Database } from '../../db/schema.js';

/** Whether the caller's credential is still stored as good: a service token not revoked, a person not removed. */
export async function credentialStored(db: Kysely<Database>, caller: Caller): Promise<boolean> {
  const row =
    caller.kind === 'service'
      ? await db
          .selectFrom('serviceTokens')
          .select('id')
          .where('id', '=', caller.tokenId)
          .where('revokedAt', 'is', null)
          .executeTakeFirst()
      : await db
          .selectFrom('people')
          .select('id')
          .where('id', '=', caller.personId)
          .where('deletedAt', 'is', null)
          .executeTakeFirst();
  return row !== undefined;
}

/** The two people of a pair of the organisation, while it is not removed. */
export function pairMembers(db: Kysely<Database>, orgId: string, pairId: string) {
  return db
    .selectFrom('pairs')
    .select(['mentorId', 'menteeId'])
    .where('id', '=', pairId)
    .where('orgId', '=', orgId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
}
