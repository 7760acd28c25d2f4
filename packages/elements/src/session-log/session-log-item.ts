import type { ActionItem } from '@rm-kit/core';
import { topicLabel } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../base/localize.js';
import type { PrivateNotesController } from './private-notes.js';
import { type Entry, isProvisional } from './provisional-session.js';
import type { SessionLogKey } from './session-log.strings.js';
import type { SessionActions } from './session-log-actions.js';
import type { SessionLogData } from './session-log-data.js';
import type { NoteState } from './session-log-note.js';

/** What one session's rendering needs from the log. */
export interface SessionItemHost {
  readonly localize: LocalizeController<SessionLogKey>;
  readonly data: SessionLogData;
  readonly presenting: boolean;
  readonly notes: PrivateNotesController;
  /** A session's feedback and Change buttons, once their module has loaded. */
  readonly actions: SessionActions | undefined;
  /** `box` is the item's checkbox, as the click left it. */
  toggleItem(session: Entry, item: ActionItem, box: HTMLInputElement): void;
  discard(session: Entry): Promise<void>;
}

/** One session in the log: when, what, its action items (shared) and its private note (yours). */

export function renderSession(log: SessionItemHost, session: Entry, index: number): TemplateResult {
  const t = log.localize;
  const when = session.occurredAt ?? session.scheduledAt;
  const id = session.id;
  const notice = log.data.notices.get(id);
  return html`<li
    part="item"
    class="session status-${session.status} ${session.pending ? 'is-pending' : ''}"
    data-session-id=${id}
    tabindex="-1"
    aria-labelledby="s-${id}-title"
    aria-posinset=${index + 1}
    aria-setsize=${log.data.nextCursor ? -1 : log.data.sessions.length}
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
          ${session.topics.map((key) => html`<li class="topic">${topicLabel(key, t.locale, log.data.customTopics)}</li>`)}
        </ul>`
        : nothing
    }
    ${
      session.failure
        ? html`<p class="error-text refusal" role="alert">
          ${t.t('refused')}
          ${session.failure.requestId ? html`<small class="muted">${t.t('reference', { id: session.failure.requestId })}</small>` : nothing}
          ${session.outboxId ? html`<button type="button" @click=${() => void log.discard(session)}>${t.t('discard')}</button>` : nothing}
        </p>`
        : nothing
    }
    ${notice ? html`<p class="notice-text" role="alert">${notice}</p>` : nothing}
    <p class="summary">${session.summary || html`<span class="muted">${t.t('noSummary')}</span>`}</p>
    ${
      session.status === 'cancelled' && session.cancellationReason
        ? html`<p class="reason">${t.t('cancelledBecause', { reason: session.cancellationReason })}</p>`
        : nothing
    }
    ${session.actionItems.length ? renderActionItems(log, session) : nothing}
    ${isProvisional(session) ? nothing : (log.actions?.render(session) ?? nothing)}
    ${log.presenting ? nothing : renderNote(log, session)}
  </li>`;
}

function renderActionItems(log: SessionItemHost, session: Entry): TemplateResult {
  const t = log.localize;
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
            @change=${(e: Event) => log.toggleItem(session, item, e.target as HTMLInputElement)}
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

function renderNote(log: SessionItemHost, session: Entry): TemplateResult {
  const t = log.localize;
  const id = session.id;
  if (isProvisional(session)) return html``;
  const state = log.notes.of(id);
  const panelId = `note-${id}`;
  return html`<div class="note">
    <button
      type="button"
      class="disclosure"
      aria-expanded=${state.open ? 'true' : 'false'}
      aria-controls=${panelId}
      @click=${() => log.notes.toggle(session)}
    >
      <svg class="chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path d="M5 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2"></path>
      </svg>
      ${t.t('privateNote')}
      ${state.note ? html`<span class="dot-note" aria-hidden="true"></span>` : nothing}
    </button>
    <div id=${panelId} part="note" class="note-panel" ?hidden=${!state.open}>
      ${state.open ? renderNotePanel(log, id, state) : nothing}
    </div>
  </div>`;
}

function renderNotePanel(log: SessionItemHost, sessionId: string, state: NoteState): TemplateResult {
  const t = log.localize;
  if (state.status === 'error') {
    return html`<p class="error-text" role="alert">${state.error}</p>
      <button type="button" @click=${() => void log.notes.load(sessionId)}>${t.t('retry')}</button>`;
  }
  if (state.status !== 'ready' || !log.notes.panel) {
    return html`<p class="muted" role="status">${t.t('noteLoading')}</p>`;
  }
  return log.notes.panel.render(sessionId, state);
}
