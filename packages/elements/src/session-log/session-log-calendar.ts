import type { CalendarFeed } from '@rm-kit/core';
import type { CalendarLink, RmClient } from '@rm-kit/sdk';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { confirmDialogStyles } from '../base/confirm-dialog.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import { type LocalizeController, wordsReady } from '../base/localize.js';
import { toError } from '../base/to-error.js';
import type { SessionLogKey } from './session-log.strings.js';
import { type SessionCalendarKey, sessionCalendarStrings } from './session-log-calendar.strings.js';
import { sessionLogCalendarStyles } from './session-log-calendar.styles.js';
import type { SessionLogParts } from './session-log-parts.js';

type Scope = 'pair' | 'mine';

interface FeedState {
  /** Whether a link works and since when; undefined while it is being read. */
  feed?: CalendarFeed;
  /** The link made in this dialog: the only time it can be shown. */
  link?: CalendarLink;
  /** A question on screen before a step that stops a link working. */
  asking?: 'new' | 'off';
  busy?: boolean;
  failed?: boolean;
}

/**
 * The log's "Add to calendar" dialog: a link to a feed of the pair's sessions and one of all
 * the viewer's sessions, each made, copied, replaced or turned off here. A link is shown only
 * when it is made (the server keeps only a hash of it), so a link already on offers a new
 * one instead. A module of its own, fetched the first time someone opens the dialog: most
 * visits to the log never do.
 */
export class SessionCalendar {
  private readonly t: LocalizeController<SessionLogKey | SessionCalendarKey>;
  private states: Record<Scope, FeedState> = { pair: {}, mine: {} };
  private shown = false;

  constructor(
    private readonly element: ReactiveElement,
    private readonly log: SessionLogParts,
  ) {
    this.t = log.localize(sessionCalendarStrings);
    adoptLaterStyles(element, [confirmDialogStyles, sessionLogCalendarStyles]);
  }

  /** Opens the dialog and reads whether each link is on. */
  async open() {
    // The log renders nothing new until every part's words for its language are here: in
    // Italian, this part's come with a fetch of their own, and so may another part's (the
    // form's, fetched when the browser is idle), so the dialog waits for all of them. Waiting
    // for its own alone, it found no dialog to open while another part's were on their way.
    while (!this.t.ready || !wordsReady(this.element))
      await new Promise((resolve) => setTimeout(resolve, 16));
    this.states = { pair: {}, mine: {} };
    this.shown = true;
    this.element.requestUpdate();
    await this.element.updateComplete;
    const dialog = this.dialog();
    // The log left the page while the dialog's module was on its way.
    if (!dialog?.isConnected) return;
    dialog.showModal();
    const api = this.log.client();
    if (!api) return;
    await Promise.all((['pair', 'mine'] as const).map((scope) => this.read(api, scope)));
  }

  private dialog() {
    return this.element.renderRoot.querySelector<HTMLDialogElement>('dialog.calendar-dialog');
  }

  private close() {
    this.dialog()?.close();
  }

  private closed() {
    this.shown = false;
    this.element.requestUpdate();
    void this.element.updateComplete.then(() =>
      this.element.renderRoot.querySelector<HTMLElement>('[part="calendar-button"]')?.focus(),
    );
  }

  private set(scope: Scope, state: FeedState) {
    this.states = { ...this.states, [scope]: state };
    this.element.requestUpdate();
  }

  private focus(scope: Scope, selector: string) {
    void this.element.updateComplete.then(() =>
      this.element.renderRoot.querySelector<HTMLElement>(`#feed-${scope} ${selector}`)?.focus(),
    );
  }

  private async read(api: RmClient, scope: Scope) {
    try {
      const feed =
        scope === 'pair' ? await api.calendar.pairFeed(this.log.data.pairId) : await api.calendar.myFeed();
      this.set(scope, { feed });
    } catch (error) {
      this.failed(scope, {}, error);
    }
  }

  private failed(scope: Scope, state: FeedState, error: unknown) {
    this.set(scope, { ...state, busy: false, failed: true });
    this.log.announce(this.t.t('linkFailed'));
    this.log.emit('rm-error', { error: toError(error), action: 'calendar' });
  }

  /** Makes a link (turning off the one before): shown now, and only now. */
  private async make(scope: Scope) {
    const api = this.log.client();
    const state = this.states[scope];
    if (!api || state.busy) return;
    this.set(scope, { ...state, busy: true, asking: undefined, failed: false });
    try {
      const link =
        scope === 'pair'
          ? await api.calendar.newPairLink(this.log.data.pairId)
          : await api.calendar.newMyLink();
      this.set(scope, {
        feed: { scope: link.scope, pairId: link.pairId, active: true, createdAt: link.createdAt },
        link,
      });
      this.log.announce(this.t.t('linkMade'));
      this.focus(scope, 'input');
    } catch (error) {
      this.failed(scope, state, error);
    }
  }

