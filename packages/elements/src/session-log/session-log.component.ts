import { initialState, Task } from '@lit/task';
import type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { ActionItem, PairRole, PrivateNote, Session, SessionCreate, Topic } from '@rm-kit/core';
import { DEFAULT_SESSION_MINUTES, DEFAULT_TOPICS, topicLabel } from '@rm-kit/core/vocabulary';
import {
  isStale,
  type LiveEvent,
  type OutboxEntry,
  type RmClient,
  staleSince,
  type Written,
} from '@rm-kit/sdk';
import { RmError, RmPreconditionError, RmValidationError } from '@rm-kit/sdk/errors';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { baseStyles } from '../base/base.styles.js';
import { LocalizeController, type Strings } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { type SessionLogKey, sessionLogStrings } from './session-log.strings.js';
import { sessionLogStyles } from './session-log.styles.js';
import type { SaveFailure, SessionLogForm } from './session-log-form.js';
import type { NoteState, SessionNotePanel } from './session-log-note.js';

const PAGE_SIZE = 50;
/** Load the next page once the last rendered session is this close to the end of what is loaded. */
const PREFETCH_DISTANCE = 10;

/** A session as the log shows it: possibly still in the outbox, possibly refused by the server. */
type Entry = Written<Session> & {
  /**
   * Set when the server refused the queued write: its request id, to quote (the outbox keeps
   * none across a reload). Its message is English and for developers, so it is not shown.
   */
  failure?: { requestId?: string | undefined };
  /** The outbox entry of a queued create, so a refused one can be discarded. */
  outboxId?: string;
};

/** Where a session sits in the log: newest first, by when it was held, else planned, else logged. */
function sortTime(session: Session): number {
  return Date.parse(session.occurredAt ?? session.scheduledAt ?? session.createdAt);
}

