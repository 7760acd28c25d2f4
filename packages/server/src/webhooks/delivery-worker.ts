import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.js';
import { type ClaimedDelivery, claimDue, recordOutcome, releaseClaim } from './deliveries.store.js';
import { outcomeOf, type RetryRules } from './retry-policy.js';
import { type SendRules, sendAttempt } from './send-attempt.js';
import { SIGNATURE_HEADER, signatureHeader } from './signature.js';

export interface WebhookWorkerOptions {
  send: SendRules;
  retry: RetryRules;
  /** How often due deliveries are looked for. */
  pollMs: number;
  /** Deliveries sent at once by this process. */
  concurrency: number;
}

export interface WebhookWorker {
  /** Looks for due deliveries now instead of at the next poll. */
  nudge(): void;
  /**
   * Stops claiming, lets deliveries in flight finish for up to `waitMs`, then abandons the
   * rest: each is given back uncounted, to be sent again by this or another process.
   */
  stop(waitMs: number): Promise<void>;
}

/**
 * Sends what the outbox holds, in the server process. Any number of processes may run one on
 * one PostgreSQL database: each claims a delivery before sending it (deliveries.store.ts).
 * A receiver gets at least one delivery of each event, so it de-duplicates on the event id.
 */
export function startWebhookWorker(
  db: Kysely<Database>,
  options: WebhookWorkerOptions,
  logger: Logger,
): WebhookWorker {
  const abandon = new AbortController();
  const inFlight = new Map<string, Promise<void>>();
  let stopping = false;
  let polling: Promise<void> | null = null;

  const deliver = async (delivery: ClaimedDelivery) => {
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await sendAttempt(
      delivery.url,
      delivery.body,
      {
        'Content-Type': 'application/json',
        'User-Agent': 'rm-kit-webhooks/1',
        'RM-Event-Id': delivery.eventId,
        'RM-Event-Type': delivery.eventType,
        'RM-Delivery-Id': delivery.id,
        'RM-Delivery-Attempt': String(delivery.attempts),
        [SIGNATURE_HEADER]: signatureHeader(delivery.secrets, timestamp, delivery.body),
      },
      options.send,
      abandon.signal,
    );
    if (abandon.signal.aborted && result.kind === 'network') {
      await releaseClaim(db, delivery);
      return;
    }
    const outcome = outcomeOf(result, delivery.attempts, options.retry);
    await recordOutcome(db, delivery, outcome);
    if (outcome.kind !== 'succeeded') {
      logger.info(
        {
          delivery: delivery.id,
          event: delivery.eventId,
          attempts: delivery.attempts,
          outcome: outcome.kind,
        },
        `webhook: ${outcome.error}`,
      );
    }
  };

  const poll = async () => {
    const room = options.concurrency - inFlight.size;
    if (stopping || room <= 0) return;
    const leaseMs = options.send.totalMs + 30_000;
    for (const delivery of await claimDue(db, room, leaseMs)) {
      const running = deliver(delivery)
        .catch((error: unknown) =>
          logger.error({ err: error, delivery: delivery.id }, 'webhook delivery failed'),
        )
        .finally(() => {
          inFlight.delete(delivery.id);
          // A slot came free: what else is due need not wait for the next poll.
          nudge();
        });
      inFlight.set(delivery.id, running);
    }
  };

  const nudge = () => {
    if (polling || stopping) return;
    polling = poll()
      .catch((error: unknown) => logger.warn({ err: error }, 'webhook: looking for due deliveries failed'))
      .finally(() => {
        polling = null;
      });
  };

  const timer = setInterval(nudge, options.pollMs);
  timer.unref();
  nudge();

  return {
    nudge,
    async stop(waitMs) {
      stopping = true;
      clearInterval(timer);
      await polling;
      const all = () => Promise.allSettled([...inFlight.values()]);
      if (inFlight.size > 0) {
        await Promise.race([all(), delay(waitMs, undefined, { ref: false })]);
        if (inFlight.size > 0) {
          logger.warn(
            { deliveries: inFlight.size },
            'webhook deliveries still running at shutdown are abandoned',
          );
          abandon.abort();
          await all();
        }
      }
    },
  };
}
