import type { OutboxEntry, RmClient, Session } from '@rm-kit/sdk';
import { type Entry, loadSessionSchemas, provisionalSession, withChanges } from './provisional-session.js';
import type { SessionLogData } from './session-log-data.js';

/**
 * What waits in the outbox for the log's sessions, maybe since before a reload: sessions
 * logged, changed or deleted offline; and the server's pages as the outbox will leave them.
 * A module of its own, fetched while the first page is read (as the virtualizer is): the
 * log's loading state does without it, and it is there before the list is shown.
 */
export class QueuedSessions {
  /** Queued changes of loaded sessions, read when the log loads. */
  private changes = new Map<string, OutboxEntry<'sessions.update'>[]>();

  constructor(private readonly data: SessionLogData) {}

  /** Reads the queued changes and deletions; returns the pair's sessions logged offline. */
  async read(api: RmClient, pairId: string): Promise<Entry[]> {
    const [waiting] = await Promise.all([this.waitingCreates(api, pairId), this.waitingChanges(api)]);
    return waiting;
  }

  /** Sessions of this pair logged earlier (maybe before a reload) that still wait in the outbox. */
  private async waitingCreates(api: RmClient, pairId: string): Promise<Entry[]> {
    const entries = await api.sessions.pending(pairId).catch(() => []);
    if (entries.length === 0) return [];
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

  /** Changes and deletions made offline (maybe before a reload) that still wait in the outbox. */
  private async waitingChanges(api: RmClient): Promise<void> {
    const [updates, removals] = await Promise.all([
      api.pendingWrites('sessions.update'),
      api.pendingWrites('sessions.remove'),
    ]).catch(() => [[], []] as const);
    this.changes = new Map();
    for (const entry of updates)
      this.changes.set(entry.write.id, [...(this.changes.get(entry.write.id) ?? []), entry]);
    const { removing } = this.data;
    removing.clear();
    for (const entry of removals) removing.add(entry.write.id);
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
}