function newestFirst(sessions: Entry[]): Entry[] {
  const times = new Map(sessions.map((s) => [s.id, sortTime(s)]));
  return [...sessions].sort(
    (a, b) => (times.get(b.id) ?? 0) - (times.get(a.id) ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
}

/** A provisional entity as the SDK returns it for a create queued offline, shaped as a session. */
function provisionalSession(id: string, pairId: string, body: SessionCreate, createdAt: string): Entry {
  return {
    id,
    orgId: '',
    pairId,
    status: body.status ?? 'held',
    scheduledAt: body.scheduledAt ?? null,
    occurredAt: body.occurredAt ?? null,
    durationMinutes: body.durationMinutes ?? null,
    format: body.format ?? 'video',
    topics: body.topics ?? [],
    summary: body.summary ?? '',
    actionItems: (body.actionItems ?? []).map((item, i) => ({
      id: item.id ?? `new-${i}`,
      text: item.text,
      owner: item.owner,
      done: item.done ?? false,
    })),
    createdAt,
    updatedAt: createdAt,
    // What the server gives a new session, so a change queued after it carries the right If-Match.
    version: 1,
    pending: true,
  };
}

const isProvisional = (session: Session) => session.id.startsWith('pending_');

/**
 * A module fetched the first time it is needed, once for every log on the page; a failed
 * fetch is tried again next time.
 */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let module: Promise<T> | undefined;
  return () =>
    (module ??= load().catch((error: unknown) => {
      module = undefined;
      throw error;
    }));
}

/**
 * The virtualizer, with the layout it would otherwise fetch only once it first lays out
 * items. The log fetches both while it reads its first page, so they arrive together with
 * the sessions instead of after them, and the element is defined (and shows its loading
 * state) without waiting for them.
 */
const loadListModule = loadOnce(() =>
  Promise.all([
    import('@lit-labs/virtualizer/virtualize.js'),
    import('@lit-labs/virtualizer/layouts/flow.js'),
  ]).then(([virtualizer]) => virtualizer),
);

/**
 * The form and the private-note panel are modules of their own, fetched the first time
 * someone opens one (as form validation is the first time a form is sent): a page that
 * only shows the log does not pay for them.
 */
const loadFormModule = loadOnce(() => import('./session-log-form.js'));
const loadNoteModule = loadOnce(() => import('./session-log-note.js'));

/**
 * @tagname rm-session-log
 * @summary The sessions a pair has planned and held, newest first, with their shared summaries,
 * action items and your private notes, and a form to log a held session or plan one.
 *
 * Works offline: what you log waits in the SDK's outbox with a "Waiting to be sent" badge and
 * is confirmed once it reaches the server. Changes your partner makes appear live. Long logs
 * are virtualised, so ten thousand sessions scroll as smoothly as ten.
 *
 * @fires rm-session-logged - A session was saved, or queued offline. detail: `{ session, pending }`
 * @fires rm-action-item-toggled - An action item was ticked off or reopened. detail: `{ session, itemId, done, pending }`
 * @fires rm-note-saved - A private note was saved, or queued offline. detail: `{ note, pending }`
 * @fires rm-load - The first page (and each later page) of sessions loaded. detail: `{ count }` (sessions loaded so far)
 * @fires rm-error - Loading or saving failed, or the server refused a queued write. detail: `{ error, action }`
 *
 * @csspart header - The title row with the Live indicator, the Presenting switch and the log button.
 * @csspart live - The "Live" indicator, shown while the live-update stream is open.
 * @csspart presenting - The Presenting switch (a toggle button).
 * @csspart log-button - The button that opens the form.
 * @csspart form - The form to log or plan a session.
 * @csspart scroller - The scroll container around the list (its height is `--rm-session-log-max-height`).
 * @csspart list - The list of sessions.
 * @csspart item - One session in the list.
 * @csspart badge - The "Waiting to be sent" badge of a session still in the outbox.
 * @csspart note - The private-note panel under a session.
 * @csspart empty - The sentence shown when the pair has no sessions yet.
 * @csspart offline - The notice shown when the list is an offline copy.
 * @csspart error - The error message (loading failed, not found, no client).
 * @csspart loading - The loading skeleton.
 * @csspart retry - The "Try again" button of the error state.
 *
 * @cssprop --rm-session-log-max-height - How tall the list may grow before it scrolls (default 36rem).
 * @cssprop --rm-color-accent - Accent for buttons, the Live dot and focus rings.
 * @cssprop --rm-color-surface - Background.
 * @cssprop --rm-color-text - Text colour.
 * @cssprop --rm-color-muted - Secondary text.
 * @cssprop --rm-color-border - Borders and separators.
 * @cssprop --rm-color-subtle - Background of badges and tags.
 * @cssprop --rm-color-danger - Field errors and refusals.
 * @cssprop --rm-color-warning - The "Waiting to be sent" badge.
 * @cssprop --rm-color-success - The Live dot and done action items.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Base spacing.
 */
export class RmSessionLog extends RmElement {
  static override styles = [baseStyles, sessionLogStyles];

  /** The pair whose sessions to show (a `par_…` id): one of the signed-in person's own pairs. */
  @property({ attribute: 'pair-id' }) pairId = '';

  /**
   * Screen-sharing mode: hides private notes (the panels and the form's note field). Set by
   * the Presenting switch, or by the page; reflected so the page can style around it.
   */
  @property({ type: Boolean, reflect: true }) presenting = false;

  @state() private sessions: Entry[] = [];
  @state() private nextCursor: string | null = null;
  @state() private staleAt: Date | null = null;
  @state() private live = false;
  @state() private formOpen = false;
  @state() private announcement = '';
  @state() private older: 'idle' | 'loading' | 'error' = 'idle';
  @state() private topicKeys: string[] = DEFAULT_TOPICS.map((t) => t.key);
  @state() private customTopics: Topic[] = [];
  /** The pair's two names, for the form's "who takes it on" list; absent when unreadable. */
  private memberNames: Partial<Record<PairRole, string>> = {};
  @state() private notes = new Map<string, NoteState>();
  /** Per-session messages under an entry (a refused toggle, a partner's change). */
  @state() private sessionNotices = new Map<string, string>();

  private readonly localize = new LocalizeController(this, sessionLogStrings);
  private defaultMinutes = DEFAULT_SESSION_MINUTES;
  /** The form, once its module has loaded. */
  private sessionForm: SessionLogForm | undefined;
  /** Opening the form for the first time: its module is on its way. */
  private opening: Promise<void> | undefined;
  /** The private-note panel, once its module has loaded. */
  private notePanel: SessionNotePanel | undefined;
  /** The virtualizer, loaded with the first page. */
  private virtualizer: typeof import('@lit-labs/virtualizer/virtualize.js') | undefined;
  private wiredClient: RmClient | undefined;
  private stopLive: (() => void) | undefined;
  private subscription: object | undefined;
  private loadedPair = '';
  /** Action-item writes run one after another per session, so each carries the version the last one left. */
  private readonly sessionQueues = new Map<string, Promise<void>>();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly loadTask = new Task(this, {
    args: () => [this.api, this.pairId] as const,
    task: async ([api, pairId], { signal }) => this.load(api, pairId, signal),
  });

  override connectedCallback() {
    super.connectedCallback();
    this.wire(this.api);
    if (this.loadedPair && this.api) this.subscribe(this.api, this.loadedPair);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe();
    this.wire(undefined);
    clearTimeout(this.announceTimer);
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (this.api !== this.wiredClient && this.isConnected) this.wire(this.api);
    // Opening or closing the form moves the list without scrolling anything, which the
    // virtualizer cannot see: tell it to look at what is in view now.
    if (changed.has('formOpen') || changed.has('staleAt')) {
      // After the next layout: before it, the list has not moved yet.
      requestAnimationFrame(() => this.query('[part="scroller"]')?.dispatchEvent(new Event('scroll')));
    }
  }

  /**
   * An update that opens the form for the first time completes once the form's module has
   * arrived and the form is shown, as it did when the form was part of this module.
   */
  protected override getUpdateComplete(): Promise<boolean> {
    // Not an async function: an update that opens nothing completes exactly when Lit's does.
    const opening = this.opening;
    return opening ? opening.then(() => super.getUpdateComplete()) : super.getUpdateComplete();
  }

  // ---------------------------------------------------------------- loading

  private async load(api: RmClient | undefined, pairId: string, signal: AbortSignal) {
    this.unsubscribe();
    this.loadedPair = '';
    // Frameworks often set pair-id after creating the element: wait for it.
    if (!api || !pairId) return initialState;
    try {
      const [page, topics, waiting, list] = await Promise.all([
        api.sessions.page(pairId, { limit: PAGE_SIZE }, { signal }),
        this.loadTopics(api, pairId, signal),
        this.waitingCreates(api, pairId),
        loadListModule(),
      ]);
      this.virtualizer = list;
      const loaded = new Set(page.items.map((s) => s.id));
      this.sessions = newestFirst([...page.items, ...waiting.filter((s) => !loaded.has(s.id))]);
      this.nextCursor = page.nextCursor;
      this.staleAt = isStale(page) ? staleSince(page) : null;
      this.older = 'idle';
      this.notes = new Map();
      this.sessionNotices = new Map();
      this.topicKeys = topics.keys;
      this.customTopics = topics.custom;
      this.defaultMinutes = topics.minutes;
      this.memberNames = topics.names;
      this.loadedPair = pairId;
      if (this.isConnected) this.subscribe(api, pairId);
      this.emit('rm-load', { count: this.sessions.length });
      return { count: this.sessions.length };
    } catch (error) {
      if (!signal.aborted) this.emit('rm-error', { error: error as Error, action: 'sessions.load' });
      throw error;
    }
  }

  /**
   * The program's topics for the form, and the two people's names for its owner list; the
   * default catalogue (and roles alone) when they cannot be read.
   */
  private async loadTopics(api: RmClient, pairId: string, signal: AbortSignal) {
    const fallback = {
      keys: DEFAULT_TOPICS.map((t) => t.key) as string[],
      custom: [] as Topic[],
      minutes: DEFAULT_SESSION_MINUTES,
      names: {},
    };
    try {
      const pair = await api.pairs.get(pairId, { signal });
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
      };
    } catch {
      return fallback;
    }
  }

  /** Sessions of this pair logged earlier (maybe before a reload) that still wait in the outbox. */
  private async waitingCreates(api: RmClient, pairId: string): Promise<Entry[]> {
    const entries = await api.pendingWrites().catch(() => [] as OutboxEntry[]);
    return entries
      .filter(
        (e) =>
          e.label === 'sessions.create' &&
          e.provisionalId &&
          e.request.path === `v1/pairs/${pairId}/sessions`,
      )
      .map((e) => ({
        ...provisionalSession(e.provisionalId ?? '', pairId, e.request.body as SessionCreate, e.createdAt),
        outboxId: e.id,
        ...(e.state === 'failed' && e.error ? { failure: {} } : {}),
      }));
  }

  /** Reads the first page again without the loading state, keeping what waits in the outbox. */
  private async refresh(api: RmClient, pairId: string) {
    try {
      const page = await api.sessions.page(pairId, { limit: PAGE_SIZE });
      if (isStale(page) || pairId !== this.loadedPair) return;
      const loaded = new Set(page.items.map((s) => s.id));
      const waiting = this.sessions.filter((s) => isProvisional(s) && !loaded.has(s.id));
      this.sessions = newestFirst([...page.items, ...waiting]);
      this.nextCursor = page.nextCursor;
      this.staleAt = null;
      this.emit('rm-load', { count: this.sessions.length });
    } catch {
      // Still unreachable: the offline copy stays, and says so.
    }
  }

  private async loadOlder() {
    const api = this.api;
    const cursor = this.nextCursor;
    if (!api || !cursor || this.older === 'loading') return;
    const pairId = this.loadedPair;
    this.older = 'loading';
    try {
      const page = await api.sessions.page(pairId, { limit: PAGE_SIZE, cursor });
      if (pairId !== this.loadedPair) return;
      const known = new Set(this.sessions.map((s) => s.id));
      this.sessions = newestFirst([...this.sessions, ...page.items.filter((s) => !known.has(s.id))]);
      this.nextCursor = page.nextCursor;
      this.older = 'idle';
      this.emit('rm-load', { count: this.sessions.length });
    } catch (error) {
      this.older = 'error';
      this.emit('rm-error', { error: error as Error, action: 'sessions.load' });
    }
  }

  private readonly onRangeChanged = (event: Event) => {
    const { last } = event as Event & { last: number };
    if (this.nextCursor && this.older === 'idle' && last >= this.sessions.length - PREFETCH_DISTANCE) {
      void this.loadOlder();
    }
  };

  // ---------------------------------------------------------------- the client's outbox and live events

  private wire(api: RmClient | undefined) {
    if (this.wiredClient === api) return;
    this.wiredClient?.removeEventListener('synced', this.onSynced);
    this.wiredClient?.removeEventListener('sync-error', this.onSyncError);
    this.wiredClient = api;
    api?.addEventListener('synced', this.onSynced);
    api?.addEventListener('sync-error', this.onSyncError);
  }

  private subscribe(api: RmClient, pairId: string) {
    this.unsubscribe();
    // The stream reports its status from inside subscribe(); a stream replaced since must not speak.
    const subscription = {};
    this.subscription = subscription;
    this.stopLive = api.events.subscribe({ pairId }, (event) => void this.onLiveEvent(event), {
      onStatus: (status) => {
        if (this.subscription !== subscription) return;
        this.live = status === 'open';
        // The server is reachable again after an offline start: replace the offline copy.
        if (this.live && this.staleAt) void this.refresh(api, pairId);
      },
      // Changes may have been missed: read the log again rather than show a stale one.
      onReset: () => {
        if (this.subscription === subscription) void this.refresh(api, pairId);
      },
    });
  }

  private unsubscribe() {
    this.subscription = undefined;
    this.stopLive?.();
    this.stopLive = undefined;
    this.live = false;
  }

  private readonly onSynced = (event: CustomEvent<{ entry: OutboxEntry; result: unknown }>) => {
    const { entry, result } = event.detail;
    if (entry.label === 'sessions.create' && entry.provisionalId) {
      const session = result as Session;
      if (!this.sessions.some((s) => s.id === entry.provisionalId)) return;
      const focused = this.focusedSessionId() === entry.provisionalId;
      const others = this.sessions.filter((s) => s.id !== entry.provisionalId && s.id !== session.id);
      this.sessions = newestFirst([...others, session]);
      const note = this.notes.get(entry.provisionalId);
      if (note) {
        this.notes.delete(entry.provisionalId);
        this.notes.set(session.id, note);
      }
      this.announce(this.localize.t('sent'));
      if (focused) void this.focusSession(session.id);
    } else if (entry.label === 'sessions.update') {
      const session = result as Session;
      if (this.sessions.some((s) => s.id === session.id)) this.replaceSession(session);
    } else if (entry.label === 'notes.create' || entry.label === 'notes.update') {
      const note = result as PrivateNote;
      for (const [sessionId, state] of this.notes) {
        if (state.note && (state.note.id === note.id || state.note.id === entry.provisionalId)) {
          this.setNote(sessionId, { note });
        }
      }
    }
  };

  private readonly onSyncError = (event: CustomEvent<{ entry: OutboxEntry; error: RmError }>) => {
    const { entry, error } = event.detail;
    this.emit('rm-error', { error, action: entry.label });
    if (entry.state !== 'failed') return;
    const failure = { requestId: error.requestId };
    const updated = /^v1\/sessions\/([^/]+)$/.exec(entry.request.path)?.[1];
    const id = entry.label === 'sessions.create' ? entry.provisionalId : updated;
    if (id && this.sessions.some((s) => s.id === id)) {
      this.sessions = this.sessions.map((s) => (s.id === id ? { ...s, failure, outboxId: entry.id } : s));
    }
  };

  private async onLiveEvent(event: LiveEvent) {
    const api = this.api;
    if (!api || !event.type.startsWith('session.') || event.pairId !== this.loadedPair) return;
    if (event.type === 'session.deleted') {
      this.sessions = this.sessions.filter((s) => s.id !== event.entityId);
      return;
    }
    const known = this.sessions.find((s) => s.id === event.entityId);
    if (known && !known.pending && event.version !== null && known.version >= event.version) return;
    const pairId = this.loadedPair;
    try {
      const session = await api.sessions.get(event.entityId);
      if (this.loadedPair !== pairId) return;
      const present = this.sessions.some((s) => s.id === session.id);
      const last = this.sessions.at(-1);
      // A session older than everything loaded so far arrives with its page, not before it.
      if (!present && this.nextCursor && last && sortTime(session) < sortTime(last)) return;
      this.sessions = newestFirst([...this.sessions.filter((s) => s.id !== session.id), session]);
      if (!present) this.announce(this.localize.t('newFromPartner'));
    } catch (error) {
      if ((error as RmError).status === 404)
        this.sessions = this.sessions.filter((s) => s.id !== event.entityId);
    }
  }

  private replaceSession(session: Entry) {
    this.sessions = this.sessions.map((s) => (s.id === session.id ? session : s));
  }

  // ---------------------------------------------------------------- the form

  private openForm() {
    this.opening ??= this.showForm().finally(() => {
      this.opening = undefined;
    });
  }

  private async showForm() {
    let form: SessionLogForm;
    try {
      form = this.sessionForm ??= new (await loadFormModule()).SessionLogForm(this, {
        localize: (strings) => this.localizeWith(strings),
        topics: () => ({ keys: this.topicKeys, custom: this.customTopics }),
        memberName: (role) => this.memberNames[role],
        defaultMinutes: () => this.defaultMinutes,
        presenting: () => this.presenting,
        canSave: () => Boolean(this.api),
        save: (body, privateNote) => this.saveSession(body, privateNote),
        close: () => this.closeForm(),
      });
    } catch (error) {
      // Its module could not be fetched (offline before the form was first opened, say): nothing
      // opens, and the next click tries again.
      this.announce(this.localize.t('failed'));
      this.emit('rm-error', { error: error as Error, action: 'form.load' });
      return;
    }
    form.reset();
    this.formOpen = true;
    void this.updateComplete.then(() =>
      this.query<HTMLInputElement>('input[name="status"]:checked')?.focus(),
    );
  }

  private closeForm() {
    this.formOpen = false;
    this.sessionForm?.clearErrors();
    void this.updateComplete.then(() => this.query<HTMLButtonElement>('#log-toggle')?.focus());
  }

  /** Saves the session the form describes, shows it in the log and closes the form; or says why not. */
  private async saveSession(body: SessionCreate, noteText: string): Promise<SaveFailure | undefined> {
    const api = this.api;
    if (!api) return { message: this.localize.t('noClient') };
    const pairId = this.loadedPair;
    try {
      const created = await api.sessions.create(pairId, body);
      // The page moved to another pair meanwhile: this session is not in the log shown now.
      if (pairId !== this.loadedPair) return;
      const session: Entry = created.pending
        ? provisionalSession(created.id, pairId, body, created.createdAt)
        : created;
      const pending = Boolean(created.pending);
      this.sessions = newestFirst([...this.sessions.filter((s) => s.id !== session.id), session]);
      this.emit('rm-session-logged', { session, pending });
      if (noteText) void this.saveNewSessionNote(api, session.id, noteText);
      this.announce(this.localize.t(pending ? 'savedOffline' : 'saved'));
      this.formOpen = false;
      void this.focusSession(session.id);
      return undefined;
    } catch (error) {
      this.emit('rm-error', { error: error as Error, action: 'sessions.create' });
      if (error instanceof RmValidationError) return { issues: error.issues };
      return {
        message: this.localize.t(
          error instanceof RmError && error.status === 404 ? 'notFound' : 'saveFailed',
        ),
      };
    }
  }

  /** The private note typed into the form goes with the session (queued behind it when offline). */
  private async saveNewSessionNote(api: RmClient, sessionId: string, text: string) {
    try {
      const note = await api.notes.create(sessionId, { text });
      this.setNote(sessionId, { note, draft: note.text, status: 'ready' });
      this.emit('rm-note-saved', { note, pending: Boolean(note.pending) });
    } catch (error) {
      this.emit('rm-error', { error: error as Error, action: 'notes.create' });
    }
  }

  private focusedSessionId(): string | undefined {
    const active = this.shadowRoot?.activeElement;
    return active?.closest<HTMLElement>('[data-session-id]')?.dataset.sessionId;
  }

  /** Brings a session into view (it may not be rendered yet: the list is virtual) and focuses it. */
  private async focusSession(id: string) {
    await this.updateComplete;
    const index = this.sessions.findIndex((s) => s.id === id);
    if (index < 0) return;
    const list = this.query<VirtualizerHostElement>('ol[part="list"]');
    const ref = this.virtualizer?.virtualizerRef;
    if (ref) list?.[ref]?.element(index)?.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < 60; frame++) {
      const item = this.query<HTMLElement>(`[data-session-id="${CSS.escape(id)}"]`);
      if (item) {
        item.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  // ---------------------------------------------------------------- action items

  private toggleItem(session: Entry, item: ActionItem, done: boolean) {
    const previous = this.sessionQueues.get(session.id) ?? Promise.resolve();
    const next = previous.then(() => this.writeToggle(session.id, item, done));
    this.sessionQueues.set(session.id, next);
    void next.finally(() => {
      if (this.sessionQueues.get(session.id) === next) this.sessionQueues.delete(session.id);
    });
  }

  private async writeToggle(
    sessionId: string,
    item: ActionItem,
    done: boolean,
    retried = false,
  ): Promise<void> {
    const api = this.api;
    const current = this.sessions.find((s) => s.id === sessionId);
    if (!api || !current) return;
    const actionItems = current.actionItems.map((i) => (i.id === item.id ? { ...i, done } : i));
    this.replaceSession({ ...current, actionItems });
    this.sessionNotices.delete(sessionId);
    try {
      const written = await api.sessions.update(
        { id: current.id, version: current.version },
        {
          actionItems: actionItems.map(({ id, text, owner, done: isDone }) => ({
            id,
            text,
            owner,
            done: isDone,
          })),
        },
      );
      // Queued offline: the outbox replays writes in order, each raising the version by one,
      // so the next change of this session must expect the version after this one.
      const session: Entry = written.pending
        ? { ...current, actionItems, version: current.version + 1, pending: true }
        : written;
      this.replaceSession(session);
      this.announce(this.localize.t(done ? 'markedDone' : 'markedNotDone', { text: item.text }));
      this.emit('rm-action-item-toggled', {
        session,
        itemId: item.id,
        done,
        pending: Boolean(written.pending),
      });
    } catch (error) {
      if (error instanceof RmPreconditionError && !retried) {
        // The partner changed the session since it was read: take theirs, then apply this tick to it.
        const fresh = await api.sessions.get(sessionId).catch(() => undefined);
        if (fresh) {
          this.replaceSession(fresh);
          if (fresh.actionItems.some((i) => i.id === item.id))
            return this.writeToggle(sessionId, item, done, true);
          this.sessionNotices.set(sessionId, this.localize.t('changedMeanwhile'));
          this.requestUpdate();
          return;
        }
      }
      this.replaceSession(current);
      this.sessionNotices.set(sessionId, this.localize.t('toggleFailed'));
      this.requestUpdate();
      this.emit('rm-error', { error: error as Error, action: 'sessions.update' });
    }
  }

  // ---------------------------------------------------------------- private notes

  private noteOf(sessionId: string): NoteState {
    return this.notes.get(sessionId) ?? { open: false, status: 'idle', draft: '', saving: false };
  }

  private setNote(sessionId: string, changes: Partial<NoteState>) {
    const next = new Map(this.notes);
    next.set(sessionId, { ...this.noteOf(sessionId), ...changes });
    this.notes = next;
  }

  private toggleNote(session: Entry) {
    const state = this.noteOf(session.id);
    const open = !state.open;
    this.setNote(session.id, { open });
    if (open && (state.status === 'idle' || state.status === 'error')) void this.loadNote(session.id);
    // A note saved with its new session is known already; the panel's module may not be there yet.
    else if (open && state.status === 'ready' && !this.notePanel) void this.loadNote(session.id, false);
    if (open) {
      void this.updateComplete.then(() =>
        this.query<HTMLTextAreaElement>(`#note-${session.id}-text`)?.focus(),
      );
    }
  }

  /** The panel, loading its module the first time a note is opened. */
  private async loadNotePanel(): Promise<SessionNotePanel> {
    const { SessionNotePanel } = await loadNoteModule();
    this.notePanel ??= new SessionNotePanel(this, {
      localize: (strings) => this.localizeWith(strings),
      api: () => this.api,
      noteOf: (sessionId) => this.noteOf(sessionId),
      setNote: (sessionId, changes) => this.setNote(sessionId, changes),
      announce: (message) => this.announce(message),
      emit: (type, detail) => this.emit(type, detail),
    });
    return this.notePanel;
  }

  /** Reads the note (unless `fetch` is false: it is known already) and shows it in its panel. */
  private async loadNote(sessionId: string, fetch = true) {
    const api = this.api;
    if (!api) return;
    this.setNote(sessionId, { status: 'loading', error: '' });
    try {
      const [page] = await Promise.all([
        fetch ? api.notes.page(sessionId, { limit: 1 }) : undefined,
        this.loadNotePanel(),
      ]);
      if (page) {
        const note = page.items[0];
        this.setNote(sessionId, { status: 'ready', ...(note ? { note } : {}), draft: note?.text ?? '' });
      } else {
        this.setNote(sessionId, { status: 'ready' });
      }
      void this.updateComplete.then(() => {
        if (this.noteOf(sessionId).open) this.query<HTMLTextAreaElement>(`#note-${sessionId}-text`)?.focus();
      });
    } catch (error) {
      this.setNote(sessionId, { status: 'error', error: this.localize.t('noteLoadFailed') });
      this.emit('rm-error', { error: error as Error, action: 'notes.load' });
    }
  }

  // ---------------------------------------------------------------- other actions

  private togglePresenting() {
    this.presenting = !this.presenting;
    this.announce(this.localize.t(this.presenting ? 'presentingOn' : 'presentingOff'));
  }

  private async discard(session: Entry) {
    const api = this.api;
    if (!api || !session.outboxId) return;
    await api.discardWrite(session.outboxId);
    if (isProvisional(session)) this.sessions = this.sessions.filter((s) => s.id !== session.id);
    else {
      const fresh = await api.sessions.get(session.id).catch(() => undefined);
      if (fresh) this.replaceSession(fresh);
    }
  }

  /** A localisation controller with the log's words and a part's own, for the parts that load later. */
  private localizeWith<K extends string>(strings: Strings<K>): LocalizeController<SessionLogKey | K> {
    return new LocalizeController<SessionLogKey | K>(this, {
      en: { ...sessionLogStrings.en, ...strings.en },
      it: { ...sessionLogStrings.it, ...strings.it },
    });
  }

  /** Says something in the polite live region; the same words twice are announced twice. */
  private announce(message: string) {
    this.announcement = '';
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announcement = message;
    }, 50);
  }

  private query<T extends Element>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  // ---------------------------------------------------------------- rendering

  protected override render() {
    if (!this.api) return noClientState(this.localize);
    return html`
      <section class="log surface" aria-labelledby="title">
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
        ${this.loadTask.render({
          initial: () => html`${this.renderHeader(false)}${loadingState(this.localize, 4)}`,
          pending: () => html`${this.renderHeader(false)}${loadingState(this.localize, 4)}`,
          complete: () => this.renderLoaded(),
          error: (error) =>
            html`${this.renderHeader(false)}${errorState(this.localize, error, () => void this.loadTask.run())}`,
        })}
      </section>
    `;
  }

  private renderHeader(ready: boolean): TemplateResult {
    const t = (key: SessionLogKey) => this.localize.t(key);
    return html`<header part="header" class="head">
      <h2 id="title">${t('title')}</h2>
      ${
        ready
          ? html`<div class="tools">
            ${
              this.live
                ? html`<span part="live" class="live" title=${t('liveHint')}
                  ><span class="dot" aria-hidden="true"></span>${t('live')}</span
                >`
                : nothing
            }
            <button
              part="presenting"
              class="switch"
              type="button"
              aria-pressed=${this.presenting ? 'true' : 'false'}
              aria-describedby="presenting-hint"
              @click=${this.togglePresenting}
            >
              <span class="track" aria-hidden="true"><span class="thumb"></span></span>${t('presenting')}
            </button>
            <span id="presenting-hint" class="visually-hidden">${t('presentingHint')}</span>
            <button
              id="log-toggle"
              part="log-button"
              class="primary"
              type="button"
              aria-expanded=${this.formOpen ? 'true' : 'false'}
              aria-controls="log-form"
              @click=${() => (this.formOpen ? this.closeForm() : this.openForm())}
            >
              ${t('logSession')}
            </button>
          </div>`
          : nothing
      }
    </header>`;
  }

  private renderLoaded(): TemplateResult {
    return html`
      ${this.renderHeader(true)}
      ${
        this.staleAt
          ? html`<div part="offline" class="notice" role="status">
            <p>${this.localize.t('offline')}</p>
            <p class="muted">${this.localize.t('stale', { when: this.localize.dateTime(this.staleAt) })}</p>
          </div>`
          : nothing
      }
      ${this.formOpen ? this.sessionForm?.render() : nothing}
      ${
        this.sessions.length === 0
          ? html`<p part="empty" class="empty muted">${this.localize.t('empty')}</p>`
          : this.renderList()
      }
    `;
  }

  private renderList(): TemplateResult {
    // Loaded with the first page: the list renders only once it is complete.
    const { virtualize } = this.virtualizer as typeof import('@lit-labs/virtualizer/virtualize.js');
    return html`
      <div part="scroller" class="scroller" role="region" aria-labelledby="list-label" tabindex="0">
        <span id="list-label" class="visually-hidden">${this.localize.t('listLabel')}</span>
        <ol part="list" class="list" @rangeChanged=${this.onRangeChanged}>
          ${virtualize({
            items: this.sessions,
            keyFunction: (session: Entry) => session.id,
            renderItem: (session: Entry, index: number) => this.renderSession(session, index),
          })}
        </ol>
      </div>
      ${
        this.nextCursor
          ? html`<div class="older">
            ${this.older === 'error' ? html`<p class="error-text" role="alert">${this.localize.t('olderFailed')}</p>` : nothing}
            <button type="button" ?disabled=${this.older === 'loading'} @click=${() => void this.loadOlder()}>
              ${this.localize.t(this.older === 'loading' ? 'olderLoading' : 'olderSessions')}
            </button>
          </div>`
          : nothing
      }
    `;
  }

  private renderSession(session: Entry, index: number): TemplateResult {
    const t = this.localize;
    const when = session.occurredAt ?? session.scheduledAt;
    const id = session.id;
    const notice = this.sessionNotices.get(id);
    return html`<li
      part="item"
      class="session status-${session.status} ${session.pending ? 'is-pending' : ''}"
      data-session-id=${id}
      tabindex="-1"
      aria-labelledby="s-${id}-title"
      aria-posinset=${index + 1}
      aria-setsize=${this.nextCursor ? -1 : this.sessions.length}
    >
      <div class="session-head">
        <h3 id="s-${id}-title" class="when">
          ${
            when
              ? html`<time datetime=${when}
                >${t.date(when, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })}</time
              >`
              : t.t(`status.${session.status}`)
          }
        </h3>
        <span class="badge status">${t.t(`status.${session.status}`)}</span>
        ${session.pending ? html`<span part="badge" class="badge pending">${t.t('pending')}</span>` : nothing}
      </div>
      <p class="meta muted">
        ${t.t(`format.${session.format}`)}${
          session.durationMinutes
            ? ` · ${t.number(session.durationMinutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' })}`
            : nothing
        }
      </p>
      ${
        session.topics.length
          ? html`<ul class="topics" aria-label=${t.t('topics')}>
            ${session.topics.map((key) => html`<li class="topic">${topicLabel(key, t.locale, this.customTopics)}</li>`)}
          </ul>`
          : nothing
      }
      ${
        session.failure
          ? html`<p class="error-text refusal" role="alert">
            ${t.t('refused')}
            ${session.failure.requestId ? html`<small class="muted">${t.t('reference', { id: session.failure.requestId })}</small>` : nothing}
            ${session.outboxId ? html`<button type="button" @click=${() => void this.discard(session)}>${t.t('discard')}</button>` : nothing}
          </p>`
          : nothing
      }
      ${notice ? html`<p class="notice-text" role="alert">${notice}</p>` : nothing}
      <p class="summary">${session.summary || html`<span class="muted">${t.t('noSummary')}</span>`}</p>
      ${session.actionItems.length ? this.renderActionItems(session) : nothing}
      ${this.presenting ? nothing : this.renderNote(session)}
    </li>`;
  }

  private renderActionItems(session: Entry): TemplateResult {
    const t = this.localize;
    const frozen = isProvisional(session);
    return html`<div class="actions">
      <p id="s-${session.id}-actions" class="label muted">${t.t('actionItemsShared')}</p>
      <ul aria-labelledby="s-${session.id}-actions">
        ${session.actionItems.map((item) => {
          const inputId = `ai-${session.id}-${item.id}`;
          return html`<li class="action ${item.done ? 'done' : ''}">
            <input
              type="checkbox"
              id=${inputId}
              .checked=${item.done}
              ?disabled=${frozen}
              aria-describedby="${inputId}-owner"
              @change=${(e: Event) => this.toggleItem(session, item, (e.target as HTMLInputElement).checked)}
            />
            <label for=${inputId}>${item.text}</label>
            <span id="${inputId}-owner" class="owner owner-${item.owner}"
              >${t.t(item.owner === 'mentor' ? 'mentorRole' : 'menteeRole')}</span
            >
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderNote(session: Entry): TemplateResult {
    const t = this.localize;
    const id = session.id;
    if (isProvisional(session)) return html``;
    const state = this.noteOf(id);
    const panelId = `note-${id}`;
    return html`<div class="note">
      <button
        type="button"
        class="disclosure"
        aria-expanded=${state.open ? 'true' : 'false'}
        aria-controls=${panelId}
        @click=${() => this.toggleNote(session)}
      >
        <svg class="chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M5 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2"></path>
        </svg>
        ${t.t('privateNote')}
        ${state.note ? html`<span class="dot-note" aria-hidden="true"></span>` : nothing}
      </button>
      <div id=${panelId} part="note" class="note-panel" ?hidden=${!state.open}>
        ${state.open ? this.renderNotePanel(id, state) : nothing}
      </div>
    </div>`;
  }

  private renderNotePanel(sessionId: string, state: NoteState): TemplateResult {
    const t = this.localize;
    if (state.status === 'error') {
      return html`<p class="error-text" role="alert">${state.error}</p>
        <button type="button" @click=${() => void this.loadNote(sessionId)}>${t.t('retry')}</button>`;
    }
    if (state.status !== 'ready' || !this.notePanel) {
      return html`<p class="muted" role="status">${t.t('noteLoading')}</p>`;
    }
    return this.notePanel.render(sessionId, state);
  }
}
