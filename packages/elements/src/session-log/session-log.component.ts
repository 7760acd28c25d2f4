import { initialState, Task } from '@lit/task';
import type { ActionItem, Session } from '@rm-kit/core';
import type { RmClient } from '@rm-kit/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { ClientEventsController, type LiveStatus } from '../base/client-events.js';
import { currentPairOf } from '../base/current-pair.js';
import { loadOnce, preloadWhenIdle } from '../base/load-once.js';
import { LocalizeController, mergeStrings } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState, noPairState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import type { ActionItemWrites } from './action-item-writes.js';
import { loadNoteModule, PrivateNotesController } from './private-notes.js';
import { type Entry, isProvisional, loadSessionSchemas } from './provisional-session.js';
import { type SessionLogKey, sessionLogStrings } from './session-log.strings.js';
import { sessionLogStyles } from './session-log.styles.js';
import type { SessionActions } from './session-log-actions.js';
import type { SessionCalendar } from './session-log-calendar.js';
import { SessionLogData } from './session-log-data.js';
import type { SessionLogForm } from './session-log-form.js';
import type { SessionItemHost } from './session-log-item.js';
import type { SessionList } from './session-log-list.js';
import type { SessionLogParts } from './session-log-parts.js';

/**
 * The list (its sessions' rendering and styles, the virtualizer and its layout). The log
 * fetches it while it reads its first page, so it arrives together with the sessions instead
 * of after them, and the element is defined (and shows its loading state) without waiting for it.
 */
const loadListModule = loadOnce(() => import('./session-log-list.js'));

/**
 * The form and the private-note panel (`loadNoteModule`) are modules of their own, so a page
 * that only shows the log loads less up front; they (and the form's validation) are fetched
 * once the browser is idle after the first page, so logging a session works offline too.
 */
const loadFormModule = loadOnce(() => import('./session-log-form.js'));
/** Needed only once a session is saved (or confirmed), so it comes with the form. */
const loadRevealModule = loadOnce(() => import('./reveal-in-list.js'));
/** A session's feedback and Change buttons, their panels and the feedback form, likewise. */
const loadActionsModule = loadOnce(() => import('./session-log-actions.js'));
/** Ticking action items off, likewise: the list shows them without it. */
const loadItemWritesModule = loadOnce(() => import('./action-item-writes.js'));
/** The "Add to calendar" dialog: fetched when first opened, as it needs the server anyway. */
const loadCalendarModule = loadOnce(() => import('./session-log-calendar.js'));

/** What the header says of the live stream in each state; nothing while it connects or without a client. */
const LIVE_WORDS: Partial<Record<LiveStatus, 'live' | 'liveOffline' | 'liveReconnecting'>> = {
  open: 'live',
  offline: 'liveOffline',
  reconnecting: 'liveReconnecting',
};

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
 * @fires rm-session-changed - A session was edited, rescheduled, marked held, cancelled or deleted, or the change was queued offline. detail: `{ session, change, pending }`
 * @fires rm-feedback-submitted - Session feedback was given from the log's own feedback form (an `<rm-feedback-form>`). detail: `{ feedback, pending }`
 * @fires rm-action-item-toggled - An action item was ticked off or reopened. detail: `{ session, itemId, done, pending }`
 * @fires rm-note-saved - A private note was saved, or queued offline. detail: `{ note, pending }`
 * @fires rm-load - The first page (and each later page) of sessions loaded. detail: `{ count, stale }` (sessions loaded so far; whether they are an offline copy)
 * @fires rm-error - Loading or saving failed, the server refused a queued write, or a calendar link could not be read or changed. detail: `{ error, action }` (an `RmErrorAction`)
 *
 * @csspart header - The title row with the Live indicator, the Presenting switch, the "Add to calendar" button and the log button.
 * @csspart live - The "Live" indicator, shown while the live-update stream is open.
 * @csspart connection - In the Live indicator's place, "Offline" while the browser is offline or "Reconnecting…" while the stream is down.
 * @csspart presenting - The Presenting switch (a toggle button).
 * @csspart log-button - The button that opens the form.
 * @csspart calendar-button - The "Add to calendar" button, which opens the calendar dialog.
 * @csspart calendar - The dialog with the links to calendar feeds (iCalendar) of the pair's sessions and of all yours, to make, copy, replace or turn off.
 * @csspart form - The form to log or plan a session.
 * @csspart scroller - The scroll container around the list (its height is `--rm-session-log-max-height`).
 * @csspart list - The list of sessions.
 * @csspart item - One session in the list.
 * @csspart badge - The "Waiting to be sent" badge of a session still in the outbox.
 * @csspart note - The private-note panel under a session.
 * @csspart manage - The panel under a session to edit, reschedule, mark held, cancel (with a reason) or delete it.
 * @csspart feedback - The panel under a held session with your feedback form for it.
 * @csspart empty - The sentence shown when the pair has no sessions yet, or (without a pair-id) when the viewer is in no pair.
 * @csspart offline - The notice shown when the list is an offline copy.
 * @csspart status - The confirmation line ("Session saved"), shown for a few seconds and read out politely.
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
export class RmSessionLog extends RmElement implements SessionItemHost {
  static override styles = [baseStyles, sessionLogStyles];

