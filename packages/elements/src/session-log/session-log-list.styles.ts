import { css } from 'lit';

/** The list and its sessions (their action items, the private-note disclosure), and the button for older ones. */
export const sessionLogListStyles = css`
  /* The list: a scroll container whose height the page sets; the list inside is virtual. */
  .scroller {
    max-height: var(--rm-session-log-max-height, 36rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-top: 1px solid var(--_border);
    border-radius: 0 0 calc(var(--_radius) * 0.75) calc(var(--_radius) * 0.75);
  }

  .scroller:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  .list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /*
   * A list longer than the scroller is as tall as it until the virtualizer sizes it (a style of
   * its own overrides this): it lays out only the sessions in view, and a list of no height has
   * none in view until the next frame has drawn it. A short one is left as it was: a session
   * logged offline into an empty log was not laid out in it (the end-to-end walk).
   */
  .list.long {
    min-height: var(--rm-session-log-max-height, 36rem);
  }

  .session {
    width: 100%;
    display: grid;
    gap: 0.45em;
    padding: calc(var(--_space) * 0.8) calc(var(--_space) * 0.25);
    border-bottom: 1px solid var(--_border);
  }

  .session:focus-visible {
    outline: none;
    box-shadow: inset var(--_focus);
  }

  .session.is-pending {
    background: color-mix(in srgb, var(--_warning) 6%, transparent);
  }

  .session-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5em;
  }

  .status-planned .badge.status {
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
    color: var(--_accent);
  }

  .status-cancelled .badge.status,
  .status-missed .badge.status {
    color: var(--_muted);
  }

  .badge.pending {
    color: var(--_warning);
    border-color: color-mix(in srgb, var(--_warning) 50%, var(--_border));
  }

  .meta {
    font-size: 0.9em;
  }

  .topics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .topic {
    font-size: 0.8em;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    background: var(--_subtle);
    border: 1px solid var(--_border);
  }

  .summary {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }

  .label {
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  .actions ul {
    display: grid;
    gap: 0.3em;
    margin: 0.25em 0 0;
    padding: 0;
    list-style: none;
  }

  .action {
    display: flex;
    align-items: baseline;
    gap: 0.5em;
  }

  .action input {
    flex: none;
    accent-color: var(--_accent);
  }

  .action label {
    overflow-wrap: anywhere;
  }

  .action.done label {
    color: var(--_muted);
    text-decoration: line-through;
  }

  .owner {
    flex: none;
    font-size: 0.75em;
    font-weight: 600;
    padding: 0 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_border);
  }

  .owner-mentor {
    color: var(--_accent);
    border-color: color-mix(in srgb, var(--_accent) 45%, var(--_border));
  }

  .owner-mentee {
    color: var(--_fg);
    background: var(--_subtle);
  }

  .refusal,
  .notice-text {
    font-size: 0.9em;
  }

  .notice-text {
    color: var(--_warning);
  }

  .reason {
    font-size: 0.9em;
    overflow-wrap: anywhere;
  }

  .refusal button {
    margin-inline-start: 0.5em;
  }

  /* The private note under each session. */
  :is(.disclosure, .tool) {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    padding: 0.15em 0.2em;
    border: none;
    background: transparent;
    color: var(--_accent);
    font-size: 0.9em;
  }

  :is(.disclosure, .tool) .chevron {
    transition: transform 0.15s;
  }

  :is(.disclosure, .tool)[aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }

  .dot-note {
    width: 0.45em;
    height: 0.45em;
    border-radius: 50%;
    background: var(--_accent);
  }

  .note-panel {
    margin-top: 0.35em;
    padding: calc(var(--_space) * 0.6);
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px dashed var(--_border);
    background: var(--_subtle);
  }

  .note-panel[hidden] {
    display: none;
  }

  .older {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  h3 {
    margin: 0;
    line-height: 1.25;
    font-size: 1em;
  }
`;
