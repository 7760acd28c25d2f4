import type { Feedback, FeedbackKind, Issue, RatingKey } from '@rm-kit/core';
import { RATING_KEYS } from '@rm-kit/core/vocabulary';
import { RmError, RmNotFoundError, RmValidationError } from '@rm-kit/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { loadOnce, preloadWhenIdle } from '../base/load-once.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import {
  type Answers,
  answersFromJson,
  answersOf,
  emptyAnswers,
  FIELDS,
  type FieldErrors,
  fieldErrors,
  missingErrors,
} from './feedback-answers.js';
import { feedbackFormStrings } from './feedback-form.strings.js';
import { feedbackFormStyles } from './feedback-form.styles.js';
import { closedLine, header } from './feedback-header.js';
import { renderQuestions } from './feedback-questions.js';
import { renderDone, renderWithdrawing } from './feedback-summary.js';
import { FeedbackTargetController, NoFeedbackHere, type Target } from './feedback-target.js';
import {
  type FeedbackWrite,
  FeedbackWriter,
  type Mine,
  overtaken,
  type WriteOutcome,
} from './feedback-writer.js';

/**
 * Core's feedback schema (and zod), to check answers before they are sent: a module of its
 * own, fetched once the browser is idle after the form is shown, so sending works offline.
 */
const loadFeedbackSchemas = loadOnce(() => import('@rm-kit/core/schemas/feedback'));

type Outcome = 'thanks' | 'thanksOffline' | 'changed' | 'changedOffline';
type Notice = 'changedElsewhere' | 'withdrawnElsewhere' | 'withdrawn' | '';

