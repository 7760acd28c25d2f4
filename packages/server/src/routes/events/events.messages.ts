import type { LiveEvent } from '@rm-kit/core';
import type { DomainEvent } from '../../events/event-bus.js';

/** How long EventSource waits before reconnecting after a dropped stream. */
const RECONNECT_MS = 3000;
/** After a shutdown: soon, to another process behind the load balancer. */
const RECONNECT_AFTER_SHUTDOWN_MS = 500;

export type ResetReason = 'cannot-resume' | 'events-missed';

/**
 * The first message. Resuming, it carries the client's `Last-Event-ID` back as its own id;
 * a new stream's position is not sent, as it would tell of events the caller may not see.
 */
export const readyMessage = (pairId: string | undefined, resumedFrom: string | undefined) => ({
  event: 'ready',
  data: JSON.stringify({ pairId: pairId ?? null }),
  retry: RECONNECT_MS,
  ...(resumedFrom ? { id: resumedFrom } : {}),
});

/** The event as the contract has it, and nothing of who it is for. */
export function eventMessage(event: DomainEvent) {
  const { id, type, pairId, entityId, version, at } = event;
  const live: LiveEvent = { id, type, pairId, entityId, version, at };
  return { id, event: type, data: JSON.stringify(live) };
}

/**
 * Events may have been missed: reload what you show. The empty id clears the client's
 * `Last-Event-ID`, which cannot resume anything. `type` is in the data too, so a client
 * that handles every message as a change ignores it rather than failing on it.
 */
export const resetMessage = (reason: ResetReason) => ({
  event: 'reset',
  id: '',
  data: JSON.stringify({ type: 'reset', reason }),
});

/** The last message of a process that is stopping: reconnect soon, with `Last-Event-ID`, to resume elsewhere. */
export const shutdownMessage = () => ({
  event: 'shutdown',
  data: JSON.stringify({ type: 'shutdown' }),
  retry: RECONNECT_AFTER_SHUTDOWN_MS,
});
