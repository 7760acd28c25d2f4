import type { Context, MiddlewareHandler } from 'hono';
import { setForEveryAnswer } from './answer-headers.js';
import type { AppEnv } from './env.js';
import { FixedWindows } from './fixed-windows.js';
import { Problem } from './problem.js';

/**
 * At most `limit` requests per caller (`keyOf`) in fixed windows of `windowSeconds`, each
 * starting at the caller's first request; past it, 429 with `Retry-After`. Every answer
 * says where the caller stands, in the IETF draft's `RateLimit-Policy` and `RateLimit`
 * headers (draft 7, as hono-rate-limiter wrote them). Counted per process. Written for
 * this server rather than taken from hono-rate-limiter, which awaited five times per
 * request for what is a map lookup here.
 */
export function rateLimit(options: {
  limit: number;
  windowSeconds: number;
  keyOf: (c: Context<AppEnv>) => string;
}): MiddlewareHandler<AppEnv> {
  const { limit, windowSeconds } = options;
  const policy = `${limit};w=${windowSeconds}`;
  const windows = new FixedWindows(windowSeconds * 1000);
  return (c, next) => {
    const now = Date.now();
    const window = windows.count(options.keyOf(c), now);
    const reset = String(Math.max(0, Math.ceil((window.endsAt - now) / 1000)));
    setForEveryAnswer(c, 'RateLimit-Policy', policy);
    setForEveryAnswer(
      c,
      'RateLimit',
      `limit=${limit}, remaining=${Math.max(0, limit - window.count)}, reset=${reset}`,
    );
    if (window.count > limit) {
      throw new Problem('rate_limited', 'Too many requests: slow down and retry after the time given', {
        headers: { 'Retry-After': reset },
      });
    }
    return next();
  };
}
