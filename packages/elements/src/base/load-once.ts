/**
 * A module fetched once for every element on the page that needs it; a failed fetch (the
 * server was away) is tried again on the next call.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let module: Promise<T> | undefined;
  return () =>
    (module ??= load().catch((error: unknown) => {
      module = undefined;
      throw error;
    }));
}

/**
 * Fetches, once the browser is idle after the element's first render, the modules its
 * actions will need (a form, its validation). The kit promises that what a page shows
 * works offline: a module first fetched on a click made offline would never arrive. A
 * fetch that fails now is tried again when the action runs.
 */
export function preloadWhenIdle(...loads: (() => Promise<unknown>)[]): void {
  const run = () => {
    for (const load of loads) load().catch(() => undefined);
  };
  if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 2000 });
  else setTimeout(run, 200);
}
