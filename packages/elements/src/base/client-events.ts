import type { LiveEvent, OutboxEntry, RmClient, RmError, StreamStatus, SyncedWrite } from '@rm-kit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { watchLiveEvents } from './live-events.js';

/** What a host wants to hear from its client; every handler is optional. */
export interface ClientEventHandlers {
  /** A live change the client's person may see: the host picks out its own (by `pairId`). */
  live?(event: LiveEvent): void;
  /** Changes may have been missed while the stream was away: reload what is shown. */
  reset?(): void;
  /** A write queued in the outbox reached the server; `write.operation` types the rest. */
  synced?(write: SyncedWrite): void;
  /** The server refused a queued write, or sending it failed for now (`entry.state` says which). */
  syncError?(entry: OutboxEntry, error: RmError): void;
}

/**
 * Whether live changes reach the host now: `open`; `offline` while the browser says it has
 * no network (a stream open before that can stay "open" for minutes with nothing coming
 * through); `reconnecting` after the stream dropped, or failed to start; `connecting` at first;
 * `closed` without a client.
 */
export type LiveStatus = 'open' | 'connecting' | 'reconnecting' | 'offline' | 'closed';

/**
 * A host's ears on its SDK client: the outbox's `synced` and `sync-error`, and the live
 * events of the client's one shared stream, while the host is connected and has a client,
 * following the client when it changes. `status` is `open` while the stream is and the
 * browser is online, so a "Live" badge (and a test) can wait on it.
 *
 * ```ts
 * private readonly events = new ClientEventsController(this, () => this.api, {
 *   live: (event) => { if (event.pairId === this.pairId) void this.refresh(); },
 *   reset: () => void this.refresh(),
 * });
 * ```
 */
export class ClientEventsController implements ReactiveController {
  status: LiveStatus = 'closed';
  private client: RmClient | undefined;
  private stopLive: (() => void) | undefined;
  private connected = false;
  /** What the shared stream last said, before the browser's own word on the network. */
  private stream: StreamStatus = 'closed';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clientOf: () => RmClient | undefined,
    private readonly handlers: ClientEventHandlers,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.connected = true;
    window.addEventListener('online', this.onNetwork);
    window.addEventListener('offline', this.onNetwork);
    this.follow(this.clientOf());
  }

  hostUpdated() {
    if (this.connected) this.follow(this.clientOf());
  }

  hostDisconnected() {
    this.connected = false;
    window.removeEventListener('online', this.onNetwork);
    window.removeEventListener('offline', this.onNetwork);
    this.follow(undefined);
  }

  private readonly onNetwork = () => this.setStatus(this.stream);

  private readonly onSynced = (event: CustomEvent<SyncedWrite>) => this.handlers.synced?.(event.detail);

  private readonly onSyncError = (event: CustomEvent<{ entry: OutboxEntry; error: RmError }>) =>
    this.handlers.syncError?.(event.detail.entry, event.detail.error);

  private follow(client: RmClient | undefined) {
    if (client === this.client) return;
    if (this.client) {
      this.client.removeEventListener('synced', this.onSynced);
      this.client.removeEventListener('sync-error', this.onSyncError);
      this.stopLive?.();
      this.stopLive = undefined;
      this.setStatus('closed');
    }
    this.client = client;
    if (!client) return;
    client.addEventListener('synced', this.onSynced);
    client.addEventListener('sync-error', this.onSyncError);
    if (this.handlers.live || this.handlers.reset) {
      this.stopLive = watchLiveEvents(client, {
        event: (event) => this.handlers.live?.(event),
        status: (status) => this.setStatus(status),
        reset: () => this.handlers.reset?.(),
      });
    }
  }

  private setStatus(stream: StreamStatus) {
    this.stream = stream;
    const next: LiveStatus = stream !== 'closed' && !navigator.onLine ? 'offline' : stream;
    if (next === this.status) return;
    this.status = next;
    this.host.requestUpdate();
  }
}
