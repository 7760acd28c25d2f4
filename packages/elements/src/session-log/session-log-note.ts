import type { PrivateNote } from '@rm-kit/core';
import type { RmClient } from '@rm-kit/sdk';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { RmEventDetails, RmEventName } from '../base/events.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import type { LocalizeController, Strings } from '../base/localize.js';
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

/** What the note panel needs from the log it opens in. */
export interface SessionNoteHost {
  /** A localisation controller with the log's words and these. */
  localize<K extends string>(strings: Strings<K>): LocalizeController<SessionLogKey | K>;
  api(): RmClient | undefined;
  noteOf(sessionId: string): NoteState;
  setNote(sessionId: string, changes: Partial<NoteState>): void;
  /** Says something in the log's polite live region. */
  announce(message: string): void;
  /** Fires one of the log's events. */
  emit<K extends RmEventName>(type: K, detail: RmEventDetails[K]): void;
}

/**
 * The form inside a session's private-note panel, once the note has loaded: write, save,
 * or empty it to delete the note. A module of its own, loaded the first time someone opens
 * a note; the log shows the panel's loading and error states itself.
 */
export class SessionNotePanel {
  private readonly t: LocalizeController<SessionLogKey | SessionNoteKey>;

  constructor(
    private readonly element: ReactiveElement & { locale?: string | undefined },
    private readonly log: SessionNoteHost,
  ) {
    this.t = log.localize(sessionNoteStrings);
    adoptLaterStyles(element, [sessionLogFieldStyles, sessionNoteStyles]);
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
          this.log.setNote(sessionId, { draft: (e.target as HTMLTextAreaElement).value, error: '' })}
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
    const api = this.log.api();
    const state = this.log.noteOf(sessionId);
    if (!api || state.saving) return;
    const text = state.draft.trim();
    if (!text && !state.note) {
      this.log.setNote(sessionId, { error: this.t.t('error.note') });
      void this.element.updateComplete.then(() =>
        this.element.renderRoot.querySelector<HTMLTextAreaElement>(`#note-${sessionId}-text`)?.focus(),
      );
      return;
    }
    this.log.setNote(sessionId, { saving: true, error: '' });
    try {
      if (!text && state.note) {
        await api.notes.remove(state.note.pending ? state.note.id : state.note);
        this.log.setNote(sessionId, { note: undefined, draft: '', saving: false });
        this.log.announce(this.t.t('noteDeleted'));
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
      this.log.setNote(sessionId, { note, draft: note.text, saving: false });
      this.log.announce(this.t.t(written.pending ? 'noteSavedOffline' : 'noteSaved'));
      this.log.emit('rm-note-saved', { note, pending: Boolean(written.pending) });
    } catch (error) {
      this.log.setNote(sessionId, { saving: false, error: this.t.t('noteFailed') });
      this.log.emit('rm-error', {
        error: error as Error,
        action: !text ? 'notes.remove' : state.note ? 'notes.update' : 'notes.create',
      });
    }
  }
}
