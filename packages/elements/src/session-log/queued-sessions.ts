import {
  type LiveEvent,
  type OutboxEntry,
  type RmError,
  RmNotFoundError,
  type Session,
  type SyncedWrite,
} from '@rm-kit/sdk';
import {
  type Entry,
  isProvisional,
  loadSessionSchemas,
  provisionalSession,
  withChanges,
} from './provisional-session.js';
import type { SessionLogData } from './session-log-data.js';

/**
 * Whether a session the server lists is the one a create queued offline made: the server
 * keeps the body the log showed while it waited (read through the same schema), so the two
 * agree on when, how long, how and what. Its id alone cannot say: the server gives a new one.
 */
function sameSession(waiting: Entry, session: Session): boolean {
  const at = (value: string | null) => (value === null ? null : Date.parse(value));
  return (
    isProvisional(waiting) &&
    !waiting.failure &&
    waiting.pairId === session.pairId &&
    waiting.status === session.status &&
    at(waiting.occurredAt) === at(session.occurredAt) &&
    at(waiting.scheduledAt) === at(session.scheduledAt) &&
    waiting.durationMinutes === session.durationMinutes &&
    waiting.format === session.format &&
    waiting.summary === session.summary
  );
}

/**
 * What waits in the outbox for the log's sessions, maybe since before a reload: sessions
 * logged, changed or deleted offline; and the server's pages as the outbox will leave them.
 * A module of its own, fetched while the first page is read (as the virtualizer is): the
 * log's loading state does without it, and it is there before the list is shown.
 */
export class QueuedSessions {
  /** Queued changes of loaded sessions, read when the log loads. */
  private changes = new Map<string, OutboxEntry<'sessions.update'>[]>();

  /**
   * Sessions logged offline that the server already lists, by their provisional id: the
   * stream (or a reload of the page of sessions) can bring the server's copy before the
   * outbox hears its own answer, and the log shows it in the waiting one's place meanwhile.
   */
  private readonly sentAs = new Map<string, string>();

  constructor(private readonly data: SessionLogData) {}

  /** The server's copy, among `sessions`, of a session logged offline, unless one already stands in for another. */
  serverCopy(waiting: Entry, sessions: Session[]): Session | undefined {
    const claimed = new Set(this.sentAs.values());
    return sessions.find((session) => !claimed.has(session.id) && sameSession(waiting, session));
  }

  /** Whether the outbox's answer for a session logged offline is already shown, as the server's copy; forgets it then. */
  shownAlready(provisionalId: string, sessionId: string): boolean {
    if (this.sentAs.get(provisionalId) !== sessionId) return false;
    this.sentAs.delete(provisionalId);
    return true;
  }

  /**
   * Takes in what waits in the outbox (`entries`, every queued write, read once): the
   * changes and deletions of sessions; returns the pair's sessions logged offline.
   */
  async read(pairId: string, entries: OutboxEntry[]): Promise<Entry[]> {
    this.changes = new Map();
    const { removing } = this.data;
    removing.clear();
    const creates: OutboxEntry<'sessions.create'>[] = [];
    for (const entry of entries) {
      const { write } = entry;
      if (write.operation === 'sessions.create' && write.pairId === pairId)
        creates.push(entry as OutboxEntry<'sessions.create'>);
      else if (write.operation === 'sessions.update')
        this.changes.set(write.id, [
          ...(this.changes.get(write.id) ?? []),
          entry as OutboxEntry<'sessions.update'>,
        ]);
      else if (write.operation === 'sessions.remove') removing.add(write.id);
    }
    return creates.length ? this.waitingCreates(pairId, creates) : [];
  }

  /** Sessions of this pair logged earlier (maybe before a reload) that still wait in the outbox. */
  private async waitingCreates(pairId: string, entries: OutboxEntry<'sessions.create'>[]): Promise<Entry[]> {
    const schemas = await loadSessionSchemas();
    return entries.map((entry) => ({
      ...provisionalSession(schemas, pairId, {
        id: entry.provisionalId ?? '',
        outboxId: entry.id,
        body: entry.write.body,
        createdAt: entry.createdAt,
      }),
      ...(entry.state === 'failed' && entry.error ? { failure: {} } : {}),
    }));
  }

  /** A queued change reached the server: the session shows the server's answer from now on. */
  sent(sessionId: string) {
    this.changes.delete(sessionId);
  }

