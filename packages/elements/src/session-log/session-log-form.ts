import type { Issue, PairRole, PrivateNote, SessionCreate, SessionFormat, SessionStatus } from '@rm-kit/core';
import { SESSION_FORMATS, topicLabel } from '@rm-kit/core/vocabulary';
import type { RmClient } from '@rm-kit/sdk';
import { RmError, RmValidationError } from '@rm-kit/sdk/errors';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import { type LocalizeController, mergeStrings } from '../base/localize.js';
import { toError } from '../base/to-error.js';
import { instantFromLocalInput, localInputValue } from './datetime-local.js';
import { type Entry, loadSessionSchemas, provisionalSession } from './provisional-session.js';
import { draftKey, readDraft, writeDraft } from './session-draft.js';
import type { SessionLogKey } from './session-log.strings.js';
import { sessionLogFieldStyles } from './session-log-fields.styles.js';
import { type SessionLogFormKey, sessionLogFormStrings } from './session-log-form.strings.js';
import { sessionLogFormStyles } from './session-log-form.styles.js';
import { type SessionManageKey, sessionManageStrings } from './session-log-manage.strings.js';
import type { NoteState } from './session-log-note.js';
import type { SessionLogParts } from './session-log-parts.js';
import { changeSession, otherName } from './session-write.js';
import { lockIcon, sharedIcon } from './visibility-icons.js';

interface DraftActionItem {
  key: number;
  text: string;
  owner: PairRole;
  /** An item the session has already: it keeps its id, and whether it is done. */
  id?: string;
  done?: boolean;
}

interface Draft {
  status: SessionStatus;
  /** The `datetime-local` value: local wall-clock time, no offset. */
  when: string;
  duration: string;
  format: SessionFormat;
  topics: string[];
  summary: string;
  actionItems: DraftActionItem[];
  note: string;
}

/** Why a save failed, as the form shows it: the issues beside their fields, or one sentence. */
export type SaveFailure = { issues: Issue[] } | { message: string };

/**
 * What the form needs from the log it opens in, besides what every part does (the log's
 * data holds the program's topics and session length, the pair's names and who is looking,
 * whose drafts these are).
 */
export interface SessionLogFormHost extends SessionLogParts {
  /** Whether private notes are hidden (the form's note field with them). */
  presenting(): boolean;
  setNote(sessionId: string, changes: Partial<NoteState>): void;
  /** The session is saved (or queued) and shown: close the form and focus it. */
  saved(sessionId: string): void;
  /** Closes the form and gives focus back to the button that opened it. */
  close(): void;
}

/**
 * The form to log a held session or plan one: its draft, its rendering inside the log's
 * shadow root, and the schema's (or the server's) issues shown beside their fields. A
 * module of its own, loaded the first time someone opens the form.
 */
export class SessionLogForm {
  private readonly t: LocalizeController<SessionLogKey | SessionLogFormKey | SessionManageKey>;
  private draft: Draft;
  /** The session being edited; none while a new one is being logged. */
  private editing: Entry | undefined;
  /** The draft the form opened with: typing away from it keeps a draft, coming back to it forgets it. */
  private initial = '';
  /** Where this form's draft is kept. */
  private key = '';
  /** The form opened on a draft kept from before: say so, with a way to discard it. */
  private restored = false;
  /** Shown above the form's buttons: the other person's change that came first. */
  private notice = '';
  private fieldErrors = new Map<string, string>();
  private formError = '';
  private saving = false;
  private nextRowKey = 1;

  constructor(
    private readonly element: ReactiveElement & { locale?: string | undefined },
    private readonly log: SessionLogFormHost,
  ) {
    this.t = log.localize(mergeStrings(sessionLogFormStrings, sessionManageStrings));
    this.draft = this.emptyDraft();
    adoptLaterStyles(element, [sessionLogFieldStyles, sessionLogFormStyles]);
  }

