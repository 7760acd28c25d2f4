import type { List } from '@rm-kit/core';
import { Problem } from './problem.js';

// What a cursor may hold: an entity id, and an id or a stored instant to sort by. Anything
// else was not made here, and must not reach a query.
const ID = /^[a-z]{3}_[0-9A-HJKMNP-TV-Z]{26}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A cursor names the last item of a page by its sort value and id, so pages never skip or repeat. */
export interface CursorPosition {
  sort: string;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const [sort, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof sort === 'string' &&
      typeof id === 'string' &&
      ID.test(id) &&
      (ID.test(sort) || INSTANT.test(sort))
    ) {
      return { sort, id };
    }
  } catch {
    // fall through to the error below
  }
  throw new Problem('validation_failed', 'This cursor was not made by this server', {
    issues: [{ path: ['cursor'], message: 'Pass back the nextCursor of a previous page, unchanged' }],
  });
}

/**
 * Turns `limit + 1` rows into a page: the extra row only says whether there is more.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  sortOf: (row: R) => CursorPosition,
): List<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor(sortOf(last)) : null,
  };
}
