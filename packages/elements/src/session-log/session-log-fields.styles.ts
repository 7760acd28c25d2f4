import { css } from 'lit';

/**
 * What the form and the private-note panel share: who-sees-this lines, text areas, field
 * errors, button rows.
 */
export const sessionLogFieldStyles = css`
  .visibility {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-size: 0.85em;
    color: var(--_muted);
  }

  .visibility.private {
    color: var(--_fg);
  }

  .icon {
    flex: none;
  }

  textarea {
    width: 100%;
    resize: vertical;
  }

  .field-error {
    font-size: 0.9em;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
`;