  /**
   * Opens the form on a new session (held now), or on `session` to edit it: on the draft
   * kept from before, when there is one.
   */
  open(session?: Entry) {
    this.editing = session;
    this.key = draftKey(this.log.data.viewer?.id, this.log.data.pairId, session?.id);
    const start = session
      ? this.draftOf(session)
      : { ...this.emptyDraft(), when: localInputValue(new Date()) };
    this.initial = JSON.stringify(start);
    const kept = readDraft<Draft>(this.key);
    this.restored = Boolean(kept);
    this.draft = kept ?? start;
    this.nextRowKey = Math.max(0, ...this.draft.actionItems.map((r) => r.key)) + 1;
    this.notice = '';
    this.clearErrors();
    if (kept) this.log.announce(this.t.t('draftRestored'));
  }

  /** What the form shows for a session being edited. */
  private draftOf(session: Entry): Draft {
    const when = session.status === 'held' ? session.occurredAt : (session.scheduledAt ?? session.occurredAt);
    return {
      status: session.status,
      when: when ? localInputValue(new Date(when)) : '',
      duration: session.durationMinutes === null ? '' : String(session.durationMinutes),
      format: session.format,
      topics: [...session.topics],
      summary: session.summary,
      actionItems: session.actionItems.map((item, i) => ({
        key: i + 1,
        text: item.text,
        owner: item.owner,
        id: item.id,
        done: item.done,
      })),
      note: '',
    };
  }

  private readonly discardDraft = () => {
    writeDraft(this.key, undefined);
    this.draft = JSON.parse(this.initial) as Draft;
    this.restored = false;
    this.clearErrors();
    void this.element.updateComplete.then(() =>
      this.query<HTMLInputElement>('input[name="status"]:checked')?.focus(),
    );
  };

  clearErrors() {
    this.fieldErrors = new Map();
    this.formError = '';
    this.element.requestUpdate();
  }

  private emptyDraft(): Draft {
    return {
      status: 'held',
      when: '',
      duration: String(this.log.data.defaultMinutes),
      format: 'video',
      topics: [],
      summary: '',
      actionItems: [],
      note: '',
    };
  }

