import { type CSSResult, unsafeCSS } from 'lit';

/** Each colour: the name the elements use inside, and its light and dark default. */
const COLOURS = {
  surface: ['bg', '#ffffff', '#16191d'],
  text: ['fg', '#1c1f23', '#e8eaed'],
  muted: ['muted', '#5b6470', '#a2aab4'],
  border: ['border', '#d5dae0', '#343a42'],
  subtle: ['subtle', '#f3f5f7', '#20242a'],
  accent: ['accent', '#2f5bd3', '#8aa8ff'],
  'on-accent': ['on-accent', '#ffffff', '#0b1020'],
  danger: ['danger', '#b42318', '#ff8a80'],
  warning: ['warning', '#9a5b00', '#f5c26b'],
  success: ['success', '#17803d', '#6fd48f'],
} as const;

type Theme = 'light' | 'dark';
const column = { light: 1, dark: 2 } as const;

/**
 * The kit's colours, written once. Inside an element each is a private `--_*` property that
 * takes the page's `--rm-color-*` when set and the theme's default otherwise; these
 * declarations are built from constants, so they are adopted like any other stylesheet.
 */
export function elementPalette(theme: Theme): CSSResult {
  return unsafeCSS(
    Object.entries(COLOURS)
      .map(([name, row]) => `--_${row[0]}: var(--rm-color-${name}, ${row[column[theme]]});`)
      .join('\n'),
  );
}

/** The public `--rm-color-*` properties of a theme, as a provider forces it on everything inside. */
export function forcedPalette(theme: Theme): CSSResult {
  return unsafeCSS(
    Object.entries(COLOURS)
      .map(([name, row]) => `--rm-color-${name}: ${row[column[theme]]};`)
      .join('\n'),
  );
}