  private async turnOff(scope: Scope) {
    const api = this.log.client();
    const state = this.states[scope];
    if (!api || state.busy || !state.feed) return;
    this.set(scope, { ...state, busy: true, asking: undefined, failed: false });
    try {
      await (scope === 'pair'
        ? api.calendar.turnOffPairLink(this.log.data.pairId)
        : api.calendar.turnOffMyLink());
      this.set(scope, { feed: { ...state.feed, active: false, createdAt: null } });
      this.log.announce(this.t.t('turnedOff'));
      this.focus(scope, 'button');
    } catch (error) {
      this.failed(scope, state, error);
    }
  }

  private ask(scope: Scope, asking: 'new' | 'off') {
    this.set(scope, { ...this.states[scope], asking, failed: false });
    this.focus(scope, 'button.keep');
  }

  private keep(scope: Scope) {
    this.set(scope, { ...this.states[scope], asking: undefined });
    this.focus(scope, 'button');
  }

  private async copy(scope: Scope, url: string) {
    try {
      await navigator.clipboard.writeText(url);
      this.log.announce(this.t.t('copied'));
    } catch {
      // No clipboard (an insecure page, a refused permission): the link is selected instead.
      this.element.renderRoot.querySelector<HTMLInputElement>(`#feed-${scope} input`)?.select();
      this.log.announce(this.t.t('copyFailed'));
    }
  }

  render(): TemplateResult | typeof nothing {
    if (!this.shown) return nothing;
    const t = this.t;
    return html`<dialog
      part="calendar"
      class="confirm-dialog calendar-dialog"
      aria-labelledby="calendar-title"
      aria-describedby="calendar-intro"
      @close=${() => this.closed()}
    >
      <h2 id="calendar-title">${t.t('calendarTitle')}</h2>
      <p id="calendar-intro" class="muted">${t.t('calendarIntro')}</p>
      ${this.renderFeed('pair', t.t('pairFeed'))} ${this.renderFeed('mine', t.t('myFeed'), t.t('myFeedHint'))}
      <section class="feed" aria-labelledby="calendar-how">
        <h3 id="calendar-how">${t.t('howTo')}</h3>
        <ul>
          <li>${t.t('outlook')}</li>
          <li>${t.t('google')}</li>
        </ul>
        <p class="muted">${t.t('updates')}</p>
      </section>
      <div class="dialog-actions">
        <button type="button" class="keep" @click=${() => this.close()}>${t.t('close')}</button>
      </div>
    </dialog>`;
  }

  private renderFeed(scope: Scope, title: string, hint?: string): TemplateResult {
    const t = this.t;
    const state = this.states[scope];
    return html`<section id="feed-${scope}" class="feed" aria-labelledby="feed-${scope}-title">
      <h3 id="feed-${scope}-title">${title}</h3>
      ${hint ? html`<p class="muted">${hint}</p>` : nothing}
      ${
        state.feed
          ? this.renderState(scope, state, state.feed)
          : state.failed
            ? nothing
            : html`<p class="muted" role="status">${t.t('loading')}</p>`
      }
      ${state.failed ? html`<p class="error-text" role="alert">${t.t('linkFailed')}</p>` : nothing}
    </section>`;
  }

  private renderState(scope: Scope, state: FeedState, feed: CalendarFeed): TemplateResult {
    const t = this.t;
    if (state.asking) {
      const newLink = state.asking === 'new';
      return html`<p>${t.t(newLink ? 'newLinkQuestion' : 'turnOffQuestion')}</p>
        <div class="feed-actions">
          <button type="button" class="keep" @click=${() => this.keep(scope)}>${t.t('keepLink')}</button>
          <button
            type="button"
            class="danger"
            ?disabled=${state.busy}
            @click=${() => (newLink ? this.make(scope) : this.turnOff(scope))}
          >
            ${t.t(newLink ? 'confirmNewLink' : 'confirmTurnOff')}
          </button>
        </div>`;
    }
    if (!feed.active) {
      return html`<p>${t.t('noLink')}</p>
        <div class="feed-actions">
          <button type="button" class="primary" ?disabled=${state.busy} @click=${() => this.make(scope)}>
            ${t.t('makeLink')}
          </button>
        </div>`;
    }
    const turnOff = html`<button type="button" ?disabled=${state.busy} @click=${() => this.ask(scope, 'off')}>
      ${t.t('turnOff')}
    </button>`;
    if (state.link) {
      const url = state.link.url;
      return html`<label class="link-field"
          >${t.t('linkLabel')}
          <input type="text" readonly .value=${url} aria-describedby="feed-${scope}-once" @focus=${selectAll} />
        </label>
        <p id="feed-${scope}-once" class="muted">${t.t('shownOnce')}</p>
        <div class="feed-actions">
          <button type="button" class="primary" @click=${() => this.copy(scope, url)}>${t.t('copy')}</button>
          ${turnOff}
        </div>`;
    }
    return html`<p>${t.t('linkOn', { date: t.date(feed.createdAt ?? '', { dateStyle: 'long' }) })}</p>
      <p class="muted">${t.t('linkOnHint')}</p>
      <div class="feed-actions">
        <button type="button" ?disabled=${state.busy} @click=${() => this.ask(scope, 'new')}>${t.t('newLink')}</button>
        ${turnOff}
      </div>`;
  }
}

const selectAll = (event: FocusEvent) => (event.target as HTMLInputElement).select();
