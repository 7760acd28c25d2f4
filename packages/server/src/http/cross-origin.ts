import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { setForEveryAnswer } from './answer-headers.js';
import type { AppEnv } from './env.js';

const EXPOSED = ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'RateLimit'].join(
  ',',
);

/** The Origin a request sent, if it is one of RMKIT_CORS_ORIGINS (exactly), else null. */
export function allowedOrigin(allowedOrigins: readonly string[]) {
  return (origin: string): string | null => (allowedOrigins.includes(origin) ? origin : null);
}

/**
 * CORS for the intranet pages allowed to call the API (see everyAnswer, which applies it).
 * A preflight is answered by Hono's own middleware. Every other request gets its headers
 * before anything answers (see setForEveryAnswer): Hono's middleware set one before
 * (touching the response, which made the handler's answer be rebuilt into it) and `Vary`
 * after (rebuilding it again); together a tenth of the time of a read.
 */
export function crossOrigin(allowedOrigins: readonly string[]) {
  const allowed = allowedOrigin(allowedOrigins);
  const set = (c: Context<AppEnv>, origin: string | null) => {
    if (origin) setForEveryAnswer(c, 'Access-Control-Allow-Origin', origin);
    setForEveryAnswer(c, 'Access-Control-Expose-Headers', EXPOSED);
    setForEveryAnswer(c, 'Vary', 'Origin');
  };
  const preflight: MiddlewareHandler<AppEnv> = cors({
    origin: allowed,
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'If-Match',
      'Last-Event-ID',
      'X-Request-Id',
    ],
    exposeHeaders: EXPOSED.split(','),
    maxAge: 600,
  });
  return {
    preflight,
    /** Sets the headers before the handler runs; the origin it allowed, for `after`. */
    before(c: Context<AppEnv>): string | null {
      const origin = allowed(c.req.header('Origin') ?? '');
      set(c, origin);
      return origin;
    },
    /** Sets them on an answer made without them (see everyAnswer). */
    after(c: Context<AppEnv>, origin: string | null): void {
      if (!c.res.headers.has('Access-Control-Expose-Headers')) set(c, origin);
    },
  };
}
