import type { EventStreamReader, SseMessage } from './sse.js';

export interface EventCollector {
  /** Every message received so far. */
  readonly messages: SseMessage[];
  /** Settles when the stream ends, whether the server ended it or cut the connection. */
  readonly ended: Promise<void>;
}

/** Reads a stream in the background for the rest of its life, keeping every message. */
export function collectEvents(events: EventStreamReader): EventCollector {
  const messages: SseMessage[] = [];
  const ended = (async () => {
    try {
      for (;;) {
        const batch = await events.until((received) => received.length > 0, 60_000);
        if (batch.length === 0) return;
        messages.push(...batch);
      }
    } catch {
      // The connection was cut rather than ended: for a reader, the same end of the stream.
    }
  })();
  return { messages, ended };
}

/** The ids of the entities a stream announced with events of this type. */
export function announced(messages: readonly SseMessage[], type: string): string[] {
  return messages
    .filter((m) => m.event === type)
    .map((m) => (JSON.parse(m.data) as { entityId: string }).entityId);
}
