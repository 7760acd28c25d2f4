import { css } from 'lit';

/** A session's panels: changing it, and its feedback form. */
export const sessionLogManageStyles = css`
  .tools-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    margin-top: 0.4em;
  }

  .given {
    font-size: 0.9em;
  }

  .given span {
    color: var(--_success);
  }

  .panel {
    margin-top: 0.4em;
    padding: 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .panel[hidden] {
    display: none;
  }

  .manage,
  .step {
    display: grid;
    gap: 0.5em;
  }

  .step > label {
    font-weight: 600;
  }

  .step input {
    max-width: 100%;
  }

  .hint {
    font-size: 0.85em;
  }

  button.danger {
    color: var(--_danger);
    border-color: color-mix(in srgb, var(--_danger) 50%, var(--_border));
  }

  button.danger[type='submit'] {
    color: var(--_bg);
    background: var(--_danger);
    border-color: var(--_danger);
  }
`;
