import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JWTPayload,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';

/** Only asymmetric algorithms: a token signed with a shared secret is never accepted. */
export const ALLOWED_ALGORITHMS = ['RS256', 'ES256'];

export interface TokenIssuer {
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
}

/** An OpenID Connect provider (Entra ID, Okta, Keycloak…) whose signing keys are at a JWKS URL. */
export function remoteIssuer(jwksUrl: string, issuer: string, audience: string): TokenIssuer {
  return { keys: createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000 }), issuer, audience };
}

export function localIssuer(jwks: { keys: object[] }, issuer: string, audience: string): TokenIssuer {
  return { keys: createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]), issuer, audience };
}

/**
 * Checks signature, algorithm, issuer, audience, expiry and not-before against each
 * trusted issuer in turn; answers the claims of the first that accepts the token.
 */
export async function verifyToken(token: string, issuers: readonly TokenIssuer[]): Promise<JWTPayload> {
  let lastError: unknown = new Error('No token issuer is configured');
  for (const trusted of issuers) {
    try {
      const { payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        algorithms: ALLOWED_ALGORITHMS,
        clockTolerance: 30,
        requiredClaims: ['sub', 'exp'],
      });
      return payload;
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
