import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import pino, { type Logger } from 'pino';
import { createApp } from './app.js';
import { createDemoAuthority, type DemoAuthority } from './auth/demo-authority.js';
import { signInPolicy } from './auth/sign-in-policy.js';
import { remoteIssuer, type TokenIssuer } from './auth/tokens.js';
import { CannotStart } from './cannot-start.js';
import type { Config } from './config.js';
import { migrate, openStorage, type Storage } from './db/database.js';
import { describeDatabaseError, isDatabaseUnavailable, redactDatabaseUrl } from './db/database-errors.js';
import { startupAdvice } from './deployment/advice.js';
import { deploymentOrganization } from './deployment/organization.js';
import { type EventBus, inProcessEventBus } from './events/event-bus.js';
import { pruneEvents } from './events/event-log.js';
import { postgresEventBus } from './events/postgres-event-bus.js';
import { answerClientErrors } from './http/client-errors.js';
import { pruneIdempotencyKeys } from './http/idempotency.js';
import { InFlight } from './http/in-flight.js';
import { seedDemo } from './seed/demo-seed.js';
import { shutDown } from './shutdown.js';
import { startWebhooks } from './webhooks/webhooks-service.js';

/** Where versions before the key moved into the database kept it: beside a SQLite file. */
function legacyDemoKeyFile(databaseUrl: string): string | undefined {
  const file = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : ':memory:';
  return file === ':memory:' ? undefined : join(dirname(resolve(file)), 'demo-signing-key.json');
}

export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
  demo?: DemoAuthority;
  /** Shuts down gracefully (see shutdown.ts); `reason` is logged, e.g. the signal's name. */
  close(reason?: string): Promise<void>;
}

/** Opens and migrates the database, or says in one sentence why it cannot. */
async function openDatabase(url: string, logger: Logger): Promise<Storage> {
  let storage: Storage | undefined;
  try {
    storage = await openStorage(url, {
      onError: (error) =>
        logger.warn(
          { error: describeDatabaseError(error) },
          'a database connection was lost; the pool replaces it',
        ),
    });
    await migrate(storage.db);
    return storage;
  } catch (error) {
    await storage?.close().catch(() => {});
    const problem = isDatabaseUnavailable(error) ? 'cannot reach' : 'cannot open';
    throw new CannotStart(
      `${problem} the database at ${redactDatabaseUrl(url)}: ${describeDatabaseError(error).message}`,
      { cause: error },
    );
  }
}

/**
 * Opens storage, migrates, seeds in demo mode, and serves. Used by the CLI and by tests
 * that need a real server on a port (the SDK's, the two-process event test).
 */
export async function startServer(
  config: Config,
  logger: Logger = pino({ level: config.RMKIT_LOG_LEVEL }),
): Promise<RunningServer> {
  const storage = await openDatabase(config.DATABASE_URL, logger);

  const issuers: TokenIssuer[] = [];
  if (config.RMKIT_JWKS_URL && config.RMKIT_ISSUER && config.RMKIT_AUDIENCE) {
    issuers.push(remoteIssuer(config.RMKIT_JWKS_URL, config.RMKIT_ISSUER, config.RMKIT_AUDIENCE));
  }
  let demo: DemoAuthority | undefined;
  if (config.RMKIT_DEMO) {
    const legacyKeyFile = legacyDemoKeyFile(config.DATABASE_URL);
    demo = await createDemoAuthority(storage.db, legacyKeyFile ? { legacyKeyFile } : {});
    issuers.push(demo.issuer);
    await seedDemo(storage.db);
    logger.warn(
      'DEMO MODE: tokens for the seeded people are signed by a local demo key. Never run this in production.',
    );
  }

  const organization = await deploymentOrganization(
    storage.db,
    config.RMKIT_ORG_NAME,
    config.RMKIT_ORG_LOCALE,
  );
  if (organization.orgId === null && organization.reason === 'name-missing') {
    await storage.close();
    throw new CannotStart(
      'The database has no organisation yet: set RMKIT_ORG_NAME to your company’s name (e.g. RMKIT_ORG_NAME="Contoso Italia") and start again',
    );
  }
  if (organization.orgId === null) {
    logger.warn(
      'The database holds several organisations and RMKIT_ORG_NAME names none of them: nobody is added on first sign-in',
    );
  }
  const admins = await storage.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('isAdmin', '=', 1)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow();
  for (const { level, message } of startupAdvice(config, {
    admins: Number(admins.n),
    createdOrganization: organization.orgId !== null && organization.created,
  })) {
    logger[level](message);
  }

  const readFailed = (error: Error) =>
    logger.error({ reason: error.message }, 'live events: reading the log failed');
  const bus: EventBus = storage.pool
    ? await postgresEventBus(storage.pool, storage.db, {
        lost: (reason) =>
          logger.warn({ reason }, 'live events: lost the database listener; reconnecting until it is back'),
        restored: (downMs, attempts) =>
          logger.info({ downMs, attempts }, 'live events: listening again; caught up from the event log'),
        failed: readFailed,
      })
    : await inProcessEventBus(storage.db, readFailed);
  const signIn = signInPolicy(config, organization.orgId);
  const inFlight = new InFlight();
  const app = createApp({
    config,
    storage,
    bus,
    issuers,
    logger,
    signIn,
    inFlight,
    ...(demo ? { demo } : {}),
  });

  const prune = setInterval(
    () =>
      Promise.all([
        pruneIdempotencyKeys(storage.db, config.RMKIT_IDEMPOTENCY_HOURS),
        pruneEvents(storage.db),
      ]).catch((err) => logger.error({ err }, 'prune failed')),
    10 * 60_000,
  );
  prune.unref();

  const webhooks = startWebhooks(storage.db, config, logger);

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
    s.once('error', (error) =>
      reject(new CannotStart(`cannot listen on ${config.HOST}:${config.PORT}: ${error.message}`)),
    );
  });
  // serve() makes an HTTP/1.1 server unless given another createServer, and it is given none.
  inFlight.watch(server as Server);
  answerClientErrors(server as Server, logger);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  logger.info({ url, database: storage.dialect, demo: Boolean(demo) }, 'rm-kit server listening');

  return {
    url,
    port,
    storage,
    ...(demo ? { demo } : {}),
    close: async (reason = 'close') => {
      clearInterval(prune);
      await shutDown(
        {
          server: server as Server,
          inFlight,
          bus,
          webhooks,
          storage,
          logger,
          drainDelaySeconds: config.RMKIT_DRAIN_DELAY_SECONDS,
          drainSeconds: config.RMKIT_SHUTDOWN_SECONDS,
        },
        reason,
      );
    },
  };
}
