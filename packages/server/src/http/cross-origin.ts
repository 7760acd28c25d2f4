import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from './env.js';

const EXPOSED = ['ETag', 'Location', 'Retry-After', 'X-Request-Id', 'Idempotent-Replayed', 'RateLimit'].join(
  ',',
);

/**
 * CORS for the intranet pages allowed to call the API. A preflight is answered by Hono's
 * own middleware. Every other request gets its headers before the handler runs, so they
 * are built into the answer: Hono's middleware set one before (touching the response,
 * which made the handler's answer be rebuilt into it) and `Vary` after (rebuilding it
 * again); together a tenth of the time of a read. An answer made elsewhere (a replayed
 * write) gets them afterwards.
 */
export function crossOrigin(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = (origin: string) => (allowedOrigins.includes(origin) ? origin : null);
  const preflight = cors({
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
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = allowed(c.req.header('Origin') ?? '');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', EXPOSED);
    c.header('Vary', 'Origin', { append: true });
    await next();
    if (c.res.headers.has('Access-Control-Expose-Headers')) return;
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', EXPOSED);
    c.header('Vary', 'Origin', { append: true });
  };
}
