import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { localIssuer, type TokenIssuer } from './tokens.js';

export const DEMO_ISSUER = 'rm-kit-demo';
export const DEMO_AUDIENCE = 'rm-kit';
const DEMO_KEY_ID = 'rm-kit-demo-key';

export interface DemoAuthority {
  jwks: { keys: JWK[] };
  issuer: TokenIssuer;
  sign(claims: { sub: string; email: string; name: string }, expiresIn?: string): Promise<string>;
}

/**
 * Demo mode's stand-in for an identity provider: a key pair made at start-up that signs
 * tokens for the seeded people. It exists only when RMKIT_DEMO=1.
 */
export async function createDemoAuthority(): Promise<DemoAuthority> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = { ...(await exportJWK(publicKey)), kid: DEMO_KEY_ID, alg: 'ES256', use: 'sig' };
  const jwks = { keys: [publicJwk] };
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
