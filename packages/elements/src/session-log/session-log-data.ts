import type { PairRole } from '@rm-kit/core';
import { DEFAULT_SESSION_MINUTES, DEFAULT_TOPICS } from '@rm-kit/core/vocabulary';
import type { LiveEvent, OutboxEntry, RmClient, RmError, Session, SyncedWrite, Topic } from '@rm-kit/sdk';
import { isStale, staleSince } from '@rm-kit/sdk';
import type { ReactiveControllerHost } from 'lit';
import type { RmErrorAction, RmEventDetails } from '../base/events.js';
import { loadOnce } from '../base/load-once.js';
import { type Entry, isProvisional } from './provisional-session.js';
import type { QueuedSessions } from './queued-sessions.js';

/** Read while the first page is: the loading state does without it. */
const loadQueuedModule = loadOnce(() => import('./queued-sessions.js'));

const PAGE_SIZE = 50;

/** Each entry's place in time, read once: each page of older sessions sorts all of them again. */
const sortTimes = new WeakMap<Entry, number>();

/** Where a session sits in the log: newest first, by when it was held, else planned, else logged. */
function sortTime(session: Entry): number {
  let time = sortTimes.get(session);
  if (time === undefined) {
    time = Date.parse(session.occurredAt ?? session.scheduledAt ?? session.createdAt);
    sortTimes.set(session, time);
  }
  return time;
}

/**
 * The log is already newest first and a page comes in that order too: the engine's sort
 * (a merge sort of the runs it finds) merges them in one pass instead of sorting anew.
 */
