import type { JWTPayload } from 'jose';
import { CLOCK_TOLERANCE_SECONDS, type TokenIssuer, type VerifiedToken, verifyToken } from './tokens.js';

/** Enough for everyone active at once in a large company; each entry is a token and its claims, a few kB. */
const REMEMBERED_TOKENS = 5_000;

/**
 * Verifies tokens, remembering the ones that passed, so a browser sending the same token
 * on every request pays for its signature once (it was a sixth of the server's time on a
 * read). A remembered token is accepted again only while nothing that decided it could
 * have changed: it has not expired (checked on every request, with the same tolerance),
 * and its issuer, asked now for the key of its header, answers the very key that checked
 * the signature. So a key the identity provider withdraws stops its tokens as soon as the
 * key set is read again, exactly as before; the issuer's key lookup is cheap, the
 * signature is not. Failures are never remembered, and at most REMEMBERED_TOKENS tokens
 * are, the least recently used forgotten first.
 */
export class VerifiedTokens {
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(
    private readonly issuers: readonly TokenIssuer[],
    private readonly capacity = REMEMBERED_TOKENS,
  ) {}

  async verify(token: string): Promise<JWTPayload> {
    const known = this.verified.get(token);
    if (known) {
      if (await this.stillValid(known)) {
        this.remember(token, known);
        return known.payload;
      }
      this.verified.delete(token);
    }
    const fresh = await verifyToken(token, this.issuers);
    Object.freeze(fresh.payload);
    this.remember(token, fresh);
    return fresh.payload;
  }

  private async stillValid(known: VerifiedToken): Promise<boolean> {
    // `exp` is required, so it is a number; `nbf` was passed when verified and time only moves on.
    const now = Math.floor(Date.now() / 1000);
    if ((known.payload.exp as number) <= now - CLOCK_TOLERANCE_SECONDS) return false;
    try {
      return (await known.issuer.keys(known.header, known.input)) === known.key;
    } catch {
      return false;
    }
  }

  private remember(token: string, verified: VerifiedToken): void {
    this.verified.delete(token);
    if (this.verified.size >= this.capacity) {
      const oldest = this.verified.keys().next();
      if (!oldest.done) this.verified.delete(oldest.value);
    }
    this.verified.set(token, verified);
  }
}
