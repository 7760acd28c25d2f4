import type { LiveEvent, RmClient, StreamStatus } from '@rm-kit/sdk';

/** What one element hears from its client's live stream. */
export interface LiveWatcher {
  /** A change the client's person may see; the watcher picks out its own. */
  event(event: LiveEvent): void;
  /** The stream opened, dropped, or came back. Told the current status at once on joining. */
  status(status: StreamStatus): void;
  /** Changes may have been missed (the stream came back after a drop or a failed start): reload what is shown. */
  reset(): void;
}

interface SharedStream {
  watchers: Set<LiveWatcher>;
  status: StreamStatus;
  stop: () => void;
}

/** One live stream per client, shared by every element that listens through it. */
const streams = new WeakMap<RmClient, SharedStream>();

/**
 * Tells `watcher` of every live change the client's person may see, until the returned
 * function is called. Browsers keep at most six HTTP/1.1 connections per server, and each
 * live stream holds one open: a page with a dozen pair cards and a log, one stream each,
 * would leave no connection for loading them. So the elements of one client share one
 * stream, opened with the first and closed with the last, and each picks out its own
 * pair's events. The server sends a stream without a pair filter the same events it would
 * send per pair.
 */
export function watchLiveEvents(client: RmClient, watcher: LiveWatcher): () => void {
  let stream = streams.get(client);
  if (!stream) {
    const shared: SharedStream = { watchers: new Set(), status: 'connecting', stop: () => {} };
    let dropped = false;
    shared.stop = client.events.subscribe(
      {},
      (event) => {
        for (const each of [...shared.watchers]) each.event(event);
      },
      {
        onStatus: (status) => {
          shared.status = status;
          for (const each of [...shared.watchers]) each.status(status);
          // Open after a drop or a failed start: what happened meanwhile may not all be
          // replayed, and what the elements show may be an offline copy.
          if (status === 'reconnecting') dropped = true;
          if (status === 'open' && dropped) {
            dropped = false;
            for (const each of [...shared.watchers]) each.reset();
          }
        },
        // The server could not resume this stream (or had no position to resume from).
        onReset: () => {
          for (const each of [...shared.watchers]) each.reset();
        },
      },
    );
    stream = shared;
    streams.set(client, stream);
  }
  stream.watchers.add(watcher);
  watcher.status(stream.status);
  return () => {
    const current = streams.get(client);
    if (!current?.watchers.delete(watcher) || current.watchers.size > 0) return;
    current.stop();
    streams.delete(client);
  };
}
