import type { BlockList } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv } from '../http/env.js';
import { FixedWindows } from '../http/fixed-windows.js';
import { Problem } from '../http/problem.js';

/**
 * Wraps authentication so that a client address whose tokens keep failing gets 429 with
 * `Retry-After` instead of 401, once it failed `limit` times in a window: guessing or
 * replaying tokens is slowed, and a client stuck on a bad token told to back off. Only
 * failures count, and a valid token from the same address is still served, so colleagues
 * behind one NAT are not locked out by one of them. The address is the socket's peer, or
 * what a trusted proxy says in `X-Forwarded-For`. A request with no socket (a test calling
 * the app directly) has no address and is not counted. Counted per process.
 */
export function limitFailedAuthentication(
  authenticate: MiddlewareHandler<AppEnv>,
  options: { limit: number; windowSeconds: number; trustedProxies: BlockList },
): MiddlewareHandler<AppEnv> {
  // Failed authentications per client address.
  const failures = new FixedWindows(options.windowSeconds * 1000);
  return async (c, next) => {
    const address = clientAddress(
      c.env?.incoming?.socket.remoteAddress,
      c.req.header('X-Forwarded-For'),
      options.trustedProxies,
    );
    if (address === undefined) return authenticate(c, next);
    try {
      return await authenticate(c, next);
    } catch (error) {
      if (!(error instanceof Problem) || error.code !== 'unauthorized') throw error;
      const now = Date.now();
      const window = failures.count(address, now);
      if (window.count <= options.limit) throw error;
      const wait = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
      throw new Problem(
        'rate_limited',
        'Too many failed sign-ins from your address: retry after the time given',
        {
          headers: { 'Retry-After': String(wait) },
        },
      );
    }
  };
}
