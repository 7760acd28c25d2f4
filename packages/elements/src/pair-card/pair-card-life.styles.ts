import { css } from 'lit';

/**
 * The card's life-cycle part: why a proposed pair was matched, what it waits for, the
 * consent, decline, pause and resume buttons and the line of a pair that ended. Adopted
 * with the part's module, which the card loads when the browser is idle.
 */
export const pairCardLifeStyles = css`
  /* Why this pair, and what a proposed pair waits for */

  .reasons {
    display: grid;
    gap: 0.35em;
    padding: calc(var(--_space) * 0.75);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
  }

  .reasons-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  .score {
    background: var(--_bg);
  }

  .reason-list {
    margin: 0;
    padding-inline-start: 1.2em;
    display: grid;
    gap: 0.15em;
  }

  .consent {
    display: grid;
    gap: 0.6em;
    padding-top: calc(var(--_space) * 0.75);
    border-top: 1px solid var(--_border);
  }

  .consent h3 {
    margin: 0;
    font-size: 1em;
  }

  .steps {
    display: grid;
    gap: 0.4em;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* The mark stays beside its sentence, however narrow the card. */
  .step {
    display: flex;
    align-items: flex-start;
    gap: 0.5em;
  }

  .step > span:not([class]) {
    flex: 1 1 auto;
    min-width: 0;
  }

  .step-icon {
    display: inline-grid;
    place-items: center;
    flex: none;
    margin-top: 0.1em;
    width: 1.3em;
    height: 1.3em;
    border-radius: 50%;
    border: 1px solid var(--_border);
    font-size: 0.85em;
    line-height: 1;
  }

  .step.done .step-icon {
    border-color: var(--_success);
    color: var(--_success);
  }

  .consent-status:focus-visible,
  .ended:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
    border-radius: 0.25em;
  }

  .consent-status:focus,
  .ended:focus {
    outline: none;
  }

  /* Pause, resume, and the no-fault exit */

  .life {
    display: grid;
    gap: 0.5em;
  }

  .life-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }

  button.decline {
    background: var(--_bg);
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }

  /* On a pair under way, ending it is there but not pressed on the reader. */
  button.decline.quiet {
    margin-inline-start: auto;
    border-color: transparent;
    background: transparent;
    font-weight: 400;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .ended {
    padding: 0.6em 0.8em;
    border-radius: calc(var(--_radius) * 0.75);
    border-inline-start: 4px solid var(--_muted);
    background: var(--_subtle);
  }
`;
