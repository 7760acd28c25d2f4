import { Task } from '@lit/task';
import type { Feedback, FeedbackKind, Issue, PairRole, RatingKey, Session } from '@rm-kit/core';
import { DEFAULT_MIN_AGGREGATE_GROUP, RATING_KEYS } from '@rm-kit/core/vocabulary';
import { isStale, RmConflictError, RmError, RmValidationError, staleSince } from '@rm-kit/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { ClientEventsController } from '../base/client-events.js';
import { loadOnce, preloadWhenIdle } from '../base/load-once.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { feedbackFormStrings } from './feedback-form.strings.js';
import { feedbackFormStyles } from './feedback-form.styles.js';

/**
 * Core's feedback schema (and zod), to check answers before they are sent: a module of its
 * own, fetched once the browser is idle after the form is shown, so sending works offline.
 */
const loadFeedbackSchemas = loadOnce(() => import('@rm-kit/core/schemas/feedback'));

/** What the person has chosen and written so far; a rating not chosen yet is absent. */
interface Answers {
  ratings: Partial<Record<RatingKey, number>>;
  recommend: number | null;
  learned: string;
  improve: string;
  shareWithPartner: boolean;
}

type Field = RatingKey | 'recommend' | 'learned' | 'improve';
type ErrorKey = 'error.rating' | 'error.recommend' | 'error.tooLong';

/** The order a person meets the questions in: the first invalid one gets the focus. */
const FIELDS: readonly Field[] = [...RATING_KEYS, 'recommend', 'learned', 'improve'];
const TEXT_MAX = 4000;

const emptyAnswers = (): Answers => ({
  ratings: {},
  recommend: null,
  learned: '',
  improve: '',
  shareWithPartner: false,
});

const answersOf = (feedback: Feedback): Answers => ({
  ratings: { ...feedback.ratings },
  recommend: feedback.recommend,
  learned: feedback.learned,
  improve: feedback.improve,
  shareWithPartner: feedback.shareWithPartner,
});

/** What the feedback is about, and what the caller already said about it. */
interface Target {
  pairId: string;
  kind: FeedbackKind;
  sessionId: string | null;
  session?: Session;
  role: PairRole;
  /** The other member of the pair, whom the questions and the privacy sentence name; null if unreadable. */
  otherName: string | null;
  /** The caller's own answer, when they have already given it. */
  mine?: Feedback;
  minGroup: number;
  /** Set when a read came from the offline cache: when it was last fetched. */
  staleSince: Date | null;
}

/** Why there is nothing to answer, said in a plain sentence rather than as an error. */
class NoFeedbackHere extends Error {
  constructor(readonly reason: 'notInPair' | 'missingTarget') {
    super(reason);
  }
}

/** Which field a contract issue is about, and the sentence that tells the person what to do. */
function fieldErrors(issues: readonly { path: readonly PropertyKey[] }[]): Partial<Record<Field, ErrorKey>> {
  const errors: Partial<Record<Field, ErrorKey>> = {};
  for (const { path } of issues) {
    const [head, sub] = path;
    if (head === 'ratings') {
      const keys = RATING_KEYS.includes(sub as RatingKey) ? [sub as RatingKey] : RATING_KEYS;
      for (const key of keys) errors[key] = 'error.rating';
    } else if (head === 'recommend') errors.recommend = 'error.recommend';
    else if (head === 'learned' || head === 'improve') errors[head] = 'error.tooLong';
  }
  return errors;
}

