import { type List, type pageQuerySchema, type ServiceToken, serviceTokenSchema } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type * as z from 'zod';
import { nowIso } from '../../db/json.js';
import type { Database, Row } from '../../db/schema.js';
import { type CursorPosition, readPage } from '../../http/pagination.js';
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

/** One page of the organisation's tokens, revoked ones included, oldest first. */
export function listServiceTokens(
  db: Kysely<Database>,
  orgId: string,
  page: z.output<typeof pageQuerySchema>,
): Promise<List<ServiceToken>> {
  const read = (after: CursorPosition | null, rows: number) => {
    let query = db
      .selectFrom('serviceTokens')
      .selectAll()
      .where('orgId', '=', orgId)
      .orderBy('id')
      .limit(rows);
    if (after) query = query.where('id', '>', after.id);
    return query.execute();
  };
  return readPage(page, read, toServiceToken);
}

/** Revoking twice keeps the first time, which is when access really ended. */
export async function revokeServiceToken(db: Kysely<Database>, row: Row<'serviceTokens'>) {
  if (row.revokedAt !== null) return;
  await db.updateTable('serviceTokens').set({ revokedAt: nowIso() }).where('id', '=', row.id).execute();
}
