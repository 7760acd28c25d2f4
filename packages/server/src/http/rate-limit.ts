import type { Context, MiddlewareHandler } from 'hono';
import { setForEveryAnswer } from './answer-headers.js';
import type { AppEnv } from './env.js';
import { Problem } from './problem.js';

/** Past this many callers, windows that have ended are forgotten, so memory follows the callers of the last window. */
const SWEEP_ABOVE = 10_000;

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
  const windowMs = windowSeconds * 1000;
  const policy = `${limit};w=${windowSeconds}`;
  const windows = new Map<string, { hits: number; endsAt: number }>();
  const sweep = (now: number) => {
    for (const [key, window] of windows) if (window.endsAt <= now) windows.delete(key);
  };
  return (c, next) => {
    const key = options.keyOf(c);
    const now = Date.now();
    let window = windows.get(key);
    if (!window || window.endsAt <= now) {
      if (windows.size > SWEEP_ABOVE) sweep(now);
      window = { hits: 0, endsAt: now + windowMs };
      windows.set(key, window);
    }
    window.hits++;
    const reset = String(Math.max(0, Math.ceil((window.endsAt - now) / 1000)));
    setForEveryAnswer(c, 'RateLimit-Policy', policy);
    setForEveryAnswer(
      c,
      'RateLimit',
      `limit=${limit}, remaining=${Math.max(0, limit - window.hits)}, reset=${reset}`,
    );
    if (window.hits > limit) {
      throw new Problem('rate_limited', 'Too many requests: slow down and retry after the time given', {
        headers: { 'Retry-After': reset },
      });
    }
    return next();
  };
}