function newestFirst(sessions: Entry[]): Entry[] {
  return [...sessions].sort((a, b) => sortTime(b) - sortTime(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** What the data half needs from the log it serves. */
export interface SessionLogDataHost {
  client(): RmClient | undefined;
  /** Says something in the log's status line. */
  announce(
    key: 'sent' | 'newFromPartner' | 'markedDone' | 'markedNotDone' | 'deleteRefused',
    item?: string,
  ): void;
  emitLoad(): void;
  emitError(error: unknown, action: RmErrorAction): void;
  emitToggled(detail: RmEventDetails['rm-action-item-toggled']): void;
  /** A session created offline reached the server under its real id. */
  confirmed(provisionalId: string, session: Session): void;
}

/**
 * The log's data: its pages of sessions (the first with the loading state, later ones as the
 * list scrolls near its end), the sessions still in the outbox, and the live and outbox
 * changes reconciled into them. Ticking action items off is `ActionItemWrites`, loaded later.
 */
export class SessionLogData {
  sessions: Entry[] = [];
  /** Sessions a page: the first, and each older one the list loads as it scrolls. */
  readonly pageSize = PAGE_SIZE;
  nextCursor: string | null = null;
  staleAt: Date | null = null;
  older: 'idle' | 'loading' | 'error' = 'idle';
  topicKeys: string[] = DEFAULT_TOPICS.map((t) => t.key);
  customTopics: Topic[] = [];
  defaultMinutes = DEFAULT_SESSION_MINUTES;
  /** The pair's two names, for the form's "who takes it on" list; absent when unreadable. */
  memberNames: Partial<Record<PairRole, string>> = {};
  /** Who is looking, and their side of the pair: whose drafts and feedback these are. */
  viewer: { id: string; role: PairRole } | undefined;
  /** Per-session messages under an entry (a refused toggle, a partner's change). */
  notices = new Map<string, string>();
  /** The pair whose sessions are loaded; empty while none are. */
  pairId = '';
  /** Sessions whose deletion waits in the outbox: the server still lists them until it arrives. */
  readonly removing = new Set<string>();
  /** What waits in the outbox, once read with the first page. */
  private queued: QueuedSessions | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The log's callbacks, for the parts that write sessions too. */
    readonly log: SessionLogDataHost,
  ) {}

  set(changes: Partial<Pick<this, 'sessions' | 'nextCursor' | 'staleAt' | 'older'>>) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** The first page, the program's topics and what waits in the outbox, for the loading state. */
  async load(api: RmClient, pairId: string, signal: AbortSignal): Promise<void> {
    this.pairId = '';
    // The small reads asked first: asked after the page, each would wait behind reading its
    // answer (10,000 sessions are megabytes), and the list would wait for them.
    const [waiting, topics, page] = await Promise.all([
      this.readQueued(api, pairId),
      this.loadTopics(api, pairId, signal),
      api.sessions.page(pairId, { limit: PAGE_SIZE }, { signal }),
    ]);
    const shown = this.overlay(page.items);
    this.notices = new Map();
    this.topicKeys = topics.keys;
    this.customTopics = topics.custom;
    this.defaultMinutes = topics.minutes;
    this.memberNames = topics.names;
    this.viewer = topics.viewer;
    this.pairId = pairId;
    this.set({
      // The server sends a page newest first by the log's own order (when, then id): with
      // nothing of the outbox in it or over it, it is not sorted again before its first
      // session can show (10,000 sessions took 10-15 ms). Sessions logged offline have ids
      // of their own (`pending_…`), never in a page.
      sessions: waiting.length || shown !== page.items ? newestFirst([...shown, ...waiting]) : shown,
      nextCursor: page.nextCursor,
      staleAt: isStale(page) ? staleSince(page) : null,
      older: 'idle',
    });
  }

  /**
   * The program's topics for the form, the two people's names for its owner list, and who is
   * looking; the default catalogue (and roles alone) when they cannot be read.
   */
  private async loadTopics(api: RmClient, pairId: string, signal: AbortSignal) {
    try {
      const [pair, me] = await Promise.all([
        api.pairs.get(pairId, { signal }),
        api.me.get({ signal }).catch(() => undefined),
      ]);
      const viewerId = me?.person?.id;
      const nameOf = (id: string) =>
        api.people.get(id, { signal }).then(
          (person) => person.displayName,
          () => undefined,
        );
      const [program, mentor, mentee] = await Promise.all([
        api.programs.get(pair.programId, { signal }),
        nameOf(pair.mentorId),
        nameOf(pair.menteeId),
      ]);
      return {
        keys: program.topics,
        custom: program.customTopics,
        minutes: program.sessionMinutes,
        names: { ...(mentor ? { mentor } : {}), ...(mentee ? { mentee } : {}) },
        viewer: viewerId
          ? { id: viewerId, role: pair.mentorId === viewerId ? ('mentor' as const) : ('mentee' as const) }
          : undefined,
      };
    } catch {
      return {
        keys: DEFAULT_TOPICS.map((t) => t.key) as string[],
        custom: [],
        minutes: DEFAULT_SESSION_MINUTES,
        names: {},
        viewer: undefined,
      };
    }
  }

  /** The server's sessions as the outbox will leave them (before the first load, as they are). */
  private overlay(items: Session[]): Entry[] {
    return this.queued?.overlay(items) ?? items;
  }

  /** The outbox's part of the log, its module fetched while the first page is read. */
  private async outboxPart(): Promise<QueuedSessions> {
    const { QueuedSessions } = await loadQueuedModule();
    this.queued ??= new QueuedSessions(this);
    return this.queued;
  }

  /**
   * What waits in the outbox, read with the first page: read at once, while the outbox's
   * module arrives, and in one read of the outbox rather than one per kind of write.
   */
  private async readQueued(api: RmClient, pairId: string): Promise<Entry[]> {
    const entries = api.pendingWrites().catch(() => []);
    return (await this.outboxPart()).read(pairId, await entries);
  }

  /** Reads the first page again without the loading state, keeping what waits in the outbox. */
  async refresh(): Promise<void> {
    const api = this.log.client();
    const pairId = this.pairId;
    if (!api || !pairId) return;
    try {
      const page = await api.sessions.page(pairId, { limit: PAGE_SIZE });
      if (isStale(page) || pairId !== this.pairId) return;
      const loaded = new Set(page.items.map((s) => s.id));
      const waiting = this.sessions.filter((s) => isProvisional(s) && !loaded.has(s.id));
      const shown = this.overlay(page.items);
      const stillWaiting = waiting.filter((entry) => {
        const sent = this.queued?.serverCopy(entry, shown);
        if (sent) this.queued?.confirm(entry.id, sent);
        return !sent;
      });
      this.set({
        sessions: newestFirst([...shown, ...stillWaiting]),
        nextCursor: page.nextCursor,
        staleAt: null,
      });
      this.log.emitLoad();
    } catch {
      // Still unreachable: the offline copy stays, and says so.
    }
  }

  /** A page of older sessions, as the list asked for it from `cursor` (unless the pair changed meanwhile). */
  olderPage(pairId: string, page: { items: Session[]; nextCursor: string | null }) {
    if (pairId !== this.pairId) return;
    const known = new Set(this.sessions.map((s) => s.id));
    this.set({
      sessions: newestFirst([...this.sessions, ...this.overlay(page.items.filter((s) => !known.has(s.id)))]),
      nextCursor: page.nextCursor,
      older: 'idle',
    });
    this.log.emitLoad();
  }

  /** Shows a session the log has just saved (or queued), in its place. */
  add(session: Entry) {
    this.set({ sessions: newestFirst([...this.sessions.filter((s) => s.id !== session.id), session]) });
  }

  replace(session: Entry) {
    this.set({ sessions: this.sessions.map((s) => (s.id === session.id ? session : s)) });
  }

  remove(id: string) {
    this.set({ sessions: this.sessions.filter((s) => s.id !== id) });
  }

  /** A queued write reached the server: its answer replaces what the log showed meanwhile. */
  synced(write: SyncedWrite) {
    void this.outboxPart().then((queued) => queued.synced(write));
  }

  /** The server refused a queued write of a session: the session says so, with a way to discard it. */
  refused(entry: OutboxEntry, error: RmError) {
    void this.outboxPart().then((queued) => queued.refused(entry, error));
  }

  /** A change the partner (or another tab) made: read it and put it in its place. */
  live(event: LiveEvent) {
    if (event.type.startsWith('session.') && event.pairId === this.pairId)
      void this.outboxPart().then((queued) => queued.live(event));
  }

  /** Whether a session falls after the last one loaded, where its page, not the stream, brings it. */
  beyondLoaded(session: Session): boolean {
    const last = this.sessions.at(-1);
    return this.nextCursor !== null && last !== undefined && sortTime(session) < sortTime(last);
  }

  /** A message under a session (a refused toggle, a partner's change), or none. */
  notice(sessionId: string, message: string | undefined) {
    const notices = new Map(this.notices);
    if (message) notices.set(sessionId, message);
    else notices.delete(sessionId);
    this.notices = notices;
    this.host.requestUpdate();
  }
}
