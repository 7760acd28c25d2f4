import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { Problem } from './problem.js';

const NUL = '\u0000';
/** `\u0000` in JSON text, escaped (an odd number of backslashes before `u0000`), any case of hex. */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refuse(where: string, ...paths: (string | number)[][]): Problem {
  return new Problem(
    'validation_failed',
    `The ${where} holds a NUL character (\\u0000), which cannot be stored`,
    {
      issues: paths.map((path) => ({ path, message: 'Remove the NUL character (\\u0000)' })),
    },
  );
}

/** Where in a JSON value a NUL hides: in a string, or in a key. */
function pathsWithNul(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return value.includes(NUL) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => pathsWithNul(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      key.includes(NUL) ? [[...path, key]] : pathsWithNul(item, [...path, key]),
    );
  }
  return [];
}

function bodyPaths(body: string): (string | number)[][] {
  try {
    const paths = pathsWithNul(JSON.parse(body));
    if (paths.length > 0) return paths;
  } catch {
    // not JSON (a raw NUL, or another type): the body as a whole
  }
  return [[]];
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Refuses with 400 any request with a NUL character in its path, query or body. SQLite
 * would store it but PostgreSQL's text cannot hold it (a 500 there), so both refuse it
 * here alike, before anything reaches storage.
 */
export function rejectNul(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (decoded(url.pathname).includes(NUL)) throw refuse('path', []);
    for (const [key, values] of Object.entries(c.req.queries())) {
      if (key.includes(NUL)) throw refuse('query', [key]);
      for (const value of values) {
        if (value.includes(NUL)) throw refuse('query', [key]);
      }
    }
    // A cursor is base64url of JSON: what it decodes to must be clean too.
    const cursor = c.req.query('cursor');
    if (cursor) {
      const inside = Buffer.from(cursor, 'base64url').toString('utf8');
      if (inside.includes(NUL) || ESCAPED_NUL.test(inside)) throw refuse('query', ['cursor']);
    }
    if (WITH_BODY.has(c.req.method) && c.req.raw.body !== null) {
      // Read once and cached by Hono: the validators and idempotency read the same text.
      const body = await c.req.text();
      if (body.includes(NUL) || ESCAPED_NUL.test(body)) throw refuse('body', ...bodyPaths(body));
    }
    await next();
  };
}
