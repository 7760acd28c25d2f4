import type { RmClient } from '@rm-kit/sdk';

/** One `/v1/me` per client: every element under one provider shares its answer. */
const lookups = new WeakMap<RmClient, Promise<string>>();

/**
 * The signed-in person's current pair, for an element without a pair-id ('' when they
 * are in none): an active pair, else a paused one, else one still to confirm; among
 * several, the first the server lists (the oldest). A failed lookup is asked again.
 */
export function currentPairOf(api: RmClient): Promise<string> {
  let lookup = lookups.get(api);
  if (!lookup) {
    lookup = api.me.get().then(
      ({ pairs }) =>
        ['active', 'paused', 'proposed'].map((status) => pairs.find((p) => p.status === status)).find(Boolean)
          ?.id ?? '',
      (error: unknown) => {
        lookups.delete(api);
        throw error;
      },
    );
    lookups.set(api, lookup);
  }
  return lookup;
}
