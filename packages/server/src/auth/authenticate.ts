import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { Problem } from '../http/problem.js';
import type { Caller } from './caller.js';
import { hashServiceToken, SERVICE_TOKEN_PREFIX } from './service-tokens.js';
import { type TokenIssuer, verifyToken } from './tokens.js';

function unauthorized(description: string): Problem {
  return new Problem('unauthorized', description, {
    headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${description}"` },
  });
}

async function serviceCaller(db: Kysely<Database>, token: string): Promise<Caller> {
  const row = await db
    .selectFrom('serviceTokens')
    .select(['id', 'orgId'])
    .where('tokenHash', '=', hashServiceToken(token))
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw unauthorized('Unknown or revoked service token');
  await db
    .updateTable('serviceTokens')
    .set({ lastUsedAt: new Date().toISOString() })
    .where('id', '=', row.id)
    .execute();
  return { kind: 'service', orgId: row.orgId, personId: null, isAdmin: true, tokenId: row.id };
}

function emailClaim(claims: Record<string, unknown>): string | null {
  for (const key of ['email', 'preferred_username', 'upn']) {
    const value = claims[key];
    if (typeof value === 'string' && value.includes('@')) return value.toLowerCase();
  }
  return null;
}

/**
 * A token's subject is matched to a person's externalId. A person not yet signed in is
 * found by email, and their externalId is then bound to the subject, so a later token
 * with the same email but another subject is refused.
 */
async function personCaller(db: Kysely<Database>, claims: Record<string, unknown>): Promise<Caller> {
  const subject = String(claims.sub);
  const people = db
    .selectFrom('people')
    .select(['id', 'orgId', 'isAdmin', 'externalId'])
    .where('deletedAt', 'is', null);
  let person = await people.where('externalId', '=', subject).executeTakeFirst();
  if (!person) {
    const email = emailClaim(claims);
    const matches = email ? await people.where('email', '=', email).execute() : [];
    const match = matches.length === 1 ? matches[0] : undefined;
    if (!match || match.externalId !== null) throw unauthorized('The token does not belong to anyone here');
    await db.updateTable('people').set({ externalId: subject }).where('id', '=', match.id).execute();
    person = match;
  }
  return { kind: 'person', orgId: person.orgId, personId: person.id, isAdmin: person.isAdmin === 1 };
}

/** Requires `Authorization: Bearer <JWT or service token>` and puts the caller on the context. */
export function authenticate(
  db: Kysely<Database>,
  issuers: readonly TokenIssuer[],
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new Problem('unauthorized', 'Send a token: Authorization: Bearer <token>', {
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    }
    const token = match[1];
    if (token.startsWith(SERVICE_TOKEN_PREFIX)) {
      c.set('caller', await serviceCaller(db, token));
    } else {
      let claims: Record<string, unknown>;
      try {
        claims = await verifyToken(token, issuers);
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw unauthorized(
          code === 'ERR_JWT_EXPIRED' ? 'The token has expired' : 'The token is not valid here',
        );
      }
      c.set('caller', await personCaller(db, claims));
    }
    await next();
  };
}