  /**
   * The server's sessions as the outbox will leave them: deleted ones gone, changed ones
   * showing the change as waiting. Sessions this log changed itself keep what it shows.
   */
  overlay(items: Session[]): Entry[] {
    const shown = new Map(this.data.sessions.filter((s) => s.pending).map((s) => [s.id, s]));
    // Nothing waits in the outbox for them (the usual case): the page itself, in its order.
    if (shown.size === 0 && this.changes.size === 0 && this.data.removing.size === 0) return items;
    return items
      .filter((s) => !this.data.removing.has(s.id))
      .map((s): Entry => {
        const local = shown.get(s.id);
        if (local && local.version > s.version) return local;
        const queued = this.changes.get(s.id) ?? [];
        const last = queued.at(-1);
        if (!last) return s;
        const changed = queued.reduce((session: Entry, entry) => withChanges(session, entry.write.body), s);
        return {
          ...changed,
          version: s.version + queued.length,
          pending: true,
          outboxId: last.id,
          ...(last.state === 'failed' ? { failure: {} } : {}),
        };
      });
  }

  /** A queued write reached the server: its answer replaces what the log showed meanwhile. */
  synced(write: SyncedWrite) {
    if (write.operation === 'sessions.create') {
      const provisionalId = write.entry.provisionalId;
      const session = write.result;
      if (!provisionalId) return;
      if (this.shownAlready(provisionalId, session.id)) {
        // The server's copy came first and is shown already: only its newest version is news.
        const shown = this.data.sessions.find((s) => s.id === session.id);
        if (shown && shown.version < session.version) this.data.replace(session);
        return;
      }
      if (!this.data.sessions.some((s) => s.id === provisionalId)) return;
      // The server's session takes the waiting one's place (and its own, if the stream brought it).
      this.data.remove(provisionalId);
      this.data.add(session);
      this.data.log.confirmed(provisionalId, session);
      this.data.log.announce('sent');
    } else if (write.operation === 'sessions.update') {
      this.sent(write.result.id);
      const shown = this.data.sessions.find((s) => s.id === write.result.id);
      // A later change still waits: the session keeps showing that one.
      if (shown && !(shown.pending && shown.version > write.result.version)) this.data.replace(write.result);
    } else if (write.operation === 'sessions.remove') {
      this.data.removing.delete(write.entry.write.id);
    }
  }

  /** The server refused a queued write of a session: the session says so, with a way to discard it. */
  refused(entry: OutboxEntry, error: RmError) {
    if (entry.state !== 'failed') return;
    const { write } = entry;
    if (write.operation === 'sessions.remove') {
      // Deleted offline, refused by the server (the other person changed it first): it is back.
      this.data.removing.delete(write.id);
      this.data.log.announce('deleteRefused');
      return void this.data.refresh();
    }
    const id =
      write.operation === 'sessions.create'
        ? entry.provisionalId
        : write.operation === 'sessions.update'
          ? write.id
          : undefined;
    if (!id || !this.data.sessions.some((s) => s.id === id)) return;
    this.data.set({
      sessions: this.data.sessions.map((s) =>
        s.id === id ? { ...s, failure: { requestId: error.requestId }, outboxId: entry.id } : s,
      ),
    });
  }

  /** A change the partner (or another tab) made: read it and put it in its place. */
  async live(event: LiveEvent) {
    const { data } = this;
    const api = data.log.client();
    if (!api || event.pairId !== data.pairId) return;
    if (event.type === 'session.deleted') {
      data.removing.delete(event.entityId);
      return data.remove(event.entityId);
    }
    const known = data.sessions.find((s) => s.id === event.entityId);
    if (known && !known.pending && event.version !== null && known.version >= event.version) return;
    const pairId = data.pairId;
    try {
      const session = await api.sessions.get(event.entityId);
      if (data.pairId !== pairId) return;
      const present = data.sessions.some((s) => s.id === session.id);
      const waiting = present ? undefined : data.sessions.find((entry) => sameSession(entry, session));
      if (waiting) {
        // The viewer's own session logged offline, sent a moment ago: it takes the waiting one's place.
        data.set({ sessions: data.sessions.map((s) => (s === waiting ? session : s)) });
        this.confirm(waiting.id, session);
        return;
      }
      // A session older than everything loaded so far arrives with its page, not before it.
      if (!present && data.beyondLoaded(session)) return;
      data.add(session);
      if (!present) data.log.announce('newFromPartner');
    } catch (error) {
      if (error instanceof RmNotFoundError) data.remove(event.entityId);
    }
  }

  /**
   * A session logged offline is on the server, seen before the outbox's answer: its note and
   * focus follow it and the log says it was sent, once; the outbox's answer then adds nothing.
   */
  confirm(provisionalId: string, session: Session) {
    this.sentAs.set(provisionalId, session.id);
    this.data.log.confirmed(provisionalId, session);
    this.data.log.announce('sent');
  }
}
