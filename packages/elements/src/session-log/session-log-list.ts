import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { adoptLaterStyles } from '../base/later-styles.js';
import type { Entry } from './provisional-session.js';
import { renderSession, type SessionItemHost } from './session-log-item.js';
import { sessionLogListStyles } from './session-log-list.styles.js';

/** Load the next page once the last rendered session is this close to the end of what is loaded. */
const PREFETCH_DISTANCE = 10;
/** How far beyond the view the list draws sessions, once drawn first (the layout's default). */
const OVERHANG = 1000;
/** Where the list is scrolled to, as the layout is told (the type is not exported on its own). */
type Positions = FlowLayout['viewportScroll'];
/** How long the view stays still after a jump before the list draws beyond it again. */
const SETTLE_MS = 150;
/** More sessions than the scroller shows at once, at the smallest a session is. */
const LONGER_THAN_VIEW = 10;

/**
 * The virtualizer's layout, given rather than left for it to import: it lays out the first
 * sessions in the same task as the list is rendered, instead of a frame later. Before it has
 * measured any, it takes a session to be about as tall as one with a line of summary and
 * a topic (its default, 100 px, is far less): it renders as many as fill the view, rather
 * than half as many again that it drops once it has measured them.
 */
class SessionsLayout extends FlowLayout {
  override _itemSize = { width: 100, height: 170 };
  /**
   * At first only the sessions in view: the 1,000 px drawn beyond it on each side (the
   * layout's own overhang) more than doubled what the first render laid out (10 sessions
   * instead of 4). Those beyond come two frames later, once the first has drawn the list;
   * a scroll sooner draws what it brings into view, as any scroll does.
   */
  override _overhang = 0;
  private settling: ReturnType<typeof setTimeout> | undefined;

  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (this.settling === undefined) this.drawBeyond();
      }),
    );
  }

  // The setter below alone would leave the property without its getter.
  override get viewportScroll(): Positions {
    return super.viewportScroll;
  }

  /**
   * A scroll so far at once that nothing drawn around the old view is near the new one (the
   * scrollbar dragged, End pressed, the end moving by a page as it arrives) draws only the
   * sessions in view, not 1,000 px around them that the next such scroll would drop unseen:
   * drawing those made the frames of a scroll to the oldest freeze the page. The list draws
   * beyond the view again once it has stayed still a moment. A shorter scroll, such as one
   * revealing a session nearby, keeps what it drew.
   */
  override set viewportScroll(coords: Positions) {
    const next = coords[this._positionDim];
    if (next !== undefined && Math.abs(next - this._scrollPosition) > this._viewDim1 + 2 * OVERHANG) {
      this._overhang = 0;
      clearTimeout(this.settling);
      // Weakly: a list removed meanwhile is not kept alive by its timer.
      const layout = new WeakRef(this);
      this.settling = setTimeout(() => layout.deref()?.settle(), SETTLE_MS);
    }
    super.viewportScroll = coords;
  }

  private settle() {
    this.settling = undefined;
    this.drawBeyond();
  }

  private drawBeyond() {
    if (this._overhang === OVERHANG) return;
    this._overhang = OVERHANG;
    this._triggerReflow();
  }
}
const LAYOUT = { type: SessionsLayout };

/**
 * The log's list of sessions: virtualised, each session with its action items, notes and
 * actions, and the button for older ones. A module of its own, with its styles and the
 * virtualizer, fetched while the first page is read: the log shows its loading state
 * without it, and the list once both have arrived.
 */
export class SessionList {
  constructor(private readonly log: SessionItemHost & ReactiveElement) {
    adoptLaterStyles(log, [sessionLogListStyles]);
  }

  private readonly onRangeChanged = (event: Event) => {
    const { last } = event as Event & { last: number };
    const { nextCursor, older, sessions } = this.log.data;
    if (nextCursor && older === 'idle' && last >= sessions.length - PREFETCH_DISTANCE) void this.loadOlder();
  };

  /** The next page of older sessions, from where the loaded ones end. */
  private async loadOlder(): Promise<void> {
    const { data } = this.log;
    const api = data.log.client();
    const cursor = data.nextCursor;
    if (!api || !cursor || data.older === 'loading') return;
    const pairId = data.pairId;
    data.set({ older: 'loading' });
    try {
      data.olderPage(pairId, await api.sessions.page(pairId, { limit: data.pageSize, cursor }));
    } catch (error) {
      data.set({ older: 'error' });
      data.log.emitError(error, 'load-more');
    }
  }

  render(): TemplateResult {
    const { data, localize } = this.log;
    return html`
      <div part="scroller" class="scroller" role="region" aria-labelledby="list-label" tabindex="0">
        <span id="list-label" class="visually-hidden">${localize.t('listLabel')}</span>
        <ol
          part="list"
          class=${data.sessions.length >= LONGER_THAN_VIEW ? 'list long' : 'list'}
          @rangeChanged=${this.onRangeChanged}
        >
          ${virtualize({
            items: data.sessions,
            layout: LAYOUT,
            // Right after a session is deleted the virtualizer may still ask for the old last index.
            keyFunction: (session: Entry | undefined, index: number) => session?.id ?? index,
            renderItem: (session: Entry | undefined, index: number) =>
              session ? renderSession(this.log, session, index) : html``,
          })}
        </ol>
      </div>
      ${
        data.nextCursor
          ? html`<div class="older">
            ${data.older === 'error' ? html`<p class="error-text" role="alert">${localize.t('olderFailed')}</p>` : nothing}
            <button type="button" ?disabled=${data.older === 'loading'} @click=${() => void this.loadOlder()}>
              ${localize.t(data.older === 'loading' ? 'olderLoading' : 'olderSessions')}
            </button>
          </div>`
          : nothing
      }
    `;
  }
}
