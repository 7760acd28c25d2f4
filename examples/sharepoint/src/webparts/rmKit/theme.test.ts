import { createTheme } from '@fluentui/theme';
import { describe, expect, it } from 'vitest';
import { kitTheme } from './theme.js';

// A site theme as SharePoint builds it from the palette an admin chose ("Teal"): Fluent's
// createTheme, which derives the semantic colours from the palette.
const teal = createTheme({
  palette: { themePrimary: '#03787c', neutralPrimary: '#323130', white: '#ffffff', neutralLight: '#edebe9' },
  defaultFontStyle: { fontFamily: '"Segoe UI", sans-serif' },
});
const darkSection = createTheme({
  palette: { themePrimary: '#6bb8ff', neutralPrimary: '#ffffff', white: '#1b1a19' },
  isInverted: true,
});

describe("the site's theme as the kit's custom properties", () => {
  it('gives the kit the site’s accent, surface, text, borders and font', () => {
    const { scheme, properties } = kitTheme(teal);
    expect(scheme).toBe('light');
    expect(properties['--rm-color-accent']).toBe('#03787c');
    expect(properties['--rm-color-surface']).toBe('#ffffff');
    expect(properties['--rm-color-text']).toBe('#323130');
    expect(properties['--rm-color-border']).toBe(teal.semanticColors.bodyDivider);
    expect(properties['--rm-color-muted']).toBe(teal.semanticColors.bodySubtext);
    expect(properties['--rm-font-family']).toBe('"Segoe UI", sans-serif');
  });

  it('names a colour for every state the elements show, a warning in an orange that reads on white', () => {
    const { properties } = kitTheme(teal);
    for (const name of [
      'accent',
      'surface',
      'text',
      'muted',
      'border',
      'subtle',
      'danger',
      'warning',
      'success',
    ])
      expect(properties[`--rm-color-${name}`], name).toMatch(/^#[0-9a-f]{6}$/i);
    expect(properties['--rm-color-warning']).toBe(teal.semanticColors.severeWarningIcon);
    expect(properties['--rm-color-warning']).not.toBe(properties['--rm-color-text']);
  });

  it('turns the kit dark in a dark ("inverted") section, with that section’s colours', () => {
    const { scheme, properties } = kitTheme(darkSection);
    expect(scheme).toBe('dark');
    expect(properties['--rm-color-surface']).toBe('#1b1a19');
    expect(properties['--rm-color-accent']).toBe('#6bb8ff');
  });

  it('leaves the kit its own colours when the page gives no theme', () => {
    expect(kitTheme(undefined)).toEqual({ scheme: undefined, properties: {} });
  });
});
