import type { FeedbackKind, RatingKey } from '@rm-kit/core';
import { RATING_KEYS } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import { type Answers, type ErrorKey, type FieldErrors, TEXT_MAX } from './feedback-answers.js';
import type { FeedbackFormText } from './feedback-form.strings.js';
import { named, question } from './feedback-header.js';
import type { Target } from './feedback-target.js';

export interface ScaleQuestion {
  field: RatingKey | 'recommend';
  legend: string;
  chosen: number | null | undefined;
  error: ErrorKey | undefined;
  inactive: boolean;
  choose(value: number): void;
}

/**
 * A rating as a radio group: native radios (keyboard, forms, screen readers) inside the
 * labels that show; 1-5 for a rating, 0-10 for the recommendation.
 */
export function scale(t: FeedbackFormText, q: ScaleQuestion): TemplateResult {
  const [from, to] = q.field === 'recommend' ? [0, 10] : [1, 5];
  const values = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const [low, high] =
    q.field === 'recommend'
      ? (['recommendLow', 'recommendHigh'] as const)
      : (['ratingLow', 'ratingHigh'] as const);
  return html`<fieldset
    part="question"
    class="question"
    role="radiogroup"
    aria-invalid=${q.error ? 'true' : 'false'}
    aria-describedby=${q.error ? `${q.field}-ends ${q.field}-error` : `${q.field}-ends`}
  >
    <legend>${q.legend}</legend>
    <div class="scale-wrap">
      <div class="scale ${q.field === 'recommend' ? 'eleven' : 'five'}">
        ${values.map(
          (value) =>
            html`<label part="option" class="option">
              <input
                type="radio"
                name=${q.field}
                value=${value}
                .checked=${q.chosen === value}
                ?disabled=${q.inactive}
                @change=${() => q.choose(value)}
              />
              <span>${t.number(value)}</span>
            </label>`,
        )}
      </div>
      <p class="ends muted" id="${q.field}-ends"><span>${t.t(low)}</span><span>${t.t(high)}</span></p>
    </div>
    ${q.error ? html`<p class="error-text field-error" id="${q.field}-error">${t.t(q.error)}</p>` : nothing}
  </fieldset>`;
}

export interface TextQuestion {
  field: 'learned' | 'improve';
  value: string;
  error: ErrorKey | undefined;
  inactive: boolean;
  write(value: string): void;
}

export function textField(t: FeedbackFormText, q: TextQuestion): TemplateResult {
  return html`<div part="question" class="field">
    <label for=${q.field}>${t.t(q.field)} <span class="muted">${t.t('optional')}</span></label>
    <textarea
      id=${q.field}
      name=${q.field}
      rows="3"
      maxlength=${TEXT_MAX}
      aria-invalid=${q.error ? 'true' : 'false'}
      aria-describedby=${q.error ? `${q.field}-error` : nothing}
      .value=${q.value}
      ?disabled=${q.inactive}
      @input=${(event: Event) => q.write((event.target as HTMLTextAreaElement).value)}
    ></textarea>
    ${
      q.error
        ? html`<p class="error-text field-error" id="${q.field}-error">
          ${t.t(q.error, { max: t.number(TEXT_MAX) })}
        </p>`
        : nothing
    }
  </div>`;
}

export interface QuestionsView {
  target: Target | undefined;
  kind: FeedbackKind;
  answers: Answers;
  errors: FieldErrors;
  /** A write is under way, or a host form disabled the element. */
  inactive: boolean;
  busy: boolean;
  /** Changing an answer given before, rather than giving a new one. */
  editing: boolean;
  noSubmit: boolean;
  submitError: TemplateResult | typeof nothing;
  submit(event: SubmitEvent): void;
  choose(field: RatingKey | 'recommend', value: number): void;
  write(field: 'learned' | 'improve', value: string): void;
  share(checked: boolean): void;
  cancel(): void;
}

/** The questions, the share box and the buttons: a new answer, or a change to one. */
export function renderQuestions(t: FeedbackFormText, view: QuestionsView): TemplateResult {
  const { answers, errors, inactive } = view;
  const legend = (field: RatingKey | 'recommend') => question(t, view.target, view.kind, field);
  return html`<form class="form" novalidate @submit=${view.submit}>
    ${[...RATING_KEYS, 'recommend' as const].map((field) =>
      scale(t, {
        field,
        legend: legend(field),
        chosen: field === 'recommend' ? answers.recommend : answers.ratings[field],
        error: errors[field],
        inactive,
        choose: (value) => view.choose(field, value),
      }),
    )}
    ${(['learned', 'improve'] as const).map((field) =>
      textField(t, {
        field,
        value: answers[field],
        error: errors[field],
        inactive,
        write: (value) => view.write(field, value),
      }),
    )}
    <label class="check">
      <input
        type="checkbox"
        name="shareWithPartner"
        aria-describedby="privacy"
        .checked=${answers.shareWithPartner}
        ?disabled=${inactive}
        @change=${(event: Event) => view.share((event.target as HTMLInputElement).checked)}
      />
      <span>${named(t, view.target, 'share')}</span>
    </label>
    ${
      view.noSubmit
        ? nothing
        : html`<div class="actions">
          <button type="submit" class="primary" part="submit" aria-disabled=${inactive ? 'true' : 'false'}>
            ${view.editing ? t.t(view.busy ? 'saving' : 'saveChanges') : t.t(view.busy ? 'submitting' : 'submit')}
          </button>
          ${view.editing ? html`<button type="button" @click=${view.cancel}>${t.t('cancel')}</button>` : nothing}
          ${view.submitError}
        </div>`
    }
  </form>`;
}
