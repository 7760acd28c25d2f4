import type { Feedback } from '@rm-kit/core';
import { RATING_KEYS } from '@rm-kit/core/vocabulary';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { adoptLaterStyles } from '../base/later-styles.js';
import { LocalizeController, mergeStrings } from '../base/localize.js';
import { feedbackFormStrings } from './feedback-form.strings.js';
import { type FeedbackSummaryText, feedbackSummaryStrings } from './feedback-summary.strings.js';
import { feedbackSummaryStyles } from './feedback-summary.styles.js';
import type { Target } from './feedback-target.js';
import type { Mine } from './feedback-writer.js';

/**
 * One answer as a list of label and value. Labels, not the questions: the other person's
 * answer is about the reader ("Your preparation"), so a question asked of "you" would misname it.
 */
function summary(t: FeedbackSummaryText, target: Target, feedback: Feedback, whose: 'mine' | 'theirs') {
  const preparation =
    whose === 'theirs'
      ? t.t('summary.preparation.yours')
      : target.otherName
        ? t.t('summary.preparation', { name: target.otherName })
        : t.t('summary.preparation.noName');
  const labels = {
    usefulness: t.t('summary.usefulness'),
    trust: t.t('summary.trust'),
    preparation,
  };
  return html`<dl part="summary" class="summary">
    ${RATING_KEYS.map((key) => row(t, labels[key], feedback.ratings[key], 5))}
    ${row(t, t.t('summary.recommend'), feedback.recommend, 10)}
    ${text(t, t.t('summary.learned'), feedback.learned)} ${text(t, t.t('improve'), feedback.improve)}
  </dl>`;
}

function row(t: FeedbackSummaryText, label: string, value: number, max: number): TemplateResult {
  return html`<div class="row">
    <dt>${label}</dt>
    <dd>
      <span class="dots ${max === 10 ? 'ten' : 'five'}" aria-hidden="true">
        ${Array.from({ length: max }, (_, i) => html`<span class="dot ${i < value ? 'on' : ''}"></span>`)}
      </span>
      <span>${t.t('outOf', { value: t.number(value), max: t.number(max) })}</span>
    </dd>
  </div>`;
}

function text(t: FeedbackSummaryText, label: string, value: string): TemplateResult {
  return html`<div class="row text">
    <dt>${label}</dt>
    <dd>${value ? value : html`<span class="muted">${t.t('noAnswer')}</span>`}</dd>
  </div>`;
}

/** Who sees the reader's answers now, in one line under them. */
function sharing(t: FeedbackSummaryText, target: Target, mine: Feedback): string {
  if (!mine.shareWithPartner) return t.t('notShared');
  // Their answer is readable only once they answered: they see a shared answer already.
  const key = target.theirs ? 'sharedSeen' : 'shared';
  return target.otherName ? t.t(key, { name: target.otherName }) : t.t(`${key}.noName`);
}

/**
 * The reader's answers and, beside them (below them in a narrow column), the other
 * person's once the server lets the reader read them; until then, a line saying when they
 * will appear. The server does not say whether an unreadable answer exists at all, so the
 * line names both conditions rather than guessing which one is missing.
 */
function renderAnswers(t: FeedbackSummaryText, target: Target, mine: Feedback): TemplateResult {
  const name = target.otherName;
  const theirs = target.theirs;
  return html`<div class="answers">
    <section class="column" aria-labelledby="mine-heading">
      <h4 id="mine-heading" class="answers-heading">${t.t('yourAnswers')}</h4>
      ${summary(t, target, mine, 'mine')}
      <p class="muted" part="sharing">${sharing(t, target, mine)}</p>
    </section>
    <section part="partner" class="column" aria-labelledby="theirs-heading">
      <h4 id="theirs-heading" class="answers-heading">
        ${name ? t.t('theirAnswers', { name }) : t.t('theirAnswers.noName')}
      </h4>
      ${
        theirs
          ? summary(t, target, theirs, 'theirs')
          : html`<p class="muted hidden-answers">
            ${name ? t.t('theirsHidden', { name }) : t.t('theirsHidden.noName')}
          </p>`
      }
    </section>
  </div>`;
}

export interface DoneView {
  target: Target;
  mine: Mine;
  /** The heading's words: what was just done, or that it was answered before. */
  heading: string;
  notice: string;
  confirming: boolean;
  busy: boolean;
  /** Only a form control: the answers, no actions. */
  readOnly: boolean;
  submitError: TemplateResult | typeof nothing;
  change(): void;
  withdraw(): void;
  keep(): void;
  confirm(): void;
}

/**
 * The answered state: a heading that takes the focus after a write, the answers side by
 * side, and the author's actions, "Change my answers" and "Withdraw my answers"; withdrawing
 * asks first, with the safe choice first.
 */
function renderDone(t: FeedbackSummaryText, view: DoneView): TemplateResult {
  return html`<div part="done" class="done">
    <h3 class="done-heading" tabindex="-1">
      <svg class="icon check-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.5"></path>
      </svg>
      ${view.heading}
    </h3>
    ${view.mine.pending ? html`<p class="pending-note"><span class="badge pending">${t.t('pending')}</span></p>` : nothing}
    ${view.notice ? html`<p class="plain notice-line">${view.notice}</p>` : nothing}
    ${renderAnswers(t, view.target, view.mine.feedback)}
    ${
      view.readOnly
        ? nothing
        : view.confirming
          ? html`<div class="confirm" role="group" aria-labelledby="withdraw-question">
            <p id="withdraw-question">${t.t('withdraw.confirm')}</p>
            <div class="actions">
              <button type="button" class="keep" @click=${view.keep}>${t.t('withdraw.no')}</button>
              <button
                type="button"
                class="danger"
                part="withdraw"
                aria-disabled=${view.busy ? 'true' : 'false'}
                @click=${view.confirm}
              >
                ${t.t(view.busy ? 'withdrawing' : 'withdraw.yes')}
              </button>
            </div>
            ${view.submitError}
          </div>`
          : html`<div class="actions">
            <button type="button" part="change" @click=${view.change}>${t.t('change')}</button>
            <button type="button" part="withdraw" @click=${view.withdraw}>${t.t('withdraw')}</button>
            ${view.submitError}
          </div>`
    }
  </div>`;
}

/** A withdrawal queued offline: nothing to show but that it waits. */
function renderWithdrawing(t: FeedbackSummaryText): TemplateResult {
  return html`<div part="done" class="done">
    <h3 class="done-heading" tabindex="-1">${t.t('withdrawnOffline')}</h3>
    <p class="pending-note"><span class="badge pending">${t.t('pending')}</span></p>
  </div>`;
}

/**
 * The answered state of one form, with its words and styles: a module of its own, since a
 * form is first shown with its questions. The form fetches it once the browser is idle after
 * its first render (at once when the reader has answered already), so that it is there for
 * the answer sent, changed or withdrawn offline.
 */
export class FeedbackAnsweredView {
  private readonly t: FeedbackSummaryText;

  constructor(element: ReactiveElement & HTMLElement & { locale?: string | undefined }) {
    this.t = new LocalizeController(element, mergeStrings(feedbackFormStrings, feedbackSummaryStrings));
    adoptLaterStyles(element, [feedbackSummaryStyles]);
  }

  done(view: DoneView): TemplateResult {
    return renderDone(this.t, view);
  }

  withdrawing(): TemplateResult {
    return renderWithdrawing(this.t);
  }
}
