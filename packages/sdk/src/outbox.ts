import type { Issue } from '@rm-kit/core';
import { isTransient, RmError, RmUnauthorizedError } from './errors.js';
import type { OutboxOperation, OutboxResult, OutboxWrite } from './outbox-writes.js';
import type { KeyValueStore } from './store.js';
import {
  newIdempotencyKey,
  type Request,
  type RequestOptions,
  send,
  type TransportOptions,
} from './transport.js';

/** A write waiting to reach the server, kept in the store so a reload or a crash loses nothing. */
export interface OutboxEntry<K extends OutboxOperation = OutboxOperation> {
  /** Sorts by creation: the outbox replays in this order. */
  id: string;
  /** What the write is, for people: e.g. "sessions.create". */
  label: K;
  /** What the write is, for code: its operation, the ids it names and its body. */
  write: OutboxWrite<K>;
  request: Request;
  idempotencyKey: string;
  ifMatch?: number;
  /** For a create: the id the pending entity carries until the server gives the real one. */
  provisionalId?: string;
  /**
   * Whose write it is (the signed-in person, as the read cache scopes it) and for which
   * server: another person signing in on the same browser never sends it as theirs.
   */
  owner: string;
  baseUrl: string;
  state: 'pending' | 'failed';
  /** Why the server refused it, for a failed entry. */
  error?: { status: number; code: string; message: string; issues?: Issue[] };
  createdAt: string;
}

export type OutboxOutcome<T> = { status: 'sent'; result: T } | { status: 'pending'; entryId: string };

/** A queued write the server has answered; `operation` narrows the entry and the result together. */
export type SyncedWrite = {
  [K in OutboxOperation]: { operation: K; entry: OutboxEntry<K>; result: OutboxResult<K> };
}[OutboxOperation];

export interface OutboxEvents {
  'outbox-change': { entries: OutboxEntry[] };
  synced: SyncedWrite;
  /** The server refused a queued write for good: the entry is kept, `state: 'failed'`. */
  'sync-error': { entry: OutboxEntry; error: RmError };
  /** The token was refused (401): nothing failed; sending resumes with a fresh token. */
  'sync-paused': { error: RmError };
}

const PREFIX = 'outbox:';
const ID_MAP_PREFIX = 'outbox-id:';
const PROVISIONAL = /pending_[0-9a-f-]{36}/g;
/** How long a replay lets its sent writes gather before announcing what is left: a tenth of a second is still live to a person. */
const REPLAY_ANNOUNCE_MS = 100;
let sequence = 0;

function entryId(): string {
  // Milliseconds, then a counter, then randomness: sorts by creation, unique across tabs.
  sequence = (sequence + 1) % 1e6;
  return `${Date.now().toString().padStart(15, '0')}-${sequence.toString().padStart(6, '0')}-${newIdempotencyKey().slice(0, 8)}`;
}

export function provisionalId(): string {
  return `pending_${newIdempotencyKey()}`;
}

function toError(error: RmError): OutboxEntry['error'] {
  const { issues } = error;
  return {
    status: error.status,
    code: error.code,
    message: error.message,
    ...(issues.length > 0 ? { issues } : {}),
  };
}

/**
 * The offline outbox. Every write is stored before it is sent and removed only once the
 * server has answered it, and each carries one idempotency key for all its attempts, so
 * a write is never lost and never applied twice, whatever the network or the server does
 * in between. Entries replay in order; a refusal stops only its own entry.
 */
