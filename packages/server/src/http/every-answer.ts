import type { BlockList } from 'node:net';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { endMoment } from '../db/read-moments.js';
import { setForEveryAnswer } from './answer-headers.js';
import { crossOrigin } from './cross-origin.js';
import type { AppEnv } from './env.js';
import type { InFlight } from './in-flight.js';
import { noStore } from './no-store.js';
import { requestLog } from './request-log.js';
import { completeSecurityHeaders, isPage, setSecurityHeaders } from './security-headers.js';

/** A request id a client sent is kept if it is short and plain, so it can be logged and echoed as is. */
const REQUEST_ID = /^[\w\-=]{1,64}$/;

/**
 * What every answer gets, first middleware of all: its request id (the client's, if it sent
 * a plain one, else a new UUID, in `X-Request-Id`), its line in the request log, the
 * security headers (all but pages), CORS and `no-store` (the API and the demo), and the
 * in-flight tracker told which answers are event streams, and a moment of its own for its
 * reads from SQLite (read-moments.ts). One middleware rather than six: each
 * layer of Hono's chain costs a few microseconds on every request, a tenth of a read's
 * time for five of them. Headers are set before anything answers (see setForEveryAnswer).
 */
export function everyAnswer(options: {
  logger: Logger;
  trustedProxies: BlockList;
  corsOrigins: readonly string[];
  inFlight: InFlight;
}): MiddlewareHandler<AppEnv> {
  const log = requestLog(options.logger, options.trustedProxies);
  const cors = crossOrigin(options.corsOrigins);
  return async (c, next) => {
    endMoment();
    const started = performance.now();
    const sent = c.req.header('X-Request-Id');
    const requestId = sent && REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
    c.set('requestId', requestId);
    setForEveryAnswer(c, 'X-Request-Id', requestId);
    const path = c.req.path;
    const api = !isPage(path);
    const crossOriginPath = path.startsWith('/v1/') || path.startsWith('/demo/');
    let origin: string | null = null;
    if (api) setSecurityHeaders(c);
    const preflight = crossOriginPath && c.req.method === 'OPTIONS';
    if (preflight) {
      const answer = await cors.preflight(c, next);
      if (answer) c.res = answer;
    } else {
      if (crossOriginPath) {
        noStore(c);
        origin = cors.before(c);
      }
      await next();
    }
    const outgoing = c.env?.outgoing;
    // Under Node the headers are on its response already; without it (app.request() in tests),
    // an answer made without them (a replayed write) gets them here.
    if (!outgoing) {
      if (crossOriginPath && !preflight) cors.after(c, origin);
      if (api) completeSecurityHeaders(c);
      if (!c.res.headers.has('X-Request-Id')) c.res.headers.set('X-Request-Id', requestId);
    }
    const eventStream = c.get('eventStream') === true;
    if (outgoing && eventStream) options.inFlight.markStream(outgoing);
    log(c, started, eventStream);
  };
}
