import { css } from 'lit';

/** The answered view's styles, adopted when its module loads (see feedback-summary.ts). */
export const feedbackSummaryStyles = css`
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
  }
`;
