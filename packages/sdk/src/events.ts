import { backoffDelay, type TransportOptions } from './transport.js';

/** A change the caller may see: what changed, never its content (fetch it to read it). */
export interface LiveEvent {
  id: string;
  type: `${'pair' | 'session' | 'goal' | 'feedback'}.${'created' | 'updated' | 'deleted'}`;
  pairId: string;
  entityId: string;
  version: number | null;
  at: string;
}

export type StreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface SubscribeOptions {
  /** Told when the stream opens, drops and comes back, e.g. to show "live" in a widget. */
  onStatus?: (status: StreamStatus) => void;
}

export interface EventsApi {
  /** Calls `handler` for every change you may see (of one pair, if given) until the returned function is called. */
  subscribe(
    filter: { pairId?: string },
    handler: (event: LiveEvent) => void,
    options?: SubscribeOptions,
  ): () => void;
}

const RECONNECT = { maxRetries: Number.POSITIVE_INFINITY, baseDelayMs: 1000, maxDelayMs: 30_000 };

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

      const connect = async () => {
        for (let failures = 0; !stop.signal.aborted; ) {
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
            for await (const message of messages(response.body)) {
              if (message.id) lastEventId = message.id;
              if (message.event !== 'ready') handler(JSON.parse(message.data) as LiveEvent);
            }
          } catch {
            // Dropped or refused: try again after a while, unless unsubscribed.
          }
          if (stop.signal.aborted) break;
          await new Promise((resolve) => setTimeout(resolve, backoffDelay(failures++, RECONNECT) + 250));
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
      const message = { event: 'message', data: '', id: '' };
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const field = line.slice(0, colon);
        const value = line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') message.event = value;
        else if (field === 'data') message.data += value;
        else if (field === 'id') message.id = value;
      }
      if (message.data) yield message;
    }
  }
}