  /** The pair whose sessions to show (a `par_…` id): one of the signed-in person's own pairs; without it, their current pair. */
  @property({ attribute: 'pair-id' }) pairId = '';

  /**
   * Screen-sharing mode: hides private notes (the panels and the form's note field). Set by
   * the Presenting switch, or by the page; reflected so the page can style around it.
   */
  @property({ type: Boolean, reflect: true }) presenting = false;

  @state() private formOpen = false;

  readonly localize = new LocalizeController(this, sessionLogStrings);
  private readonly announcer = new AnnouncerController(this);
  readonly data = new SessionLogData(this, {
    client: () => this.api,
    announce: (key, item) => void this.announcer.announce(this.localize.t(key, { text: item ?? '' })),
    emitLoad: () =>
      this.emit('rm-load', { count: this.data.sessions.length, stale: this.data.staleAt !== null }),
    emitError: (error, action) => this.emit('rm-error', { error: toError(error), action }),
    emitToggled: (detail) => this.emit('rm-action-item-toggled', detail),
    confirmed: (provisionalId, session) => this.confirmed(provisionalId, session),
  });
  /** What the form, the notes and a session's actions need from the log, made once for all. */
  private readonly parts: SessionLogParts = {
    localize: (strings) => new LocalizeController(this, mergeStrings(sessionLogStrings, strings)),
    client: () => this.api,
    data: this.data,
    emit: (type, detail) => this.emit(type, detail),
    announce: (message) => void this.announcer.announce(message),
  };
  /** The viewer's private notes under the sessions. */
  readonly notes = new PrivateNotesController(this, this.parts, this.localize);
  readonly events = new ClientEventsController(this, () => this.api, {
    live: (event) => {
      void this.data.live(event);
      this.actions?.live(event);
    },
    // The stream is back after a drop (or the page started offline): the log may be out of date.
    reset: () => void this.data.refresh(),
    synced: (write) => {
      this.data.synced(write);
      if (write.operation === 'notes.create' || write.operation === 'notes.update') this.notes.synced(write);
    },
    syncError: (entry, error) => {
      this.emit('rm-error', { error, action: entry.write.operation });
      this.data.refused(entry, error);
    },
  });
  /** A session's feedback and Change buttons, once their module has loaded. */
  actions: SessionActions | undefined;
  /** The form, once its module has loaded. */
  private sessionForm: SessionLogForm | undefined;
  /** Opening the form for the first time: its module is on its way. */
  private opening: Promise<void> | undefined;
  /** Action-item writes, once their module has loaded. */
  private itemWrites: ActionItemWrites | undefined;
  /** The offline copy's date the list was last laid out with: its notice coming or going moves the list. */
  private shownStale: Date | null = null;
  /** The list, loaded with the first page. */
  private list: SessionList | undefined;
  /** The "Add to calendar" dialog, once opened. */
  private calendar: SessionCalendar | undefined;

