import type { IReadonlyTheme } from '@microsoft/sp-component-base';

/** What the kit is given for a site's theme: its `--rm-*` properties, and whether it is dark. */
export interface KitTheme {
  scheme: 'light' | 'dark' | undefined;
  properties: Record<string, string>;
}

/**
 * The site theme's semantic colours as the kit's custom properties (docs/elements.md lists
 * them). Warnings take `severeWarningIcon`: SharePoint's `warningText` is the body text's grey,
 * and `warningHighlight` a yellow too light to read on white.
 */
const FROM_SEMANTIC = [
  ['--rm-color-accent', 'primaryButtonBackground'],
  ['--rm-color-surface', 'bodyBackground'],
  ['--rm-color-text', 'bodyText'],
  ['--rm-color-muted', 'bodySubtext'],
  ['--rm-color-border', 'bodyDivider'],
  ['--rm-color-subtle', 'bodyStandoutBackground'],
  ['--rm-color-danger', 'errorText'],
  ['--rm-color-warning', 'severeWarningIcon'],
  ['--rm-color-success', 'successText'],
] as const;

/**
 * The kit's properties for a theme (the one a section or the page provides). Without one,
 * none: the kit keeps its own colours and follows the reader's light or dark preference.
 */
export function kitTheme(theme: IReadonlyTheme | undefined): KitTheme {
  if (!theme) return { scheme: undefined, properties: {} };
  const properties: Record<string, string> = {};
  const colors = theme.semanticColors;
  for (const [property, name] of FROM_SEMANTIC) {
    const value = colors?.[name];
    if (value) properties[property] = value;
  }
  const font = theme.fonts?.medium?.fontFamily;
  if (font) properties['--rm-font-family'] = font;
  // A dark section ("inverted") also darkens what the theme does not name: focus rings, shadows, form controls.
  return { scheme: theme.isInverted ? 'dark' : 'light', properties };
}

/** Sets a theme on the element (the `<rm-provider>`), removing the properties an earlier theme set and this one does not. */
export function applyKitTheme(element: HTMLElement, next: KitTheme, previous?: KitTheme): void {
  for (const property of Object.keys(previous?.properties ?? {}))
    if (!(property in next.properties)) element.style.removeProperty(property);
  for (const [property, value] of Object.entries(next.properties)) element.style.setProperty(property, value);
  if (next.scheme) element.setAttribute('theme', next.scheme);
  else element.removeAttribute('theme');
}
