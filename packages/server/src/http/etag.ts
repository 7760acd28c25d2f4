import type { Context } from 'hono';
import { Problem } from './problem.js';

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an update must apply to, from If-Match, or null when the client sent
 * none (last write wins, as for a plain curl; the SDK always sends it).
 */
export function expectedVersion(c: Context): number | null {
  const header = c.req.header('If-Match');
  if (!header || header.trim() === '*') return null;
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match)
    throw new Problem('bad_request', 'If-Match must be an ETag from a previous response, such as "3"');
  return Number(match[1]);
}

export function stale(current: number): Problem {
  return new Problem(
    'precondition_failed',
    'Someone changed this since you read it: read it again, then retry',
    {
      headers: { ETag: etagOf(current) },
    },
  );
}

/** Refuses a change made from a copy older than `current`, when the client said which copy (If-Match). */
export function checkIfMatch(c: Context, current: number): void {
  const expected = expectedVersion(c);
  if (expected !== null && expected !== current) throw stale(current);
}

/** A write guarded by `where version = read` changed nothing: someone else wrote in between. */
export function assertWritten(result: { numUpdatedRows: bigint }, readVersion: number): void {
  if (Number(result.numUpdatedRows) !== 1) throw stale(readVersion + 1);
}
