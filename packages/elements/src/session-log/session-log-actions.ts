import type { PairRole } from '@rm-kit/core';
import type { LiveEvent, RmClient } from '@rm-kit/sdk';
import type { ReactiveElement } from 'lit';
import { loadOnce } from '../base/load-once.js';
import type { Entry } from './provisional-session.js';
import type { SessionLogData } from './session-log-data.js';
import type { SessionManagePanel } from './session-log-manage.js';

/**
 * The panels that change a session and host its feedback form: a module of their own (with
 * the feedback form inside), fetched when the browser is idle after the first page, so they
 * open offline too.
 */
export const loadManageModule = loadOnce(() => import('./session-log-manage.js'));

/** Which of a session's panels is open: changing it, or its feedback. */
export type SessionPanel = 'manage' | 'feedback';

/** What the panels need from the log, handed to them when their module has loaded. */
export interface SessionActionsHost {
  client(): RmClient | undefined;
  readonly data: SessionLogData;
  /** Opens the panels' module: they render once it is there. */
  panelFor(actions: SessionActions): Promise<SessionManagePanel>;
  /** Says that the module could not be fetched. */
  failed(error: unknown): void;
}

/**
 * What a session offers besides what it says: whether the viewer gave its feedback (read
 * with the log: their own answers about the pair's sessions, and those waiting in the
 * outbox), and which of its panels is open. Answers given in the log, elsewhere on the
 * page or from another device update it.
 */
export class SessionActions {
  /** The signed-in person and their side of the pair, once known. */
  viewer: { id: string; role: PairRole } | undefined;
  /** The panels' module, once it has loaded. */
  panel: SessionManagePanel | undefined;
  private given = new Set<string>();
  private open = new Map<string, SessionPanel>();

  constructor(
    private readonly element: ReactiveElement,
    private readonly log: SessionActionsHost,
  ) {
    element.addEventListener('rm-feedback-submitted', (event) => {
      const { sessionId } = event.detail.feedback;
      if (sessionId) this.markGiven(sessionId);
    });
  }

  /** Who is looking, and which sessions they answered: an empty answer when it cannot be read. */
  async load(api: RmClient, pairId: string, signal: AbortSignal): Promise<void> {
    this.open = new Map();
    try {
      const me = await api.me.get({ signal });
      const pair = me.pairs.find((p) => p.id === pairId);
      this.viewer =
        me.person && pair
          ? { id: me.person.id, role: pair.mentorId === me.person.id ? 'mentor' : 'mentee' }
          : undefined;
      await this.readGiven(api, pairId, signal);
    } catch {
      this.given = new Set();
    }
  }

  private async readGiven(api: RmClient, pairId: string, signal?: AbortSignal) {
    const viewer = this.viewer;
    if (!viewer) return;
    const [answers, queued] = await Promise.all([
      api.feedback.page(pairId, { kind: 'session', limit: 100 }, signal ? { signal } : {}),
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

  /** The other person's name, when the log could read it. */
  otherName(): string | undefined {
    const role = this.viewer?.role;
    return role && this.log.data.memberNames[role === 'mentor' ? 'mentee' : 'mentor'];
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
  async toggle(session: Entry, panel: SessionPanel) {
    const open = new Map(this.open);
    if (open.get(session.id) === panel) open.delete(session.id);
    else open.set(session.id, panel);
    this.open = open;
    this.element.requestUpdate();
    if (!open.has(session.id)) return;
    try {
      this.panel ??= await this.log.panelFor(this);
      this.panel.opened(session, panel);
    } catch (error) {
      this.close(session.id);
      this.log.failed(error);
    }
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
}
