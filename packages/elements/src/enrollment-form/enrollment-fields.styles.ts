import { css } from 'lit';

/**
 * The application form's fields, adopted with the form's module (see enrollment-apply.ts).
 * Comments stay out of the stylesheet: bundlers ship css`` text as it is.
 */
export const enrollmentFieldsStyles = css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    padding-top: calc(var(--_space) * 0.9);
    border-top: 1px solid var(--_border);
  }

  .form-title:focus {
    outline: none;
  }

  .question {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: grid;
    gap: 0.45em;
  }

  legend,
  .field > label {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.1em;
  }

  .field {
    display: grid;
    gap: 0.35em;
  }

  .field > label .muted {
    font-weight: 400;
  }

  .hint {
    font-size: 0.9em;
  }

  .roles {
    display: grid;
    gap: 0.6em;
  }

  .role-option {
    display: flex;
    gap: 0.65em;
    align-items: flex-start;
    padding: 0.75em 0.9em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_bg);
    cursor: pointer;
  }

  .role-option input {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    margin: 0.15em 0 0;
    accent-color: var(--_accent);
  }

  .role-text {
    display: grid;
    gap: 0.2em;
  }

  .role-title {
    font-weight: 600;
  }

  .role-hint {
    font-size: 0.9em;
  }

  .role-option:hover,
  .role-option.chosen {
    border-color: var(--_accent);
  }

  .role-option.chosen {
    background: color-mix(in srgb, var(--_accent) 8%, var(--_bg));
  }

  .question[aria-invalid='true'] .role-option {
    border-color: var(--_danger);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.45em;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    padding: 0.35em 0.8em 0.35em 0.6em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_subtle);
    cursor: pointer;
  }

  .chip input,
  .slot input {
    width: 1.05em;
    height: 1.05em;
    margin: 0;
    accent-color: var(--_accent);
  }

  .chip:hover,
  .slot:hover {
    border-color: var(--_accent);
  }

  .chip:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_bg));
  }

  .chip:has(input[aria-invalid='true']) {
    border-color: var(--_danger);
  }

  .slots {
    display: grid;
    grid-template-columns: minmax(6em, max-content) repeat(2, minmax(5.5em, 8em));
    gap: 0.35em 0.5em;
    align-items: center;
    width: fit-content;
    max-width: 100%;
  }

  .slot-head {
    font-size: 0.85em;
    text-align: center;
    color: var(--_muted);
  }

  .day {
    font-size: 0.95em;
  }

  .slot {
    display: grid;
    place-items: center;
    min-height: 2.4em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
    cursor: pointer;
  }

  .slot:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
  }

  .capacity {
    width: 5em;
  }

  textarea {
    width: 100%;
    min-height: 5em;
    resize: vertical;
  }

  .field-error {
    font-size: 0.9em;
    font-weight: 600;
  }

  @container (min-width: 40em) {
    .roles {
      grid-template-columns: 1fr 1fr;
    }
  }
`;
