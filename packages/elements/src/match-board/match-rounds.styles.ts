import { css } from 'lit';

/**
 * The proposals, the pins and bans and the form to make a pair by hand, adopted with their
 * module (see match-rounds.ts). Comments stay out of the stylesheet: bundlers ship css``
 * text as it is.
 */
export const matchRoundsStyles = css`
  .result {
    display: grid;
    gap: 0.75em;
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(3, minmax(0, max-content));
    gap: 0.5em 2em;
    margin: 0.4em 0 0;
  }

  .figures div {
    display: grid;
  }

  .figures dt {
    font-size: 0.85em;
    color: var(--_muted);
  }

  .figures dd {
    margin: 0;
    font-size: 1.35em;
    font-weight: 700;
  }

  .proposal.chosen {
    border-color: var(--_accent);
    box-shadow: 0 0 0 1px var(--_accent);
  }

  .pair-sides {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto minmax(0, 1fr);
    gap: 0.5em;
    align-items: start;
  }

  .link {
    color: var(--_muted);
    padding-top: 0.1em;
  }

  .score-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  meter {
    width: 6em;
    height: 0.7em;
  }

  .reasons {
    margin: 0;
    padding-inline-start: 1.1em;
    display: grid;
    gap: 0.1em;
    font-size: 0.9em;
  }

  .check {
    display: inline-flex;
    gap: 0.4em;
    align-items: center;
    cursor: pointer;
  }

  .check input {
    width: 1.05em;
    height: 1.05em;
    margin: 0;
    accent-color: var(--_accent);
  }

  .swap-bar {
    min-height: 2.2em;
    display: flex;
    align-items: center;
  }

  .plain-list {
    margin: 0;
    padding-inline-start: 1.1em;
    display: grid;
    gap: 0.3em;
  }

  .publish-row {
    padding-top: 0.25em;
  }

  .hand-form {
    display: grid;
    gap: 0.6em;
  }

  .pickers {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
    gap: 0.6em 1em;
  }

  .field {
    display: grid;
    gap: 0.3em;
  }

  .field label {
    font-weight: 600;
  }

  select {
    width: 100%;
  }

  @container (max-width: 30em) {
    .pair-sides {
      grid-template-columns: minmax(0, 1fr);
    }

    .link {
      display: none;
    }

    .figures {
      gap: 0.5em 1em;
    }

    meter {
      width: 4.5em;
    }
  }
`;
