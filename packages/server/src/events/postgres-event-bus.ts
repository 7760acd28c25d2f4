import type pg from 'pg';
import { type DomainEvent, type EventBus, LocalFanOut } from './event-bus.js';

const CHANNEL = 'rmkit_events';

/**
 * Several server processes on one PostgreSQL: each publishes with NOTIFY and delivers
 * what it hears on LISTEN (its own events included), so a session logged through one
 * process reaches a widget streaming from another.
 */
export async function postgresEventBus(pool: pg.Pool, onError: (error: Error) => void): Promise<EventBus> {
  const fanOut = new LocalFanOut();
  let closed = false;
  let listener: pg.PoolClient | null = null;

  const connect = async (): Promise<void> => {
    const client = await pool.connect();
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      fanOut.deliver(JSON.parse(message.payload) as DomainEvent);
    });
    client.on('error', (error) => {
      // Once closing, the connection going away is expected, and close() releases it.
      if (closed) return;
      onError(error);
      client.release(true);
      listener = null;
      setTimeout(() => connect().catch(onError), 1000);
    });
    await client.query(`LISTEN ${CHANNEL}`);
    listener = client;
  };
  await connect();

  return {
    publish: async (events) => {
      for (const event of events)
        await pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
    },
    subscribe: (fn) => fanOut.subscribe(fn),
    since: (id) => fanOut.since(id),
    isListening: () => listener !== null,
    close: async () => {
      closed = true;
      const client = listener;
      listener = null;
      if (client) {
        await client.query(`UNLISTEN ${CHANNEL}`).catch(() => {});
        client.release();
      }
    },
  };
}
