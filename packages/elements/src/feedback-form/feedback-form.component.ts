import type { Feedback, FeedbackKind, RatingKey } from '@rm-kit/core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { loadOnce, preloadWhenIdle } from '../base/load-once.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import {
  answersFromJson,
  answersOf,
  emptyAnswers,
  FIELDS,
  type FieldErrors,
  firstMissing,
  formValue,
  missingErrors,
} from './feedback-answers.js';
import { feedbackFormStrings } from './feedback-form.strings.js';
import { feedbackFormStyles } from './feedback-form.styles.js';
import {
  type FailureKey,
  type FormHost,
  type FormState,
  initialFormState,
  NO_MESSAGES,
} from './feedback-form-state.js';
import { closedLine, header } from './feedback-header.js';
import { renderQuestions } from './feedback-questions.js';
import type { FeedbackAnsweredView } from './feedback-summary.js';
import { FeedbackTargetController, NoFeedbackHere, type Target } from './feedback-target.js';
import type { FeedbackWriter, Mine } from './feedback-writer.js';

/**
 * Modules of their own, fetched once the browser is idle after the form is shown, so that
 * sending, changing and withdrawing work offline: core's check of an answer (as its schema
 * checks it, without zod), to check answers before they are sent; the writer; and the
 * answered view, fetched at once when the reader has answered already.
 */
