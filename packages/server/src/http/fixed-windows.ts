/** Past this many keys, windows that have ended are forgotten, so memory follows the keys of the last windows. */
const SWEEP_ABOVE = 10_000;

export interface Window {
  count: number;
  endsAt: number;
}

/**
 * Counts per key (a caller, a client address) in fixed windows of `windowMs`, each starting
 * at the key's first count. Forgetting ended windows walks them all, so it is done at most
 * once a window: done for every new window past SWEEP_ABOVE keys, a company whose people
 * all open a page within a minute paid for a walk over all of them with each new one.
 */
export class FixedWindows {
  private readonly windows = new Map<string, Window>();
  private sweptAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly windowMs: number) {}

  /** How many windows are held: the keys counted since the last sweep. */
  get size(): number {
    return this.windows.size;
  }

  /** Counts one for `key`; its window as it stands now. */
  count(key: string, now = Date.now()): Readonly<Window> {
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size > SWEEP_ABOVE && now - this.sweptAt >= this.windowMs) this.sweep(now);
      window = { count: 0, endsAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    return window;
  }

  private sweep(now: number): void {
    this.sweptAt = now;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }
}
