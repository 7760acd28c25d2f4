import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { tightenFile } from '../db/data-files.js';
import { localIssuer, type TokenIssuer } from './tokens.js';

export const DEMO_ISSUER = 'rm-kit-demo';
export const DEMO_AUDIENCE = 'rm-kit';
const DEMO_KEY_ID = 'rm-kit-demo-key';

export interface DemoAuthority {
  jwks: { keys: JWK[] };
  issuer: TokenIssuer;
  sign(claims: { sub: string; email: string; name: string }, expiresIn?: string): Promise<string>;
}

async function loadOrCreateKey(keyFile: string | undefined): Promise<JWK> {
  if (keyFile && existsSync(keyFile)) {
    tightenFile(keyFile);
    return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  }
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (keyFile) writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}

/**
 * Demo mode's stand-in for an identity provider: a key pair that signs tokens for the
 * seeded people. It exists only when RMKIT_DEMO=1. Kept beside the demo database (when
 * there is a file), so tokens handed out survive a restart of the server.
 */
export async function createDemoAuthority(keyFile?: string): Promise<DemoAuthority> {
  const privateJwk = await loadOrCreateKey(keyFile);
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
