import { css } from 'lit';
import { elementPalette } from './palette.js';

/**
 * The theme every element shares. Each colour, radius, space and font is a `--rm-*`
 * custom property a page can set (on the element, the provider, or any ancestor); the
 * defaults follow the host page's font and the user's light or dark preference, and
 * `theme="dark"` / `theme="light"` on an element or provider forces one. A provider's
 * forced theme reaches native controls (checkboxes, radios, selects) through
 * `--rm-color-scheme`, as colours cannot carry it.
 *
 * The focus ring is a solid accent ring (at least 3:1 on the surface, which the 45% tint it
 * replaced was not: 2:1 light, 2.6:1 dark), apart from the control by a gap of the surface,
 * so it shows around an accent-filled button too. Comments stay out of the stylesheets:
 * bundlers ship what is inside css`` as it is, to every page.
 */
export const baseStyles = css`
  :host {
    ${elementPalette('light')}
    --_radius: var(--rm-radius, 0.5rem);
    --_space: var(--rm-space, 1rem);
    --_focus: var(--rm-focus-ring, 0 0 0 2px var(--_bg), 0 0 0 4px var(--_accent));

    display: block;
    box-sizing: border-box;
    font-family: var(--rm-font-family, inherit);
    font-size: var(--rm-font-size, inherit);
    line-height: 1.45;
    color: var(--_fg);
    color-scheme: var(--rm-color-scheme, light);
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${elementPalette('dark')}
      color-scheme: var(--rm-color-scheme, dark);
    }
  }

  :host([theme='dark']) {
    ${elementPalette('dark')}
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .surface {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }

  .muted {
    color: var(--_muted);
  }

  .visually-hidden,
  .announcer:not(.shown) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  button {
    cursor: pointer;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_border);
    background: var(--_subtle);
    padding: 0.4em 0.9em;
  }

  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }

  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }

  input,
  select,
  textarea {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: 0.4em 0.6em;
  }

  [aria-invalid='true'] {
    border-color: var(--_danger);
  }

  .error-text {
    color: var(--_danger);
  }

  .skeleton {
    display: block;
    height: 1em;
    margin: 0.5em 0;
    border-radius: 0.25em;
    background: linear-gradient(90deg, var(--_subtle), var(--_border), var(--_subtle));
    background-size: 200% 100%;
    animation: rm-shimmer 1.4s ease-in-out infinite;
  }

  .skeleton:nth-of-type(3n + 2) {
    width: 80%;
  }

  .skeleton:nth-of-type(3n + 3) {
    width: 55%;
  }

  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }

  @keyframes rm-shimmer {
    from {
      background-position: 200% 0;
    }
    to {
      background-position: -200% 0;
    }
  }

  .state {
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }

  .announcer.shown {
    margin-block: 0.5em;
    padding: 0.4em 0.75em;
    border-radius: calc(var(--_radius) * 0.75);
    border-inline-start: 0.25em solid var(--_success);
    background: var(--_subtle);
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.1em 0.55em;
    border-radius: 999px;
    font-size: 0.8em;
    font-weight: 600;
    background: var(--_subtle);
    border: 1px solid var(--_border);
  }
`;
