import { css } from 'lit';

/**
 * The log around its list: header, notices, the empty state. The list (loaded with the
 * first page), the form and the note panel bring their own, when they load.
 */
export const sessionLogStyles = css`

  .log {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
  }

  h2 {
    margin: 0;
    line-height: 1.25;
    font-size: 1.2em;
  }

  p {
    margin: 0;
  }

  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }

  /* The Live indicator: quiet, a dot and a word. */
  .live {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-size: 0.85em;
    color: var(--_muted);
  }

  .live .dot {
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    background: var(--_success);
    box-shadow: 0 0 0 0.2em color-mix(in srgb, var(--_success) 25%, transparent);
  }

  /* Offline or reconnecting: a hollow dot, in no colour that could pass for "live". */
  .live:not(.open) .dot {
    background: transparent;
    box-shadow: inset 0 0 0 0.12em var(--_muted);
  }

  /* The Presenting switch: a toggle button that looks like a switch. */
  .switch {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    background: transparent;
  }

  .switch .track {
    position: relative;
    display: inline-block;
    width: 2em;
    height: 1.1em;
    border-radius: 999px;
    background: var(--_border);
    transition: background-color 0.15s;
  }

  .switch .thumb {
    position: absolute;
    top: 0.15em;
    left: 0.15em;
    width: 0.8em;
    height: 0.8em;
    border-radius: 50%;
    background: var(--_bg);
    transition: transform 0.15s;
  }

  .switch[aria-pressed='true'] .track {
    background: var(--_accent);
  }

  .switch[aria-pressed='true'] .thumb {
    transform: translateX(0.9em);
  }

  @media (prefers-reduced-motion: reduce) {
    .switch .track,
    .switch .thumb {
      transition: none;
    }
  }

  .notice {
    display: grid;
    gap: 0.25em;
    padding: calc(var(--_space) * 0.6);
    border-radius: var(--_radius);
    border: 1px solid color-mix(in srgb, var(--_warning) 45%, var(--_border));
    background: color-mix(in srgb, var(--_warning) 10%, var(--_bg));
  }

  .empty {
    padding: calc(var(--_space) * 0.5) 0;
  }
`;
