import { css } from 'lit';

/**
 * The feedback form's layout, sized by the column it is put in (a container), not by the
 * window. A rating scale is as wide as its options, so its two ends sit under its first and
 * last option; each option's native radio stays the control (keyboard, forms, screen
 * readers), transparent over the label that shows.
 */
export const feedbackFormStyles = css`
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

  .notice-line {
    font-weight: 600;
  }

  .submit-error {
    flex-basis: 100%;
  }

  @container (max-width: 32em) {
    .scale.eleven {
      grid-template-columns: repeat(6, minmax(2.2em, 2.75em));
    }
  }
`;
