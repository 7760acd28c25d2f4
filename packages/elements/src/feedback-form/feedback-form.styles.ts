import { css } from 'lit';

export const feedbackFormStyles = css`
  /* Sized by the column it is put in, not by the window: the layout follows the element's width. */
  :host {
    container-type: inline-size;
  }

  .surface {
    display: grid;
    gap: calc(var(--_space) * 0.9);
  }

  .header {
    display: grid;
    gap: 0.15em;
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.2em;
  }

  h3 {
    font-size: 1.1em;
  }

  h4 {
    font-size: 0.95em;
  }

  p {
    margin: 0;
  }

  .role {
    font-size: 0.9em;
  }

  .privacy {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
    border: 1px solid var(--_border);
    font-size: 0.9em;
  }

  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    margin-top: 0.05em;
  }

  .notice {
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    background: var(--_bg);
  }

  .notice .muted {
    display: block;
    font-size: 0.9em;
  }

  .form {
    display: grid;
    gap: calc(var(--_space) * 1.1);
  }

  .question {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: grid;
    gap: 0.4em;
  }

  legend,
  .field > label {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.4em;
  }

  .field > label .muted {
    font-weight: 400;
  }

  /* As wide as its options, so the scale's two ends sit under its first and last option. */
  .scale-wrap {
    display: grid;
    gap: 0.3em;
    width: fit-content;
    max-width: 100%;
  }

  .scale {
    display: grid;
    gap: 0.35em;
  }

  .scale.five {
    grid-template-columns: repeat(5, minmax(2.4em, 3.5em));
  }

  .scale.eleven {
    grid-template-columns: repeat(11, minmax(2.2em, 2.75em));
  }

  .option {
    position: relative;
    display: grid;
    place-items: center;
    min-height: 2.5em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
    font-weight: 600;
    cursor: pointer;
    user-select: none;
  }

  /* The native radio stays the control (keyboard, forms, screen readers); the label is what shows. */
  .option input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }

  .option:hover {
    border-color: var(--_accent);
  }

  .option:has(input:checked) {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }

  .option:has(input:focus-visible) {
    box-shadow: var(--_focus);
    border-color: var(--_accent);
  }

  .option:has(input:disabled) {
    opacity: 0.6;
    cursor: not-allowed;
  }

  .question[aria-invalid='true'] .option {
    border-color: var(--_danger);
  }

  .ends {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    font-size: 0.85em;
  }

  .field {
    display: grid;
  }

  textarea {
    width: 100%;
    min-height: 4.5em;
    resize: vertical;
  }

  .field-error {
    font-size: 0.9em;
    font-weight: 600;
    margin-top: 0.2em;
  }

  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    cursor: pointer;
  }

  .check input {
    width: 1.15em;
    height: 1.15em;
    margin: 0;
    accent-color: var(--_accent);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  .plain {
    margin: 0;
  }

  .done {
    display: grid;
    gap: 0.75em;
  }

  .done-heading {
    width: fit-content;
    display: flex;
    gap: 0.5em;
    /* The tick beside the first line: a heading that wraps (Italian, on a phone) would
       otherwise have it floating halfway down. The icon is one line (1.25em) tall. */
    align-items: flex-start;
    color: var(--_success);
  }

  .done-heading:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
    border-radius: 0.25em;
  }

  .check-icon {
    margin-top: 0;
  }

  .pending-note {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }

  .badge.pending {
    color: var(--_warning);
    border-color: var(--_warning);
    background: var(--_bg);
  }

  .summary {
    display: grid;
    gap: 0.6em;
    margin: 0;
  }

  .row {
    display: grid;
    grid-template-columns: minmax(10em, 1fr) minmax(10em, 1.2fr);
    gap: 0.25em 1em;
    align-items: baseline;
    padding-bottom: 0.5em;
    border-bottom: 1px solid var(--_border);
  }

  .row:last-child {
    border-bottom: 0;
  }

  .row.text dd {
    white-space: pre-wrap;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }

  .dots {
    display: inline-flex;
    gap: 0.2em;
  }

  .dot {
    width: 0.7em;
    height: 0.7em;
    border-radius: 50%;
    border: 1px solid var(--_accent);
  }

  .dots.ten .dot {
    width: 0.5em;
    height: 0.5em;
  }

  .dot.on {
    background: var(--_accent);
  }

  /* One's own answers and the other person's: side by side when the element is wide enough. */
  .answers {
    display: grid;
    gap: calc(var(--_space) * 1.1);
  }

  .column {
    display: grid;
    gap: 0.6em;
    align-content: start;
    min-width: 0;
  }

  .column + .column {
    padding-top: calc(var(--_space) * 0.9);
    border-top: 1px solid var(--_border);
  }

  .notice-line {
    font-weight: 600;
  }

  .confirm {
    display: grid;
    gap: 0.6em;
    padding: calc(var(--_space) * 0.6) calc(var(--_space) * 0.75);
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) * 0.75);
  }

  button.danger {
    background: var(--_bg);
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }

  .submit-error {
    flex-basis: 100%;
  }

  @container (min-width: 44em) {
    .answers {
      grid-template-columns: 1fr 1fr;
    }

    .column + .column {
      padding-top: 0;
      border-top: 0;
      padding-inline-start: calc(var(--_space) * 1.1);
      border-inline-start: 1px solid var(--_border);
    }
  }

  @container (max-width: 32em) {
    .row {
      grid-template-columns: 1fr;
    }

    .scale.eleven {
      grid-template-columns: repeat(6, minmax(2.2em, 2.75em));
    }
  }
`;
