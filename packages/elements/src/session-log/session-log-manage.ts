import type { SessionUpdate } from '@rm-kit/core';
import type { RmClient } from '@rm-kit/sdk';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { tagName } from '../base/define.js';
import type { SessionChange } from '../base/events.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import type { LocalizeController } from '../base/localize.js';
import { toError } from '../base/to-error.js';
import '../feedback-form/feedback-form.js';
import { instantFromLocalInput, localInputValue } from './datetime-local.js';
import type { Entry } from './provisional-session.js';
import type { SessionLogKey } from './session-log.strings.js';
import type { SessionActions, SessionPanel } from './session-log-actions.js';
import { sessionLogFieldStyles } from './session-log-fields.styles.js';
import { type SessionManageKey, sessionManageStrings } from './session-log-manage.strings.js';
import { sessionLogManageStyles } from './session-log-manage.styles.js';
import type { SessionLogParts } from './session-log-parts.js';
import { changeSession, deleteSession, otherName, type SessionWrite } from './session-write.js';
import { sharedIcon } from './visibility-icons.js';

/** One step of changing a session: the list of changes, or the few fields one of them asks. */
type Step = 'menu' | 'reschedule' | 'held' | 'cancel' | 'delete';

interface PanelState {
  step: Step;
  /** The `datetime-local` value for a new date, or for when it was held. */
  when: string;
  reason: string;
  busy: boolean;
  /** What went wrong last, said in the panel (the other person's change, a failure). */
  message: string;
  whenError: boolean;
}

/** What the panels need from the log, besides what every part does. */
export interface SessionManageHost extends SessionLogParts {
  readonly actions: SessionActions;
  /** Opens the log's form on this session, to edit it. */
  edit(session: Entry): void;
  /** Brings a session into view and focuses it; without an id, the list. */
  focusSession(id?: string): void;
}

/**
 * A session's panels: changing it (edit, reschedule, mark held, cancel with a reason,
 * delete with a confirmation), each write expecting the version shown and saying so when the
 * other person changed it first; and its feedback, an `<rm-feedback-form>` that shares the
 * log's client. A module of its own, loaded with the feedback form when the browser is idle.
 */
export class SessionManagePanel {
  readonly t: LocalizeController<SessionLogKey | SessionManageKey>;
  private states = new Map<string, PanelState>();
  private readonly feedbackForms = new Map<string, HTMLElement & { client?: RmClient; sessionId: string }>();

  constructor(
    private readonly element: ReactiveElement,
    private readonly log: SessionManageHost,
  ) {
    this.t = log.localize(sessionManageStrings);
    adoptLaterStyles(element, [sessionLogFieldStyles, sessionLogManageStyles]);
  }

  /** A panel was opened: the change panel starts from its list of changes. */
  opened(session: Entry, panel: SessionPanel) {
    if (panel === 'manage') this.set(session.id, this.fresh());
    this.element.requestUpdate();
  }

  private fresh(): PanelState {
    return { step: 'menu', when: '', reason: '', busy: false, message: '', whenError: false };
  }

  private stateOf(id: string): PanelState {
    return this.states.get(id) ?? this.fresh();
  }

  private set(id: string, changes: Partial<PanelState>) {
    this.states = new Map(this.states).set(id, { ...this.stateOf(id), ...changes });
    this.element.requestUpdate();
  }

  private focus(selector: string) {
    void this.element.updateComplete.then(() =>
      this.element.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    );
  }

  private go(session: Entry, step: Step) {
    const planned = session.scheduledAt ? new Date(session.scheduledAt) : new Date();
    // Marked held later than planned: it took place as planned; marked before the planned
    // time: it took place now.
    const heldAt = planned.getTime() < Date.now() ? planned : new Date();
    const when = step === 'held' ? localInputValue(heldAt) : localInputValue(planned);
    this.set(session.id, { step, when, whenError: false, message: '' });
    const first = {
      menu: 'button',
      reschedule: 'input',
      held: 'input',
      cancel: 'textarea',
      delete: '.question',
    }[step];
    this.focus(`#manage-${CSS.escape(session.id)} ${first}`);
  }

  private readonly onKeydown = (session: Entry) => (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    if (this.stateOf(session.id).step === 'menu') this.log.actions.close(session.id, 'manage');
    else this.go(session, 'menu');
  };

  /** Sends one change and says how it went: done (or queued), the other person's version, or why not. */
  private async apply(session: Entry, change: SessionChange) {
    const api = this.log.client();
    const state = this.stateOf(session.id);
    if (!api || state.busy) return;
    const when = instantFromLocalInput(state.when);
    if ((change === 'rescheduled' || change === 'held') && !when) {
      this.set(session.id, { whenError: true });
      this.focus(`#m-${CSS.escape(session.id)}-when`);
      return;
    }
    const changes: SessionUpdate =
      change === 'rescheduled'
        ? {
            scheduledAt: when,
            ...(session.status === 'planned' ? {} : { status: 'planned', occurredAt: null }),
          }
        : change === 'held'
          ? { status: 'held', occurredAt: when }
          : { status: 'cancelled', cancellationReason: state.reason.trim() || null };
    this.set(session.id, { busy: true, whenError: false, message: '' });
    const result =
      change === 'deleted'
        ? await deleteSession(api, this.log.data, session)
        : await changeSession(api, this.log.data, session, changes);
    this.set(session.id, { busy: false });
    this.settle(session, change, result);
  }