/**
 * @tagname rm-feedback-form
 * @summary One side's feedback on a session, or on the program at its mid-point or end:
 * three 1-5 ratings, a 0-10 recommendation, what I learned, what to improve, and whether
 * the partner may read it. Works offline, and inside a host `<form>` as a form control.
 *
 * @fires rm-feedback-submitted - The answer was saved, or queued offline (`pending: true`);
 *   fired again with `pending: false` once a queued answer reaches the server. detail: { feedback, pending }
 * @fires rm-load - What the form is about finished loading. detail: `{ count: 1, stale }`
 * @fires rm-error - Loading or saving failed, or the server refused an answer queued offline. detail: { error, action }
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading: which session or phase the feedback is about.
 * @csspart privacy - The sentence that says who will see the answers.
 * @csspart notice - The offline notice.
 * @csspart question - Each radio group (fieldset) and each text field.
 * @csspart option - Each rating option (a label around a native radio button).
 * @csspart submit - The submit button.
 * @csspart done - The saved state (after submitting, or when already answered).
 * @csspart summary - The list of answers in the saved state.
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
 * @cssprop --rm-color-danger - Field errors.
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

  /** With `kind`: feedback on a program phase of this pair. */
  @property({ attribute: 'pair-id' }) pairId = '';

  /** `midpoint` or `final`, with `pair-id`. Ignored when `session-id` is set. */
  @property() kind?: Exclude<FeedbackKind, 'session'>;

  /** The name the answers are submitted under in a host `<form>` (as JSON). */
  @property({ reflect: true }) name = '';

  /**
   * Only a form control: no submit button and no call to the server; a host `<form>` takes
   * the value. Without a client it shows the form straight away.
   */
  @property({ type: Boolean, attribute: 'no-submit', reflect: true }) noSubmit = false;

  @state() private answers: Answers = emptyAnswers();
  @state() private errors: Partial<Record<Field, ErrorKey>> = {};
  @state() private submitting = false;
  @state() private submitError = '';
  /** The request id of a refusal, for the reader to quote to whoever runs the program. */
  @state() private submitReference = '';
  /** What was saved in this visit, and whether it still waits in the outbox. */
  @state() private saved?: { feedback: Feedback; pending: boolean };
  @state() private formDisabled = false;

  private readonly internals: ElementInternals;
  private readonly localize = new LocalizeController(this, feedbackFormStrings);
  private readonly announcer = new AnnouncerController(this);

  constructor() {
    super();
    this.internals = this.attachInternals();
    // A host form that checks validity (or is submitted) shows the errors beside the fields.
    this.addEventListener('invalid', () => {
      this.errors = this.missingErrors();
    });
  }

  private readonly target = new Task(this, {
    args: () => [this.api, this.sessionId, this.pairId, this.kind] as const,
    task: async ([api, sessionId, pairId, kind], { signal }): Promise<Target | undefined> => {
      if (!api) return undefined;
      if (!sessionId && !(pairId && kind)) throw new NoFeedbackHere('missingTarget');
      const [me, session] = await Promise.all([
        api.me.get({ signal }),
        sessionId ? api.sessions.get(sessionId, { signal }) : undefined,
      ]);
      // A session names its pair; a phase is named by the attributes.
      const id = session?.pairId ?? pairId;
      const which: FeedbackKind = session ? 'session' : (kind as FeedbackKind);
      const about = session?.id ?? null;
      const pair = me.pairs.find((p) => p.id === id);
      if (!me.person || !pair) throw new NoFeedbackHere('notInPair');
      const personId = me.person.id;
      const role: PairRole = pair.mentorId === personId ? 'mentor' : 'mentee';
      const [answers, organization, other] = await Promise.all([
        api.feedback.page(id, { kind: which, sessionId: about ?? undefined, limit: 100 }, { signal }),
        // Reading the organisation's setting is a nicety: without it the default applies.
        api.organization.get({ signal }).catch(() => undefined),
        // So is the other person's name: without it the form says "the other person".
        api.people.get(role === 'mentor' ? pair.menteeId : pair.mentorId, { signal }).catch(() => undefined),
      ]);
      const stale = [me, session, answers, organization].find((value) => value && isStale(value));
      return {
        pairId: id,
        kind: which,
        sessionId: about,
        session,
        role,
        otherName: other?.displayName ?? null,
        mine: answers.items.find((f) => f.authorId === personId),
        minGroup: organization?.settings.minAggregateGroupSize ?? DEFAULT_MIN_AGGREGATE_GROUP,
        staleSince: stale ? staleSince(stale) : null,
      };
    },
    onComplete: (target) => {
      if (!target) return;
      this.emit('rm-load', { count: 1, stale: target.staleSince !== null });
      preloadWhenIdle(loadFeedbackSchemas);
    },
    onError: (error) => {
      if (!(error instanceof NoFeedbackHere))
        this.emit('rm-error', { error: toError(error), action: 'load' });
    },
  });

  // ----- form control -----

  /** The answers as JSON, the shape `POST /v1/pairs/{pairId}/feedback` takes; what a host form submits. */
  get value(): string {
    const answers = this.shownAnswers();
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
    this.errors = {};
    this.submitError = '';
    this.submitReference = '';
  }

  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(restored: string | File | FormData | null) {
    if (typeof restored !== 'string') return;
    try {
      const body = JSON.parse(restored) as Partial<Answers> & { ratings?: Record<string, number | null> };
      this.answers = {
        ratings: Object.fromEntries(
          RATING_KEYS.flatMap((key) =>
            typeof body.ratings?.[key] === 'number' ? [[key, body.ratings[key]]] : [],
          ),
        ),
        recommend: typeof body.recommend === 'number' ? body.recommend : null,
        learned: typeof body.learned === 'string' ? body.learned : '',
        improve: typeof body.improve === 'string' ? body.improve : '',
        shareWithPartner: body.shareWithPartner === true,
      };
    } catch {
      // Not ours to restore: keep the empty form.
    }
  }

  /** The answers on show: the saved ones once there are, else those being filled in. */
  private shownAnswers(): Answers {
    const saved = this.saved?.feedback ?? this.target.value?.mine;
    return saved ? answersOf(saved) : this.answers;
  }

  /** The body of the create call, from the answers; a rating not chosen is left out. */
  private body(answers: Answers) {
    const loaded = this.target.value;
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

  /** Errors for what must be answered and is not: every rating, and the recommendation. */
  private missingErrors(): Partial<Record<Field, ErrorKey>> {
    if (this.saved || this.target.value?.mine) return {};
    const errors: Partial<Record<Field, ErrorKey>> = {};
    for (const key of RATING_KEYS) if (this.answers.ratings[key] === undefined) errors[key] = 'error.rating';
    if (this.answers.recommend === null) errors.recommend = 'error.recommend';
    return errors;
  }

  private syncFormState() {
    this.internals.setFormValue(this.value);
    const errors = this.missingErrors();
    const missing = FIELDS.find((field) => errors[field]);
    const key = missing && errors[missing];
    if (!missing || !key) {
      this.internals.setValidity({});
      return;
    }
    const anchor = this.renderRoot.querySelector<HTMLInputElement>(`input[name="${missing}"]`);
    this.internals.setValidity({ valueMissing: true }, this.localize.t(key), anchor ?? undefined);
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
      this.errors = {};
      this.saved = undefined;
      this.submitError = '';
      this.submitReference = '';
      this.announcer.dismiss();
    }
  }

  protected override updated() {
    this.syncFormState();
  }

  /** Tells when an answer saved offline reaches the server, or is refused there. */
  protected readonly events = new ClientEventsController(this, () => this.api, {
    synced: (write) => {
      if (write.operation !== 'feedback.create') return;
      if (!this.saved?.pending || write.entry.provisionalId !== this.saved.feedback.id) return;
      this.saved = { feedback: write.result, pending: false };
      void this.announcer.announce(this.localize.t('sent'));
      this.emit('rm-feedback-submitted', { feedback: write.result, pending: false });
    },
    syncError: (entry, error) => {
      if (entry.state !== 'failed' || !this.saved?.pending || entry.provisionalId !== this.saved.feedback.id)
        return;
      // The answer goes back into the form; the refused copy leaves the outbox so it is not sent twice.
      void this.api?.discardWrite(entry.id);
      this.answers = answersOf(this.saved.feedback);
      this.saved = undefined;
      this.emit('rm-error', { error, action: 'feedback.create' });
      if (error instanceof RmConflictError) {
        void this.showAlreadyAnswered();
        return;
      }
      // The server's own message is English and for developers: the reader gets a sentence in
      // their language, and the request id to quote.
      this.submitError = this.localize.t('syncRefused');
      this.submitReference = error.requestId ?? '';
      void this.announcer.announce(this.submitError);
    },
  });

  // ----- actions -----

  private choose(field: RatingKey | 'recommend', value: number) {
    this.answers =
      field === 'recommend'
        ? { ...this.answers, recommend: value }
        : { ...this.answers, ratings: { ...this.answers.ratings, [field]: value } };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private write(field: 'learned' | 'improve', event: Event) {
    this.answers = { ...this.answers, [field]: (event.target as HTMLTextAreaElement).value };
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private share(event: Event) {
    this.answers = { ...this.answers, shareWithPartner: (event.target as HTMLInputElement).checked };
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.noSubmit) {
      // Enter inside the element submits the host form, as it would for a native control.
      this.internals.form?.requestSubmit();
      return;
    }
    const target = this.target.value;
    const api = this.api;
    if (!target || !api || this.submitting) return;
    let schemas: Awaited<ReturnType<typeof loadFeedbackSchemas>>;
    try {
      schemas = await loadFeedbackSchemas();
    } catch (error) {
      // The validation module never arrived (the server went away first): say so, keep the answers.
      this.emit('rm-error', { error: toError(error), action: 'load-part' });
      this.submitError = this.localize.t('submitFailed');
      void this.announcer.announce(this.submitError);
      return;
    }
    const parsed = schemas.feedbackCreateSchema.safeParse(this.body(this.answers));
    if (!parsed.success) {
      await this.showErrors(fieldErrors(parsed.error.issues));
      return;
    }
    this.errors = {};
    this.submitError = '';
    this.submitReference = '';
    this.submitting = true;
    try {
      const written = await api.feedback.create(target.pairId, parsed.data);
      const pending = written.pending === true;
      // Queued offline: the answer as the server will keep it, from the body as core's schema read it.
      const feedback: Feedback = written.pending
        ? {
            ...parsed.data,
            id: written.id,
            orgId: '',
            pairId: target.pairId,
            authorId: '',
            authorRole: target.role,
            createdAt: written.createdAt,
            updatedAt: written.createdAt,
            version: 1,
          }
        : written;
      this.saved = { feedback, pending };
      await this.updateComplete;
      this.focusDone();
      void this.announcer.announce(this.localize.t(pending ? 'thanksOffline' : 'thanks'));
      this.emit('rm-feedback-submitted', { feedback, pending });
    } catch (error) {
      await this.failed(error);
    } finally {
      this.submitting = false;
    }
  }

  private async failed(error: unknown) {
    if (error instanceof RmConflictError) {
      await this.showAlreadyAnswered();
      return;
    }
    this.emit('rm-error', { error: toError(error), action: 'feedback.create' });
    if (error instanceof RmValidationError) {
      const errors = fieldErrors(error.issues as Issue[]);
      if (Object.keys(errors).length > 0) {
        await this.showErrors(errors);
        return;
      }
    }
    this.submitError = this.localize.t('submitFailed');
    this.submitReference = error instanceof RmError ? (error.requestId ?? '') : '';
    void this.announcer.announce(this.submitError);
  }

  /** Someone (this person, elsewhere) answered first: show that answer, read-only. */
  private async showAlreadyAnswered() {
    this.target.run();
    await this.target.taskComplete.catch(() => undefined);
    await this.updateComplete;
    this.focusDone();
    const kind = this.target.value?.kind ?? 'session';
    void this.announcer.announce(this.localize.t(`answered.${kind}`));
  }

  private async showErrors(errors: Partial<Record<Field, ErrorKey>>) {
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
    if (!this.api) {
      if (!this.noSubmit) return noClientState(this.localize);
      return this.renderForm(undefined);
    }
    return this.target.render({
      initial: () => loadingState(this.localize, 6),
      pending: () => loadingState(this.localize, 6),
      error: (error) =>
        error instanceof NoFeedbackHere
          ? html`<p part="error" class="plain">${this.localize.t(error.reason)}</p>`
          : errorState(this.localize, error, () => this.target.run()),
      complete: (target) => (target ? this.renderTarget(target) : noClientState(this.localize)),
    });
  }

  private renderTarget(target: Target): TemplateResult {
    if (target.session && target.session.status !== 'held' && !target.mine) {
      return html`${this.header(target)}
        <p class="plain">${this.localize.t('notHeld')}</p>`;
    }
    if (this.saved) return this.renderSaved(target, this.saved.feedback, this.saved.pending);
    if (target.mine) return this.renderSaved(target, target.mine, false);
    return this.renderForm(target);
  }

  private header(target: Target | undefined): TemplateResult {
    const kind = target?.kind ?? (this.sessionId ? 'session' : (this.kind ?? 'session'));
    const when = target?.session?.occurredAt ?? target?.session?.scheduledAt;
    const title =
      kind !== 'session'
        ? this.localize.t(`title.${kind}`)
        : when
          ? // In full ("giovedì 1 ottobre 2026"): an abbreviated date reads badly after "di".
            this.localize.t('title.session', {
              date: this.localize.date(when, {
                weekday: 'long',
                day: 'numeric',
                month: 'long',
                year: 'numeric',
              }),
            })
          : this.localize.t('title.anySession');
    return html`<header class="header">
        <h2 id="title" part="title">${title}</h2>
        ${target ? html`<p class="muted role">${this.localize.t(`answeringAs.${target.role}`)}</p>` : nothing}
      </header>
      ${
        target?.staleSince
          ? html`<p part="notice" class="notice" role="status">
            ${this.localize.t('offline')}
            <span class="muted">${this.localize.t('stale', { when: this.localize.dateTime(target.staleSince) })}</span>
          </p>`
          : nothing
      }
      <p part="privacy" class="privacy" id="privacy">
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <rect x="5" y="11" width="14" height="9" rx="2" fill="none" stroke="currentColor" stroke-width="2"></rect>
          <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2"></path>
        </svg>
        <span>${this.named(target, 'privacy', { n: this.localize.number(target?.minGroup ?? DEFAULT_MIN_AGGREGATE_GROUP) })}</span>
      </p>`;
  }

  private renderForm(target: Target | undefined): TemplateResult {
    const inactive = this.formDisabled || this.submitting;
    return html`${this.header(target)}
      <form class="form" novalidate @submit=${this.submit}>
        ${RATING_KEYS.map((key) => this.scale(key, 1, 5, inactive))}
        ${this.scale('recommend', 0, 10, inactive)}
        ${this.textField('learned', inactive)} ${this.textField('improve', inactive)}
        <label class="check">
          <input
            type="checkbox"
            name="shareWithPartner"
            aria-describedby="privacy"
            .checked=${this.answers.shareWithPartner}
            ?disabled=${inactive}
            @change=${this.share}
          />
          <span>${this.named(target, 'share')}</span>
        </label>
        ${
          this.noSubmit
            ? nothing
            : html`<div class="actions">
              <button
                type="submit"
                class="primary"
                part="submit"
                aria-disabled=${this.submitting || this.formDisabled ? 'true' : 'false'}
              >
                ${this.submitting ? this.localize.t('submitting') : this.localize.t('submit')}
              </button>
              ${
                this.submitError
                  ? html`<div role="alert">
                    <p class="error-text">${this.submitError}</p>
                    ${
                      this.submitReference
                        ? html`<p class="muted"><small>${this.localize.t('reference', { id: this.submitReference })}</small></p>`
                        : nothing
                    }
                  </div>`
                  : nothing
              }
            </div>`
        }
      </form>`;
  }

  /** A sentence naming the other person, or saying "the other person" when the form does not know them. */
  private named(
    target: Target | undefined,
    key: 'privacy' | 'share' | 'shared' | 'question.preparation',
    values: Record<string, string> = {},
  ): string {
    const name = target?.otherName;
    return name ? this.localize.t(key, { ...values, name }) : this.localize.t(`${key}.noName`, values);
  }

  /** A question's words: usefulness is asked of the session, or of the program so far, or as a whole. */
  private question(field: RatingKey | 'recommend', target: Target | undefined): string {
    if (field === 'usefulness') {
      const kind = target?.kind ?? (this.sessionId ? 'session' : (this.kind ?? 'session'));
      return this.localize.t(`question.usefulness.${kind}`);
    }
    if (field === 'preparation') return this.named(target, 'question.preparation');
    return this.localize.t(`question.${field}`);
  }

  private scale(field: RatingKey | 'recommend', from: number, to: number, inactive: boolean): TemplateResult {
    const chosen = field === 'recommend' ? this.answers.recommend : this.answers.ratings[field];
    const error = this.errors[field];
    const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const [low, high] =
      field === 'recommend'
        ? (['recommendLow', 'recommendHigh'] as const)
        : (['ratingLow', 'ratingHigh'] as const);
    return html`<fieldset
      part="question"
      class="question"
      role="radiogroup"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${field}-ends ${field}-error` : `${field}-ends`}
    >
      <legend>${this.question(field, this.target.value)}</legend>
      <div class="scale-wrap">
      <div class="scale ${field === 'recommend' ? 'eleven' : 'five'}">
        ${values.map(
          (value) =>
            html`<label part="option" class="option">
              <input
                type="radio"
                name=${field}
                value=${value}
                .checked=${chosen === value}
                ?disabled=${inactive}
                @change=${() => this.choose(field, value)}
              />
              <span>${this.localize.number(value)}</span>
            </label>`,
        )}
      </div>
      <p class="ends muted" id="${field}-ends"><span>${this.localize.t(low)}</span><span>${this.localize.t(high)}</span></p>
      </div>
      ${error ? html`<p class="error-text field-error" id="${field}-error">${this.localize.t(error)}</p>` : nothing}
    </fieldset>`;
  }

  private textField(field: 'learned' | 'improve', inactive: boolean): TemplateResult {
    const error = this.errors[field];
    return html`<div part="question" class="field">
      <label for=${field}>${this.localize.t(field)} <span class="muted">${this.localize.t('optional')}</span></label>
      <textarea
        id=${field}
        name=${field}
        rows="3"
        maxlength=${TEXT_MAX}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${field}-error` : nothing}
        .value=${this.answers[field]}
        ?disabled=${inactive}
        @input=${(event: Event) => this.write(field, event)}
      ></textarea>
      ${
        error
          ? html`<p class="error-text field-error" id="${field}-error">
            ${this.localize.t(error, { max: this.localize.number(TEXT_MAX) })}
          </p>`
          : nothing
      }
    </div>`;
  }

  private renderSaved(target: Target, feedback: Feedback, pending: boolean): TemplateResult {
    const justSaved = this.saved?.feedback === feedback;
    return html`${this.header(target)}
      <div part="done" class="done">
        <h3 class="done-heading" tabindex="-1">
          <svg class="icon check-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5"></path>
          </svg>
          ${justSaved ? this.localize.t(pending ? 'thanksOffline' : 'thanks') : this.localize.t(`answered.${target.kind}`)}
        </h3>
        ${
          pending
            ? html`<p class="pending-note"><span class="badge pending">${this.localize.t('pending')}</span></p>`
            : nothing
        }
        <h4 class="answers-heading">${this.localize.t('yourAnswers')}</h4>
        <dl part="summary" class="summary">
          ${RATING_KEYS.map((key) => this.summaryRow(this.question(key, target), feedback.ratings[key], 5))}
          ${this.summaryRow(this.question('recommend', target), feedback.recommend, 10)}
          ${this.summaryText('learned', feedback.learned)} ${this.summaryText('improve', feedback.improve)}
        </dl>
        <p class="muted">${feedback.shareWithPartner ? this.named(target, 'shared') : this.localize.t('notShared')}</p>
      </div>`;
  }

  private summaryRow(question: string, value: number, max: number): TemplateResult {
    return html`<div class="row">
      <dt>${question}</dt>
      <dd>
        <span class="dots ${max === 10 ? 'ten' : 'five'}" aria-hidden="true">
          ${Array.from({ length: max }, (_, i) => html`<span class="dot ${i < value ? 'on' : ''}"></span>`)}
        </span>
        <span>${this.localize.t('outOf', { value: this.localize.number(value), max: this.localize.number(max) })}</span>
      </dd>
    </div>`;
  }

  private summaryText(field: 'learned' | 'improve', text: string): TemplateResult {
    return html`<div class="row text">
      <dt>${this.localize.t(field)}</dt>
      <dd>${text ? text : html`<span class="muted">${this.localize.t('noAnswer')}</span>`}</dd>
    </div>`;
  }
}
