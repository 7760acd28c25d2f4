import { adoptStyles, type CSSResult, type ReactiveElement, supportsAdoptingStyleSheets } from 'lit';

/** Shadow roots that already have a sheet, where sheets cannot be adopted and `<style>` stands in. */
const appended = new WeakMap<ShadowRoot, Set<CSSResult>>();

/**
 * Adds styles to an element's shadow root after it was created, for a part of the element
 * whose module (and styles) load only when first used. Like Lit's own `static styles`, they
 * are adopted stylesheets, so a page with a strict Content-Security-Policy works; a sheet
 * already there is not added twice.
 */
export function adoptLaterStyles(element: ReactiveElement, styles: CSSResult[]): void {
  const root = element.renderRoot;
  if (!(root instanceof ShadowRoot)) return;
  if (supportsAdoptingStyleSheets) {
    const sheets = styles.flatMap((style) => style.styleSheet ?? []);
    root.adoptedStyleSheets = [
      ...root.adoptedStyleSheets,
      ...sheets.filter((sheet) => !root.adoptedStyleSheets.includes(sheet)),
    ];
    return;
  }
  const added = appended.get(root) ?? new Set<CSSResult>();
  appended.set(root, added);
  const missing = styles.filter((style) => !added.has(style));
  for (const style of missing) added.add(style);
  // Appends a <style> (with the page's nonce, as Lit does) for each.
  adoptStyles(root, missing);
}
