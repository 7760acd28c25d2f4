import { newId } from '@rm-kit/core';

export const EVENT_TYPES = [
  'pair.created',
  'pair.updated',
  'pair.deleted',
  'session.created',
  'session.updated',
  'session.deleted',
  'goal.created',
  'goal.updated',
  'goal.deleted',
  'feedback.created',
  'feedback.updated',
  'feedback.deleted',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * A change, announced without its content: subscribers learn what changed and fetch it,
 * so every read still goes through the same authorization as any other request.
 */
export interface DomainEvent {
  id: string;
  type: EventType;
  orgId: string;
  pairId: string;
  mentorId: string;
  menteeId: string;
  entityId: string;
  version: number | null;
  at: string;
  /**
   * When set, only these people (person ids) may learn of the event, whoever else is in
   * the pair; admins and service tokens never do. Feedback uses it: an answer exists for
   * the partner only once they may read it.
   */
  onlyFor?: string[];
}

export type EventListener = (event: DomainEvent) => void;

export interface EventBus {
  publish(events: readonly DomainEvent[]): Promise<void>;
  subscribe(listener: EventListener): () => void;
  /** Events kept for resuming a stream after `Last-Event-ID`, oldest first. */
  since(lastEventId: string): DomainEvent[];
  /**
   * Whether events published now reach this process's streams: always in memory; on
   * PostgreSQL, while the LISTEN connection is up. Readiness reports it.
   */
  isListening(): boolean;
  close(): Promise<void>;
}

export function domainEvent(
  type: EventType,
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

const REPLAY_BUFFER = 1000;

/** Delivers to this process's subscribers and keeps the latest events for resumption. */
export class LocalFanOut {
  private readonly listeners = new Set<EventListener>();
  private readonly recent: DomainEvent[] = [];

  deliver(event: DomainEvent): void {
    this.recent.push(event);
    if (this.recent.length > REPLAY_BUFFER) this.recent.shift();
    for (const listener of this.listeners) listener(event);
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  since(lastEventId: string): DomainEvent[] {
    // Event ids sort by time, so anything newer than the last one seen is what was missed.
    return this.recent.filter((e) => e.id > lastEventId);
  }
}

/** One process: events go straight from the request that caused them to the streams. */
export function memoryEventBus(): EventBus {
  const fanOut = new LocalFanOut();
  return {
    publish: async (events) => {
      for (const event of events) fanOut.deliver(event);
    },
    subscribe: (listener) => fanOut.subscribe(listener),
    since: (id) => fanOut.since(id),
    isListening: () => true,
    close: async () => {},
  };
}
