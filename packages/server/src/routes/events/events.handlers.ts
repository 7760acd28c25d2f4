import type { ServerResponse } from 'node:http';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { findPair } from '../../auth/access.js';
import { mayReceive } from '../../events/audience.js';
import type { EventBus, LoggedEvent } from '../../events/event-bus.js';
import { eventsAfter, latestSeq, seqOf } from '../../events/event-log.js';
import type { AppEnv } from '../../http/env.js';
import { eventMessage, readyMessage, resetMessage, shutdownMessage } from './events.messages.js';
import { eventsRoute } from './events.routes.js';
import { StreamAccess } from './stream-access.js';

const KEEP_ALIVE_MS = 25_000;

export function registerEvents(app: OpenAPIHono<AppEnv>, bus: EventBus) {
  app.openapi(eventsRoute, async (c) => {
    const caller = c.get('caller');
    const db = c.get('db');
    const { pairId } = c.req.valid('query');
    if (pairId) await findPair(db, caller, pairId, { admins: true });
    const lastEventId = c.req.valid('header')['last-event-id'];

    // Subscribed before the position is read, so nothing committed after it can slip between.
    const live: LoggedEvent[] = [];
    const said = { reset: false, shutdown: null as (() => void) | null };
    let wake: (() => void) | null = null;
    const unsubscribe = bus.subscribe(
      (event) => {
        live.push(event);
        wake?.();
      },
      {
        caller,
        control: {
          reset: () => {
            said.reset = true;
            wake?.();
          },
          shutdown: () =>
            new Promise<void>((resolve) => {
              said.shutdown = resolve;
              wake?.();
            }),
        },
      },
    );
    // The stream's position in the event log: what it has sent (or skipped) up to.
    let position: number;
    let resumedFrom: string | undefined;
    try {
      const resumed = lastEventId ? await seqOf(db, caller.orgId, lastEventId) : undefined;
      if (resumed !== undefined) resumedFrom = lastEventId;
      position = resumed ?? (await latestSeq(db, caller.orgId));
    } catch (error) {
      unsubscribe();
      throw error;
    }

    const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
    const access = new StreamAccess(db, caller);
    const response = streamSSE(c, async (stream) => {
      /** Sends the event if the caller may have it; false once their credential no longer stands. */
      const deliver = async (event: LoggedEvent): Promise<boolean> => {
        access.saw(event);
        if (!mayReceive(caller, event, pairId) || !(await access.stillIn(event))) return true;
        if (!(await access.credentialStands())) return false;
        await stream.writeSSE(eventMessage(event));
        return true;
      };
      stream.onAbort(() => {
        unsubscribe();
        said.shutdown?.();
        wake?.();
      });
      try {
        await stream.writeSSE(readyMessage(pairId, resumedFrom));
        if (lastEventId && !resumedFrom) await stream.writeSSE(resetMessage('cannot-resume'));
        if (resumedFrom) {
          // From the log, so any process can resume any stream, in the order of commit.
          for await (const event of eventsAfter(db, position, { orgId: caller.orgId, pairId })) {
            if (stream.aborted) return;
            position = event.seq;
            if (!(await deliver(event))) return;
          }
        }
        while (!stream.aborted) {
          if (said.shutdown) {
            // Said once the response has gone to the socket, so the process may then cut the
            // connection without losing the message.
            outgoing?.once('finish', said.shutdown).once('close', said.shutdown);
            await stream.writeSSE(shutdownMessage());
            return;
          }
          if (said.reset) {
            said.reset = false;
            await stream.writeSSE(resetMessage('events-missed'));
          }
          const event = live.shift();
          if (event) {
            // Already sent from the log while resuming, or from before this stream began.
            if (event.seq <= position) continue;
            position = event.seq;
            if (!(await deliver(event))) return;
            continue;
          }
          // Wait for the next event, or send a comment now and then so proxies keep the line open;
          // a quiet stream checks its credential then too, and ends when its token expires.
          const expiresIn = access.msUntilExpiry();
          const quiet = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(
              () => resolve(true),
              Math.min(KEEP_ALIVE_MS, expiresIn ?? KEEP_ALIVE_MS),
            );
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = null;
          if (quiet && !(await access.credentialStands())) return;
          if (live.length === 0 && !said.reset && !said.shutdown && !stream.aborted)
            await stream.write(': keep-alive\n\n');
        }
      } catch {
        // The log could not be read, or the client went away: ending the stream makes it
        // reconnect and resume from its Last-Event-ID.
      } finally {
        unsubscribe();
        // In-process (tests) there is no socket to wait for.
        if (!outgoing) said.shutdown?.();
      }
    });
    // Hono says keep-alive, but an endless body never frees its connection for another
    // request. A browser that stops listening keeps such a connection up to 5 s to drain
    // it for reuse (Chromium), and six of them at once stall every request to the server
    // (six connections per server over HTTP/1.1): a page that swaps its provider, or
    // several web parts each with their own, waited 3.5-5 s for its next element.
    response.headers.set('Connection', 'close');
    c.set('eventStream', true);
    return response;
  });
}
