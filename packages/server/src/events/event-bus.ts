import { type LiveEvent, type LiveEventType, newId } from '@rm-kit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Recipient } from './audience.js';
import { appendEvents } from './event-log.js';
import { EventLogFollower } from './event-log-follower.js';

/**
 * A change as the server carries it: the live event of the contract (core's
 * liveEventSchema, all a client receives), and what decides who receives it.
 */
export type DomainEvent = LiveEvent & {
  orgId: string;
  mentorId: string;
  menteeId: string;
  /**
   * When set, only these people (person ids) may learn of the event, whoever else is in
   * the pair; admins and service tokens never do. Feedback uses it: an answer exists for
   * the partner only once they may read it.
   */
  onlyFor?: string[];
};

/** An event as the log holds it: `seq` is its place in commit order, the same on every process. */
export type LoggedEvent = DomainEvent & { seq: number };

export type EventListener = (event: LoggedEvent) => void;

/** What a stream is told besides events. */
export interface StreamControl {
  /** Events may have been missed (this process could not follow the log): reload what you show. */
  reset(): void;
  /** This process is stopping: end the stream with a hint to reconnect elsewhere; resolves once said. */
  shutdown(): Promise<void>;
}

/** What a stream tells the bus when it subscribes. */
export interface Subscription {
  /** Whose stream it is: it hears only the events that may concern them. Without it, every event. */
  caller?: Recipient;
  control?: StreamControl;
}

/**
 * Live events: written into the database's event log with the write that caused them, and
 * delivered from that log, in commit order, to this process's streams.
 */
export interface EventBus {
  /** Inside the write's transaction, last: logs the events, so they exist exactly when the write does. */
  append(trx: Kysely<Database>, events: readonly DomainEvent[]): Promise<void>;
  /** After commit: delivers what is new in the log to this process's streams. Never throws. */
  deliverNew(): Promise<void>;
  subscribe(listener: EventListener, subscription?: Subscription): () => void;
  /**
   * Whether events published now reach this process's streams: always with one process; on
   * PostgreSQL, while the LISTEN connection is up. Readiness reports it.
   */
  isListening(): boolean;
  /** Ends every open stream with a hint to reconnect elsewhere, then stops listening. */
  close(): Promise<void>;
}

export function domainEvent(
  type: LiveEventType,
  pair: { id: string; orgId: string; mentorId: string; menteeId: string },
  entity: { id: string; version?: number },
  audience?: { onlyFor: readonly string[] },
): DomainEvent {
  return {
    id: newId('event'),
    type,
    orgId: pair.orgId,
    pairId: pair.id,
    mentorId: pair.mentorId,
    menteeId: pair.menteeId,
    entityId: entity.id,
    version: entity.version ?? null,
    at: new Date().toISOString(),
    ...(audience ? { onlyFor: [...new Set(audience.onlyFor)] } : {}),
  };
}

/** One process (SQLite): the request that wrote the events delivers them itself, after commit. */
export async function inProcessEventBus(
  db: Kysely<Database>,
  onError: (error: Error) => void = () => {},
): Promise<EventBus> {
  const follower = await EventLogFollower.start(db, onError);
  return {
    append: async (trx, events) => {
      await appendEvents(trx, events);
    },
    deliverNew: () => follower.deliverNew(),
    subscribe: (listener, subscription) => follower.subscribe(listener, subscription),
    isListening: () => true,
    close: () => follower.shutdown(),
  };
}
