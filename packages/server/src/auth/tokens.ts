import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type FlattenedJWSInput,
  type JWTHeaderParameters,
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

/** How far a token's `exp` and `nbf` may be off the server's clock. */
export const CLOCK_TOLERANCE_SECONDS = 30;

/** A token that passed every check, with the issuer and the very key that accepted it. */
export interface VerifiedToken {
  payload: JWTPayload;
  issuer: TokenIssuer;
  header: JWTHeaderParameters;
  input: FlattenedJWSInput;
  key: unknown;
}

/**
 * Checks signature, algorithm, issuer, audience, expiry and not-before against each
 * trusted issuer in turn; answers the claims of the first that accepts the token.
 */
export async function verifyToken(token: string, issuers: readonly TokenIssuer[]): Promise<VerifiedToken> {
  let lastError: unknown = new Error('No token issuer is configured');
  for (const trusted of issuers) {
    try {
      let key: unknown;
      let input: FlattenedJWSInput | undefined;
      const { payload, protectedHeader } = await jwtVerify(
        token,
        async (header, jws) => {
          input = jws;
          key = await trusted.keys(header, jws);
          return key as Awaited<ReturnType<JWTVerifyGetKey>>;
        },
        {
          issuer: trusted.issuer,
          audience: trusted.audience,
          algorithms: ALLOWED_ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['sub', 'exp'],
        },
      );
      if (!input) throw new Error('jose verified a token without asking for its key');
      return { payload, issuer: trusted, header: protectedHeader, input, key };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}
