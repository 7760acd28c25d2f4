import type { List } from '@rm-kit/core';

export type ListQuery = Record<string, string | number | undefined> & { limit?: number; cursor?: string };

/**
 * Every item of a list, fetching page after page with the cursor as the loop asks for
 * more: `for await (const session of client.sessions.list(pairId)) { … }`.
 */
export async function* paginate<T>(
  fetchPage: (query: ListQuery) => Promise<List<T>>,
  query: ListQuery = {},
): AsyncGenerator<T, void, undefined> {
  let cursor = query.cursor;
  do {
    const page = await fetchPage({ ...query, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
