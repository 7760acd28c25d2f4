import { css } from 'lit';

/** The form to log or plan a session. */
export const sessionLogFormStyles = css`
  .form {
    display: grid;
    gap: calc(var(--_space) * 0.8);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
  }

  .form input,
  .form select,
  .form textarea {
    background: var(--_bg);
  }

  fieldset {
    margin: 0;
    padding: 0;
    border: none;
    display: grid;
    gap: 0.4em;
    min-width: 0;
  }

  legend {
    padding: 0;
    margin-bottom: 0.35em;
    font-weight: 600;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em 1em;
  }

  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }

  .choice input {
    accent-color: var(--_accent);
  }

  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--_space) * 0.8);
  }

  .field {
    display: grid;
    gap: 0.3em;
    align-content: start;
    min-width: 0;
  }

  .field > label {
    font-weight: 600;
  }

  .hint {
    font-size: 0.85em;
  }

  /*
   * One action item. Narrow (a phone): the text on its own line, who takes it on below it,
   * the remove button beside both. Wide: label, control and error line up across the text
   * and the owner, in three columns.
   */
  .form {
    container-type: inline-size;
  }

  .action-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.4em 0.5em;
    padding-bottom: 0.4em;
    border-bottom: 1px solid var(--_border);
  }

  .action-row .field {
    grid-column: 1;
  }

  .action-row label {
    font-weight: 400;
    font-size: 0.9em;
  }

  .remove {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0.45em;
  }

  @container (min-width: 34rem) {
    .action-row {
      grid-template-columns: minmax(0, 1fr) minmax(8rem, auto) auto;
      grid-template-rows: auto auto auto;
      row-gap: 0;
    }

    .action-row .field {
      grid-row: 1 / span 3;
      grid-template-rows: subgrid;
      row-gap: 0.3em;
    }

    .action-row .field + .field {
      grid-column: 2;
    }

    .remove {
      grid-column: 3;
      grid-row: 2;
    }
  }

  .draft-restored {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin: 0;
    font-size: 0.9em;
  }

  #f-ai-add {
    justify-self: start;
  }
`;
