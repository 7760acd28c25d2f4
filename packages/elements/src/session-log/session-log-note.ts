import type { PrivateNote } from '@rm-kit/core';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import type { LocalizeController } from '../base/localize.js';
import type { PrivateNotesController } from './private-notes.js';
import type { SessionLogKey } from './session-log.strings.js';
import { sessionLogFieldStyles } from './session-log-fields.styles.js';
import { type SessionNoteKey, sessionNoteStrings } from './session-log-note.strings.js';
import { sessionNoteStyles } from './session-log-note.styles.js';
import { lockIcon } from './visibility-icons.js';

/** A private note as the panel shows it: the server's, or as it will be once a queued write lands. */
export type ShownNote = PrivateNote & { pending?: true };

/** A session's private note as the log holds it: open or not, loaded or not, and what is typed. */
export interface NoteState {
  open: boolean;
  status: 'idle' | 'loading' | 'ready' | 'error';
  note?: ShownNote;
  draft: string;
  saving: boolean;
  error?: string;
}

/**
 * Reading a session's private note, and the form inside its panel once it has loaded: write,
 * save, or empty it to delete the note. A module of its own, loaded when the browser is idle
 * (or the first time someone opens a note); the log shows the panel's loading and error
 * states itself.
 */
export class SessionNotePanel {
  private readonly t: LocalizeController<SessionLogKey | SessionNoteKey>;

  constructor(
    private readonly element: ReactiveElement,
    private readonly notes: PrivateNotesController,
  ) {
    this.t = notes.log.localize(sessionNoteStrings);
    adoptLaterStyles(element, [sessionLogFieldStyles, sessionNoteStyles]);
  }

  /** Reads the note (unless `fetch` is false: it is known already) and shows it. */
  async read(sessionId: string, fetch: boolean) {
    const page = fetch ? await this.notes.log.client()?.notes.page(sessionId, { limit: 1 }) : undefined;
    const note = page?.items[0];
    this.notes.set(
      sessionId,
      page ? { status: 'ready', ...(note ? { note } : {}), draft: note?.text ?? '' } : { status: 'ready' },
    );
    this.notes.focus(sessionId);
  }

  render(sessionId: string, state: NoteState): TemplateResult {
    const t = this.t;
    const textId = `note-${sessionId}-text`;
    return html`<form class="note-form" novalidate @submit=${(e: Event) => void this.save(e, sessionId)}>
      <label for=${textId}>${t.t('privateNote')}</label>
      <p id="${textId}-hint" class="visibility private">${lockIcon()}${t.t('onlyYouLong')}
        ${state.note ? t.t('noteDeleteHint') : nothing}</p>
      <textarea
        id=${textId}
        rows="3"
        .value=${live(state.draft)}
        aria-describedby="${textId}-hint${state.error ? ` ${textId}-error` : ''}"
        aria-invalid=${state.error ? 'true' : 'false'}
        @input=${(e: Event) =>
          this.notes.set(sessionId, { draft: (e.target as HTMLTextAreaElement).value, error: '' })}
      ></textarea>
      ${state.error ? html`<p id="${textId}-error" class="error-text field-error">${state.error}</p>` : nothing}
      <div class="row">
        <button type="submit" ?disabled=${state.saving}>${t.t(state.saving ? 'saving' : 'noteSave')}</button>
        ${state.note?.pending ? html`<span part="badge" class="badge pending">${t.t('pending')}</span>` : nothing}
      </div>
    </form>`;
  }

  private async save(event: Event, sessionId: string) {
    event.preventDefault();
    const api = this.notes.log.client();
    const state = this.notes.of(sessionId);
    if (!api || state.saving) return;
    const text = state.draft.trim();
    if (!text && !state.note) {
      this.notes.set(sessionId, { error: this.t.t('error.note') });
      void this.element.updateComplete.then(() =>
        this.element.renderRoot.querySelector<HTMLTextAreaElement>(`#note-${sessionId}-text`)?.focus(),
      );
      return;
    }
    this.notes.set(sessionId, { saving: true, error: '' });
    try {
      if (!text && state.note) {
        await api.notes.remove(state.note.pending ? state.note.id : state.note);
        this.notes.set(sessionId, { note: undefined, draft: '', saving: false });
        this.notes.log.announce(this.t.t('noteDeleted'));
        return;
      }
      const written = state.note
        ? await api.notes.update(state.note.pending ? state.note.id : state.note, { text })
        : await api.notes.create(sessionId, { text });
      // Queued offline: the note as it will be once the server has it.
      const note: ShownNote = written.pending
        ? {
            ...(state.note ?? { orgId: '', sessionId, authorId: '', createdAt: written.createdAt }),
            id: written.id,
            text,
            version: written.version ?? (state.note?.version ?? 0) + 1,
            updatedAt: written.createdAt,
            pending: true,
          }
        : written;
      this.notes.set(sessionId, { note, draft: note.text, saving: false });
      this.notes.log.announce(this.t.t(written.pending ? 'noteSavedOffline' : 'noteSaved'));
      this.notes.log.emit('rm-note-saved', { note, pending: Boolean(written.pending) });
    } catch (error) {
      this.notes.set(sessionId, { saving: false, error: this.t.t('noteFailed') });
      this.notes.log.emit('rm-error', {
        error: error as Error,
        action: !text ? 'notes.remove' : state.note ? 'notes.update' : 'notes.create',
      });
    }
  }
}
