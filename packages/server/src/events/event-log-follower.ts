import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { addressesFor, addressesOf } from './audience.js';
import type { EventListener, LoggedEvent, StreamControl, Subscription } from './event-bus.js';
import { eventsAfter, hasEvent, latestSeq } from './event-log.js';

/** A stream whose client reads nothing must not hold up a stopping process for longer. */
const SHUTDOWN_GRACE_MS = 2000;

/**
 * Follows the event log for this process: reads what was committed after the last event it
 * delivered and hands it to the streams in commit order. Notifications only say "read
 * again", so one that is lost or late delays an event but never drops or reorders it.
 */
export class EventLogFollower {
  private readonly subscribers = new Map<EventListener, StreamControl | undefined>();
  /** Listeners by the addresses they hear (see addressesOf); those that hear every event under null. */
  private readonly addressed = new Map<string | null, Set<EventListener>>();
  private reading: Promise<void> | null = null;
  private readAgain = false;

  private constructor(
    private readonly db: Kysely<Database>,
    private readonly onError: (error: Error) => void,
    /** The last position delivered. */
    private cursor: number,
  ) {}

  static async start(db: Kysely<Database>, onError: (error: Error) => void): Promise<EventLogFollower> {
    return new EventLogFollower(db, onError, await latestSeq(db));
  }

  subscribe(listener: EventListener, { caller, control }: Subscription = {}): () => void {
    const addresses = caller ? addressesFor(caller) : [null];
    this.subscribers.set(listener, control);
    for (const address of addresses) {
      const listeners = this.addressed.get(address) ?? new Set();
      this.addressed.set(address, listeners.add(listener));
    }
    return () => {
      this.subscribers.delete(listener);
      for (const address of addresses) {
        const listeners = this.addressed.get(address);
        listeners?.delete(listener);
        if (listeners?.size === 0) this.addressed.delete(address);
      }
    };
  }

  /** Those who may learn of the event, each once; a wider net than mayReceive, which each stream asks. */
  private listenersOf(event: LoggedEvent): Set<EventListener> {
    const listeners = new Set(this.addressed.get(null));
    for (const address of addressesOf(event))
      for (const listener of this.addressed.get(address) ?? []) listeners.add(listener);
    return listeners;
  }

  /** Reads unless everything up to `seq` was delivered already (this process's own events, usually). */
  deliverUpTo(seq: number): Promise<void> {
    return seq > this.cursor ? this.deliverNew() : Promise.resolve();
  }

  /**
   * Callers arriving during a read share it, and it reads once more for them, so each
   * caller's events are delivered when its promise settles. A failed read is reported and
   * retried by the next call (the next write or notification).
   */
  deliverNew(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          for await (const event of eventsAfter(this.db, this.cursor)) {
            this.cursor = event.seq;
            for (const listener of this.listenersOf(event)) listener(event);
          }
        } while (this.readAgain);
      } catch (error) {
        this.onError(error as Error);
      } finally {
        this.reading = null;
      }
    })();
    return this.reading;
  }

  /**
   * After notifications were lost: delivers what the log still holds since the last event
   * delivered. Only if that event itself was pruned meanwhile may the log no longer reach
   * back far enough; then streams are told to reload instead. Throws if the database does
   * not answer, so the caller tries again.
   */
  async catchUp(): Promise<void> {
    if (this.cursor > 0 && !(await hasEvent(this.db, this.cursor))) {
      this.cursor = await latestSeq(this.db);
      for (const control of this.subscribers.values()) control?.reset();
    }
    await this.deliverNew();
  }

  /** Ends every stream with its reconnect hint, waiting a little for them to say it. */
  async shutdown(): Promise<void> {
    const said = Promise.all([...this.subscribers.values()].map((control) => control?.shutdown()));
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_GRACE_MS);
    });
    await Promise.race([said, grace]);
    clearTimeout(timer);
  }
}