export class Outbox {
  private flushing: Promise<void> | null = null;
  private readonly waiters = new Map<string, (outcome: OutboxOutcome<unknown>) => void>();
  private readonly failures = new Map<string, RmError>();
  /** What the caller asked of a write's first attempt (signal, timeout, retries); not kept for replays. */
  private readonly firstAttempt = new Map<string, RequestOptions>();
  private closed = false;
  /** A send that waits for another tab to finish sending the same outbox. */
  private afterOtherTab: Promise<void> | null = null;
  /** The announcement of the entries not yet begun, which every change made meanwhile joins. */
  private nextAnnouncement: Promise<void> | null = null;
  private lastAnnouncement: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: KeyValueStore,
    private readonly transport: TransportOptions,
    private readonly emit: <K extends keyof OutboxEvents>(type: K, detail: OutboxEvents[K]) => void,
    /** The signed-in person, as the read cache scopes it. */
    private readonly owner: () => Promise<string>,
  ) {}

  /** The signed-in person's entries for this server, in the order they replay. */
  async entries(): Promise<OutboxEntry[]> {
    const owner = await this.owner();
    return (await this.store.entries<OutboxEntry>(PREFIX))
      .map(([, entry]) => entry)
      .filter((entry) => entry.owner === owner && entry.baseUrl === this.transport.baseUrl);
  }

  /** After close(), this outbox sends nothing more; another client on the same store will. */
  close(): void {
    this.closed = true;
  }

  /**
   * Stores a write and sends it (after any written earlier). Resolves with the server's
   * answer, or with "pending" when the server cannot be reached now. A refusal of this
   * very first attempt is thrown and nothing stays queued: the caller is there to see it.
   */
  async submit<T>(
    draft: Omit<OutboxEntry, 'id' | 'state' | 'createdAt' | 'idempotencyKey' | 'owner' | 'baseUrl'> & {
      idempotencyKey?: string;
    },
    options: RequestOptions = {},
  ): Promise<OutboxOutcome<T>> {
    const entry: OutboxEntry = {
      ...draft,
      id: entryId(),
      idempotencyKey: draft.idempotencyKey ?? newIdempotencyKey(),
      owner: await this.owner(),
      baseUrl: this.transport.baseUrl,
      state: 'pending',
      createdAt: new Date().toISOString(),
    };
    this.firstAttempt.set(entry.id, options);
    await this.store.set(PREFIX + entry.id, entry);
    await this.changed();
    const outcome = new Promise<OutboxOutcome<unknown>>((resolve) => this.waiters.set(entry.id, resolve));
    await this.flush();
    // A flush already under way listed the entries before this one was stored.
    if (this.waiters.has(entry.id)) await this.flush();
    this.settle(entry.id, { status: 'pending', entryId: entry.id });
    this.firstAttempt.delete(entry.id);
    const failure = this.failures.get(entry.id);
    if (failure) {
      this.failures.delete(entry.id);
      await this.store.delete(PREFIX + entry.id);
      await this.changed();
      throw failure;
    }
    return (await outcome) as OutboxOutcome<T>;
  }

  /** Sends what is waiting, in order; one flush at a time in this tab, and in all tabs where Web Locks exist. */
  flush(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.flushing ??= this.withLock(() => this.drain()).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /**
   * Puts a refused entry back in line, with a corrected body if given, and sends it. It
   * goes with a new idempotency key: the server keeps its refusal under the old one, and a
   * refusal means nothing was written. Entries still pending are left alone (a new key on
   * a write whose answer was lost could apply it twice).
   */
  async retry(id: string, body?: unknown): Promise<void> {
    const entry = await this.store.get<OutboxEntry>(PREFIX + id);
    if (entry?.state !== 'failed') return;
    const { error: _error, ...rest } = entry;
    const fixed: OutboxEntry = {
      ...rest,
      state: 'pending',
      idempotencyKey: newIdempotencyKey(),
      ...(body === undefined ? {} : { request: { ...entry.request, body } }),
    };
    await this.store.set(PREFIX + id, fixed);
    await this.changed();
    await this.flush();
  }

  /** Gives up on an entry for good. */
  async discard(id: string): Promise<void> {
    await this.store.delete(PREFIX + id);
    await this.changed();
  }

  /**
   * Runs `work` unless another tab is sending this same outbox (the same store, server and
   * person). Clients on other stores hold other entries and never wait for each other: a
   * lock per person alone let one client's slow request turn another's write into a queued
   * one, with the server answering.
   */
  private async withLock(work: () => Promise<void>): Promise<void> {
    const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
    const shared = this.store.sharedAs;
    if (!locks || shared === undefined) return work();
    const name = `rm-kit-outbox:${shared}:${this.transport.baseUrl}:${await this.owner()}`;
    await locks.request(name, { ifAvailable: true }, async (lock) => {
      if (lock) return work();
      // The other tab listed the entries as it began, perhaps before one just written here:
      // once it is done, this tab sends what is left. Its errors meet the next sync again.
      this.afterOtherTab ??= locks
        .request(name, () => (this.closed ? undefined : this.drain()))
        .catch(() => {})
        .finally(() => {
          this.afterOtherTab = null;
        });
    });
  }

  private async drain(): Promise<void> {
    for (const entry of await this.entries()) {
      if (entry.state !== 'pending') continue;
      // Another tab may have sent it since the list was read.
      const current = await this.store.get<OutboxEntry>(PREFIX + entry.id);
      if (current?.state !== 'pending') continue;
      try {
        const request = await this.resolveProvisionalIds(current.request);
        const result = await send<unknown>(this.transport, request, {
          ...this.firstAttempt.get(current.id),
          idempotencyKey: current.idempotencyKey,
          ...(current.ifMatch === undefined ? {} : { ifMatch: current.ifMatch }),
        });
        if (current.provisionalId && result && typeof result === 'object' && 'id' in result) {
          await this.store.set(ID_MAP_PREFIX + current.provisionalId, (result as { id: string }).id);
        }
        await this.store.delete(PREFIX + current.id);
        // Not awaited, and a little later: a replay of many writes would otherwise list the
        // whole outbox after each one; the writes sent meanwhile share one listing.
        this.changed(REPLAY_ANNOUNCE_MS).catch(() => {});
        // The server's answer to this operation, as the contract types it.
        this.emit('synced', { operation: current.label, entry: current, result } as SyncedWrite);
        this.settle(current.id, { status: 'sent', result });
      } catch (error) {
        if (!(error instanceof RmError) || isTransient(error)) return;
        if (error instanceof RmUnauthorizedError) {
          // The writes are fine; the credentials are not. Keep everything queued for when
          // the app has a fresh token.
          this.emit('sync-paused', { error });
          this.settle(current.id, { status: 'pending', entryId: current.id });
          return;
        }
        if (this.waiters.has(current.id)) {
          this.failures.set(current.id, error);
          this.settle(current.id, { status: 'pending', entryId: current.id });
          continue;
        }
        const failed: OutboxEntry = { ...current, state: 'failed', error: toError(error) };
        await this.store.set(PREFIX + current.id, failed);
        await this.changed();
        this.emit('sync-error', { entry: failed, error });
      }
    }
  }

  /** A write that names an entity created offline is sent with the id the server gave it. */
  private async resolveProvisionalIds(request: Request): Promise<Request> {
    const text = JSON.stringify(request);
    const ids = text.match(PROVISIONAL);
    if (!ids) return request;
    let resolved = text;
    for (const id of new Set(ids)) {
      const real = await this.store.get<string>(ID_MAP_PREFIX + id);
      if (real) resolved = resolved.replaceAll(id, real);
    }
    return JSON.parse(resolved) as Request;
  }

  private settle(id: string, outcome: OutboxOutcome<unknown>) {
    this.waiters.get(id)?.(outcome);
    this.waiters.delete(id);
  }

  /**
   * Announces the entries as they are once this change is stored, after `delayMs`; the
   * changes made before the listing begins share it.
   */
  private changed(delayMs = 0): Promise<void> {
    this.nextAnnouncement ??= this.lastAnnouncement.then(async () => {
      if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
      this.nextAnnouncement = null;
      this.emit('outbox-change', { entries: await this.entries() });
    });
    this.lastAnnouncement = this.nextAnnouncement.catch(() => {});
    return this.nextAnnouncement;
  }
}
