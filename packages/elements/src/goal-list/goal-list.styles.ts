import { css } from 'lit';

export const goalListStyles = css`
  section,
  form {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 0.75);
  }

  select,
  input {
    max-inline-size: 100%;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .goals,
  .templates {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .goal {
    display: grid;
    gap: 0.5em;
    padding-block-end: calc(var(--_space) * 0.75);
    border-block-end: 1px solid var(--_border);
  }

  .goal-title {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    margin: 0;
  }

  .badge.pending,
  .notice {
    border-color: var(--_warning);
  }

  .notice {
    margin: 0;
    padding: 0.5em 0.75em;
    border-inline-start: 0.25em solid var(--_warning);
    background: var(--_subtle);
  }

  .controls,
  .assessment {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }

  label {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }

  .progress input {
    accent-color: var(--_accent);
    inline-size: 8rem;
  }

  .assessment {
    margin: 0;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
  }

  .assessment legend {
    padding-inline: 0.25em;
  }

  .label {
    margin: 0;
    font-weight: 600;
  }

  .commitments {
    display: grid;
    gap: 0.35em;
  }

  .commitments li {
    overflow-wrap: anywhere;
  }

  .commitments label {
    display: flex;
    flex-wrap: nowrap;
    align-items: baseline;
  }

  .commitments li.done {
    color: var(--_muted);
  }

  .commitments input[type='checkbox'] {
    accent-color: var(--_success);
  }

  .mark {
    display: inline-block;
    inline-size: 1.4em;
    color: var(--_success);
  }

  form label {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.2em;
  }

  form.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }

  form.inline input {
    flex: 1 1 12rem;
    min-inline-size: 0;
  }

  .add {
    justify-self: start;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  .templates li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }

  .templates .goal-title {
    flex: 1 1 12rem;
  }
`;
