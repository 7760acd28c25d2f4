import type { LiveEvent, RmClient } from '@rm-kit/sdk';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { Entry } from './provisional-session.js';
import { type SessionManageHost, SessionManagePanel } from './session-log-manage.js';

/** Which of a session's panels is open: changing it, or its feedback. */
export type SessionPanel = 'manage' | 'feedback';

/** Chevron of a button that shows and hides a panel. */
const chevron = html`<svg class="chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
  <path d="M5 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2"></path>
</svg>`;

/**
 * What a session offers besides what it says: its feedback ("Give feedback", or "Feedback
 * given" and the way to read it: the viewer's own answers about the pair's sessions and
 * those waiting in the outbox, updated by answers given in the log, elsewhere on the page
 * or on another device) and the way to change it, each opening its panel under the
 * session. A module of its own, with the panels and the feedback form, loaded when the
 * browser is idle after the first page: the first render does without it, and every
 * action works offline once the page has loaded.
 */
export class SessionActions {
  private readonly panel: SessionManagePanel;
  private given = new Set<string>();
  private open = new Map<string, SessionPanel>();
  /** The pair whose answers were read, so each pair is read once. */
  private pairId = '';

  constructor(
    private readonly element: ReactiveElement,
    private readonly log: Omit<SessionManageHost, 'actions'>,
  ) {
    this.panel = new SessionManagePanel(element, { ...log, actions: this });
    element.addEventListener('rm-feedback-submitted', (event) => {
      const { sessionId } = event.detail.feedback;
      if (sessionId) this.markGiven(sessionId);
    });
  }

  /** Which sessions the viewer answered, once per pair: none when it cannot be read. */
  async load(api: RmClient, pairId: string): Promise<void> {
    if (!pairId || pairId === this.pairId) return;
    this.pairId = pairId;
    this.open = new Map();
    await this.readGiven(api, pairId).catch(() => {
      this.given = new Set();
    });
    this.element.requestUpdate();
  }

  private async readGiven(api: RmClient, pairId: string) {
    const viewer = this.log.data.viewer;
    if (!viewer) return;
    const [answers, queued] = await Promise.all([
      api.feedback.page(pairId, { kind: 'session', limit: 100 }),
      api.feedback.pending(pairId).catch(() => []),
    ]);
    this.given = new Set([
      ...answers.items
        .filter((f) => f.authorId === viewer.id && f.sessionId)
        .map((f) => f.sessionId as string),
      ...queued.map((entry) => entry.write.body.sessionId).filter((id): id is string => Boolean(id)),
    ]);
    this.element.requestUpdate();
  }

  /** Feedback about this pair changed (given on another device, say): read the viewer's again. */
  live(event: LiveEvent) {
    const api = this.log.client();
    if (api && event.type.startsWith('feedback.') && event.pairId === this.log.data.pairId)
      void this.readGiven(api, event.pairId).catch(() => undefined);
  }

  feedbackGiven(sessionId: string): boolean {
    return this.given.has(sessionId);
  }

  markGiven(sessionId: string) {
    this.given = new Set(this.given).add(sessionId);
    this.element.requestUpdate();
  }

  isOpen(sessionId: string, panel: SessionPanel): boolean {
    return this.open.get(sessionId) === panel;
  }

  /** Opens or closes one of a session's panels (opening one closes the other). */
  toggle(session: Entry, panel: SessionPanel) {
    const open = new Map(this.open);
    if (open.get(session.id) === panel) open.delete(session.id);
    else open.set(session.id, panel);
    this.open = open;
    if (open.has(session.id)) this.panel.opened(session, panel);
    this.element.requestUpdate();
  }

  /** Closes a session's panel; with `focus`, gives focus back to the button that opened it. */
  close(sessionId: string, focus?: SessionPanel) {
    const open = new Map(this.open);
    open.delete(sessionId);
    this.open = open;
    this.element.requestUpdate();
    if (focus)
      void this.element.updateComplete.then(() =>
        this.element.renderRoot
          .querySelector<HTMLElement>(`#${focus}-${CSS.escape(sessionId)}-toggle`)
          ?.focus(),
      );
  }

  /** A session's feedback and Change buttons, and the panel open under it. */
  render(session: Entry): TemplateResult {
    const t = this.panel.t;
    const held = session.status === 'held';
    const given = held && this.feedbackGiven(session.id);
    const toggle = (panel: SessionPanel, label: string) => html`<button
      id="${panel}-${session.id}-toggle"
      type="button"
      class="tool"
      aria-expanded=${this.isOpen(session.id, panel) ? 'true' : 'false'}
      aria-controls="${panel}-${session.id}"
      aria-describedby="s-${session.id}-title"
      @click=${() => this.toggle(session, panel)}
    >
      ${chevron}${label}
    </button>`;
    const panel = (name: SessionPanel) => {
      const open = this.isOpen(session.id, name);
      return html`<div id="${name}-${session.id}" part="${name}" class="panel" ?hidden=${!open}>
        ${open ? this.panel.render(session, name) : nothing}
      </div>`;
    };
    return html`<div class="tools-row">
        ${given ? html`<span class="given"><span aria-hidden="true">✓ </span>${t.t('feedbackGiven')}</span>` : nothing}
        ${held ? toggle('feedback', t.t(given ? 'showFeedback' : 'giveFeedback')) : nothing}
        ${toggle('manage', t.t('manage'))}
      </div>
      ${held ? panel('feedback') : nothing}${panel('manage')}`;
  }
}