/**
 * @tagname rm-feedback-form
 * @summary One side's feedback on a session, or on the program at its mid-point or end:
 * three 1-5 ratings, a 0-10 recommendation, what I learned, what to improve, and whether
 * the other person may read it. Once answered it shows the answers, the other person's
 * beside them when they shared theirs, and lets the author change or withdraw them. Works
 * offline, and inside a host `<form>` as a form control.
 *
 * With `pair-id` and no `kind`, the form picks the program phase that is open: the
 * mid-point questionnaire from halfway through the pair, the final one from two cadences
 * before its end (and after it); before that it says when the next one opens.
 *
 * @fires rm-feedback-submitted - An answer was saved or changed, or queued offline (`pending: true`);
 *   fired again with `pending: false` once a queued write reaches the server. detail: { feedback, pending }
 * @fires rm-feedback-withdrawn - The author withdrew their answer, or the withdrawal was queued offline;
 *   fired again with `pending: false` once it reaches the server. detail: { feedbackId, pending }
 * @fires rm-load - What the form is about finished loading (or reloading). detail: `{ count: 1, stale }`
 * @fires rm-error - Loading or saving failed, or the server refused a write queued offline. detail: { error, action }
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading: which session or phase the feedback is about.
 * @csspart privacy - The sentence that says who will see the answers.
 * @csspart notice - The offline notice, and the line saying the answers may be out of date.
 * @csspart question - Each radio group (fieldset) and each text field.
 * @csspart option - Each rating option (a label around a native radio button).
 * @csspart submit - The submit button (send, or save changes).
 * @csspart done - The answered state (after submitting, or when already answered).
 * @csspart summary - A list of answers in the answered state: the reader's, and the other person's.
 * @csspart sharing - The line under the reader's answers saying who sees them.
 * @csspart partner - The other person's answers, or the line saying when they will appear.
 * @csspart change - The "Change my answers" button.
 * @csspart withdraw - The "Withdraw my answers" button, and the confirming one.
 * @csspart loading - The loading skeleton.
 * @csspart status - The confirmation line ("Thank you"), shown for a few seconds and read out politely.
 * @csspart error - The error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssprop --rm-color-accent - Selected ratings, focus and the submit button.
 * @cssprop --rm-color-surface - Card background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Hints and scale ends.
 * @cssprop --rm-color-border - Card and option borders.
 * @cssprop --rm-color-subtle - Option and notice backgrounds.
 * @cssprop --rm-color-danger - Field errors and the withdraw button.
 * @cssprop --rm-color-warning - The offline notice and pending badge.
 * @cssprop --rm-color-success - The saved state.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmFeedbackForm extends RmElement {
  static override styles = [...RmElement.styles, feedbackFormStyles];
  static formAssociated = true;

  /** Feedback on this session (kind `session`); its pair is read from the session. */
  @property({ attribute: 'session-id' }) sessionId = '';

  /** Feedback on a program phase of this pair: the one open now, or the one `kind` names. */
  @property({ attribute: 'pair-id' }) pairId = '';

  /** `midpoint` or `final`, with `pair-id`, to ask that phase whatever the dates. Ignored when `session-id` is set. */
  @property() kind?: Exclude<FeedbackKind, 'session'>;

  /** The name the answers are submitted under in a host `<form>` (as JSON). */
  @property({ reflect: true }) name = '';

  /**
   * Only a form control: no submit button and no call to the server; a host `<form>` takes
   * the value. Without a client it shows the form straight away.
   */
  @property({ type: Boolean, attribute: 'no-submit', reflect: true }) noSubmit = false;

  @state() private answers: Answers = emptyAnswers();
  @state() private errors: FieldErrors = {};
  @state() private submitError = '';
  /** The request id of a refusal, for the reader to quote to whoever runs the program. */
  @state() private submitReference = '';
  /** What the answered view's heading says after a write in this visit. */
  @state() private outcome?: Outcome;
  @state() private notice: Notice = '';
  @state() private mode: 'view' | 'edit' | 'confirm' = 'view';
  /** The answer as it was when "Change" was pressed: its version goes as If-Match, whatever arrives meanwhile. */
  private changing?: Feedback;
  @state() private formDisabled = false;

  private readonly internals: ElementInternals;
  private readonly localize = new LocalizeController(this, feedbackFormStrings);
  private readonly announcer = new AnnouncerController(this);

  private readonly data = new FeedbackTargetController(
    this,
    () => ({ api: this.api, sessionId: this.sessionId, pairId: this.pairId, kind: this.kind }),
    {
      loaded: (target) => {
        this.emit('rm-load', { count: 1, stale: target.staleSince !== null });
        preloadWhenIdle(loadFeedbackSchemas);
      },
      failed: (error, action) => this.emit('rm-error', { error: toError(error), action }),
    },
  );

  private readonly writer = new FeedbackWriter(this, () => this.api, {
    written: (outcome) => void this.written(outcome),
    failed: (operation, error, late, refused) => void this.failed(operation, error, late, refused),
  });

  constructor() {
    super();
    this.internals = this.attachInternals();
    // A host form that checks validity (or is submitted) shows the errors beside the fields.
    this.addEventListener('invalid', () => {
      this.errors = this.answering() ? missingErrors(this.answers) : {};
    });
  }

  // ----- form control -----

  /** The answers as JSON, the shape `POST /v1/pairs/{pairId}/feedback` takes; what a host form submits. */
  get value(): string {
    const answers = this.answering() ? this.answers : answersOf(this.mine()?.feedback as Feedback);
    const body = this.body(answers);
    // Explicit nulls for what is not chosen yet, so the JSON always has the same keys.
    return JSON.stringify({
      ...body,
      kind: body.kind ?? null,
      ratings: Object.fromEntries(RATING_KEYS.map((key) => [key, answers.ratings[key] ?? null])),
      recommend: answers.recommend,
    });
  }

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  formResetCallback() {
    this.answers = emptyAnswers();
    this.clearMessages();
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(restored: string | File | FormData | null) {
    const answers = typeof restored === 'string' ? answersFromJson(restored) : null;
    if (answers) this.answers = answers;
  }

  private mine(): Mine | undefined {
    return this.writer.mine(this.data.value?.mine);
  }

  /** Whether the form's controls are what is on show (a new answer, or a change), not the answers. */
  private answering(): boolean {
    return this.mode === 'edit' || !this.mine();
  }

  /** The body of the create call, from the answers; a rating not chosen is left out. */
  private body(answers: Answers) {
    const loaded = this.data.value;
    return {
      kind: loaded?.kind ?? (this.sessionId ? 'session' : this.kind),
      sessionId: loaded ? loaded.sessionId : this.sessionId || null,
      ratings: { ...answers.ratings },
      recommend: answers.recommend ?? undefined,
      learned: answers.learned,
      improve: answers.improve,
      shareWithPartner: answers.shareWithPartner,
    };
  }

  private syncFormState() {
    this.internals.setFormValue(this.value);
    const errors = this.answering() ? missingErrors(this.answers) : {};
    const missing = FIELDS.find((field) => errors[field]);
    const key = missing && errors[missing];
    if (!missing || !key) {
      this.internals.setValidity({});
      return;
    }
    const anchor = this.renderRoot.querySelector<HTMLInputElement>(`input[name="${missing}"]`);
    this.internals.setValidity({ valueMissing: true }, this.localize.t(key), anchor ?? undefined);
  }

  private clearMessages() {
    this.errors = {};
    this.submitError = '';
    this.submitReference = '';
  }

  // ----- life cycle -----

  protected override willUpdate(changed: PropertyValues<this>) {
    // Another target is another form; the first render (or a restored form state) is left alone.
    const retargeted = (['sessionId', 'pairId', 'kind'] as const).some(
      (key) => changed.get(key) !== undefined,
    );
    // Another client is (maybe) another person: never show one person's answers to the next.
    const previous = changed as Map<PropertyKey, unknown>;
    const resigned = ['client', 'providedClient'].some((key) => previous.get(key) !== undefined);
    if (retargeted || resigned) {
      this.answers = emptyAnswers();
      this.clearMessages();
      this.writer.reset();
      this.outcome = undefined;
      this.notice = '';
      this.mode = 'view';
      this.announcer.dismiss();
    }
  }

  protected override updated() {
    this.syncFormState();
  }

  // ----- actions -----

  private choose(field: RatingKey | 'recommend', value: number) {
    this.answers =
      field === 'recommend'
        ? { ...this.answers, recommend: value }
        : { ...this.answers, ratings: { ...this.answers.ratings, [field]: value } };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private write(field: 'learned' | 'improve', value: string) {
    this.answers = { ...this.answers, [field]: value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.noSubmit) {
      // Enter inside the element submits the host form, as it would for a native control.
      this.internals.form?.requestSubmit();
      return;
    }
    const target = this.data.value;
    if (!target || !this.api || this.writer.busy) return;
    const current = this.mode === 'edit' ? this.changing : undefined;
    let schemas: Awaited<ReturnType<typeof loadFeedbackSchemas>>;
    try {
      schemas = await loadFeedbackSchemas();
    } catch (error) {
      // The validation module never arrived (the server went away first): say so, keep the answers.
      this.emit('rm-error', { error: toError(error), action: 'load-part' });
      this.submitError = this.localize.t(current ? 'changeFailed' : 'submitFailed');
      void this.announcer.announce(this.submitError);
      return;
    }
    // A change is checked against the same rules as a new answer: it replaces every field.
    const parsed = schemas.feedbackCreateSchema.safeParse(this.body(this.answers));
    if (!parsed.success) {
      await this.showErrors(fieldErrors(parsed.error.issues));
      return;
    }
    this.clearMessages();
    this.notice = '';
    if (!current) {
      await this.writer.create(target, parsed.data);
      return;
    }
    const { ratings, recommend, learned, improve, shareWithPartner } = parsed.data;
    await this.writer.change(current, { ratings, recommend, learned, improve, shareWithPartner });
  }

  private async startChange() {
    const mine = this.mine();
    if (!mine) return;
    this.answers = answersOf(mine.feedback);
    this.changing = mine.feedback;
    this.clearMessages();
    this.notice = '';
    this.mode = 'edit';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('input[name="usefulness"]:checked')?.focus();
  }

  private async cancelChange() {
    this.clearMessages();
    this.mode = 'view';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="change"]')?.focus();
  }

  private async askWithdraw() {
    this.clearMessages();
    this.notice = '';
    this.mode = 'confirm';
    await this.updateComplete;
    // The safe choice first: Enter on a stray key press keeps the answers.
    this.renderRoot.querySelector<HTMLElement>('.keep')?.focus();
  }

  private async keepAnswers() {
    this.clearMessages();
    this.mode = 'view';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="withdraw"]')?.focus();
  }

  private confirmWithdraw() {
    const mine = this.mine();
    if (mine) void this.writer.withdraw(mine.feedback);
  }

  private async written({ operation, feedback, id, pending, late }: WriteOutcome) {
    this.mode = 'view';
    if (operation === 'feedback.remove') {
      this.answers = emptyAnswers();
      this.outcome = undefined;
      this.notice = pending ? '' : 'withdrawn';
      this.emit('rm-feedback-withdrawn', { feedbackId: id, pending });
      void this.announcer.announce(this.localize.t(pending ? 'withdrawnOffline' : 'withdrawn'));
      await this.updateComplete;
      if (!late) this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
      return;
    }
    if (!feedback) return;
    const created = operation === 'feedback.create';
    if (late) {
      this.outcome = created ? 'thanks' : 'changed';
    } else {
      this.outcome = created
        ? pending
          ? 'thanksOffline'
          : 'thanks'
        : pending
          ? 'changedOffline'
          : 'changed';
    }
    this.emit('rm-feedback-submitted', { feedback, pending });
    void this.announcer.announce(this.localize.t(late ? (created ? 'sent' : 'changesSent') : this.outcome));
    await this.updateComplete;
    if (!late) this.focusDone();
  }

  private async failed(operation: FeedbackWrite, error: Error, late: boolean, refused?: Feedback) {
    this.emit('rm-error', { error, action: operation });
    if (overtaken(error)) {
      // Changed, withdrawn or answered elsewhere first: show the answer as it is now.
      this.mode = 'view';
      this.clearMessages();
      this.outcome = undefined;
      this.notice = '';
      await this.data.refresh();
      // Said once the answers as they are now are on show, not over the old ones.
      this.notice =
        operation === 'feedback.create'
          ? ''
          : error instanceof RmNotFoundError
            ? 'withdrawnElsewhere'
            : 'changedElsewhere';
      await this.updateComplete;
      this.focusDone();
      const kind = this.data.value?.kind ?? 'session';
      void this.announcer.announce(this.localize.t(this.notice || `answered.${kind}`));
      return;
    }
    if (!late && error instanceof RmValidationError && operation !== 'feedback.remove') {
      const errors = fieldErrors(error.issues as Issue[]);
      if (Object.keys(errors).length > 0) {
        await this.showErrors(errors);
        return;
      }
    }
    if (late && refused) {
      // The refused answer goes back into the form, to be corrected and sent again.
      this.answers = answersOf(refused);
      this.changing = this.data.value?.mine;
      this.mode = operation === 'feedback.update' && this.changing ? 'edit' : 'view';
    }
    // The server's own message is English and for developers: the reader gets a sentence in
    // their language, and the request id to quote.
    this.submitError = this.localize.t(
      late && operation !== 'feedback.remove'
        ? 'syncRefused'
        : operation === 'feedback.create'
          ? 'submitFailed'
          : operation === 'feedback.update'
            ? 'changeFailed'
            : 'withdrawFailed',
    );
    this.submitReference = error instanceof RmError ? (error.requestId ?? '') : '';
    void this.announcer.announce(this.submitError);
  }

  private async showErrors(errors: FieldErrors) {
    this.errors = errors;
    await this.updateComplete;
    const first = FIELDS.find((field) => errors[field]);
    if (!first) return;
    const control =
      this.renderRoot.querySelector<HTMLElement>(`input[name="${first}"]:checked`) ??
      this.renderRoot.querySelector<HTMLElement>(`[name="${first}"]`);
    control?.focus();
    const count = Object.values(errors).filter(Boolean).length;
    const form = new Intl.PluralRules(this.localize.locale).select(count) === 'one' ? 'one' : 'other';
    void this.announcer.announce(
      this.localize.t(`errorsFound.${form}`, { count: this.localize.number(count) }),
    );
  }

  private focusDone() {
    this.renderRoot.querySelector<HTMLElement>('.done-heading')?.focus();
  }

  // ----- rendering -----

  protected override render() {
    return html`<section part="base" class="surface" aria-labelledby="title">${this.renderBody()}</section>
      ${this.announcer.render()}`;
  }

  private renderBody(): TemplateResult {
    if (!this.api) return this.noSubmit ? this.renderForm(undefined) : noClientState(this.localize);
    const { status, value, error } = this.data;
    if (status === 'error') {
      return error instanceof NoFeedbackHere
        ? html`<p part="error" class="plain">${this.localize.t(error.reason)}</p>`
        : errorState(this.localize, error, () => void this.data.reload());
    }
    if (status !== 'ready') return loadingState(this.localize, 6);
    return value ? this.renderTarget(value) : noClientState(this.localize);
  }

  private renderTarget(target: Target): TemplateResult {
    const t = this.localize;
    const top = header(t, target, target.kind, this.data.refreshFailed);
    if (target.closed) return html`${top}<p class="plain">${closedLine(t, target.closed)}</p>`;
    const mine = this.mine();
    if (target.session && target.session.status !== 'held' && !mine) {
      return html`${top}<p class="plain">${t.t('notHeld')}</p>`;
    }
    if (this.writer.withdrawn?.pending) return html`${top}${renderWithdrawing(t)}`;
    if (!mine || this.mode === 'edit') return this.renderForm(target);
    return html`${top}${renderDone(t, {
      target,
      mine,
      heading: t.t(this.outcome ?? `answered.${target.kind}`),
      notice: this.notice ? t.t(this.notice) : '',
      confirming: this.mode === 'confirm',
      busy: this.writer.busy,
      readOnly: this.noSubmit,
      submitError: this.renderSubmitError(),
      change: () => void this.startChange(),
      withdraw: () => void this.askWithdraw(),
      keep: () => void this.keepAnswers(),
      confirm: () => this.confirmWithdraw(),
    })}`;
  }

  private renderForm(target: Target | undefined): TemplateResult {
    const t = this.localize;
    const kind = target?.kind ?? (this.sessionId ? 'session' : (this.kind ?? 'session'));
    const editing = this.mode === 'edit';
    return html`${header(t, target, kind, this.data.refreshFailed)}
      ${this.notice ? html`<p class="plain notice-line">${t.t(this.notice)}</p>` : nothing}
      ${editing ? html`<p class="plain">${t.t('editing')}</p>` : nothing}
      ${renderQuestions(t, {
        target,
        kind,
        answers: this.answers,
        errors: this.errors,
        inactive: this.formDisabled || this.writer.busy,
        busy: this.writer.busy,
        editing,
        noSubmit: this.noSubmit,
        submitError: this.renderSubmitError(),
        submit: (event) => void this.submit(event),
        choose: (field, value) => this.choose(field, value),
        write: (field, value) => this.write(field, value),
        share: (checked) => {
          this.answers = { ...this.answers, shareWithPartner: checked };
        },
        cancel: () => void this.cancelChange(),
      })}`;
  }

  private renderSubmitError() {
    if (!this.submitError) return nothing;
    return html`<div role="alert" class="submit-error">
      <p class="error-text">${this.submitError}</p>
      ${
        this.submitReference
          ? html`<p class="muted"><small>${this.localize.t('reference', { id: this.submitReference })}</small></p>`
          : nothing
      }
    </div>`;
  }
}
