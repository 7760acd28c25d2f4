import { css } from 'lit';

/**
 * The board's layout, sized by the column it is put in (a container): sections one under
 * the other, applications and proposals as cards that fill the width in as many columns
 * as fit, one column on a phone, where a proposal's two people stand one above the other.
 * A heading that takes the focus after an action rings its words, not the board's width; a
 * status is a dot of its colour before the word. Comments stay out of the stylesheet:
 * bundlers ship css`` text as it is.
 */
export const matchBoardStyles = css`
  :host {
    container-type: inline-size;
  }

  h2,
  h3,
  h4 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.3em;
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

  [tabindex='-1']:focus {
    outline: none;
  }

  [tabindex='-1']:focus-visible {
    box-shadow: var(--_focus);
    border-radius: 0.25em;
  }

  h3[tabindex='-1'],
  h4[tabindex='-1'] {
    width: fit-content;
  }

  .board {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }

  .board-head {
    display: grid;
    gap: 0.3em;
  }

  .title-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
  }

  .counts,
  .small {
    font-size: 0.9em;
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

  .section {
    display: grid;
    gap: 0.75em;
    padding-top: calc(var(--_space) * 1.1);
    border-top: 1px solid var(--_border);
  }

  .intro {
    max-width: 70ch;
  }

  .cards {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
    gap: 0.75em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .card {
    display: grid;
    gap: 0.5em;
    align-content: start;
    padding: 0.8em 0.9em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_bg);
    min-width: 0;
  }

  .card-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 0.5em;
  }

  .card-head .badge {
    flex: none;
    white-space: nowrap;
  }

  .who,
  .side {
    display: grid;
    min-width: 0;
  }

  .name {
    font-weight: 600;
  }

  .work {
    font-size: 0.85em;
  }

  .role {
    font-size: 0.8em;
    font-weight: 600;
    letter-spacing: 0.02em;
  }

  .role.mentor {
    color: var(--_accent);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .chip {
    padding: 0.05em 0.55em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_subtle);
    font-size: 0.85em;
  }

  details summary {
    cursor: pointer;
    color: var(--_accent);
    border-radius: 0.25em;
    width: fit-content;
  }

  details summary:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  .motivation p {
    margin-top: 0.35em;
    white-space: pre-line;
    font-size: 0.9em;
  }

  .decided {
    display: grid;
    gap: 0.6em;
  }

  .decided[open] summary {
    margin-bottom: 0.6em;
  }

  .row-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  button.ban,
  .failure {
    color: var(--_danger);
  }

  button.ban {
    background: var(--_bg);
    border-color: var(--_danger);
  }

  .failure {
    display: grid;
    gap: 0.2em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_danger);
    border-inline-start-width: 4px;
    border-radius: calc(var(--_radius) * 0.75);
  }

  .badge.enrollment::before,
  .badge.status::before,
  .badge.program::before {
    content: '';
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: var(--_muted);
  }

  .badge.applied::before,
  .badge.paused::before,
  .badge.enrolling::before {
    background: var(--_warning);
  }

  .badge.accepted::before,
  .badge.active::before {
    background: var(--_success);
  }

  .badge.declined::before,
  .badge.dissolved::before {
    background: var(--_danger);
  }

  .badge.proposed::before,
  .badge.matching::before {
    background: var(--_accent);
  }

  .score {
    font-weight: 600;
  }

  .rows {
    display: grid;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 0.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }

  .row-text {
    display: grid;
    flex: 1 1 14em;
    min-width: 0;
  }

  .steps-line {
    font-size: 0.85em;
  }

  .steps-line .done {
    color: var(--_success);
  }
`;
