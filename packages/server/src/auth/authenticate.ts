import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { nowIso } from '../db/json.js';
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

export interface AuthenticateOptions {
  /**
   * RMKIT_BIND_BY_EMAIL: whether a person who never signed in may be found by the email in
   * their token. Off by default: in Entra ID the `email`, `preferred_username` and `upn`
   * claims may be unverified or editable by the user ("nOAuth"), so trusting them is a choice.
   */
  bindByEmail: boolean;
  /**
   * The issuer of demo mode's own tokens, when it runs: they are minted by this server for
   * a stored person's email, so that email is known to be theirs.
   */
  demoIssuer?: string;
}

/**
 * The email a token vouches for: `email`, unless the provider says it is unverified
 * (`email_verified: false`); else `preferred_username` or `upn` when they hold an address.
 */
export function emailClaim(claims: Record<string, unknown>): string | null {
  const keys =
    claims.email_verified === false ? ['preferred_username', 'upn'] : ['email', 'preferred_username', 'upn'];
  for (const key of keys) {
    const value = claims[key];
    if (typeof value === 'string' && value.includes('@')) return value.toLowerCase();
  }
  return null;
}

/**
 * A token's subject is matched to a person's externalId. Only when binding by email is on
 * (or for demo mode's own tokens) is a person not yet signed in found by email, and their
 * externalId then bound to the subject, so a later token with the same email but another
 * subject is refused.
 */
async function personCaller(
  db: Kysely<Database>,
  claims: Record<string, unknown>,
  options: AuthenticateOptions,
): Promise<Caller> {
  const subject = String(claims.sub);
  const people = db
    .selectFrom('people')
    .select(['id', 'orgId', 'isAdmin', 'externalId'])
    .where('deletedAt', 'is', null);
  let person = await people.where('externalId', '=', subject).executeTakeFirst();
  if (!person) {
    const mayBind =
      options.bindByEmail || (options.demoIssuer !== undefined && claims.iss === options.demoIssuer);
    const email = mayBind ? emailClaim(claims) : null;
    const matches = email ? await people.where('email', '=', email).execute() : [];
    const match = matches.length === 1 ? matches[0] : undefined;
    if (!match || match.externalId !== null) throw unauthorized('The token does not belong to anyone here');
    // Bind only if still unbound: of two first sign-ins at once, one wins.
    const bound = await db
      .updateTable('people')
      .set((eb) => ({ externalId: subject, updatedAt: nowIso(), version: eb('version', '+', 1) }))
      .where('id', '=', match.id)
      .where('externalId', 'is', null)
      .executeTakeFirst();
    if (Number(bound.numUpdatedRows) !== 1) throw unauthorized('The token does not belong to anyone here');
    person = match;
  }
  return { kind: 'person', orgId: person.orgId, personId: person.id, isAdmin: person.isAdmin === 1 };
}

/** Requires `Authorization: Bearer <JWT or service token>` and puts the caller on the context. */
export function authenticate(
  db: Kysely<Database>,
  issuers: readonly TokenIssuer[],
  options: AuthenticateOptions = { bindByEmail: false },
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
      c.set('caller', await personCaller(db, claims, options));
    }
    await next();
  };
}
