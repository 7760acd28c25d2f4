import type { LiveEvent, RmClient } from '@rm-kit/sdk';

type Listener = (event: LiveEvent) => void;

/** One live stream per client, shared by every card that listens through it. */
const streams = new WeakMap<RmClient, { listeners: Set<Listener>; stop: () => void }>();

/**
 * Calls `listener` for every live change the client's person may see, until the returned
 * function is called. Browsers keep at most six HTTP/1.1 connections per server, and each
 * live stream holds one open: a page with a dozen pair cards, one stream each, would leave
 * no connection for loading them. So the cards of one client share one stream, opened
 * with the first and closed with the last, and each picks out its own pair's events. The
 * server sends a stream without a pair filter the same events it would send per pair.
 */
export function watchLiveEvents(client: RmClient, listener: Listener): () => void {
  let stream = streams.get(client);
  if (!stream) {
    const listeners = new Set<Listener>();
    const stop = client.events.subscribe({}, (event) => {
      for (const each of [...listeners]) each(event);
    });
    stream = { listeners, stop };
    streams.set(client, stream);
  }
  stream.listeners.add(listener);
  return () => {
    const current = streams.get(client);
    if (!current?.listeners.delete(listener) || current.listeners.size > 0) return;
    current.stop();
    streams.delete(client);
  };
}
