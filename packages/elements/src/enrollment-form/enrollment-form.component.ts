import { TaskStatus } from '@lit/task';
import type { Enrollment, Program } from '@rm-kit/core';
import { RmConflictError, RmError, RmPreconditionError, RmValidationError } from '@rm-kit/sdk/errors';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { ConfirmDialogController, confirmDialogStyles } from '../base/confirm-dialog.js';
import type { EnrollmentChange } from '../base/events.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import { LazyPart } from '../base/lazy-part.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { statusDotStyles } from '../base/status-dot.styles.js';
import { toError } from '../base/to-error.js';
import type { Draft, FieldErrors } from './enrollment-draft.js';
import { type EnrollmentFormKey, enrollmentFormStrings } from './enrollment-form.strings.js';
import { enrollmentFormStyles } from './enrollment-form.styles.js';
import {
  EnrollmentFormData,
  type EnrollmentView,
  NoPerson,
  type ProgramEntry,
} from './enrollment-form-data.js';
import { type ApplicationShown, renderStatus } from './enrollment-status.js';

type FormPart = typeof import('./enrollment-apply.js');

/** The form being filled in: for which program, a new application or a change to one. */
interface OpenForm {
  programId: string;
  /** Null until the form's module is here to start one. */
  draft: Draft | null;
  editing: boolean;
}

/** What went wrong with the last write to a program's application, said in its section. */
interface Failure {
  programId: string;
  key: EnrollmentFormKey;
  reference: string;
}

