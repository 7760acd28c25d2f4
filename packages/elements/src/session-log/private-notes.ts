import type { PrivateNote, Session } from '@rm-kit/core';
import type { ReactiveElement } from 'lit';
import { loadOnce } from '../base/load-once.js';
import type { LocalizeController } from '../base/localize.js';
import { toError } from '../base/to-error.js';
import type { Entry } from './provisional-session.js';
import type { SessionLogKey } from './session-log.strings.js';
import type { NoteState, SessionNotePanel } from './session-log-note.js';
import type { SessionLogParts } from './session-log-parts.js';

/** The panel, and the reading and writing of notes: fetched when idle, or on the first note opened. */
export const loadNoteModule = loadOnce(() => import('./session-log-note.js'));

/**
 * The viewer's private notes under the log's sessions: which panels are open, each note as
 * loaded and as typed. The log renders the disclosures, and the panel's loading and error
 * states, from it; the panel's form, and reading a note, come with the note module.
 */
export class PrivateNotesController {
  private notes = new Map<string, NoteState>();
  /** The panel, once its module has loaded. */
  panel: SessionNotePanel | undefined;

  constructor(
    private readonly element: ReactiveElement,
    readonly log: SessionLogParts,
    private readonly t: LocalizeController<SessionLogKey>,
  ) {}

  /** Forgets every note: another pair's sessions are shown. */
  clear() {
    this.notes = new Map();
  }

  of(sessionId: string): NoteState {
    return this.notes.get(sessionId) ?? { open: false, status: 'idle', draft: '', saving: false };
  }

  set(sessionId: string, changes: Partial<NoteState>) {
    this.notes = new Map(this.notes).set(sessionId, { ...this.of(sessionId), ...changes });
    this.element.requestUpdate();
  }

  /** Focuses a note's text once the panel shows it. */
  focus(sessionId: string) {
    void this.element.updateComplete.then(() => {
      if (this.of(sessionId).open)
        this.element.renderRoot.querySelector<HTMLTextAreaElement>(`#note-${sessionId}-text`)?.focus();
    });
  }

  toggle(session: Entry) {
    const state = this.of(session.id);
    const open = !state.open;
    this.set(session.id, { open });
    if (open && (state.status === 'idle' || state.status === 'error')) void this.load(session.id);
    // A note saved with its new session is known already; the panel's module may not be there yet.
    else if (open && state.status === 'ready' && !this.panel) void this.load(session.id, false);
    if (open) this.focus(session.id);
  }

  /** Reads the note (unless `fetch` is false: it is known already) and shows it in its panel. */
  async load(sessionId: string, fetch = true) {
    if (!this.log.client()) return;
    this.set(sessionId, { status: 'loading', error: '' });
    try {
      this.panel ??= new (await loadNoteModule()).SessionNotePanel(this.element, this);
      await this.panel.read(sessionId, fetch);
    } catch (error) {
      this.set(sessionId, { status: 'error', error: this.t.t('noteLoadFailed') });
      this.log.emit('rm-error', { error: toError(error), action: 'notes.load' });
    }
  }

  /** A session created offline has its real id now: its note follows it. */
  moved(provisionalId: string, session: Session) {
    const note = this.notes.get(provisionalId);
    if (!note) return;
    this.notes.delete(provisionalId);
    this.notes.set(session.id, note);
  }

  /** A note queued offline reached the server: the panel shows the server's. */
  synced(write: { entry: { provisionalId?: string | undefined }; result: PrivateNote }) {
    for (const [sessionId, state] of this.notes) {
      if (state.note && (state.note.id === write.result.id || state.note.id === write.entry.provisionalId))
        this.set(sessionId, { note: write.result });
    }
  }
}
