import type { Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Storage } from './db/database.js';
import type { EventBus } from './events/event-bus.js';
import type { InFlight } from './http/in-flight.js';
import type { WebhooksService } from './webhooks/webhooks-service.js';

/** A pool that still waits for a connection after this long is holding one a cut-off request took. */
const DATABASE_CLOSE_MS = 5000;
/** Cut connections report closing on a later turn of the event loop; this is ample for that. */
const STREAMS_CLOSE_MS = 1000;

export interface ShutdownParts {
  server: Server;
  inFlight: InFlight;
  bus: EventBus;
  /** Webhook deliveries under way; absent where none are sent. */
  webhooks?: Pick<WebhooksService, 'stop'>;
  storage: Storage;
  logger: Logger;
  /** How long new connections are still served, while /readyz already answers 503. */
  drainDelaySeconds: number;
  /** How long requests in flight may take to finish once the listener is closed. */
  drainSeconds: number;
}

/**
 * Stops without dropping an answer. Readiness fails first and every answer closes its
 * connection; new connections are still served for `drainDelaySeconds` (the time a load balancer
 * polling /readyz needs to stop sending). Then the listener closes and requests in flight
 * finish, for at most `drainSeconds`, so every write committed is answered and its event
 * published. Webhook deliveries under way finish in the time left, or are given back. Event
 * streams end after that, carrying the events of those last writes; the database closes
 * last, when nothing uses it any more.
 */
export async function shutDown(parts: ShutdownParts, reason: string): Promise<void> {
  const { server, inFlight, bus, webhooks, storage, logger, drainDelaySeconds, drainSeconds } = parts;
  const started = performance.now();
  inFlight.startDraining();
  logger.info(
    {
      reason,
      requests: inFlight.requestCount,
      streams: inFlight.streamCount,
      drainDelaySeconds,
      drainSeconds,
    },
    'shutting down',
  );
  try {
    if (drainDelaySeconds > 0) await delay(drainDelaySeconds * 1000);
    // Also drops the keep-alive connections idle at this moment. A client may be sending its
    // next request on one just then; that request never reached the app, so a retry (with
    // the same Idempotency-Key) is safe. Waiting out their keep-alive timeout instead would
    // make every stop take seconds.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    const unfinished = await inFlight.settle(drainSeconds * 1000);
    if (unfinished > 0) {
      logger.warn({ unfinished }, 'requests still running after RMKIT_SHUTDOWN_SECONDS are cut off');
    }
    // Deliveries in flight get what is left of the drain time; those cut off are given back
    // to the outbox, uncounted, for the next process to send.
    const drainLeft = drainSeconds * 1000 - (performance.now() - started - drainDelaySeconds * 1000);
    await webhooks?.stop(Math.max(0, drainLeft));
    const streams = inFlight.streamCount;
    await bus.close();
    // Streams never end by themselves; clients reconnect (EventSource does, after the `retry`
    // it was given) to a process that is still running.
    server.closeAllConnections();
    await inFlight.streamsClosed(STREAMS_CLOSE_MS);
    await closed;
    const databaseClosed = await Promise.race([
      storage.close().then(() => true),
      delay(DATABASE_CLOSE_MS, false, { ref: false }),
    ]);
    if (!databaseClosed) logger.warn(`the database did not close within ${DATABASE_CLOSE_MS} ms`);
    logger.info({ ms: Math.round(performance.now() - started), unfinished, streams }, 'shut down');
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
  }
}