const loadFeedbackSchemas = loadOnce(() => import('@rm-kit/core/checks/feedback'));
const loadWriter = loadOnce(() => import('./feedback-writer.js'));
const loadAnsweredView = loadOnce(() => import('./feedback-summary.js'));

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
 * before its end (and after it); before that it says when the next one opens. It goes by
 * the rule the server accepts answers by (core's `feedbackOpenings`, which also opens the
 * final questionnaire once the pair has held a session), so it never offers what the
 * server would refuse; a pair too short for a mid-point is offered the final one as soon
 * as it has met.
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
 * @csspart empty - Without session-id and pair-id, the sentence for a person in no pair now.
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

  /**
   * Feedback on a program phase of this pair: the one open now, or the one `kind` names.
   * Without it (and without `session-id`), the signed-in person's current pair.
   */
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

  @state() private ui: FormState = initialFormState();
  @state() private formDisabled = false;
  /** Created with its module, the first time the reader sends, changes or withdraws. */
  private writer?: FeedbackWriter;
  /** The answered view once its module is here; `viewFailed` when it could not be fetched. */
  private answeredView?: FeedbackAnsweredView;
  private viewFetch?: Promise<void>;
  @state() private viewFailed?: unknown;

  private readonly internals = this.attachInternals();
  private readonly localize = new LocalizeController(this, feedbackFormStrings);
  private readonly announcer = new AnnouncerController(this);

  private readonly data = new FeedbackTargetController(
    this,
    () => ({ api: this.api, sessionId: this.sessionId, pairId: this.pairId, kind: this.kind }),
    {
      loaded: (target) => {
        this.emit('rm-load', { count: 1, stale: target.staleSince !== null });
        preloadWhenIdle(loadAnsweredView, loadWriter, loadFeedbackSchemas);
      },
      failed: (error, action) => this.emit('rm-error', { error: toError(error), action }),
    },
  );

  /** What the writer changes in the form, as it shows what came of a write. */
  private readonly host: FormHost = {
    show: (changes) => this.show(changes),
    target: () => this.data.value,
    kind: () => this.data.value?.kind ?? 'session',
    say: (key, options) => void this.announcer.announce(this.localize.t(key), options),
    emit: (type, detail) => this.emit(type, detail),
    focusOn: (selector) => this.focusOn(selector),
    focusDone: () => this.focusDone(),
    refresh: () => this.data.refresh(),
    showErrors: (errors) => this.showErrors(errors),
  };

  constructor() {
    super();
    // A host form that checks validity (or is submitted) shows the errors beside the fields.
    this.addEventListener('invalid', () => {
      this.show({ errors: this.answering() ? missingErrors(this.ui.answers) : {} });
    });
  }

  // ----- form control -----

  /** The answers as JSON, the shape `POST /v1/pairs/{pairId}/feedback` takes; what a host form submits. */
  get value(): string {
    const answers = this.answering() ? this.ui.answers : answersOf(this.mine()?.feedback as Feedback);
    return formValue(answers, this.about());
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
    this.show({ ...NO_MESSAGES, answers: emptyAnswers() });
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(restored: string | File | FormData | null) {
    const answers = typeof restored === 'string' ? answersFromJson(restored) : null;
    if (answers) this.show({ answers });
  }

  private mine(): Mine | undefined {
    const loaded = this.data.value?.mine;
    return this.writer ? this.writer.mine(loaded) : loaded && { feedback: loaded, pending: false };
  }

  /** Whether the form's controls are what is on show (a new answer, or a change), not the answers. */
  private answering(): boolean {
    return this.ui.mode === 'edit' || !this.mine();
  }

  /** What the answers are about: as loaded, or as the attributes say. */
  private about() {
    const loaded = this.data.value;
    return {
      kind: loaded?.kind ?? (this.sessionId ? 'session' : this.kind),
      sessionId: loaded ? loaded.sessionId : this.sessionId || null,
    };
  }

  private show(changes: Partial<FormState>) {
    this.ui = { ...this.ui, ...changes };
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
      this.ui = initialFormState();
      this.writer?.reset();
      this.announcer.dismiss();
    }
  }

  /** What a host form takes: the value, and whether it may be sent (if not, why, beside which question). */
  protected override updated() {
    this.internals.setFormValue(this.value);
    const missing = this.answering() ? firstMissing(this.ui.answers) : undefined;
    if (!missing) return this.internals.setValidity({});
    const anchor = this.renderRoot.querySelector<HTMLElement>(`input[name="${missing.field}"]`);
    this.internals.setValidity({ valueMissing: true }, this.localize.t(missing.error), anchor ?? undefined);
  }

  // ----- actions -----

  private choose(field: RatingKey | 'recommend', value: number) {
    const { answers, errors } = this.ui;
    this.show({
      answers:
        field === 'recommend'
          ? { ...answers, recommend: value }
          : { ...answers, ratings: { ...answers.ratings, [field]: value } },
      errors: { ...errors, [field]: undefined },
    });
  }

  private write(field: 'learned' | 'improve', value: string) {
    this.show({
      answers: { ...this.ui.answers, [field]: value },
      errors: { ...this.ui.errors, [field]: undefined },
    });
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.noSubmit) {
      // Enter inside the element submits the host form, as it would for a native control.
      this.internals.form?.requestSubmit();
      return;
    }
    const target = this.data.value;
    if (!target || !this.api || this.writer?.busy) return;
    const current = this.ui.mode === 'edit' ? this.ui.changing : undefined;
    const [schemas, writer] = await Promise.all([loadFeedbackSchemas(), this.loadWriter()]).catch(
      (error: unknown) => [this.partFailed(error, current ? 'changeFailed' : 'submitFailed')],
    );
    if (!schemas || !writer) return;
    await writer.send(schemas, target, this.ui.answers, this.about(), current);
  }

  private async startChange() {
    const mine = this.mine();
    if (!mine) return;
    this.show({
      ...NO_MESSAGES,
      answers: answersOf(mine.feedback),
      changing: mine.feedback,
      notice: '',
      mode: 'edit',
    });
    await this.focusOn('input[name="usefulness"]:checked');
  }

  /** Back to the answers from a change or a withdrawal not confirmed, onto the button that left them. */
  private async backToAnswers(button: 'change' | 'withdraw') {
    this.show({ ...NO_MESSAGES, mode: 'view' });
    await this.focusOn(`[part="${button}"]`);
  }

  private async askWithdraw() {
    this.show({ ...NO_MESSAGES, notice: '', mode: 'confirm' });
    // The safe choice first: Enter on a stray key press keeps the answers.
    await this.focusOn('.keep');
  }

  private async confirmWithdraw() {
    const mine = this.mine();
    const writer = await this.loadWriter().catch((error: unknown) =>
      this.partFailed(error, 'withdrawFailed'),
    );
    if (mine && writer) await writer.withdraw(mine.feedback);
  }

  /** The writer, with its module (here already, unless the idle-time fetch has not ended). */
  private async loadWriter(): Promise<FeedbackWriter> {
    const { FeedbackWriter } = await loadWriter();
    this.writer ??= new FeedbackWriter(this, () => this.api, this.host);
    return this.writer;
  }

  /** The answered view, with its module; while it is on its way the form shows its skeleton. */
  private loadAnsweredView(): Promise<void> {
    this.viewFetch ??= loadAnsweredView().then(
      ({ FeedbackAnsweredView }) => {
        this.answeredView ??= new FeedbackAnsweredView(this);
        this.requestUpdate();
      },
      (error: unknown) => {
        this.viewFetch = undefined;
        this.viewFailed = error;
        this.emit('rm-error', { error: toError(error), action: 'load-part' });
      },
    );
    return this.viewFetch;
  }

  /**
   * A module an action needs never arrived (the network went away before it did): the
   * answers stay, and the reader is told, on screen and aloud, that it was not sent.
   */
  private partFailed(error: unknown, key: FailureKey): undefined {
    this.emit('rm-error', { error: toError(error), action: 'load-part' });
    this.show({ submitError: key, submitReference: '' });
    void this.announcer.announce(this.localize.t(key));
    return undefined;
  }

  private async showErrors(errors: FieldErrors) {
    this.show({ errors });
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

  /** Once the answered view is shown (its module may still be on its way), its heading takes the focus. */
  private async focusDone() {
    await this.loadAnsweredView();
    await this.focusOn('.done-heading');
  }

  /** Focuses what the next render shows. */
  private async focusOn(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
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
        ? html`<p part=${error.reason === 'noPair' ? 'empty' : 'error'} class="plain">${this.localize.t(error.reason)}</p>`
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
    if (!mine || this.ui.mode === 'edit') return this.renderForm(target);
    const view = this.answeredView;
    if (!view) {
      if (this.viewFailed) {
        return errorState(t, this.viewFailed, () => {
          this.viewFailed = undefined;
          void this.loadAnsweredView();
        });
      }
      void this.loadAnsweredView();
      return loadingState(t, 6);
    }
    if (this.writer?.withdrawn?.pending) return html`${top}${view.withdrawing()}`;
    return html`${top}${view.done({
      target,
      mine,
      heading: t.t(this.ui.outcome ?? `answered.${target.kind}`),
      notice: this.ui.notice ? t.t(this.ui.notice) : '',
      confirming: this.ui.mode === 'confirm',
      busy: this.writer?.busy ?? false,
      readOnly: this.noSubmit,
      submitError: this.renderSubmitError(),
      change: () => void this.startChange(),
      withdraw: () => void this.askWithdraw(),
      keep: () => void this.backToAnswers('withdraw'),
      confirm: () => void this.confirmWithdraw(),
    })}`;
  }

  private renderForm(target: Target | undefined): TemplateResult {
    const t = this.localize;
    const kind = target?.kind ?? (this.sessionId ? 'session' : (this.kind ?? 'session'));
    const { answers, errors, notice, mode } = this.ui;
    const editing = mode === 'edit';
    return html`${header(t, target, kind, this.data.refreshFailed)}
      ${notice ? html`<p class="plain notice-line">${t.t(notice)}</p>` : nothing}
      ${editing ? html`<p class="plain">${t.t('editing')}</p>` : nothing}
      ${renderQuestions(t, {
        target,
        kind,
        answers,
        errors,
        inactive: this.formDisabled || Boolean(this.writer?.busy),
        busy: this.writer?.busy ?? false,
        editing,
        noSubmit: this.noSubmit,
        submitError: this.renderSubmitError(),
        submit: (event) => void this.submit(event),
        choose: (field, value) => this.choose(field, value),
        write: (field, value) => this.write(field, value),
        share: (checked) => this.show({ answers: { ...this.ui.answers, shareWithPartner: checked } }),
        cancel: () => void this.backToAnswers('change'),
      })}`;
  }

  private renderSubmitError() {
    const { submitError, submitReference } = this.ui;
    if (!submitError) return nothing;
    return html`<div role="alert" class="submit-error">
      <p class="error-text">${this.localize.t(submitError)}</p>
      ${
        submitReference
          ? html`<p class="muted"><small>${this.localize.t('reference', { id: submitReference })}</small></p>`
          : nothing
      }
    </div>`;
  }
}
