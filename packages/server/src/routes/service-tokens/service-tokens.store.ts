import { type ServiceToken, serviceTokenSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Database, Row } from '../../db/schema.js';
import { notFound } from '../../http/problem.js';

/** A token as listed: never its hash, which is as good as the token for a lookup. */
export function toServiceToken(row: Row<'serviceTokens'>): ServiceToken {
  return serviceTokenSchema.parse({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  });
}

export async function findServiceToken(db: Kysely<Database>, orgId: string, tokenId: string) {
  const row = await db
    .selectFrom('serviceTokens')
    .selectAll()
    .where('id', '=', tokenId)
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound('service token');
  return row;
}