  private settle(session: Entry, change: SessionChange, result: SessionWrite) {
    const t = this.t;
    if (result.outcome === 'saved' || result.outcome === 'queued') {
      const pending = result.outcome === 'queued';
      this.states.delete(session.id);
      this.log.actions.close(session.id);
      this.log.emit('rm-session-changed', { session: result.session, change, pending });
      const done = t.t(`done.${change}`);
      this.log.announce(
        !pending ? done : change === 'deleted' ? t.t('deletedOffline') : t.t('queued', { done }),
      );
      this.log.focusSession(change === 'deleted' ? undefined : session.id);
      return;
    }
    if (result.outcome === 'gone') {
      this.log.announce(t.t('gone'));
      this.log.focusSession();
      return;
    }
    if (result.outcome === 'conflict') {
      const name = otherName(this.log.data);
      this.set(session.id, { message: name ? t.t('changedBy', { name }) : t.t('changedByOther') });
    } else {
      this.set(session.id, { message: t.t('changeFailed') });
      this.log.emit('rm-error', {
        error: toError(result.error),
        action: change === 'deleted' ? 'sessions.remove' : 'sessions.update',
      });
    }
    this.focus(`#manage-${CSS.escape(session.id)} .panel-message`);
  }

  render(session: Entry, panel: SessionPanel): TemplateResult {
    return panel === 'feedback' ? this.renderFeedback(session) : this.renderManage(session);
  }

  /** The feedback form for this session, made once and kept, so what is typed survives closing it. */
  private renderFeedback(session: Entry): TemplateResult {
    let form = this.feedbackForms.get(session.id);
    if (!form) {
      form = document.createElement(tagName('feedback-form')) as HTMLElement & {
        client?: RmClient;
        sessionId: string;
      };
      form.sessionId = session.id;
      this.feedbackForms.set(session.id, form);
    }
    const api = this.log.client();
    if (api) form.client = api;
    return html`${form}`;
  }

  private renderManage(session: Entry): TemplateResult {
    const t = this.t;
    const state = this.stateOf(session.id);
    const movable = session.status !== 'held';
    const planned = session.status === 'planned';
    const choice = (step: Step, label: string, danger = false) =>
      html`<button type="button" class=${danger ? 'danger' : ''} @click=${() => this.go(session, step)}>${label}</button>`;
    return html`<div class="manage" @keydown=${this.onKeydown(session)}>
      ${
        state.message
          ? html`<p class="panel-message notice-text" role="alert" tabindex="-1">${state.message}</p>`
          : nothing
      }
      ${
        state.step === 'menu'
          ? html`<div class="row">
            <button type="button" @click=${() => this.log.edit(session)}>${t.t('edit')}</button>
            ${movable ? choice('reschedule', t.t('reschedule')) : nothing}
            ${planned ? choice('held', t.t('markHeld')) : nothing}
            ${planned ? choice('cancel', t.t('cancelSession')) : nothing}
            ${choice('delete', t.t('delete'), true)}
          </div>`
          : this.renderStep(session, state)
      }
    </div>`;
  }

  private renderStep(session: Entry, state: PanelState): TemplateResult {
    const t = this.t;
    const id = session.id;
    const change: SessionChange = (
      { reschedule: 'rescheduled', held: 'held', cancel: 'cancelled', delete: 'deleted' } as const
    )[state.step as Exclude<Step, 'menu'>];
    const submit = (event: Event) => {
      event.preventDefault();
      void this.apply(session, change);
    };
    const buttons = (confirm: string, back: string, danger = false) => html`<div class="row">
      <button type="submit" class=${danger ? 'danger' : 'primary'} ?disabled=${state.busy}>
        ${state.busy ? t.t('saving') : confirm}
      </button>
      <button type="button" @click=${() => this.go(session, 'menu')}>${back}</button>
    </div>`;
    if (state.step === 'delete') {
      return html`<form class="step" @submit=${submit}>
        <p class="question" tabindex="-1">${t.t('deleteQuestion')}</p>
        ${buttons(t.t('confirmDelete'), t.t('keep'), true)}
      </form>`;
    }
    if (state.step === 'cancel') {
      return html`<form class="step" @submit=${submit}>
        <label for="m-${id}-reason">${t.t('reason')}</label>
        <p id="m-${id}-reason-hint" class="visibility shared">${sharedIcon()}${t.t('reasonHint')}</p>
        <textarea
          id="m-${id}-reason"
          rows="2"
          maxlength="1000"
          aria-describedby="m-${id}-reason-hint"
          .value=${live(state.reason)}
          @input=${(e: Event) => this.set(id, { reason: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${buttons(t.t('confirmCancel'), t.t('keep'))}
      </form>`;
    }
    const inWords = (() => {
      const date = state.when ? new Date(state.when) : null;
      return date && !Number.isNaN(date.getTime())
        ? t.date(date, { dateStyle: 'full', timeStyle: 'short' })
        : '';
    })();
    return html`<form class="step" novalidate @submit=${submit}>
      <label for="m-${id}-when">${t.t(state.step === 'held' ? 'heldWhen' : 'newWhen')}</label>
      <input
        id="m-${id}-when"
        type="datetime-local"
        .value=${live(state.when)}
        aria-invalid=${state.whenError ? 'true' : nothing}
        aria-describedby="m-${id}-when-hint${state.whenError ? ` m-${id}-when-error` : ''}"
        @input=${(e: Event) => this.set(id, { when: (e.target as HTMLInputElement).value })}
      />
      <p id="m-${id}-when-hint" class="hint muted">${inWords}</p>
      ${state.whenError ? html`<p id="m-${id}-when-error" class="error-text field-error">${t.t('error.when')}</p>` : nothing}
      ${buttons(t.t(state.step === 'held' ? 'confirmHeld' : 'saveNewDate'), t.t('back'))}
    </form>`;
  }
}
