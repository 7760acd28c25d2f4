import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import { nowIso } from '../db/json.js';
import type { Database } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { isWrite } from '../http/idempotency.js';
import { Problem } from '../http/problem.js';
import type { Caller } from './caller.js';
import { type Identity, identityFrom } from './identity.js';
import { createOnSignIn, findByExternalId, refreshProfile, type SignedInPerson } from './just-in-time.js';
import { KnownPeople } from './known-people.js';
import { hashServiceToken, SERVICE_TOKEN_PREFIX } from './service-tokens.js';
import { isAdminByRole, refusal, type SignInPolicy } from './sign-in-policy.js';
import type { TokenIssuer } from './tokens.js';
import { VerifiedTokens } from './verified-tokens.js';

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
  /** Who may sign in, who is added on first sign-in, and which app role makes an admin. */
  policy?: SignInPolicy;
}

const NO_POLICY: SignInPolicy = { orgId: null, adminRole: null, allowedTenants: [], allowedEmailDomains: [] };

/**
 * A person not yet signed in, found by the email their token vouches for, has their
 * externalId bound to this identity, so a later token with the same email but another
 * identity is refused.
 */
async function bindByEmail(db: Kysely<Database>, identity: Identity): Promise<SignedInPerson | undefined> {
  const matches = identity.email
    ? await db
        .selectFrom('people')
        .select(['id', 'orgId', 'isAdmin', 'externalId'])
        .where('deletedAt', 'is', null)
        .where('email', '=', identity.email)
        .execute()
    : [];
  const match = matches.length === 1 ? matches[0] : undefined;
  if (!match || match.externalId !== null) return undefined;
  // Bind only if still unbound: of two first sign-ins at once, one wins.
  const bound = await db
    .updateTable('people')
    .set((eb) => ({ externalId: identity.externalId, updatedAt: nowIso(), version: eb('version', '+', 1) }))
    .where('id', '=', match.id)
    .where('externalId', 'is', null)
    .executeTakeFirst();
  return Number(bound.numUpdatedRows) === 1 ? match : undefined;
}

async function signedInPerson(
  db: Kysely<Database>,
  identity: Identity,
  claims: Record<string, unknown>,
  options: AuthenticateOptions,
  policy: SignInPolicy,
  people: KnownPeople,
): Promise<SignedInPerson> {
  const generation = people.generation;
  const kept = people.get(identity.externalId);
  const known = kept ?? (await findByExternalId(db, identity.externalId));
  if (known) {
    if (await refreshProfile(db, known, identity)) people.forget();
    else if (!kept) people.keep(identity.externalId, known, generation);
    return known;
  }
  const mayBind =
    options.bindByEmail || (options.demoIssuer !== undefined && claims.iss === options.demoIssuer);
  const bound = mayBind ? await bindByEmail(db, identity) : undefined;
  if (bound) {
    people.forget();
    return bound;
  }
  if (policy.orgId) {
    const added = await createOnSignIn(db, policy.orgId, identity);
    people.forget();
    return added;
  }
  throw unauthorized('The token does not belong to anyone here');
}

/**
 * The person a verified token stands for: matched by externalId (their name and email
 * refreshed from the token; taken as read for a moment, see KnownPeople), else bound by
 * email where that is allowed (RMKIT_BIND_BY_EMAIL, or demo mode's own tokens), else added
 * on first sign-in when the policy names an organisation. Admin rights come from the stored
 * flag or, read anew on every request, from the token's app role, so a role taken away
 * takes its rights with it.
 */
async function personCaller(
  db: Kysely<Database>,
  claims: Record<string, unknown>,
  options: AuthenticateOptions,
  people: KnownPeople,
): Promise<Caller> {
  const policy = options.policy ?? NO_POLICY;
  const identity = identityFrom(claims);
  const refused = refusal(policy, identity);
  if (refused) throw refused;
  const person = await signedInPerson(db, identity, claims, options, policy, people);
  return {
    kind: 'person',
    orgId: person.orgId,
    personId: person.id,
    isAdmin: person.isAdmin === 1 || isAdminByRole(policy, identity),
    ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1000 } : {}),
  };
}

/** Requires `Authorization: Bearer <JWT or service token>` and puts the caller on the context. */
export function authenticate(
  db: Kysely<Database>,
  issuers: readonly TokenIssuer[],
  options: AuthenticateOptions = { bindByEmail: false },
): MiddlewareHandler<AppEnv> {
  const tokens = new VerifiedTokens(issuers);
  const people = new KnownPeople();
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
        claims = await tokens.verify(token);
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw unauthorized(
          code === 'ERR_JWT_EXPIRED' ? 'The token has expired' : 'The token is not valid here',
        );
      }
      c.set('caller', await personCaller(db, claims, options, people));
    }
    if (!isWrite(c.req.method)) return next();
    try {
      await next();
    } finally {
      // Committed (or given up) by now: a write may have changed someone a token stands for.
      people.forget();
    }
  };
}
