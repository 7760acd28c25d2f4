import { applyKitTheme, type KitTheme } from './theme.js';

/** What the web part shows: its markup (webPartMarkup) and the theme given to the kit. */
export interface KitView {
  markup: string;
  theme: KitTheme;
}

/**
 * Shows the web part in its element and gives `<rm-provider>` its token callback and the
 * theme; returns what is shown, to pass back next time. The markup is written only when it
 * changed: new elements would lose what they show (a half-written session, the scroll).
 */
export function showKit(
  element: HTMLElement,
  next: KitView & { getToken: () => Promise<string> },
  shown?: KitView,
): KitView {
  if (next.markup !== shown?.markup) element.innerHTML = next.markup;
  const provider = element.querySelector('rm-provider');
  if (provider) {
    provider.getToken = next.getToken;
    applyKitTheme(provider, next.theme, next.markup === shown?.markup ? shown.theme : undefined);
  }
  return { markup: next.markup, theme: next.theme };
}
