import { createHash } from 'node:crypto';
import type { BlockList } from 'node:net';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { rateLimiter } from 'hono-rate-limiter';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { clientAddress } from '../../http/client-address.js';
import type { AppEnv } from '../../http/env.js';
import { Problem } from '../../http/problem.js';
import { getFeedRoute } from './calendar.routes.js';
import { feedSessions, findFeedOwner, partnerName } from './calendar.store.js';
import { calendarText, eventSummary } from './calendar-feed.ics.js';

export interface CalendarFeedOptions {
  db: Kysely<Database>;
  /** Feed requests per client address and window. */
  limit: number;
  windowSeconds: number;
  trustedProxies: BlockList;
}

/** The one answer for a secret that opens nothing, whether it never did or was turned off. */
const noFeed = () => new Problem('not_found', 'No calendar feed at this link');

/**
 * The feed itself, for calendar apps, which send no token: the secret in its path is the
 * credential. Registered before authentication, so it answers without one, and before
 * no-store, which is for the API's own answers; CORS is the API's (a page of an allowed
 * origin may read a feed whose link it holds).
 * Limited per client address, which is all there is to tell its callers apart by.
 */
export function registerCalendarFeed(app: OpenAPIHono<AppEnv>, options: CalendarFeedOptions) {
  app.use(
    '/v1/calendar/*',
    rateLimiter<AppEnv>({
      windowMs: options.windowSeconds * 1000,
      limit: options.limit,
      standardHeaders: 'draft-7',
      keyGenerator: (c) =>
        `calendar:${clientAddress(c.env?.incoming?.socket.remoteAddress, c.req.header('X-Forwarded-For'), options.trustedProxies) ?? ''}`,
      handler: (c) => {
        const reset = c.res.headers.get('RateLimit')?.match(/reset=(\d+)/)?.[1];
        throw new Problem('rate_limited', 'Too many requests: slow down and retry after the time given', {
          headers: { 'Retry-After': reset ?? String(options.windowSeconds) },
        });
      },
    }),
  );

  app.openapi(getFeedRoute, async (c) => {
    const secret = c.req.valid('param').feed.slice(0, -'.ics'.length);
    const owner = await findFeedOwner(options.db, secret);
    if (!owner) throw noFeed();
    const [sessions, name] = await Promise.all([
      feedSessions(options.db, owner),
      owner.pairId ? partnerName(options.db, owner) : Promise.resolve(undefined),
    ]);
    const text = calendarText(name ? eventSummary(name) : 'Mentoring', sessions);
    const etag = `"${createHash('sha256').update(text).digest('base64url')}"`;
    // Someone's own sessions: a shared cache must not keep them; the app asks again each time.
    c.header('Cache-Control', 'private, no-cache');
    c.header('ETag', etag);
    if (c.req.valid('header')['if-none-match'] === etag) return c.body(null, 304);
    return c.body(text, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
