import { OpenAPIHono } from '@hono/zod-openapi';
import { issuesFrom } from '@rm-kit/core';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { authenticate } from './auth/authenticate.js';
import { callerKey } from './auth/caller.js';
import { DEMO_ISSUER, type DemoAuthority } from './auth/demo-authority.js';
import { limitFailedAuthentication } from './auth/failed-authentication.js';
import type { SignInPolicy } from './auth/sign-in-policy.js';
import type { TokenIssuer } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Storage } from './db/database.js';
import { describeDatabaseError, isDatabaseUnavailable } from './db/database-errors.js';
import type { EventBus } from './events/event-bus.js';
import { limitBody } from './http/body-limit.js';
import { trustedProxies } from './http/client-address.js';
import type { AppEnv } from './http/env.js';
import { everyAnswer } from './http/every-answer.js';
import { transactionalWrites } from './http/idempotency.js';
import { InFlight } from './http/in-flight.js';
import { allowedMethods } from './http/method-not-allowed.js';
import { Problem, problemResponse } from './http/problem.js';
import { rateLimit } from './http/rate-limit.js';
import { wellFormedInput } from './http/well-formed-input.js';
import { registerCalendarFeed } from './routes/calendar/calendar-feed.handlers.js';
import { registerDemo } from './routes/demo/demo.handlers.js';
import { registerDocs } from './routes/docs/docs.handlers.js';
import { registerEmbed } from './routes/embed/embed.handlers.js';
import { registerHealth } from './routes/health/health.handlers.js';
import { registerApi } from './routes/index.js';
import { registerStatic } from './routes/static/static.handlers.js';

export { API_VERSION } from './app-version.js';

export interface AppDeps {
  config: Config;
  storage: Storage;
  bus: EventBus;
  issuers: readonly TokenIssuer[];
  logger: Logger;
  /** Present only in demo mode. */
  demo?: DemoAuthority;
  /** Who may sign in and who is added on first sign-in; without it, only people already stored. */
  signIn?: SignInPolicy;
  /** The server's connections, for readiness and shutdown; without one (tests calling the app directly) it never drains. */
  inFlight?: InFlight;
}

/** A database restart or failover takes seconds; this is also the longest pause the SDK waits for itself. */
const DATABASE_RETRY_AFTER_SECONDS = '5';

/** Methods whose body, if one is sent at all, no route reads. */
const BODILESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The whole HTTP app: middleware in the order a request meets it, then every route. */
export function createApp(deps: AppDeps) {
  const { config, storage, bus, logger } = deps;
  const inFlight = deps.inFlight ?? new InFlight();
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new Problem('validation_failed', 'Some fields are missing or invalid', {
          issues: issuesFrom(result.error),
        });
      }
    },
  });

  const proxies = trustedProxies(config.RMKIT_TRUSTED_PROXIES);
  app.use(everyAnswer({ logger, trustedProxies: proxies, corsOrigins: config.RMKIT_CORS_ORIGINS, inFlight }));
  // After CORS, before authentication and the API's other rules: calendar apps send no token.
  registerCalendarFeed(app, {
    db: storage.db,
    limit: config.RMKIT_RATE_LIMIT,
    windowSeconds: config.RMKIT_RATE_WINDOW_SECONDS,
    trustedProxies: proxies,
  });
  // The rest of the body is left unread, and Node then drops the connection: saying so
  // lets the client open a new one instead of losing its next request on this one.
  const limitWrites = limitBody(config.RMKIT_BODY_LIMIT, () => {
    throw new Problem('payload_too_large', `The body is larger than ${config.RMKIT_BODY_LIMIT} bytes`, {
      headers: { Connection: 'close' },
    });
  });
  // Only a write's body is ever read. Asking a read for its body made @hono/node-server build
  // a whole web Request for it, a tenth of the time of GET /v1/pairs/{id}.
  app.use('/v1/*', (c, next) => (BODILESS.has(c.req.method) ? next() : limitWrites(c, next)));
  app.use(
    '/v1/*',
    limitFailedAuthentication(
      authenticate(storage.db, deps.issuers, {
        bindByEmail: config.RMKIT_BIND_BY_EMAIL,
        ...(deps.demo ? { demoIssuer: DEMO_ISSUER } : {}),
        ...(deps.signIn ? { policy: deps.signIn } : {}),
      }),
      {
        limit: config.RMKIT_AUTH_FAILURE_LIMIT,
        windowSeconds: config.RMKIT_RATE_WINDOW_SECONDS,
        trustedProxies: proxies,
      },
    ),
  );
  app.use(
    '/v1/*',
    rateLimit({
      limit: config.RMKIT_RATE_LIMIT,
      windowSeconds: config.RMKIT_RATE_WINDOW_SECONDS,
      keyOf: (c) => callerKey(c.get('caller')),
    }),
  );
  app.use('/v1/*', wellFormedInput());
  app.use('/v1/*', transactionalWrites(storage.db, bus, config.RMKIT_IDEMPOTENCY_HOURS));

  registerHealth(app, { db: storage.db, bus, inFlight, logger });
  registerApi(app, deps);
  registerDocs(app);
  registerEmbed(app, config);
  if (deps.demo) registerDemo(app, deps.storage, deps.demo);
  if (config.RMKIT_STATIC_DIRS.length > 0)
    registerStatic(app, config.RMKIT_STATIC_DIRS, config.RMKIT_CORS_ORIGINS);

  // A path some route answers, asked with another method, is 405 with the methods it takes.
  const allowedAt = allowedMethods(() => app.routes);
  app.notFound((c) => {
    const methods = allowedAt(c.req.path);
    if (methods.length > 0 && !methods.includes(c.req.method)) {
      const allow = methods.join(', ');
      return problemResponse(
        c,
        new Problem('method_not_allowed', `${c.req.method} is not allowed here; use ${allow}`, {
          headers: { Allow: allow },
        }),
      );
    }
    return problemResponse(c, new Problem('not_found', `Nothing at ${c.req.path}`));
  });
  app.onError((error, c) => {
    if (error instanceof Problem) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) return problemResponse(c, problemOf(error));
    if (isDatabaseUnavailable(error)) {
      logger.warn(
        { error: describeDatabaseError(error), requestId: c.get('requestId') },
        'the database is unavailable',
      );
      return problemResponse(
        c,
        new Problem('unavailable', 'The database cannot be reached just now; try again shortly', {
          headers: { 'Retry-After': DATABASE_RETRY_AFTER_SECONDS },
        }),
      );
    }
    logger.error({ err: error, requestId: c.get('requestId') }, 'request failed');
    return problemResponse(
      c,
      new Problem('internal', 'Something went wrong on our side; it has been logged'),
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

/**
 * Hono's own refusals as the contract's errors: @hono/zod-openapi throws 415 for a body
 * that is not JSON where JSON is declared, hono's validator 400 for malformed JSON.
 */
function problemOf(error: HTTPException): Problem {
  switch (error.status) {
    case 401:
      return new Problem('unauthorized', error.message || 'Send a valid token');
    case 413:
      return new Problem('payload_too_large', error.message || 'The body is too large');
    case 415:
      return new Problem(
        'unsupported_media_type',
        'Send the body as JSON, with Content-Type: application/json',
        { issues: [{ path: ['Content-Type'], message: 'Use application/json' }] },
      );
    default:
      return new Problem('bad_request', error.message || 'The request could not be read');
  }
}
