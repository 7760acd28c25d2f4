import type { KeyValueStore } from './store.js';

const PREFIX = 'cache:';
const served = new WeakSet<object>();
const cachedAt = Symbol('rm-kit cachedAt');
/** Each JSON answer's text as it came, for as long as its value lives. */
const answerTexts = new WeakMap<object, string>();

/**
 * Keeps the JSON text an answer was read from (the transport tells). The cache stores that
 * rather than the value: the browser's copy of a value for IndexedDB walks every object of
 * it (a page of 10,000 sessions is 10,000 objects and their arrays), a string it copies whole.
 */
export function keepAnswerText(value: object, text: string): void {
  answerTexts.set(value, text);
}

/** A copy of an answer for another caller, parsed again from the text it came as: no caller sees another's changes to it. */
export function copyOfAnswer<T>(value: T): T {
  const text = typeof value === 'object' && value !== null ? answerTexts.get(value) : undefined;
  if (text === undefined) return value;
  const copy = JSON.parse(text) as T & object;
  answerTexts.set(copy, text);
  return copy;
}

/** A stored answer: its JSON text as the server sent it, or (a text answer, an older entry) the value. */
interface CachedRead {
  at: string;
  json?: string;
  value?: unknown;
}

/**
 * Whether a value came from the read cache because the server could not be reached:
 * what the widget last knew, to be shown as possibly out of date.
 */
export function isStale(value: unknown): boolean {
  return typeof value === 'object' && value !== null && served.has(value);
}

/** When a stale value was last fetched from the server. */
export function staleSince(value: unknown): Date | null {
  return isStale(value) ? new Date((value as { [cachedAt]: string })[cachedAt]) : null;
}

/**
 * Soon, once the browser has a moment after the answer is shown: after the frame that draws
 * it and the next (a virtualised list measures what it drew in that one), not before (a page
 * waiting for its frame is idle too, and storing 4.5 MB takes 15 ms, which would hold up the
 * page right as it shows the answer). A hidden page draws no frames: then within a second.
 */
const whenIdle: (work: () => void) => void =
  typeof requestIdleCallback === 'function' && typeof requestAnimationFrame === 'function'
    ? (work) => {
        let waiting = true;
        const drawn = () => {
          if (waiting) requestIdleCallback(work, { timeout: 1000 });
          waiting = false;
        };
        requestAnimationFrame(() => requestAnimationFrame(drawn));
        setTimeout(drawn, 1000);
      }
    : (work) => setTimeout(work, 0);

/**
 * The last good answer of each read, per signed-in person, for reading offline. A page of ten
 * thousand sessions is megabytes: an answer is stored as the JSON text it came as (copying
 * one string spares walking every object parsed from it, and keeps it as it came even if the
 * caller changes the value), when the browser is idle, the latest per key, and read from
 * here until it is.
 */
export class ReadCache {
  private readonly unsaved = new Map<string, CachedRead>();

  constructor(private readonly store: KeyValueStore) {}

  remember(scope: string, url: string, value: unknown): void {
    const key = `${PREFIX}${scope}:${url}`;
    if (this.unsaved.size === 0) whenIdle(() => void this.save());
    const at = new Date().toISOString();
    const json = typeof value === 'object' && value !== null ? answerTexts.get(value) : undefined;
    this.unsaved.set(key, json === undefined ? { at, value } : { at, json });
  }

  private async save(): Promise<void> {
    const unsaved = [...this.unsaved];
    this.unsaved.clear();
    // Remembering is a convenience: a full or private-mode IndexedDB must not fail a good read.
    await Promise.all(unsaved.map(([key, read]) => this.store.set(key, read).catch(() => {})));
  }

  async recall<T>(scope: string, url: string): Promise<T | undefined> {
    const key = `${PREFIX}${scope}:${url}`;
    const waiting = this.unsaved.get(key);
    // A copy, as the store would give: the caller's own answer must not turn stale.
    const cached = waiting ? structuredClone(waiting) : await this.store.get<CachedRead>(key);
    const value: unknown = cached?.json === undefined ? cached?.value : JSON.parse(cached.json);
    if (!cached || typeof value !== 'object' || value === null) return undefined;
    Object.defineProperty(value, cachedAt, { value: cached.at, enumerable: false });
    served.add(value);
    return value as T;
  }
}

/**
 * Whose cache a token reads: the JWT's subject (read, not verified: the server verifies),
 * so one person's cached answers are never shown to another who signs in on the same browser.
 */
export function cacheScope(token: string): string {
  const payload = token.split('.')[1];
  if (payload) {
    try {
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown };
      if (typeof claims.sub === 'string') return `sub:${claims.sub}`;
    } catch {
      // not a JWT: fall through
    }
  }
  let hash = 2166136261;
  for (let i = 0; i < token.length; i++) hash = Math.imul(hash ^ token.charCodeAt(i), 16777619);
  return `token:${(hash >>> 0).toString(36)}`;
}
