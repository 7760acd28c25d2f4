import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/schema.js';
import { sweepAtRiskPairs } from './at-risk-sweep.js';
import { pruneWebhookEvents } from './deliveries.store.js';
import { startWebhookWorker, type WebhookWorker } from './delivery-worker.js';

/** How long an ended delivery stays in the log. */
const LOG_RETENTION_DAYS = 30;
/** Deliveries one process sends at once. */
const CONCURRENCY = 8;
/** Connecting (and agreeing TLS) takes at most this much of the whole attempt. */
const CONNECT_MS = 3000;

export interface WebhooksService {
  worker: WebhookWorker;
  stop(waitMs: number): Promise<void>;
}

/**
 * Everything webhooks do in the background of a server process: the delivery worker, the
 * at-risk sweep (at start, then every RMKIT_WEBHOOK_SWEEP_MINUTES) and the pruning of the log.
 */
export function startWebhooks(db: Kysely<Database>, config: Config, logger: Logger): WebhooksService {
  const totalMs = config.RMKIT_WEBHOOK_WAIT_SECONDS * 1000;
  const worker = startWebhookWorker(
    db,
    {
      send: {
        allowPrivate: config.RMKIT_WEBHOOK_ALLOW_PRIVATE,
        allowHttp: config.RMKIT_WEBHOOK_ALLOW_HTTP,
        connectMs: Math.min(CONNECT_MS, totalMs),
        totalMs,
      },
      retry: {
        maxAttempts: config.RMKIT_WEBHOOK_MAX_ATTEMPTS,
        baseMs: config.RMKIT_WEBHOOK_RETRY_SECONDS * 1000,
      },
      pollMs: config.RMKIT_WEBHOOK_POLL_SECONDS * 1000,
      concurrency: CONCURRENCY,
    },
    logger,
  );
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = sweepAtRiskPairs(db)
      .then(async (told) => {
        if (told > 0) worker.nudge();
        await pruneWebhookEvents(db, LOG_RETENTION_DAYS);
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'webhook: the at-risk sweep failed'));
  };
  const timer = setInterval(sweep, config.RMKIT_WEBHOOK_SWEEP_MINUTES * 60_000);
  timer.unref();
  sweep();
  return {
    worker,
    async stop(waitMs) {
      clearInterval(timer);
      await sweeping;
      await worker.stop(waitMs);
    },
  };
}
