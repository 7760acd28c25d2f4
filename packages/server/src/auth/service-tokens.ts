import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** Service tokens are told apart from JWTs by this prefix. */
export const SERVICE_TOKEN_PREFIX = 'rmk_';

/**
 * Only a SHA-256 of each token is stored: the token itself is shown once, at creation.
 * A fast hash is enough because the token is 256 random bits, not a password.
 */
export function hashServiceToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createServiceToken(db: Kysely<Database>, orgId: string, name: string) {
  const token = `${SERVICE_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const id = newId('serviceToken');
  await db
    .insertInto('serviceTokens')
    .values({
      id,
      orgId,
      name,
      tokenHash: hashServiceToken(token),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    })
    .execute();
  return { id, token };
}