  private readonly loadTask = new Task(this, {
    args: () => [this.api, this.pairId] as const,
    task: async ([api, given], { signal }) => {
      if (!api) return initialState;
      try {
        // Without pair-id, the signed-in person's current pair; a framework setting pair-id
        // just after creating the element loads that one instead.
        const pairId = given || (await currentPairOf(api));
        if (!pairId) return null;
        const [list] = await Promise.all([loadListModule(), this.data.load(api, pairId, signal)]);
        this.list ??= new list.SessionList(this);
        this.notes.clear();
        this.emit('rm-load', { count: this.data.sessions.length, stale: this.data.staleAt !== null });
        preloadWhenIdle(
          loadFormModule,
          loadNoteModule,
          loadRevealModule,
          loadItemWritesModule,
          loadSessionSchemas,
          () => this.loadActions(api, pairId),
        );
        return { count: this.data.sessions.length };
      } catch (error) {
        if (!signal.aborted) this.emit('rm-error', { error: toError(error), action: 'load' });
        throw error;
      }
    },
  });

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    // Opening or closing the form moves the list without scrolling anything, which the
    // virtualizer cannot see: tell it to look at what is in view now.
    if (changed.has('formOpen') || this.shownStale !== this.data.staleAt) {
      this.shownStale = this.data.staleAt;
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

  /** A session created offline has its real id now: its note and its focus follow it. */
  private confirmed(provisionalId: string, session: Session) {
    this.notes.moved(provisionalId, session);
    if (this.focusedSessionId() === provisionalId) void this.focusSession(session.id);
  }

  // ---------------------------------------------------------------- the form

  /** Opens the form to log a session, or to edit `session`. */
  private openForm(session?: Entry) {
    this.opening ??= this.showForm(session).finally(() => {
      this.opening = undefined;
    });
  }

  private async showForm(session?: Entry) {
    let form: SessionLogForm;
    try {
      form = this.sessionForm ??= new (await loadFormModule()).SessionLogForm(this, {
        ...this.parts,
        presenting: () => this.presenting,
        setNote: (sessionId, changes) => this.notes.set(sessionId, changes),
        saved: (sessionId) => {
          this.formOpen = false;
          void this.focusSession(sessionId);
        },
        close: () => this.closeForm(),
      });
    } catch (error) {
      // Its module could not be fetched (the server went away before it was): the next click tries again.
      this.partFailed(error);
      return;
    }
    form.open(session);
    this.formOpen = true;
    void this.updateComplete.then(() =>
      this.query<HTMLInputElement>('input[name="status"]:checked')?.focus(),
    );
  }

  /** The sessions' feedback and Change buttons, with who is looking and which sessions they answered. */
  private async loadActions(api: RmClient, pairId: string) {
    const { SessionActions } = await loadActionsModule();
    this.actions ??= new SessionActions(this, {
      ...this.parts,
      edit: (session) => this.openForm(session),
      focusSession: (id) =>
        id ? void this.focusSession(id) : this.query<HTMLElement>('[part="scroller"]')?.focus(),
    });
    await this.actions.load(api, pairId);
  }

  /** A part's module could not be fetched (the server went away before it was): say so. */
  private partFailed(error: unknown) {
    void this.announcer.announce(this.localize.t('failed'));
    this.emit('rm-error', { error: toError(error), action: 'load-part' });
  }

  private closeForm() {
    this.formOpen = false;
    this.sessionForm?.clearErrors();
    void this.updateComplete.then(() => this.query<HTMLButtonElement>('#log-toggle')?.focus());
  }

  private focusedSessionId(): string | undefined {
    const active = this.shadowRoot?.activeElement;
    return active?.closest<HTMLElement>('[data-session-id]')?.dataset.sessionId;
  }

  /** Brings a session into view (it may not be rendered yet: the list is virtual) and focuses it. */
  private async focusSession(id: string) {
    await this.updateComplete;
    const index = this.data.sessions.findIndex((s) => s.id === id);
    const find = () => this.query<HTMLElement>(`[data-session-id="${CSS.escape(id)}"]`);
    let focused = false;
    const focus = (item: HTMLElement) => {
      focused = true;
      item.focus({ preventScroll: true });
    };
    // Without its module (the network went before it arrived), a session already shown still gets focus.
    const reveal = await loadRevealModule().catch(() => undefined);
    await reveal?.revealSession(this.renderRoot, index, this.data.sessions.length, find, focus);
    if (!focused) find()?.focus({ preventScroll: true });
  }

  /** Ticks an action item off or reopens it, once the writes' module is here. */
  toggleItem(session: Entry, item: ActionItem, box: HTMLInputElement) {
    const done = box.checked;
    loadItemWritesModule().then(
      ({ ActionItemWrites }) => {
        this.itemWrites ??= new ActionItemWrites(this.data, this.localize);
        this.itemWrites.toggle(session, item, done);
      },
      (error: unknown) => {
        // Its module could not be fetched: the box shows the item as it still is.
        box.checked = !done;
        this.partFailed(error);
      },
    );
  }

  // ---------------------------------------------------------------- other actions

  private openCalendar() {
    loadCalendarModule().then(
      ({ SessionCalendar }) => {
        this.calendar ??= new SessionCalendar(this, this.parts);
        void this.calendar.open();
      },
      (error: unknown) => this.partFailed(error),
    );
  }

  private togglePresenting() {
    this.presenting = !this.presenting;
    void this.announcer.announce(this.localize.t(this.presenting ? 'presentingOn' : 'presentingOff'));
  }

  async discard(session: Entry) {
    const api = this.api;
    if (!api || !session.outboxId) return;
    await api.discardWrite(session.outboxId);
    if (isProvisional(session)) this.data.remove(session.id);
    else {
      const fresh = await api.sessions.get(session.id).catch(() => undefined);
      if (fresh) this.data.replace(fresh);
    }
  }

  private query<T extends Element>(selector: string): T | null {
    return this.renderRoot.querySelector<T>(selector);
  }

  // ---------------------------------------------------------------- rendering

  protected override render() {
    if (!this.api) return noClientState(this.localize);
    return html`
      <section class="log surface" aria-labelledby="title">
        ${this.announcer.render()}
        ${this.loadTask.render({
          initial: () => html`${this.renderHeader(false)}${loadingState(this.localize, 4)}`,
          pending: () => html`${this.renderHeader(false)}${loadingState(this.localize, 4)}`,
          complete: (loaded) =>
            loaded ? this.renderLoaded() : html`${this.renderHeader(false)}${noPairState(this.localize)}`,
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
            ${this.renderLive()}
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
            <button part="calendar-button" type="button" aria-haspopup="dialog" @click=${this.openCalendar}>
              ${t('addToCalendar')}
            </button>
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

  /** Whether the other person's changes come in now: "Live" while they do; offline or reconnecting while they cannot. */
  private renderLive(): TemplateResult | typeof nothing {
    const status = this.events.status;
    const word = LIVE_WORDS[status];
    if (!word) return nothing;
    return html`<span part=${status === 'open' ? 'live' : 'connection'} class="live ${status}" title=${this.localize.t(`${word}Hint`)}
      ><span class="dot" aria-hidden="true"></span>${this.localize.t(word)}</span
    >`;
  }

  private renderLoaded(): TemplateResult {
    return html`
      ${this.renderHeader(true)}
      ${
        this.data.staleAt
          ? html`<div part="offline" class="notice" role="status">
            <p>${this.localize.t('offline')}</p>
            <p class="muted">${this.localize.t('stale', { when: this.localize.dateTime(this.data.staleAt) })}</p>
          </div>`
          : nothing
      }
      ${this.calendar?.render()} ${this.formOpen ? this.sessionForm?.render() : nothing}
      ${
        this.data.sessions.length === 0
          ? html`<p part="empty" class="empty muted">${this.localize.t('empty')}</p>`
          : this.list?.render()
      }
    `;
  }
}
