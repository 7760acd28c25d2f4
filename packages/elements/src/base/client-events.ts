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
 * A host's ears on its SDK client: the outbox's `synced` and `sync-error`, and the live
 * events of the client's one shared stream, while the host is connected and has a client,
 * following the client when it changes. `status` is `open` while the stream is, so a
 * "Live" badge (and a test) can wait on it.
 *
 * ```ts
 * private readonly events = new ClientEventsController(this, () => this.api, {
 *   live: (event) => { if (event.pairId === this.pairId) void this.refresh(); },
 *   reset: () => void this.refresh(),
 * });
 * ```
 */
export class ClientEventsController implements ReactiveController {
  status: 'open' | 'closed' = 'closed';
  private client: RmClient | undefined;
  private stopLive: (() => void) | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly clientOf: () => RmClient | undefined,
    private readonly handlers: ClientEventHandlers,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.connected = true;
    this.follow(this.clientOf());
  }

  hostUpdated() {
    if (this.connected) this.follow(this.clientOf());
  }

  hostDisconnected() {
    this.connected = false;
    this.follow(undefined);
  }

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

  private setStatus(status: StreamStatus) {
    const next = status === 'open' ? 'open' : 'closed';
    if (next === this.status) return;
    this.status = next;
    this.host.requestUpdate();
  }
}
