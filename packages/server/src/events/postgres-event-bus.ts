import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from '../db/schema.js';
import type { EventBus } from './event-bus.js';
import { appendEvents } from './event-log.js';
import { EventLogFollower } from './event-log-follower.js';

/** The channel migration 0015's trigger NOTIFYs at each commit that logged events. */
const CHANNEL = 'rmkit_events';
const RETRY_FIRST_MS = 250;
const RETRY_MAX_MS = 5000;

/** What the listener reports, in one short line each (no error objects: the reason is enough). */
export interface ListenerLog {
  lost(reason: string): void;
  restored(downMs: number, attempts: number): void;
  /** A read of the log that failed; the next notification reads again. */
  failed(error: Error): void;
}

/** Doubles up to a cap, then a random point in the upper half, so processes do not retry in step. */
export function retryDelay(attempt: number): number {
  const cap = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** attempt);
  return cap / 2 + (Math.random() * cap) / 2;
}

/**
 * Several server processes on one PostgreSQL: a write's transaction logs its events and
 * NOTIFYs at commit; every process LISTENs and reads the log when notified, so a session
 * logged through one process reaches a widget streaming from another. When the LISTEN
 * connection is lost (a restart, a failover), it is opened again with backoff for as long
 * as it takes, and what was committed meanwhile is read from the log.
 */
export async function postgresEventBus(
  pool: pg.Pool,
  db: Kysely<Database>,
  log: ListenerLog,
): Promise<EventBus> {
  const follower = await EventLogFollower.start(db, log.failed);
  let closed = false;
  /** The LISTEN connection while it is up; `drop` releases it once, whoever notices first. */
  let listener: { client: pg.PoolClient; drop: () => void } | null = null;
  let retry: { timer: NodeJS.Timeout; wake: () => void } | null = null;

  const listen = async (): Promise<void> => {
    const client = await pool.connect();
    let gone = false;
    const drop = () => {
      if (gone) return false;
      gone = true;
      client.release(true);
      return true;
    };
    const onGone = (reason: string) => {
      // Once closing, the connection going away is expected.
      if (!drop() || listener?.client !== client || closed) return;
      listener = null;
      log.lost(reason);
      void reconnect();
    };
    client.on('error', (error) => onGone(error.message));
    client.on('end', () => onGone('the connection ended'));
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) void follower.deliverUpTo(Number(message.payload));
    });
    try {
      await client.query(`LISTEN ${CHANNEL}`);
      await follower.catchUp();
    } catch (error) {
      onGone((error as Error).message);
      throw error;
    }
    if (gone) throw new Error('the connection ended while listening');
    listener = { client, drop };
  };

  const reconnect = async () => {
    const downSince = Date.now();
    for (let attempt = 0; !closed; attempt++) {
      await new Promise<void>((resolve) => {
        retry = { timer: setTimeout(resolve, retryDelay(attempt)), wake: resolve };
      });
      retry = null;
      if (closed) return;
      try {
        await listen();
        if (closed) return;
        log.restored(Date.now() - downSince, attempt + 1);
        return;
      } catch {
        // Still down: the next attempt waits longer.
      }
    }
  };

  await listen();

  return {
    // Numbered, and NOTIFYed to every process's listener, when (and only if) the
    // transaction commits: see migration 0015.
    append: (trx, events) => appendEvents(trx, events, 'at commit'),
    deliverNew: () => follower.deliverNew(),
    subscribe: (listener, subscription) => follower.subscribe(listener, subscription),
    isListening: () => listener !== null,
    close: async () => {
      closed = true;
      if (retry) {
        clearTimeout(retry.timer);
        retry.wake();
      }
      await follower.shutdown();
      const current = listener;
      listener = null;
      current?.drop();
    },
  };
}
