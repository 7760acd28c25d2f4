import { css } from 'lit';

/**
 * The enrolment form's layout, sized by the column it is put in (a container), not by the
 * window. The choices are native radios and checkboxes inside the labels that show them;
 * availability is a weekday per row, mornings and afternoons in two columns of boxes to tick.
 * Comments stay out of the stylesheet: bundlers ship css`` text as it is.
 */
export const enrollmentFormStyles = css`
  :host {
    container-type: inline-size;
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.25em;
  }

  h3 {
    font-size: 1.1em;
  }

  p {
    margin: 0;
  }

  .base {
    display: grid;
    gap: var(--_space);
  }

  .program {
    display: grid;
    gap: calc(var(--_space) * 1.1);
  }

  .program-head {
    display: grid;
    gap: 0.3em;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 1.25em;
    font-size: 0.9em;
  }

  .description {
    max-width: 65ch;
  }

  .notice {
    display: grid;
    gap: 0.2em;
    padding: 0.6em 0.8em;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    background: var(--_subtle);
  }

  .application-title:focus,
  .failure:focus {
    outline: none;
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

  .apply {
    justify-self: start;
  }


  .application {
    display: grid;
    gap: 0.75em;
    padding-top: calc(var(--_space) * 0.9);
    border-top: 1px solid var(--_border);
  }

  .application-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 0.75em;
  }

  .status.applied::before {
    background: var(--_warning);
  }

  .status.accepted::before {
    background: var(--_success);
  }

  .status.declined::before {
    background: var(--_danger);
  }

  .pending {
    border-color: var(--_warning);
  }

  .summary {
    display: grid;
    gap: 0.5em;
    margin: 0;
  }

  .summary div {
    display: grid;
    gap: 0.1em;
  }

  .summary dt {
    font-size: 0.85em;
    color: var(--_muted);
  }

  .summary dd {
    margin: 0;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .motivation {
    white-space: pre-line;
  }

  button.withdraw {
    background: var(--_bg);
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }

  .failure {
    display: grid;
    gap: 0.2em;
  }

  @container (min-width: 40em) {
    .summary {
      grid-template-columns: max-content 1fr;
      gap: 0.55em 1.25em;
      align-items: baseline;
    }

    .summary div {
      display: contents;
    }
  }
`;
