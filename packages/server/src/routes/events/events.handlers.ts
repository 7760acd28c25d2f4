import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { findPair } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import type { DomainEvent, EventBus } from '../../events/event-bus.js';
import type { AppEnv } from '../../http/env.js';
import { eventsRoute } from './events.routes.js';

const KEEP_ALIVE_MS = 25_000;

/**
 * Whether a caller may learn of an event: the pair's two members, and admins only of pairs
 * themselves. An event that names its audience (feedback: the author, and the partner only
 * once they may read the answer) narrows that to the people it names; it never widens it.
 */
export function mayReceive(caller: Caller, event: DomainEvent, pairId: string | undefined): boolean {
  if (event.orgId !== caller.orgId) return false;
  if (pairId && event.pairId !== pairId) return false;
  if (event.onlyFor && !(caller.personId !== null && event.onlyFor.includes(caller.personId))) return false;
  if (caller.personId === event.mentorId || caller.personId === event.menteeId) return true;
  return caller.isAdmin && event.type.startsWith('pair.');
}

function toMessage(event: DomainEvent) {
  const { id, type, pairId, entityId, version, at } = event;
  return { id, event: type, data: JSON.stringify({ id, type, pairId, entityId, version, at }) };
}

export function registerEvents(app: OpenAPIHono<AppEnv>, bus: EventBus) {
  app.openapi(eventsRoute, async (c) => {
    const caller = c.get('caller');
    const { pairId } = c.req.valid('query');
    if (pairId) await findPair(c.get('db'), caller, pairId, { admins: true });
    const lastEventId = c.req.valid('header')['last-event-id'];

    return streamSSE(c, async (stream) => {
      const queue: DomainEvent[] = lastEventId ? bus.since(lastEventId) : [];
      let wake: (() => void) | null = null;
      const unsubscribe = bus.subscribe((event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({
        event: 'ready',
        data: JSON.stringify({ pairId: pairId ?? null }),
        retry: 3000,
      });
      while (!stream.aborted) {
        const event = queue.shift();
        if (event) {
          if (mayReceive(caller, event, pairId)) await stream.writeSSE(toMessage(event));
          continue;
        }
        // Wait for the next event, or send a comment now and then so proxies keep the line open.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEP_ALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (queue.length === 0 && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });
}
