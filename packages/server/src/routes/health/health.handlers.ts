import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { migrationsApplied } from '../../db/database.js';
import { describeDatabaseError } from '../../db/database-errors.js';
import type { Database } from '../../db/schema.js';
import type { EventBus } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import type { InFlight } from '../../http/in-flight.js';
import { json } from '../../http/json-answer.js';

/** Below the usual probe timeouts, so a slow database reads as "not ready" and not as a dead process. */
const DATABASE_CHECK_MS = 2000;
const NO_STORE = { 'Cache-Control': 'no-store' };

/** Terse on purpose: probes may be reachable from outside, so no host names or error texts. */
export interface ReadinessChecks {
  accepting: 'ok' | 'draining';
  database: 'ok' | 'unreachable';
  migrations: 'ok' | 'behind' | 'unknown';
  events: 'ok' | 'not listening';
}

/** What /readyz answers. */
export interface Readiness {
  status: 'ready' | 'not ready';
  checks: ReadinessChecks;
}

interface HealthDeps {
  db: Kysely<Database>;
  bus: EventBus;
  inFlight: InFlight;
  logger: Logger;
}

async function databaseChecks(
  db: Kysely<Database>,
): Promise<{ checks: Pick<ReadinessChecks, 'database' | 'migrations'>; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const applied = await Promise.race([
      migrationsApplied(db),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${DATABASE_CHECK_MS} ms`)),
          DATABASE_CHECK_MS,
        );
      }),
    ]);
    return { checks: { database: 'ok', migrations: applied ? 'ok' : 'behind' } };
  } catch (error) {
    return { checks: { database: 'unreachable', migrations: 'unknown' }, error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `/healthz`: the process is up and serving (restart it if not). `/readyz`: it may be sent
 * traffic: not shutting down, the database answers with every migration applied, and
 * events reach its streams. Outside `/v1`, so no token and no rate limit apply.
 */
export function registerHealth(app: OpenAPIHono<AppEnv>, { db, bus, inFlight, logger }: HealthDeps) {
  app.get('/healthz', (c) => json(c, { status: 'ok' }, 200, NO_STORE));

  // Probes are logged at debug; what an operator needs at info is when the answer changes.
  let wasReady: boolean | undefined;
  app.get('/readyz', async (c) => {
    const database = await databaseChecks(db);
    const checks: ReadinessChecks = {
      accepting: inFlight.isDraining ? 'draining' : 'ok',
      ...database.checks,
      events: bus.isListening() ? 'ok' : 'not listening',
    };
    const ready = Object.values(checks).every((check) => check === 'ok');
    if (ready !== wasReady) {
      if (ready) logger.info({ checks }, 'ready');
      else
        logger.warn(
          { checks, ...(database.error ? { error: describeDatabaseError(database.error) } : {}) },
          'not ready',
        );
      wasReady = ready;
    }
    const body: Readiness = { status: ready ? 'ready' : 'not ready', checks };
    return json(c, body, ready ? 200 : 503, NO_STORE);
  });
}
