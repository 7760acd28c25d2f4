import type { LiveEvent, LiveEventQuery } from '@rm-kit/core';
import { backoffDelay, type TransportOptions } from './transport.js';

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SubscribeOptions {
  /** Told when the stream opens, drops and comes back, e.g. to show "live" in a widget. */
  onStatus?: (status: StreamStatus) => void;
  /**
   * Told when changes may have been missed, so what you show may be out of date: reload it.
   * The server says so when it cannot resume the stream where it left off (it keeps events
   * for 24 h); the SDK too, when a stream that had received no event yet comes back.
   */
  onReset?: () => void;
}

export interface EventsApi {
  /** Calls `handler` for every change you may see (of one pair, if given) until the returned function is called. */
  subscribe(
    filter: LiveEventQuery,
    handler: (event: LiveEvent) => void,
    options?: SubscribeOptions,
  ): () => void;
}

const RECONNECT = { maxRetries: Number.POSITIVE_INFINITY, baseDelayMs: 1000, maxDelayMs: 30_000 };
/** After a server's `shutdown`, when it names no `retry`: reconnect within this, to another process. */
const AFTER_SHUTDOWN_MS = 500;

/**
 * Server-Sent Events over fetch rather than EventSource, which cannot send an
 * Authorization header. Reconnects with backoff and resumes from the last event seen.
 */
export function liveEvents(transport: TransportOptions): EventsApi {
  return {
    subscribe(filter, handler, options = {}) {
      const stop = new AbortController();
      let lastEventId: string | undefined;
      const status = (s: StreamStatus) => options.onStatus?.(s);
      const reset = () => {
        transport.onChange?.();
        options.onReset?.();
      };

      let opened = false;
      const connect = async () => {
        for (let failures = 0; !stop.signal.aborted; ) {
          let shutdownRetryMs: number | null = null;
          status(failures === 0 ? 'connecting' : 'reconnecting');
          try {
            const url = new URL(
              'v1/events',
              transport.baseUrl.endsWith('/') ? transport.baseUrl : `${transport.baseUrl}/`,
            );
            if (filter.pairId) url.searchParams.set('pairId', filter.pairId);
            const headers: Record<string, string> = {
              Accept: 'text/event-stream',
              Authorization: `Bearer ${await transport.getToken()}`,
            };
            if (lastEventId) headers['Last-Event-ID'] = lastEventId;
            const response = await transport.fetch(url, { headers, signal: stop.signal });
            if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
            failures = 0;
            status('open');
            // Without a position to resume from, the server cannot replay what happened meanwhile.
            if (opened && !lastEventId) reset();
            opened = true;
            for await (const message of messages(response.body)) {
              // An empty id clears it: the server could not resume from it.
              if (message.id !== undefined) lastEventId = message.id || undefined;
              if (message.event === 'reset') reset();
              else if (message.event === 'shutdown') shutdownRetryMs = message.retry ?? AFTER_SHUTDOWN_MS;
              else if (message.event !== 'ready') {
                transport.onChange?.();
                handler(JSON.parse(message.data) as LiveEvent);
              }
            }
          } catch {
            // Dropped or refused: try again after a while, unless unsubscribed.
          }
          if (stop.signal.aborted) break;
          // A stopping server asks for a prompt reconnection (to another process); spread out
          // so its clients do not all arrive at once.
          const delay =
            shutdownRetryMs !== null
              ? Math.random() * shutdownRetryMs
              : backoffDelay(failures++, RECONNECT) + 250;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
        status('closed');
      };
      void connect();
      return () => stop.abort();
    },
  };
}

async function* messages(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      const message: { event: string; data: string; id?: string; retry?: number } = {
        event: 'message',
        data: '',
      };
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const field = line.slice(0, colon);
        const value = line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') message.event = value;
        else if (field === 'data') message.data += value;
        else if (field === 'id') message.id = value;
        else if (field === 'retry' && /^\d+$/.test(value)) message.retry = Number(value);
      }
      if (message.data) yield message;
    }
  }
}
