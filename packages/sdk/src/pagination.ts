import type { List, PageQuery } from '@rm-kit/core';

/** What every list takes: `limit` and `cursor`. Each list's own filters are core's `…ListQuery` types. */
export type ListQuery = PageQuery;

/**
 * Every item of a list, fetching page after page with the cursor as the loop asks for
 * more: `for await (const session of client.sessions.list(pairId)) { … }`.
 */
export async function* paginate<T, Q extends ListQuery>(
  fetchPage: (query: Q) => Promise<List<T>>,
  query: Q,
): AsyncGenerator<T, void, undefined> {
  let cursor = query.cursor;
  do {
    const page = await fetchPage(cursor ? { ...query, cursor } : query);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
