import type { LiveEvent, RmClient } from '@rm-kit/sdk';

type Listener = (event: LiveEvent) => void;

/** What a card does on a change of its own, and to reload when changes may have been missed. */
interface Watcher {
  onEvent: Listener;
  onReset: () => void;
}

/** One live stream per client, shared by every card that listens through it. */
const streams = new WeakMap<RmClient, { watchers: Set<Watcher>; stop: () => void }>();

/**
 * Calls `onEvent` for every live change the client's person may see, and `onReset` when
 * changes may have been missed (reload what you show), until the returned
 * function is called. Browsers keep at most six HTTP/1.1 connections per server, and each
 * live stream holds one open: a page with a dozen pair cards, one stream each, would leave
 * no connection for loading them. So the cards of one client share one stream, opened
 * with the first and closed with the last, and each picks out its own pair's events. The
 * server sends a stream without a pair filter the same events it would send per pair.
 */
export function watchLiveEvents(client: RmClient, onEvent: Listener, onReset: () => void): () => void {
  let stream = streams.get(client);
  if (!stream) {
    const watchers = new Set<Watcher>();
    const stop = client.events.subscribe(
      {},
      (event) => {
        for (const each of [...watchers]) each.onEvent(event);
      },
      {
        onReset: () => {
          for (const each of [...watchers]) each.onReset();
        },
      },
    );
    stream = { watchers, stop };
    streams.set(client, stream);
  }
  const watcher = { onEvent, onReset };
  stream.watchers.add(watcher);
  return () => {
    const current = streams.get(client);
    if (!current?.watchers.delete(watcher) || current.watchers.size > 0) return;
    current.stop();
    streams.delete(client);
  };
}
