import { css } from 'lit';

export const personDataStyles = css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }

  section {
    display: grid;
    gap: 0.6em;
    justify-items: start;
  }

  h2 {
    margin: 0;
    font-size: 1.1em;
  }

  p {
    margin: 0;
  }

  .search {
    display: grid;
    gap: 0.3em;
    width: 100%;
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  .row input {
    flex: 1 1 12rem;
    min-width: 0;
  }

  .people {
    list-style: none;
    margin: 0;
    padding: 0;
    width: 100%;
    display: grid;
    gap: 0.5em;
  }

  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .who {
    display: grid;
    min-width: 0;
    overflow-wrap: anywhere;
  }

  .name {
    font-weight: 600;
  }

  .actions {
    display: flex;
    gap: 0.5em;
  }

  .confirm-dialog form {
    display: grid;
    gap: 0.6em;
  }

  .hint {
    min-height: 1.45em;
  }

  .result {
    padding: 0.5em 0.75em;
    border-inline-start: 0.25em solid var(--_success);
    background: var(--_subtle);
    border-radius: calc(var(--_radius) * 0.75);
  }

  .result.error-text {
    border-inline-start-color: var(--_danger);
  }
`;
