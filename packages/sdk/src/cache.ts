import type { KeyValueStore } from './store.js';

const PREFIX = 'cache:';
const served = new WeakSet<object>();
const cachedAt = Symbol('rm-kit cachedAt');
interface CachedRead {
  at: string;
  value: unknown;
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

/** Soon, once the browser has a moment: after the answer is rendered, not before. */
const whenIdle: (work: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (work) => requestIdleCallback(work, { timeout: 1000 })
    : (work) => setTimeout(work, 0);

/**
 * The last good answer of each read, per signed-in person, for reading offline. Storing one
 * copies it whole (a page of ten thousand sessions is megabytes), so answers are stored
 * when the browser is idle, the latest per key, and read from here until they are.
 */
export class ReadCache {
  private readonly unsaved = new Map<string, CachedRead>();

  constructor(private readonly store: KeyValueStore) {}

  remember(scope: string, url: string, value: unknown): void {
    const key = `${PREFIX}${scope}:${url}`;
    if (this.unsaved.size === 0) whenIdle(() => void this.save());
    this.unsaved.set(key, { at: new Date().toISOString(), value });
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
    if (!cached || typeof cached.value !== 'object' || cached.value === null) return undefined;
    const value = cached.value as T & object;
    Object.defineProperty(value, cachedAt, { value: cached.at, enumerable: false });
    served.add(value);
    return value;
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
