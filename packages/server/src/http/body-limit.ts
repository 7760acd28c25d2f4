import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.js';

/**
 * Refuses a write's body over `maxSize` bytes through `tooLarge`, which throws. A body sent
 * with Content-Length is judged by it before a byte is read (Node's parser never hands on
 * more than it says); only a chunked body is counted as it streams, by Hono's bodyLimit.
 * That one reads `c.req.raw.body`, which made @hono/node-server build a whole web Request
 * for every write, a twentieth of a keyed POST's time; without it the body is read straight
 * from the socket when the handler asks for it.
 */
export function limitBody(maxSize: number, tooLarge: () => never): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    const length = c.req.header('Content-Length');
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) return streamed(c, next);
    if (Number.parseInt(length, 10) > maxSize) tooLarge();
    return next();
  };
}
