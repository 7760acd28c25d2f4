import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Locale = 'en' | 'it';
export type Words<K extends string> = Record<K, string>;
/** Italian words in a module of their own, fetched the first time an element speaks Italian. */
export type LoadWords<K extends string> = () => Promise<Words<K>>;
/**
 * An element's words. English is always at hand; Italian may be a `LoadWords`, as most pages
 * speak one language and should not download the other.
 */
export interface Strings<K extends string> {
  en: Words<K>;
  it: Words<K> | LoadWords<K>;
}

/** Strings with both languages at hand, for other strings to spread into theirs. */
export type BothLanguages<K extends string> = Record<Locale, Words<K>>;

/** Words a `LoadWords` brought, or its fetch on the way; `failed` when it could not be fetched. */
const loaded = new WeakMap<LoadWords<string>, Words<string> | Promise<void> | 'failed'>();
/** Each element's localisation controllers, for `wordsReady`. */
const controllersOf = new WeakMap<object, LocalizeController<string>[]>();

/**
 * Whether every localisation controller of an element has its words for the element's
 * language; if not, their fetch starts and the element is asked to update when it ends.
 * Elements render nothing until then (RmElement), rather than a moment of English.
 */
export function wordsReady(host: object): boolean {
  return (controllersOf.get(host) ?? []).every((controller) => controller.ready);
}

/** Both parts' words, the second's over the first's: for a part of an element that loads later. */
export function mergeStrings<A extends string, B extends string>(
  first: Strings<A>,
  second: Strings<B>,
): Strings<A | B> {
  const { it: firstIt } = first;
  const { it: secondIt } = second;
  const words = <K extends string>(it: Words<K> | LoadWords<K>) => (typeof it === 'function' ? it() : it);
  return {
    en: { ...first.en, ...second.en },
    it:
      typeof firstIt === 'function' || typeof secondIt === 'function'
        ? async () => ({ ...(await words(firstIt)), ...(await words(secondIt)) })
        : { ...firstIt, ...secondIt },
  };
}

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

/** Intl formatters made so far, by kind, locale and options: making one costs far more than using it. */
const formatters = new Map<string, { format(value: never): string }>();

function formatter<O, F extends { format(value: never): string }>(
  kind: new (locale: string, options?: O) => F,
  locale: string,
  options?: O,
): F {
  const key = kind.name + locale + JSON.stringify(options);
  return (formatters.get(key) ?? formatters.set(key, new kind(locale, options)).get(key)) as F;
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
    controllersOf.set(host, [...(controllersOf.get(host) ?? []), this]);
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

  /** Whether the words of the element's language are here (or could not be fetched: English stands in). */
  get ready(): boolean {
    const words = this.strings[this.locale];
    return typeof words !== 'function' || !(this.wordsOf(words) instanceof Promise);
  }

  /** The words a loader brought; starts fetching them the first time. */
  private wordsOf(load: LoadWords<K>): Words<K> | Promise<void> | 'failed' {
    let words = loaded.get(load);
    if (!words) {
      words = load().then(
        (arrived) => void loaded.set(load, arrived),
        // Offline before the words arrived: English stands in until the page is reloaded.
        () => void loaded.set(load, 'failed'),
      );
      loaded.set(load, words);
    }
    if (words instanceof Promise) void words.then(() => this.host.requestUpdate());
    return words as Words<K> | Promise<void> | 'failed';
  }

  /** A string, with `{name}` placeholders filled in. */
  t(key: K, values: Record<string, string | number> = {}): string {
    const table = this.strings[this.locale];
    const words = typeof table === 'function' ? this.wordsOf(table) : table;
    const text =
      (typeof words === 'object' && !(words instanceof Promise) ? words[key] : undefined) ??
      this.strings.en[key];
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  }

  date(value: string | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return formatter(Intl.DateTimeFormat, this.locale, options).format(
      typeof value === 'string' ? new Date(value) : value,
    );
  }

  dateTime(value: string | Date): string {
    return this.date(value, { dateStyle: 'medium', timeStyle: 'short' });
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatter(Intl.NumberFormat, this.locale, options).format(value);
  }
}