/**
 * @tagname rm-enrollment-form
 * @summary Taking part in a program: a person applies as mentor (early career, teaches) or
 * mentee (senior, learns), with the topics offered or wanted, how many mentees a mentor
 * can take on, languages, when they are usually free, and why; then sees the status of the
 * application, changes it while it is under review, and withdraws it.
 *
 * Without `program-id` it shows every program open for enrolment (status `enrolling`), and
 * says so plainly when there is none. Works offline: an application or a change made
 * offline waits in the outbox, badged "Waiting to be sent", and goes out once.
 *
 * @fires rm-enrollment-changed - An application was sent, changed or withdrawn, or the write queued offline; again with `pending: false` once a queued write reaches the server. detail: `{ programId, enrollmentId, status, change, pending }`
 * @fires rm-load - The programs and the viewer's applications finished loading. detail: `{ count, stale }` (count: programs shown)
 * @fires rm-error - Loading or a write failed, or the server refused a queued write. detail: `{ error, action: 'load' | 'enrollments.create' | 'enrollments.update' }`
 *
 * @csspart base - Around everything once loaded.
 * @csspart program - One program's section.
 * @csspart form - The application form.
 * @csspart question - Each group of choices and each field.
 * @csspart submit - The button that sends the application or saves the change.
 * @csspart apply - The button that opens the form, when several programs are open.
 * @csspart application - The viewer's application and its status.
 * @csspart badge - Every badge (also `status` for the application's status).
 * @csspart edit - The "Change my application" button.
 * @csspart withdraw - The "Withdraw my application" button.
 * @csspart dialog - The confirmation dialog before withdrawing.
 * @csspart confirm - The confirming button of the dialog.
 * @csspart notice - The offline notice.
 * @csspart status - The confirmation line ("Application sent"), shown for a few seconds and read out politely.
 * @csspart empty - The sentence shown when no program is open for enrolment.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message.
 * @csspart retry - The "Try again" button of the error message.
 *
 * @cssprop --rm-color-accent - Chosen options, focus and the send button.
 * @cssprop --rm-color-danger - Field errors and the withdraw buttons.
 * @cssprop --rm-color-success - The "accepted" status.
 * @cssprop --rm-color-warning - The offline notice and the "under review" status.
 * @cssprop --rm-color-surface - Background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Hints.
 * @cssprop --rm-color-border - Borders.
 * @cssprop --rm-color-subtle - Options and badges.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmEnrollmentForm extends RmElement {
  static override styles = [baseStyles, confirmDialogStyles, statusDotStyles, enrollmentFormStyles];

  /** One program to apply to (`prg_…`); without it, every program open for enrolment. */
  @property({ attribute: 'program-id', reflect: true }) programId = '';

  @state() private form: OpenForm | null = null;
  @state() private errors: FieldErrors = {};
  @state() private busyFor: string | null = null;
  @state() private failure: Failure | null = null;

  private readonly localize = new LocalizeController(this, enrollmentFormStrings);
  private readonly announcer = new AnnouncerController(this);
  private readonly confirm = new ConfirmDialogController(this);
  /** The form: a module of its own, see enrollment-apply.ts. */
  private readonly formPart = new LazyPart<FormPart>(
    this,
    () =>
      import('./enrollment-apply.js').then((part) => {
        adoptLaterStyles(this, [part.enrollmentFieldsStyles]);
        return part;
      }),
    (error) => this.emit('rm-error', { error: toError(error), action: 'load-part' }),
  );
  private readonly data = new EnrollmentFormData(this, {
    client: () => this.api,
    programId: () => this.programId,
    loaded: (view) => {
      this.emit('rm-load', { count: view.entries.length, stale: view.staleSince !== null });
      // One program open to someone who has not applied: the form is what the element shows.
      const [only, ...others] = view.entries;
      const formShown =
        only && !others.length && !this.shown(only, view) && only.program.status === 'enrolling';
      if (formShown) this.formPart.get().catch(() => undefined);
      else this.formPart.preload();
    },
    failed: (error) => {
      if (!(error instanceof NoPerson)) this.emit('rm-error', { error: toError(error), action: 'load' });
    },
    sent: (operation, enrollment) => {
      // The form's own write says what came of it when it returns.
      if (this.busyFor === enrollment.programId) return;
      void this.data.reload();
      const change: EnrollmentChange =
        operation === 'enrollments.create'
          ? 'applied'
          : enrollment.status === 'withdrawn'
            ? 'withdrawn'
            : 'edited';
      this.emitChange(enrollment.programId, enrollment.id, enrollment.status, change, false);
      void this.announcer.announce(
        this.localize.t(`announce.${change as 'applied' | 'edited' | 'withdrawn'}`),
      );
    },
    refused: (operation, error) => {
      this.emit('rm-error', { error: toError(error), action: operation });
      void this.announcer.announce(
        this.localize.t(operation === 'enrollments.create' ? 'submitFailed' : 'withdrawFailed'),
      );
    },
  });

  private emitChange(
    programId: string,
    enrollmentId: string,
    status: Enrollment['status'],
    change: EnrollmentChange,
    pending: boolean,
  ) {
    this.emit('rm-enrollment-changed', { programId, enrollmentId, status, change, pending });
  }

  // ----- actions -----

  private draftFor(part: FormPart, entry: ProgramEntry, view: EnrollmentView): Draft {
    const open = this.form?.programId === entry.program.id ? this.form : null;
    if (open?.draft) return open.draft;
    return open?.editing && entry.enrollment ? part.draftOf(entry.enrollment) : part.emptyDraft(view.person);
  }

  private set(part: FormPart, entry: ProgramEntry, view: EnrollmentView, changes: Partial<Draft>) {
    const draft = { ...this.draftFor(part, entry, view), ...changes };
    this.form = { programId: entry.program.id, draft, editing: this.form?.editing ?? false };
    const cleared = Object.fromEntries(Object.keys(changes).map((field) => [field, undefined]));
    this.errors = { ...this.errors, ...cleared };
  }

  private async open(entry: ProgramEntry) {
    this.failure = null;
    this.errors = {};
    this.form = { programId: entry.program.id, draft: null, editing: entry.enrollment !== null };
    // Where the form goes, "Try again" if its module could not be fetched.
    await this.formPart.get().catch(() => undefined);
    await this.focusIn(entry.program.id, '.form-title, [part~="retry"]');
  }

  private async close(programId: string, focus: string) {
    this.form = null;
    this.errors = {};
    await this.focusIn(programId, focus);
  }

  private async submit(part: FormPart, event: SubmitEvent, entry: ProgramEntry, view: EnrollmentView) {
    event.preventDefault();
    const programId = entry.program.id;
    if (this.busyFor) return;
    const draft = this.draftFor(part, entry, view);
    const editing = this.form?.programId === programId && this.form.editing;
    const errors = part.draftErrors(draft);
    if (Object.keys(errors).length > 0) {
      // Errors show on the form they belong to, even one sent untouched.
      this.form = { programId, draft, editing };
      await this.showErrors(errors);
      return;
    }
    this.failure = null;
    this.busyFor = programId;
    const action = editing ? 'enrollments.update' : 'enrollments.create';
    try {
      const written =
        editing && entry.enrollment
          ? await this.data.change(entry.enrollment, part.changesOf(draft))
          : await this.data.apply(programId, part.createBody(draft, view.person.id));
      this.emitChange(
        programId,
        written.id,
        written.pending ? 'applied' : written.status,
        editing ? 'edited' : 'applied',
        Boolean(written.pending),
      );
      this.form = null;
      await this.data.reload();
      this.busyFor = null;
      await this.focusIn(programId, '.application-title');
      void this.announcer.announce(
        this.localize.t(
          written.pending ? 'announce.queued' : editing ? 'announce.edited' : 'announce.applied',
        ),
      );
    } catch (error) {
      this.busyFor = null;
      this.emit('rm-error', { error: toError(error), action });
      await this.refused(error, programId, 'submitFailed');
    }
  }

  /** Says why the server refused a write, beside the fields it names or in the program's section. */
  private async refused(error: unknown, programId: string, otherwise: EnrollmentFormKey) {
    const reference = error instanceof RmError ? (error.requestId ?? '') : '';
    if (error instanceof RmValidationError) {
      // Fields named only by a write of the form, whose module is here then.
      const errors = this.formPart.module?.serverErrors(error.issues) ?? {};
      if (Object.keys(errors).length > 0) {
        await this.showErrors(errors);
        return;
      }
      // No field named: the program stopped taking applications meanwhile.
      this.form = null;
      await this.data.reload();
      const now = this.data.view?.entries.find((e) => e.program.id === programId)?.program;
      this.failure = {
        programId,
        key: now && now.status !== 'enrolling' ? 'enrolmentClosed' : otherwise,
        reference,
      };
    } else if (error instanceof RmConflictError || error instanceof RmPreconditionError) {
      // Applied already (another tab, another device), or changed elsewhere: show it as it is.
      this.form = null;
      await this.data.reload();
      this.failure = {
        programId,
        key: error instanceof RmConflictError ? 'alreadyEnrolled' : 'changedElsewhere',
        reference,
      };
    } else {
      this.failure = { programId, key: otherwise, reference };
    }
    await this.focusIn(programId, '.failure');
    void this.announcer.announce(this.localize.t(this.failure.key));
  }

  private async withdraw(entry: ProgramEntry) {
    const enrollment = entry.enrollment;
    if (!enrollment || this.busyFor) return;
    const t = this.localize;
    const yes = await this.confirm.ask({
      title: t.t('withdraw.title'),
      body: t.t('withdraw.body', { program: entry.program.name }),
      keep: t.t('withdraw.keep'),
      confirm: t.t('withdraw.confirm'),
      danger: true,
    });
    if (!yes) return;
    const programId = entry.program.id;
    this.failure = null;
    this.busyFor = programId;
    try {
      const written = await this.data.change(enrollment, { status: 'withdrawn' });
      this.emitChange(programId, enrollment.id, 'withdrawn', 'withdrawn', Boolean(written.pending));
      await this.data.reload();
      this.busyFor = null;
      await this.focusIn(programId, '.application-title');
      void this.announcer.announce(t.t(written.pending ? 'help.pending' : 'announce.withdrawn'));
    } catch (error) {
      this.busyFor = null;
      this.emit('rm-error', { error: toError(error), action: 'enrollments.update' });
      await this.refused(error, programId, 'withdrawFailed');
    }
  }

  private async showErrors(errors: FieldErrors) {
    this.errors = errors;
    await this.updateComplete;
    const first = this.formPart.module?.FIELDS.find((field) => errors[field]);
    if (!first) return;
    const control =
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]:checked`) ??
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`);
    control?.focus();
    const count = Object.values(errors).filter(Boolean).length;
    const form = new Intl.PluralRules(this.localize.locale).select(count) === 'one' ? 'one' : 'other';
    void this.announcer.announce(
      this.localize.t(`errorsFound.${form}`, { count: this.localize.number(count) }),
    );
  }

  /** Focuses what the next render shows in a program's section. */
  private async focusIn(programId: string, selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-program="${programId}"] ${selector}`)?.focus();
  }

  // ----- rendering -----

  protected override render() {
    return html`${this.renderBody()} ${this.confirm.render()}`;
  }

  private renderBody(): TemplateResult {
    const t = this.localize;
    if (!this.api) return noClientState(t);
    const task = this.data.task;
    if (task.status === TaskStatus.ERROR) {
      if (task.error instanceof NoPerson)
        return html`<p part="empty" class="surface muted">${t.t('noPerson')}</p>`;
      return html`<div class="surface">${errorState(t, task.error, () => void task.run())}</div>`;
    }
    const view = this.data.view;
    if (!view) return html`<div class="surface">${loadingState(t, 6)}</div>`;
    if (view.entries.length === 0) return html`<p part="empty" class="surface empty">${t.t('empty')}</p>`;
    return html`<div part="base" class="base">
      ${view.staleSince ? this.renderOffline(view.staleSince) : nothing}
      ${view.entries.map((entry) => this.renderProgram(entry, view))} ${this.announcer.render()}
    </div>`;
  }

  private renderOffline(since: Date): TemplateResult {
    return html`<div part="notice" class="notice" role="status">
      <p>${this.localize.t('offline')}</p>
      <p class="muted"><small>${this.localize.t('stale', { when: this.localize.dateTime(since) })}</small></p>
    </div>`;
  }

  private renderProgram(entry: ProgramEntry, view: EnrollmentView): TemplateResult {
    const { program } = entry;
    const id = program.id;
    return html`<section
      part="program"
      class="program surface"
      data-program=${id}
      aria-labelledby="title-${id}"
    >
      ${this.renderProgramHeader(program)} ${this.renderProgramBody(entry, view)}
      ${this.renderFailure(id)}
    </section>`;
  }

  private renderProgramHeader(program: Program): TemplateResult {
    const t = this.localize;
    const calendar = (day: string) => t.date(day, { dateStyle: 'medium', timeZone: 'UTC' });
    const days = program.cadenceDays;
    const interval =
      days % 7 === 0
        ? t.number(days / 7, { style: 'unit', unit: 'week', unitDisplay: 'long' })
        : t.number(days, { style: 'unit', unit: 'day', unitDisplay: 'long' });
    return html`<header class="program-head">
      <h2 id="title-${program.id}">${program.name}</h2>
      <p class="meta muted">
        <span>${t.t('period', { start: calendar(program.startsOn), end: calendar(program.endsOn) })}</span>
        <span>${t.t('cadence', { interval })}</span>
      </p>
      ${program.description ? html`<p class="description">${program.description}</p>` : nothing}
    </header>`;
  }

  private renderProgramBody(entry: ProgramEntry, view: EnrollmentView): TemplateResult {
    const t = this.localize;
    const id = entry.program.id;
    const busy = this.busyFor === id;
    const open = this.form?.programId === id ? this.form : null;
    const shown = this.shown(entry, view);
    if (shown && !(open?.editing && entry.enrollment)) {
      const sent = entry.enrollment !== null;
      return renderStatus(t, {
        program: entry.program,
        application: shown,
        canEdit: sent && shown.status === 'applied' && entry.program.status === 'enrolling',
        canWithdraw: sent && (shown.status === 'applied' || shown.status === 'accepted'),
        busy,
        edit: () => void this.open(entry),
        withdraw: () => void this.withdraw(entry),
      });
    }
    if (!shown && entry.program.status !== 'enrolling') {
      return html`<p class="closed muted">${t.t('enrolmentClosed')}</p>`;
    }
    // Several programs open: one form at a time, behind a button per program.
    if (!open && view.entries.length > 1) {
      return html`<button
        type="button"
        part="apply"
        class="primary apply"
        @click=${() => void this.open(entry)}
      >
        ${t.t('apply', { program: entry.program.name })}
      </button>`;
    }
    const editing = Boolean(open?.editing && entry.enrollment);
    return this.formPart.render(
      t,
      (part) =>
        part.renderFields(t, {
          program: entry.program,
          person: view.person,
          draft: this.draftFor(part, entry, view),
          errors: open ? this.errors : {},
          editing,
          busy,
          set: (changes) => this.set(part, entry, view, changes),
          submit: (event) => void this.submit(part, event, entry, view),
          ...(editing
            ? { cancel: () => void this.close(id, '.edit') }
            : view.entries.length > 1
              ? { cancel: () => void this.close(id, '.apply') }
              : {}),
        }),
      6,
    );
  }

  /** The application to show: the server's (with a change queued offline over it), or one queued offline. */
  private shown(entry: ProgramEntry, view: EnrollmentView): ApplicationShown | null {
    if (entry.enrollment) {
      const e = entry.enrollment;
      return {
        status: e.status,
        role: e.role,
        topics: e.topics,
        capacity: e.capacity,
        languages: e.languages,
        availability: e.availability,
        motivation: e.motivation,
        pending: entry.changePending,
      };
    }
    const q = entry.queued;
    if (!q) return null;
    return {
      status: 'applied',
      role: q.role,
      topics: q.topics,
      capacity: q.capacity ?? 1,
      languages: q.languages ?? view.person.languages,
      availability: q.availability ?? [],
      motivation: q.motivation ?? '',
      pending: true,
    };
  }

  private renderFailure(programId: string): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (failure?.programId !== programId) return nothing;
    return html`<div class="failure" role="alert" tabindex="-1">
      <p class="error-text">${this.localize.t(failure.key)}</p>
      ${
        failure.reference
          ? html`<p class="muted"><small>${this.localize.t('reference', { id: failure.reference })}</small></p>`
          : nothing
      }
    </div>`;
  }
}
