import { existsSync, readFileSync, rmSync } from 'node:fs';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { localIssuer, type TokenIssuer } from './tokens.js';

export const DEMO_ISSUER = 'rm-kit-demo';
export const DEMO_AUDIENCE = 'rm-kit';
const DEMO_KEY_ID = 'rm-kit-demo-key';

export interface DemoAuthority {
  jwks: { keys: JWK[] };
  issuer: TokenIssuer;
  sign(claims: { sub: string; email: string; name: string }, expiresIn?: string): Promise<string>;
}

async function storedKey(db: Kysely<Database>): Promise<JWK | undefined> {
  const row = await db
    .selectFrom('demoSigningKeys')
    .select('privateJwk')
    .where('kid', '=', DEMO_KEY_ID)
    .executeTakeFirst();
  return row ? (JSON.parse(row.privateJwk) as JWK) : undefined;
}

/**
 * The key in the database, else the one an older version kept in a file beside the SQLite
 * database (moved into the database, so the tokens it signed keep working), else a new
 * one. Of several processes starting at once on one PostgreSQL, the first to store its
 * key wins and all use that one.
 */
async function loadOrCreateKey(db: Kysely<Database>, legacyKeyFile: string | undefined): Promise<JWK> {
  const stored = await storedKey(db);
  if (stored) return stored;
  const legacy = legacyKeyFile && existsSync(legacyKeyFile) ? readFileSync(legacyKeyFile, 'utf8') : undefined;
  const jwk = legacy
    ? (JSON.parse(legacy) as JWK)
    : await exportJWK((await generateKeyPair('ES256', { extractable: true })).privateKey);
  await db
    .insertInto('demoSigningKeys')
    .values({ kid: DEMO_KEY_ID, privateJwk: JSON.stringify(jwk), createdAt: new Date().toISOString() })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
  // The database holds it now: a second copy of a private key is one more to leak.
  if (legacyKeyFile && legacy) rmSync(legacyKeyFile, { force: true });
  return (await storedKey(db)) ?? jwk;
}

/**
 * Demo mode's stand-in for an identity provider: a key pair that signs tokens for the
 * seeded people. It exists only when RMKIT_DEMO=1. The key is kept in the database, so
 * tokens handed out survive a restart of the server, on SQLite and PostgreSQL alike.
 */
export async function createDemoAuthority(
  db: Kysely<Database>,
  options: { legacyKeyFile?: string } = {},
): Promise<DemoAuthority> {
  const privateJwk = await loadOrCreateKey(db, options.legacyKeyFile);
  const privateKey = await importJWK(privateJwk, 'ES256');
  const { d: _private, ...publicPart } = privateJwk;
  const jwks = { keys: [{ ...publicPart, kid: DEMO_KEY_ID, alg: 'ES256', use: 'sig' }] };
  return {
    jwks,
    issuer: localIssuer(jwks, DEMO_ISSUER, DEMO_AUDIENCE),
    sign: (claims, expiresIn = '8h') =>
      new SignJWT({ email: claims.email, name: claims.name })
        .setProtectedHeader({ alg: 'ES256', kid: DEMO_KEY_ID })
        .setSubject(claims.sub)
        .setIssuer(DEMO_ISSUER)
        .setAudience(DEMO_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(expiresIn)
        .sign(privateKey),
  };
}
