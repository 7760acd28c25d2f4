import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Locale = 'en' | 'it';
export type Strings<K extends string> = Record<Locale, Record<K, string>>;

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** Any `lang` change anywhere on the page re-renders the elements, as a browser would re-render text. */
function watchLang() {
  observer ??= new MutationObserver(() => {
    for (const host of hosts) host.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** The nearest `lang` above an element, crossing shadow roots, as the HTML spec resolves it. */
export function nearestLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') ?? '';
    node = node instanceof ShadowRoot ? node.host : (node.parentNode ?? null);
  }
  return document.documentElement.lang || navigator.language;
}

export function toLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

/**
 * A small localisation controller in the spirit of Shoelace's: the element's strings in
 * English and Italian, picked from the provider's locale or the nearest `lang`, and
 * dates and numbers through Intl. A library must not use @lit/localize, which can be
 * configured only once per page.
 */
export class LocalizeController<K extends string> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { locale?: string | undefined },
    private readonly strings: Strings<K>,
  ) {
    host.addController(this);
  }

  hostConnected() {
    hosts.add(this.host);
    watchLang();
  }

  hostDisconnected() {
    hosts.delete(this.host);
  }

  get locale(): Locale {
    return toLocale(this.host.locale || nearestLang(this.host));
  }

  /** A string, with `{name}` placeholders filled in. */
  t(key: K, values: Record<string, string | number> = {}): string {
    const text = this.strings[this.locale][key] ?? this.strings.en[key];
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  }

  date(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.locale, options).format(
      typeof value === 'string' ? new Date(value) : value,
    );
  }

  dateTime(value: string | Date): string {
    return this.date(value, { dateStyle: 'medium', timeStyle: 'short' });
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }
}
