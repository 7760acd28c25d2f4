import { css } from 'lit';

/**
 * One column at any width: each subscription a card, its actions wrapping onto more lines on
 * a phone, its URL breaking anywhere rather than widening the page; a delivery log inside
 * its card. Comments stay out of the stylesheet: bundlers ship css`` text as it is.
 */
export const webhookSettingsStyles = css`
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.3em;
  }

  h3 {
    font-size: 1.05em;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .webhooks,
  .deliveries {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin-block: var(--_space);
  }

  .webhook,
  .secret {
    display: grid;
    gap: 0.5em;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .secret {
    margin-block: var(--_space);
    border-color: var(--_accent);
    background: var(--_subtle);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }

  .url,
  .detail,
  .secret h3,
  .confirm-dialog p {
    overflow-wrap: anywhere;
  }

  .url {
    font-weight: 600;
  }

  .description,
  .meta,
  .detail {
    margin: 0;
  }

  .events,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }

  .badge.active,
  .badge.succeeded {
    border-color: var(--_success);
  }

  .badge.paused,
  .badge.pending,
  .badge.delivering {
    border-color: var(--_warning);
  }

  .badge.failed {
    border-color: var(--_danger);
    color: var(--_danger);
  }

  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
    background: var(--_bg);
  }

  .log {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding-top: 0.5em;
    border-top: 1px solid var(--_border);
  }

  .log .deliveries {
    margin: 0;
    width: 100%;
  }

  .delivery {
    display: grid;
    gap: 0.3em;
    justify-items: start;
    padding-bottom: 0.5em;
    border-bottom: 1px dashed var(--_border);
  }

  .delivery .head {
    width: 100%;
  }

  .add {
    margin-top: var(--_space);
  }

  .add summary {
    cursor: pointer;
    font-weight: 600;
  }

  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin-top: 0.75em;
  }

  .field {
    display: grid;
    gap: 0.25em;
  }

  fieldset {
    display: grid;
    gap: 0.35em;
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .check {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }

  form > button {
    justify-self: start;
  }

  .copy-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }

  .copy-row input {
    flex: 1 1 14em;
    min-width: 0;
    font-family: ui-monospace, monospace;
  }

  .secret > button {
    justify-self: start;
  }

  .failure {
    margin-block: 0.5em;
  }
`;