  private query<T extends Element>(selector: string): T | null {
    return this.element.renderRoot.querySelector<T>(selector);
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.log.close();
    }
  };

  private setDraft(changes: Partial<Draft>) {
    this.draft = { ...this.draft, ...changes };
    const text = JSON.stringify(this.draft);
    writeDraft(this.key, text === this.initial ? undefined : this.draft);
    this.element.requestUpdate();
  }

  private readonly addActionItem = () => {
    const key = this.nextRowKey++;
    this.setDraft({ actionItems: [...this.draft.actionItems, { key, text: '', owner: 'mentee' }] });
    void this.element.updateComplete.then(() => this.query<HTMLInputElement>(`#f-ai-${key}-text`)?.focus());
  };

  private removeActionItem(key: number) {
    const rows = this.draft.actionItems;
    const index = rows.findIndex((r) => r.key === key);
    this.setDraft({ actionItems: rows.filter((r) => r.key !== key) });
    const next = rows[index + 1] ?? rows[index - 1];
    void this.element.updateComplete.then(() =>
      (next
        ? this.query<HTMLElement>(`#f-ai-${next.key}-text`)
        : this.query<HTMLElement>('#f-ai-add')
      )?.focus(),
    );
  }

  private updateActionItem(key: number, changes: Partial<DraftActionItem>) {
    this.setDraft({
      actionItems: this.draft.actionItems.map((r) => (r.key === key ? { ...r, ...changes } : r)),
    });
  }

  /**
   * The body the form describes, before validation. The field's time is when a held session
   * took place, else when it is planned; an edit keeps the other time as the session has it.
   */
  private draftBody() {
    const d = this.draft;
    const when = instantFromLocalInput(d.when);
    const base = this.editing;
    return {
      status: d.status,
      occurredAt: d.status === 'held' ? when : d.status === 'planned' ? null : (base?.occurredAt ?? null),
      scheduledAt: d.status === 'held' ? (base?.scheduledAt ?? null) : when,
      durationMinutes: d.duration.trim() === '' ? null : Number(d.duration),
      format: d.format,
      topics: d.topics,
      summary: d.summary,
      actionItems: d.actionItems.map((r) => ({
        text: r.text,
        owner: r.owner,
        ...(r.id ? { id: r.id, done: Boolean(r.done) } : {}),
      })),
    };
  }

  /** The form field an issue from the schema (or the server) belongs to, and what to say there. */
  private fieldFor(issue: Issue): [string, string] | undefined {
    const [first, index, leaf] = issue.path;
    switch (first) {
      case 'status':
        return ['f-status', this.t.t('error.status')];
      case 'occurredAt':
      case 'scheduledAt':
        return ['f-when', this.t.t('error.when')];
      case 'durationMinutes':
        return ['f-duration', this.t.t('error.duration')];
      case 'format':
        return ['f-format', this.t.t('error.format')];
      case 'topics':
        return ['f-topics', this.t.t('error.topics')];
      case 'summary':
        return ['f-summary', this.t.t('error.summary')];
      case 'actionItems': {
        const row = typeof index === 'number' ? this.draft.actionItems[index] : undefined;
        if (!row) return ['f-actions', this.t.t('error.actionItems')];
        return leaf === 'owner'
          ? [`f-ai-${row.key}-owner`, this.t.t('error.actionItemOwner')]
          : [`f-ai-${row.key}-text`, this.t.t('error.actionItemText')];
      }
      default:
        return undefined;
    }
  }

  /** Shows each issue beside its field and moves focus to the first invalid field. */
  private showIssues(issues: Issue[]) {
    const errors = new Map<string, string>();
    const unplaced: string[] = [];
    for (const issue of issues) {
      const field = this.fieldFor(issue);
      if (field && !errors.has(field[0])) errors.set(field[0], field[1]);
      else if (!field) unplaced.push(issue.message);
    }
    this.fieldErrors = errors;
    this.formError = unplaced.length ? unplaced.join(' ') : '';
    this.element.requestUpdate();
    void this.element.updateComplete.then(() => {
      const order = [
        'f-status',
        'f-when',
        'f-duration',
        'f-format',
        'f-topics',
        'f-summary',
        'f-actions',
        ...this.draft.actionItems.flatMap((r) => [`f-ai-${r.key}-text`, `f-ai-${r.key}-owner`]),
      ];
      const first = order.find((id) => errors.has(id));
      if (!first) return;
      const target = this.query<HTMLElement>(`#${first}`);
      const focusable =
        target instanceof HTMLFieldSetElement ? target.querySelector<HTMLElement>('input') : target;
      focusable?.focus();
    });
  }

  private readonly submit = async (event: Event) => {
    event.preventDefault();
    if (!this.log.client() || this.saving) return;
    let schemas: Awaited<ReturnType<typeof loadSessionSchemas>>;
    try {
      schemas = await loadSessionSchemas();
    } catch {
      // The validation module never arrived (the server went away first): say so, keep the draft.
      this.formError = this.t.t('saveFailed');
      this.element.requestUpdate();
      return;
    }
    const parsed = schemas.sessionCreateCheck.safeParse(this.draftBody());
    if (!parsed.success) {
      this.showIssues(
        parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })),
      );
      return;
    }
    this.fieldErrors = new Map();
    this.formError = '';
    this.notice = '';
    this.saving = true;
    this.element.requestUpdate();
    // A note typed before the Presenting switch was turned on is still the author's to keep.
    const noteText = this.draft.note.trim();
    const failure = this.editing
      ? await this.saveChanges(this.editing, parsed.data)
      : await this.save(parsed.data, noteText, schemas);
    this.saving = false;
    if (!failure) {
      // The log has closed the form: the next one starts from an empty draft.
      writeDraft(this.key, undefined);
      this.draft = this.emptyDraft();
      return;
    }
    if ('issues' in failure) this.showIssues(failure.issues);
    else this.formError = failure.message;
    this.element.requestUpdate();
    if (this.notice)
      void this.element.updateComplete.then(() => this.query<HTMLElement>('#form-notice')?.focus());
  };

  /** Saves the session, shows it in the log and closes the form; or tells the page (an `rm-error`) and says why not. */
  private async save(
    body: SessionCreate,
    noteText: string,
    schemas: Awaited<ReturnType<typeof loadSessionSchemas>>,
  ): Promise<SaveFailure | undefined> {
    const api = this.log.client();
    if (!api) return { message: this.t.t('noClient') };
    const pairId = this.log.data.pairId;
    try {
      const created = await api.sessions.create(pairId, body);
      // The page moved to another pair meanwhile: this session is not in the log shown now.
      if (pairId !== this.log.data.pairId) return;
      const session: Entry = created.pending ? provisionalSession(schemas, pairId, created) : created;
      const pending = Boolean(created.pending);
      this.log.data.add(session);
      this.log.emit('rm-session-logged', { session, pending });
      if (noteText) void this.saveNewSessionNote(api, session.id, noteText);
      this.log.announce(this.t.t(pending ? 'savedOffline' : 'saved'));
      this.log.saved(session.id);
      return undefined;
    } catch (error) {
      this.log.emit('rm-error', { error: toError(error), action: 'sessions.create' });
      if (error instanceof RmValidationError) return { issues: error.issues };
      return {
        message: this.t.t(error instanceof RmError && error.status === 404 ? 'notFound' : 'saveFailed'),
      };
    }
  }

  /**
   * Saves an edit, expecting the version the form opened on. When the other person changed
   * the session first, the log shows their version and the form keeps this edit, to apply
   * again on top of it.
   */
  private async saveChanges(session: Entry, body: SessionCreate): Promise<SaveFailure | undefined> {
    const api = this.log.client();
    if (!api) return { message: this.t.t('noClient') };
    const { cancellationReason: _reason, ...changes } = body;
    const result = await changeSession(api, this.log.data, session, changes);
    if (result.outcome === 'saved' || result.outcome === 'queued') {
      const pending = result.outcome === 'queued';
      this.log.emit('rm-session-changed', { session: result.session, change: 'edited', pending });
      const done = this.t.t('done.edited');
      this.log.announce(pending ? this.t.t('queued', { done }) : done);
      this.log.saved(session.id);
      return undefined;
    }
    if (result.outcome === 'conflict') {
      this.editing = result.session;
      const name = otherName(this.log.data);
      this.notice = name ? this.t.t('changedBy', { name }) : this.t.t('changedByOther');
      return { message: '' };
    }
    if (result.outcome === 'gone') return { message: this.t.t('gone') };
    this.log.emit('rm-error', { error: toError(result.error), action: 'sessions.update' });
    return { message: this.t.t('saveFailed') };
  }

  /** The private note typed into the form goes with the session (queued behind it when offline). */
  private async saveNewSessionNote(api: RmClient, sessionId: string, text: string) {
    try {
      const written = await api.notes.create(sessionId, { text });
      const note: PrivateNote = written.pending
        ? {
            id: written.id,
            orgId: '',
            sessionId,
            authorId: '',
            text,
            version: 1,
            createdAt: written.createdAt,
            updatedAt: written.createdAt,
          }
        : written;
      this.log.setNote(sessionId, {
        note: written.pending ? { ...note, pending: true } : note,
        draft: text,
        status: 'ready',
      });
      this.log.emit('rm-note-saved', { note, pending: Boolean(written.pending) });
    } catch (error) {
      this.log.emit('rm-error', { error: toError(error), action: 'notes.create' });
    }
  }

  // ---------------------------------------------------------------- rendering

  /**
   * The chosen moment in the element's language: the native field speaks the browser's
   * ("11/29/2026, 06:17 PM" on an English browser), often not the page's.
   */
  private whenInWords(value: string): string {
    const date = value ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) return '';
    return this.t.date(date, { dateStyle: 'full', timeStyle: 'short' });
  }

  /** `aria-describedby` from the ids that exist: the hint, and the error when there is one. */
  private describedBy(id: string, hint = false): string | typeof nothing {
    const ids = [hint ? `${id}-hint` : '', this.fieldErrors.has(id) ? `${id}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private fieldError(id: string): TemplateResult | typeof nothing {
    const message = this.fieldErrors.get(id);
    return message ? html`<p id="${id}-error" class="error-text field-error">${message}</p>` : nothing;
  }

  private invalid(id: string): 'true' | typeof nothing {
    return this.fieldErrors.has(id) ? 'true' : nothing;
  }

  render(): TemplateResult {
    const t = this.t;
    const d = this.draft;
    const topics = { keys: this.log.data.topicKeys, custom: this.log.data.customTopics };
    return html`<form
      id="log-form"
      part="form"
      class="form"
      novalidate
      aria-labelledby="form-title"
      @submit=${this.submit}
      @keydown=${this.onKeydown}
    >
      <h3 id="form-title">${t.t(this.editing ? 'editTitle' : 'formTitle')}</h3>
      ${
        this.restored
          ? html`<p class="draft-restored">
            ${t.t('draftRestored')}
            <button type="button" @click=${this.discardDraft}>${t.t('discardDraft')}</button>
          </p>`
          : nothing
      }

      <fieldset id="f-status" aria-describedby=${this.describedBy('f-status')}>
        <legend>${t.t('status')}</legend>
        <div class="choices">
          ${this.statuses().map(
            (status) => html`<label class="choice">
              <input
                type="radio"
                name="status"
                value=${status}
                .checked=${live(d.status === status)}
                @change=${() => this.setDraft({ status })}
              />
              ${t.t(`status.${status}`)}
            </label>`,
          )}
        </div>
        ${this.fieldError('f-status')}
      </fieldset>

      <div class="grid">
        <div class="field">
          <label for="f-when">${t.t(d.status === 'held' ? 'whenHeld' : 'whenPlanned')}</label>
          <input
            id="f-when"
            type="datetime-local"
            .value=${live(d.when)}
            aria-invalid=${this.invalid('f-when')}
            aria-describedby=${this.describedBy('f-when', true)}
            @input=${(e: Event) => this.setDraft({ when: (e.target as HTMLInputElement).value })}
          />
          <p id="f-when-hint" class="hint muted">${this.whenInWords(d.when)}</p>
          ${this.fieldError('f-when')}
        </div>
        <div class="field">
          <label for="f-duration">${t.t('duration')}</label>
          <input
            id="f-duration"
            type="number"
            inputmode="numeric"
            min="1"
            max="480"
            step="1"
            .value=${live(d.duration)}
            aria-invalid=${this.invalid('f-duration')}
            aria-describedby=${this.describedBy('f-duration', true)}
            @input=${(e: Event) => this.setDraft({ duration: (e.target as HTMLInputElement).value })}
          />
          <p id="f-duration-hint" class="hint muted">${t.t('durationHint')}</p>
          ${this.fieldError('f-duration')}
        </div>
      </div>

      <fieldset id="f-format" aria-describedby=${this.describedBy('f-format')}>
        <legend>${t.t('format')}</legend>
        <div class="choices">
          ${SESSION_FORMATS.map(
            (format) => html`<label class="choice">
              <input
                type="radio"
                name="format"
                value=${format}
                .checked=${live(d.format === format)}
                @change=${() => this.setDraft({ format })}
              />
              ${t.t(`format.${format}`)}
            </label>`,
          )}
        </div>
        ${this.fieldError('f-format')}
      </fieldset>

      <fieldset id="f-topics" aria-describedby=${this.describedBy('f-topics')}>
        <legend>${t.t('topics')}</legend>
        <div class="choices">
          ${topics.keys.map(
            (key) => html`<label class="choice">
              <input
                type="checkbox"
                name="topics"
                value=${key}
                .checked=${live(d.topics.includes(key))}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  this.setDraft({
                    topics: on
                      ? [...d.topics.filter((k) => k !== key), key]
                      : d.topics.filter((k) => k !== key),
                  });
                }}
              />
              ${topicLabel(key, t.locale, topics.custom)}
            </label>`,
          )}
        </div>
        ${this.fieldError('f-topics')}
      </fieldset>

      <div class="field">
        <label for="f-summary">${t.t('summary')}</label>
        <p id="f-summary-hint" class="visibility shared">${sharedIcon()}${t.t('sharedWithPartner')}</p>
        <textarea
          id="f-summary"
          rows="4"
          .value=${live(d.summary)}
          aria-invalid=${this.invalid('f-summary')}
          aria-describedby=${this.describedBy('f-summary', true)}
          @input=${(e: Event) => this.setDraft({ summary: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        ${this.fieldError('f-summary')}
      </div>

      <fieldset id="f-actions" aria-describedby="f-actions-hint${this.fieldErrors.has('f-actions') ? ' f-actions-error' : ''}">
        <legend>${t.t('actionItems')}</legend>
        <p id="f-actions-hint" class="visibility shared">${sharedIcon()}${t.t('actionItemsHint')}</p>
        ${d.actionItems.length === 0 ? html`<p class="muted">${t.t('noActionItems')}</p>` : nothing}
        ${d.actionItems.map((row, i) => this.renderActionRow(row, i + 1))}
        <button id="f-ai-add" type="button" @click=${this.addActionItem}>${t.t('addActionItem')}</button>
        ${this.fieldError('f-actions')}
      </fieldset>

      ${
        this.log.presenting() || this.editing
          ? nothing
          : html`<div class="field">
            <label for="f-note">${t.t('privateNote')}</label>
            <p id="f-note-hint" class="visibility private">${lockIcon()}${t.t('onlyYou')}</p>
            <textarea
              id="f-note"
              rows="2"
              .value=${live(d.note)}
              aria-describedby="f-note-hint"
              @input=${(e: Event) => this.setDraft({ note: (e.target as HTMLTextAreaElement).value })}
            ></textarea>
          </div>`
      }

      ${this.notice ? html`<p id="form-notice" class="notice-text" role="alert" tabindex="-1">${this.notice}</p>` : nothing}
      ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      <div class="row">
        <button type="submit" class="primary" ?disabled=${this.saving}>
          ${t.t(this.saving ? 'saving' : this.editing ? 'saveChanges' : 'save')}
        </button>
        <button type="button" @click=${() => this.log.close()}>${t.t('cancel')}</button>
      </div>
    </form>`;
  }

  /** Held or planned; an edited session that is neither (cancelled, missed) may stay so. */
  private statuses(): SessionStatus[] {
    const status = this.editing?.status;
    return status && status !== 'held' && status !== 'planned'
      ? ['held', 'planned', status]
      : ['held', 'planned'];
  }

  /** "Luca (mentor)": the person by name, their role beside it; the role alone without a name. */
  private ownerLabel(role: PairRole): string {
    const name = this.log.data.memberNames[role];
    return name
      ? this.t.t(`owner.${role}`, { name })
      : this.t.t(role === 'mentor' ? 'mentorRole' : 'menteeRole');
  }

  private renderActionRow(row: DraftActionItem, n: number): TemplateResult {
    const t = this.t;
    const textId = `f-ai-${row.key}-text`;
    const ownerId = `f-ai-${row.key}-owner`;
    return html`<div class="action-row">
      <div class="field">
        <label for=${textId}>${t.t('actionItemText', { n })}</label>
        <input
          id=${textId}
          type="text"
          maxlength="500"
          .value=${live(row.text)}
          aria-invalid=${this.invalid(textId)}
          aria-describedby=${this.describedBy(textId)}
          @input=${(e: Event) => this.updateActionItem(row.key, { text: (e.target as HTMLInputElement).value })}
        />
        ${this.fieldError(textId)}
      </div>
      <div class="field">
        <label for=${ownerId}>${t.t('actionItemOwner', { n })}</label>
        <select
          id=${ownerId}
          .value=${live(row.owner)}
          aria-invalid=${this.invalid(ownerId)}
          aria-describedby=${this.describedBy(ownerId)}
          @change=${(e: Event) =>
            this.updateActionItem(row.key, { owner: (e.target as HTMLSelectElement).value as PairRole })}
        >
          ${(['mentor', 'mentee'] as const).map(
            (role) =>
              html`<option value=${role} ?selected=${row.owner === role}>${this.ownerLabel(role)}</option>`,
          )}
        </select>
        ${this.fieldError(ownerId)}
      </div>
      <button
        type="button"
        class="remove"
        aria-label=${t.t('removeActionItem', { n })}
        @click=${() => this.removeActionItem(row.key)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
          <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2"></path>
        </svg>
      </button>
    </div>`;
  }
}
