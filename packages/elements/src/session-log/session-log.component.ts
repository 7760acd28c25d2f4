import { initialState, Task } from '@lit/task';
import { type VirtualizerHostElement, virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type {
  ActionItem,
  Issue,
  PairRole,
  PrivateNote,
  Session,
  SessionCreate,
  SessionFormat,
  Topic,
} from '@rm-kit/core';
import {
  DEFAULT_SESSION_MINUTES,
  DEFAULT_TOPICS,
  SESSION_FORMATS,
  topicLabel,
} from '@rm-kit/core/vocabulary';
import {
  isStale,
  type LiveEvent,
  type OutboxEntry,
  type RmClient,
  RmError,
  RmPreconditionError,
  RmValidationError,
  staleSince,
  type Written,
} from '@rm-kit/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { baseStrings } from '../base/base.strings.js';
import { baseStyles } from '../base/base.styles.js';
import { LocalizeController, type Strings } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { type SessionLogKey, sessionLogStrings } from './session-log.strings.js';
import { sessionLogStyles } from './session-log.styles.js';

type BaseKey = keyof (typeof baseStrings)['en'];

const strings: Strings<BaseKey | SessionLogKey> = {
  en: { ...baseStrings.en, ...sessionLogStrings.en },
  it: { ...baseStrings.it, ...sessionLogStrings.it },
};

const PAGE_SIZE = 50;
/** Load the next page once the last rendered session is this close to the end of what is loaded. */
const PREFETCH_DISTANCE = 10;

/** A session as the log shows it: possibly still in the outbox, possibly refused by the server. */
type Entry = Written<Session> & {
  /** Why the server refused the queued write, in its words. */
  failure?: string;
  /** The outbox entry of a queued create, so a refused one can be discarded. */
  outboxId?: string;
};

interface NoteState {
  open: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  note?: Written<PrivateNote>;
  draft: string;
  saving: boolean;
  error?: string;
}

interface DraftActionItem {
  key: number;
  text: string;
  owner: PairRole;
}

interface Draft {
  status: 'held' | 'planned';
  /** The `datetime-local` value: local wall-clock time, no offset. */
  when: string;
  duration: string;
  format: SessionFormat;
  topics: string[];
  summary: string;
  actionItems: DraftActionItem[];
  note: string;
}

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

function twoDigits(value: number): string {
  return String(Math.abs(value)).padStart(2, '0');
}

/** The value a `datetime-local` input takes for a moment, in the browser's time zone. */
function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}T${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** A `datetime-local` value as ISO 8601 with the browser's UTC offset at that moment (`…T09:30:00+01:00`). */
export function instantFromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${localInputValue(date)}:${twoDigits(date.getSeconds())}${sign}${twoDigits(Math.trunc(offset / 60))}:${twoDigits(offset % 60)}`;
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
    version: 0,
    pending: true,
  };
}

const isProvisional = (session: Session) => session.id.startsWith('pending_');

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
  @state() private draft: Draft = this.emptyDraft();
  @state() private fieldErrors = new Map<string, string>();
  @state() private formError = '';
  @state() private saving = false;
  @state() private announcement = '';
  @state() private older: 'idle' | 'loading' | 'error' = 'idle';
  @state() private topicKeys: string[] = DEFAULT_TOPICS.map((t) => t.key);
  @state() private customTopics: Topic[] = [];
  @state() private notes = new Map<string, NoteState>();
  /** Per-session messages under an entry (a refused toggle, a partner's change). */
  @state() private sessionNotices = new Map<string, string>();

  private readonly localize = new LocalizeController(this, strings);
  private defaultMinutes = DEFAULT_SESSION_MINUTES;
  private nextRowKey = 1;
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

  // ---------------------------------------------------------------- loading

  private async load(api: RmClient | undefined, pairId: string, signal: AbortSignal) {
    this.unsubscribe();
    this.loadedPair = '';
    // Frameworks often set pair-id after creating the element: wait for it.
    if (!api || !pairId) return initialState;
    try {
      const [page, topics, waiting] = await Promise.all([
        api.sessions.page(pairId, { limit: PAGE_SIZE }, { signal }),
        this.loadTopics(api, pairId, signal),
        this.waitingCreates(api, pairId),
      ]);
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
      this.loadedPair = pairId;
      if (this.isConnected) this.subscribe(api, pairId);
      this.emit('rm-load', { count: this.sessions.length });
      return { count: this.sessions.length };
    } catch (error) {
      if (!signal.aborted) this.emit('rm-error', { error: error as Error, action: 'sessions.load' });
      throw error;
    }
  }

  /** The program's topics for the form; the default catalogue when the program cannot be read. */
  private async loadTopics(api: RmClient, pairId: string, signal: AbortSignal) {
    const fallback = {
      keys: DEFAULT_TOPICS.map((t) => t.key) as string[],
      custom: [] as Topic[],
      minutes: DEFAULT_SESSION_MINUTES,
    };
    try {
      const pair = await api.pairs.get(pairId, { signal });
      const program = await api.programs.get(pair.programId, { signal });
      return { keys: program.topics, custom: program.customTopics, minutes: program.sessionMinutes };
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
        ...(e.state === 'failed' && e.error ? { failure: e.error.message } : {}),
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
    const failure = error.message;
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

  private emptyDraft(): Draft {
    return {
      status: 'held',
      when: '',
      duration: String(this.defaultMinutes ?? DEFAULT_SESSION_MINUTES),
      format: 'video',
      topics: [],
      summary: '',
      actionItems: [],
      note: '',
    };
  }

  private openForm() {
    this.draft = { ...this.emptyDraft(), when: localInputValue(new Date()) };
    this.fieldErrors = new Map();
    this.formError = '';
    this.formOpen = true;
    void this.updateComplete.then(() =>
      this.query<HTMLInputElement>('input[name="status"]:checked')?.focus(),
    );
  }

  private closeForm() {
    this.formOpen = false;
    this.fieldErrors = new Map();
    this.formError = '';
    void this.updateComplete.then(() => this.query<HTMLButtonElement>('#log-toggle')?.focus());
  }

  private readonly onFormKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closeForm();
    }
  };

  private setDraft(changes: Partial<Draft>) {
    this.draft = { ...this.draft, ...changes };
  }

  private addActionItem() {
    const key = this.nextRowKey++;
    this.setDraft({ actionItems: [...this.draft.actionItems, { key, text: '', owner: 'mentee' }] });
    void this.updateComplete.then(() => this.query<HTMLInputElement>(`#f-ai-${key}-text`)?.focus());
  }

  private removeActionItem(key: number) {
    const rows = this.draft.actionItems;
    const index = rows.findIndex((r) => r.key === key);
    this.setDraft({ actionItems: rows.filter((r) => r.key !== key) });
    const next = rows[index + 1] ?? rows[index - 1];
    void this.updateComplete.then(() =>
      (next
        ? this.query<HTMLElement>(`#f-ai-${next.key}-text`)
        : this.query<HTMLElement>('#f-ai-add')
      )?.focus(),
    );
  }

  private updateActionItem(key: number, changes: Partial<DraftActionItem>) {
    this.setDraft({
      actionItems: this.draft.actionItems.map((r) => (r.key === key ? { ...r, ...changes } : r)),
    });
  }

  /** The body the form describes, before validation. */
  private draftBody() {
    const d = this.draft;
    const when = instantFromLocalInput(d.when);
    return {
      status: d.status,
      occurredAt: d.status === 'held' ? when : null,
      scheduledAt: d.status === 'planned' ? when : null,
      durationMinutes: d.duration.trim() === '' ? null : Number(d.duration),
      format: d.format,
      topics: d.topics,
      summary: d.summary,
      actionItems: d.actionItems.map((r) => ({ text: r.text, owner: r.owner })),
    };
  }

  /** The form field an issue from the schema (or the server) belongs to, and what to say there. */
  private fieldFor(issue: Issue): [string, string] | undefined {
    const [first, index, leaf] = issue.path;
    switch (first) {
      case 'status':
        return ['f-status', this.localize.t('error.status')];
      case 'occurredAt':
      case 'scheduledAt':
        return ['f-when', this.localize.t('error.when')];
      case 'durationMinutes':
        return ['f-duration', this.localize.t('error.duration')];
      case 'format':
        return ['f-format', this.localize.t('error.format')];
      case 'topics':
        return ['f-topics', this.localize.t('error.topics')];
      case 'summary':
        return ['f-summary', this.localize.t('error.summary')];
      case 'actionItems': {
        const row = typeof index === 'number' ? this.draft.actionItems[index] : undefined;
        if (!row) return ['f-actions', this.localize.t('error.actionItems')];
        return leaf === 'owner'
          ? [`f-ai-${row.key}-owner`, this.localize.t('error.actionItemOwner')]
          : [`f-ai-${row.key}-text`, this.localize.t('error.actionItemText')];
      }
      default:
        return undefined;
    }
  }

  /** Shows each issue beside its field and moves focus to the first invalid field. */
  private showIssues(issues: Issue[]) {
    const errors = new Map<string, string>();
    const unplaced: string[] = [];
    for (const issue of issues) {
      const field = this.fieldFor(issue);
      if (field && !errors.has(field[0])) errors.set(field[0], field[1]);
      else if (!field) unplaced.push(issue.message);
    }
    this.fieldErrors = errors;
    this.formError = unplaced.length ? unplaced.join(' ') : '';
    void this.updateComplete.then(() => {
      const order = [
        'f-status',
        'f-when',
        'f-duration',
        'f-format',
        'f-topics',
        'f-summary',
        'f-actions',
        ...this.draft.actionItems.flatMap((r) => [`f-ai-${r.key}-text`, `f-ai-${r.key}-owner`]),
      ];
      const first = order.find((id) => errors.has(id));
      if (!first) return;
      const target = this.query<HTMLElement>(`#${first}`);
      const focusable =
        target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>('input') : target;
      focusable?.focus();
    });
  }

  private async submit(event: Event) {
    event.preventDefault();
    const api = this.api;
    if (!api || this.saving) return;
    // The schema (and zod) load only when a form is sent: a page pays for them when it uses them.
    const { sessionCreateSchema } = await import('@rm-kit/core/schemas/session');
    const parsed = sessionCreateSchema.safeParse(this.draftBody());
    if (!parsed.success) {
      this.showIssues(
        parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
      );
      return;
    }
    this.fieldErrors = new Map();
    this.formError = '';
    this.saving = true;
    const pairId = this.loadedPair;
    // A note typed before the Presenting switch was turned on is still the author's to keep.
    const noteText = this.draft.note.trim();
    try {
      const created = await api.sessions.create(pairId, parsed.data);
      const session: Entry = created.pending
        ? provisionalSession(created.id, pairId, parsed.data, created.createdAt)
        : created;
      const pending = Boolean(created.pending);
      this.sessions = newestFirst([...this.sessions.filter((s) => s.id !== session.id), session]);
      this.emit('rm-session-logged', { session, pending });
      if (noteText) void this.saveNewSessionNote(api, session.id, noteText);
      this.announce(this.localize.t(pending ? 'savedOffline' : 'saved'));
      this.draft = this.emptyDraft();
      this.formOpen = false;
      void this.focusSession(session.id);
    } catch (error) {
      if (error instanceof RmValidationError) this.showIssues(error.issues);
      else
        this.formError = this.localize.t(
          error instanceof RmError && error.status === 404 ? 'notFound' : 'failed',
        );
      this.emit('rm-error', { error: error as Error, action: 'sessions.create' });
    } finally {
      this.saving = false;
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
    list?.[virtualizerRef]?.element(index)?.scrollIntoView({ block: 'nearest' });
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
    if (open) {
      void this.updateComplete.then(() =>
        this.query<HTMLTextAreaElement>(`#note-${session.id}-text`)?.focus(),
      );
    }
  }

  private async loadNote(sessionId: string) {
    const api = this.api;
    if (!api) return;
    this.setNote(sessionId, { status: 'loading', error: '' });
    try {
      const page = await api.notes.page(sessionId, { limit: 1 });
      const note = page.items[0];
      this.setNote(sessionId, { status: 'ready', ...(note ? { note } : {}), draft: note?.text ?? '' });
      void this.updateComplete.then(() => {
        if (this.noteOf(sessionId).open) this.query<HTMLTextAreaElement>(`#note-${sessionId}-text`)?.focus();
      });
    } catch (error) {
      this.setNote(sessionId, { status: 'error', error: this.localize.t('noteLoadFailed') });
      this.emit('rm-error', { error: error as Error, action: 'notes.load' });
    }
  }

  private async saveNote(event: Event, sessionId: string) {
    event.preventDefault();
    const api = this.api;
    const state = this.noteOf(sessionId);
    if (!api || state.saving) return;
    const text = state.draft.trim();
    if (!text && !state.note) {
      this.setNote(sessionId, { error: this.localize.t('error.note') });
      void this.updateComplete.then(() =>
        this.query<HTMLTextAreaElement>(`#note-${sessionId}-text`)?.focus(),
      );
      return;
    }
    this.setNote(sessionId, { saving: true, error: '' });
    try {
      if (!text && state.note) {
        await api.notes.remove(state.note.pending ? state.note.id : state.note);
        const { note: _gone, ...rest } = this.noteOf(sessionId);
        const next = new Map(this.notes);
        next.set(sessionId, { ...rest, draft: '', saving: false });
        this.notes = next;
        this.announce(this.localize.t('noteDeleted'));
        return;
      }
      const written = state.note
        ? await api.notes.update(state.note.pending ? state.note.id : state.note, { text })
        : await api.notes.create(sessionId, { text });
      const note: Written<PrivateNote> =
        written.pending && state.note
          ? { ...state.note, text, version: state.note.version + 1, pending: true }
          : written;
      this.setNote(sessionId, { note, draft: note.text, saving: false });
      this.announce(this.localize.t(written.pending ? 'noteSavedOffline' : 'noteSaved'));
      this.emit('rm-note-saved', { note, pending: Boolean(written.pending) });
    } catch (error) {
      this.setNote(sessionId, { saving: false, error: this.localize.t('noteFailed') });
      this.emit('rm-error', { error: error as Error, action: 'notes.save' });
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
      ${this.formOpen ? this.renderForm() : nothing}
      ${
        this.sessions.length === 0
          ? html`<p part="empty" class="empty muted">${this.localize.t('empty')}</p>`
          : this.renderList()
      }
    `;
  }

  private renderList(): TemplateResult {
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
            ? html` · ${t.number(session.durationMinutes, { style: 'unit', unit: 'minute', unitDisplay: 'short' })}`
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
            ${t.t('refused', { message: session.failure })}
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
      <p id="s-${session.id}-actions" class="label muted">${t.t('actionItems')} · ${t.t('sharedWithPartner')}</p>
      <ul aria-labelledby="s-${session.id}-actions">
        ${session.actionItems.map((item) => {
          const inputId = `ai-${session.id}-${item.id}`;
          return html`<li class="action ${item.done ? 'done' : ''}">
            <input
              type="checkbox"
              id=${inputId}
              .checked=${live(item.done)}
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
    if (state.status === 'loading' || state.status === 'idle') {
      return html`<p class="muted" role="status">${t.t('noteLoading')}</p>`;
    }
    if (state.status === 'error') {
      return html`<p class="error-text" role="alert">${state.error}</p>
        <button type="button" @click=${() => void this.loadNote(sessionId)}>${t.t('retry')}</button>`;
    }
    const textId = `note-${sessionId}-text`;
    return html`<form class="note-form" novalidate @submit=${(e: Event) => void this.saveNote(e, sessionId)}>
      <label for=${textId}>${t.t('privateNote')}</label>
      <p id="${textId}-hint" class="visibility private">${this.lockIcon()}${t.t('onlyYouLong')}</p>
      <textarea
        id=${textId}
        rows="3"
        .value=${live(state.draft)}
        aria-describedby="${textId}-hint${state.error ? ` ${textId}-error` : ''}"
        aria-invalid=${state.error ? 'true' : 'false'}
        @input=${(e: Event) => {
          const draft = (e.target as HTMLTextAreaElement).value;
          const next = new Map(this.notes);
          next.set(sessionId, { ...this.noteOf(sessionId), draft, error: '' });
          this.notes = next;
        }}
      ></textarea>
      ${state.error ? html`<p id="${textId}-error" class="error-text field-error">${state.error}</p>` : nothing}
      <div class="row">
        <button type="submit" ?disabled=${state.saving}>${t.t(state.saving ? 'saving' : 'noteSave')}</button>
        ${state.note?.pending ? html`<span part="badge" class="badge pending">${t.t('pending')}</span>` : nothing}
      </div>
    </form>`;
  }

  private lockIcon(): TemplateResult {
    return html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"></rect>
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" stroke-width="1.5"></path>
    </svg>`;
  }

  private sharedIcon(): TemplateResult {
    return html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <circle cx="5.5" cy="6" r="2.2" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
      <circle cx="11" cy="6" r="2.2" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
      <path d="M1.5 13.5c.6-2.3 2.1-3.4 4-3.4s3.4 1.1 4 3.4M9.5 10.3c.5-.2 1-.3 1.5-.3 1.9 0 3.4 1.1 4 3.4" fill="none" stroke="currentColor" stroke-width="1.5"></path>
    </svg>`;
  }

  /** `aria-describedby` from the ids that exist: the hint, and the error when there is one. */
  private describedBy(id: string, hint = false): string | typeof nothing {
    const ids = [hint ? `${id}-hint` : '', this.fieldErrors.has(id) ? `${id}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private fieldError(id: string): TemplateResult | typeof nothing {
    const message = this.fieldErrors.get(id);
    return message ? html`<p id="${id}-error" class="error-text field-error">${message}</p>` : nothing;
  }

  private invalid(id: string): 'true' | typeof nothing {
    return this.fieldErrors.has(id) ? 'true' : nothing;
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    const d = this.draft;
    return html`<form
      id="log-form"
      part="form"
      class="form"
      novalidate
      aria-labelledby="form-title"
      @submit=${(e: Event) => void this.submit(e)}
      @keydown=${this.onFormKeydown}
    >
      <h3 id="form-title">${t.t('formTitle')}</h3>

      <fieldset id="f-status" aria-describedby=${this.describedBy('f-status')}>
        <legend>${t.t('status')}</legend>
        <div class="choices">
          ${(['held', 'planned'] as const).map(
            (status) => html`<label class="choice">
              <input
                type="radio"
                name="status"
                value=${status}
                .checked=${live(d.status === status)}
                @change=${() => this.setDraft({ status })}
              />
              ${t.t(`status.${status}`)}
            </label>`,
          )}
        </div>
        ${this.fieldError('f-status')}
      </fieldset>

      <div class="grid">
        <div class="field">
          <label for="f-when">${t.t(d.status === 'held' ? 'whenHeld' : 'whenPlanned')}</label>
          <input
            id="f-when"
            type="datetime-local"
            .value=${live(d.when)}
            aria-invalid=${this.invalid('f-when')}
            aria-describedby=${this.describedBy('f-when')}
            @input=${(e: Event) => this.setDraft({ when: (e.target as HTMLInputElement).value })}
          />
          ${this.fieldError('f-when')}
        </div>
        <div class="field">
          <label for="f-duration">${t.t('duration')}</label>
          <input
            id="f-duration"
            type="number"
            inputmode="numeric"
            min="1"
            max="480"
            step="1"
            .value=${live(d.duration)}
            aria-invalid=${this.invalid('f-duration')}
            aria-describedby=${this.describedBy('f-duration', true)}
            @input=${(e: Event) => this.setDraft({ duration: (e.target as HTMLInputElement).value })}
          />
          <p id="f-duration-hint" class="hint muted">${t.t('durationHint')}</p>
          ${this.fieldError('f-duration')}
        </div>
      </div>

      <fieldset id="f-format" aria-describedby=${this.describedBy('f-format')}>
        <legend>${t.t('format')}</legend>
        <div class="choices">
          ${SESSION_FORMATS.map(
            (format) => html`<label class="choice">
              <input
                type="radio"
                name="format"
                value=${format}
                .checked=${live(d.format === format)}
                @change=${() => this.setDraft({ format })}
              />
              ${t.t(`format.${format}`)}
            </label>`,
          )}
        </div>
        ${this.fieldError('f-format')}
      </fieldset>

      <fieldset id="f-topics" aria-describedby=${this.describedBy('f-topics')}>
        <legend>${t.t('topics')}</legend>
        <div class="choices">
          ${this.topicKeys.map(
            (key) => html`<label class="choice">
              <input
                type="checkbox"
                name="topics"
                value=${key}
                .checked=${live(d.topics.includes(key))}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.setDraft({
                    topics: on
                      ? [...d.topics.filter((k) => k !== key), key]
                      : d.topics.filter((k) => k !== key),
                  });
                }}
              />
              ${topicLabel(key, t.locale, this.customTopics)}
            </label>`,
          )}
        </div>
        ${this.fieldError('f-topics')}
      </fieldset>

      <div class="field">
        <label for="f-summary">${t.t('summary')}</label>
        <p id="f-summary-hint" class="visibility shared">${this.sharedIcon()}${t.t('sharedWithPartner')}</p>
        <textarea
          id="f-summary"
          rows="4"
          .value=${live(d.summary)}
          aria-invalid=${this.invalid('f-summary')}
          aria-describedby=${this.describedBy('f-summary', true)}
          @input=${(e: Event) => this.setDraft({ summary: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${this.fieldError('f-summary')}
      </div>

      <fieldset id="f-actions" aria-describedby="f-actions-hint${this.fieldErrors.has('f-actions') ? ' f-actions-error' : ''}">
        <legend>${t.t('actionItems')}</legend>
        <p id="f-actions-hint" class="visibility shared">${this.sharedIcon()}${t.t('actionItemsHint')}</p>
        ${d.actionItems.length === 0 ? html`<p class="muted">${t.t('noActionItems')}</p>` : nothing}
        ${d.actionItems.map((row, i) => this.renderActionRow(row, i + 1))}
        <button id="f-ai-add" type="button" @click=${this.addActionItem}>${t.t('addActionItem')}</button>
        ${this.fieldError('f-actions')}
      </fieldset>

      ${
        this.presenting
          ? nothing
          : html`<div class="field">
            <label for="f-note">${t.t('privateNote')}</label>
            <p id="f-note-hint" class="visibility private">${this.lockIcon()}${t.t('onlyYou')}</p>
            <textarea
              id="f-note"
              rows="2"
              .value=${live(d.note)}
              aria-describedby="f-note-hint"
              @input=${(e: Event) => this.setDraft({ note: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
          </div>`
      }

      ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" ?disabled=${this.saving}>${t.t(this.saving ? 'saving' : 'save')}</button>
        <button type="button" @click=${this.closeForm}>${t.t('cancel')}</button>
      </div>
    </form>`;
  }

  private renderActionRow(row: DraftActionItem, n: number): TemplateResult {
    const t = this.localize;
    const textId = `f-ai-${row.key}-text`;
    const ownerId = `f-ai-${row.key}-owner`;
    return html`<div class="action-row">
      <div class="field">
        <label for=${textId}>${t.t('actionItemText', { n })}</label>
        <input
          id=${textId}
          type="text"
          maxlength="500"
          .value=${live(row.text)}
          aria-invalid=${this.invalid(textId)}
          aria-describedby=${this.describedBy(textId)}
          @input=${(e: Event) => this.updateActionItem(row.key, { text: (e.target as HTMLInputElement).value })}
        />
        ${this.fieldError(textId)}
      </div>
      <div class="field">
        <label for=${ownerId}>${t.t('actionItemOwner', { n })}</label>
        <select
          id=${ownerId}
          .value=${live(row.owner)}
          aria-invalid=${this.invalid(ownerId)}
          aria-describedby=${this.describedBy(ownerId)}
          @change=${(e: Event) =>
            this.updateActionItem(row.key, { owner: (e.target as HTMLSelectElement).value as PairRole })}
        >
          <option value="mentor" ?selected=${row.owner === 'mentor'}>${t.t('mentorRole')}</option>
          <option value="mentee" ?selected=${row.owner === 'mentee'}>${t.t('menteeRole')}</option>
        </select>
        ${this.fieldError(ownerId)}
      </div>
      <button
        type="button"
        class="remove"
        aria-label=${t.t('removeActionItem', { n })}
        @click=${() => this.removeActionItem(row.key)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2"></path>
        </svg>
      </button>
    </div>`;
  }
}
