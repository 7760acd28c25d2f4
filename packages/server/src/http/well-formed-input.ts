import type { Context, MiddlewareHandler } from 'hono';
import { firstDuplicateKey } from './duplicate-keys.js';
import type { AppEnv } from './env.js';
import { Problem } from './problem.js';

type Path = (string | number)[];
type Flaw = 'nul' | 'surrogate';

const NUL = '\u0000';
/** `\u0000` in JSON text, escaped (an odd number of backslashes before `u0000`), any case of hex. */
const ESCAPED_NUL = /(?<!\\)(?:\\\\)*\\u0000/i;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Fails on bytes that are not UTF-8 (a lone surrogate encoded as bytes among them), and keeps a BOM. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** With the u flag a string is read by code points: only a surrogate without its other half matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;
/**
 * How deep arrays and objects may nest in a body: far deeper than any request of the
 * contract (three levels), and a bound on a refusal's answer, whose every issue spells out
 * a path at most this long.
 */
const MAX_NESTING = 32;

const FIX: Record<Flaw, string> = {
  nul: 'Remove the NUL character (\\u0000)',
  surrogate: 'Remove the lone surrogate: half of a UTF-16 pair is not text',
};

function flawOf(text: string): Flaw | null {
  if (text.includes(NUL)) return 'nul';
  return LONE_SURROGATE.test(text) ? 'surrogate' : null;
}

/** SQLite would store NUL but PostgreSQL cannot; a lone surrogate each stores differently from what was sent. */
function refuse(where: string, flaws: { path: Path; flaw: Flaw }[]): Problem {
  const message = flaws.some((f) => f.flaw === 'nul')
    ? `The ${where} holds a NUL character (\\u0000), which cannot be stored`
    : `The ${where} holds a lone surrogate (half of a UTF-16 pair), which is not well-formed text`;
  return new Problem('validation_failed', message, {
    issues: flaws.map(({ path, flaw }) => ({ path, message: FIX[flaw] })),
  });
}

function tooDeep(path: Path): Problem {
  return new Problem('validation_failed', `The body nests arrays and objects more than ${MAX_NESTING} deep`, {
    issues: [{ path, message: `Nest arrays and objects at most ${MAX_NESTING} deep` }],
  });
}

/**
 * A value met on the walk, with the way back to the root. A path is spelled out only for a
 * refusal: copied for every value, it made the walk quadratic in the depth, and a body of
 * brackets within the body limit held the event loop for minutes.
 */
interface Visit {
  value: unknown;
  key: string | number;
  up: Visit | null;
  depth: number;
}

function pathOf(visit: Visit): Path {
  const path: Path = [];
  for (let at: Visit | null = visit; at?.up; at = at.up) path.push(at.key);
  return path.reverse();
}

/**
 * Every string (and key) of a parsed JSON value that cannot be stored as sent, refusing on
 * the way an array or object nested more than MAX_NESTING deep (named by its path);
 * iterative, so depth cannot overflow the stack.
 */
function flawsIn(root: unknown): { path: Path; flaw: Flaw }[] {
  const found: { path: Path; flaw: Flaw }[] = [];
  const pending: Visit[] = [{ value: root, key: '', up: null, depth: 0 }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value, depth } = visit;
    if (typeof value === 'string') {
      const flaw = flawOf(value);
      if (flaw) found.push({ path: pathOf(visit), flaw });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth === MAX_NESTING) throw tooDeep(pathOf(visit));
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        pending.push({ value: item, key: i, up: visit, depth: depth + 1 });
      });
    } else {
      for (const [key, item] of Object.entries(value)) {
        const flaw = flawOf(key);
        if (flaw) found.push({ path: [...pathOf(visit), key], flaw });
        else pending.push({ value: item, key, up: visit, depth: depth + 1 });
      }
    }
  }
  return found;
}

/** A percent-encoded path segment or query part as text; null when it is not UTF-8 once decoded. */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function checkPath(pathname: string): void {
  const path = decoded(pathname);
  if (path === null) {
    throw new Problem('validation_failed', 'The path is not percent-encoded UTF-8', {
      issues: [{ path: [], message: 'Percent-encode the path as UTF-8' }],
    });
  }
  if (path.includes(NUL)) throw refuse('path', [{ path: [], flaw: 'nul' }]);
}

/** Read from the raw query string: Hono's own decoding keeps what does not decode as it came. */
function checkQuery(search: string): void {
  for (const part of search.replace(/^\?/, '').split('&')) {
    if (!part) continue;
    const equals = part.indexOf('=');
    const [rawKey, rawValue] = equals === -1 ? [part, ''] : [part.slice(0, equals), part.slice(equals + 1)];
    const key = decoded(rawKey.replaceAll('+', ' '));
    const value = decoded(rawValue.replaceAll('+', ' '));
    if (key === null || value === null) {
      throw new Problem('validation_failed', 'The query is not percent-encoded UTF-8', {
        issues: [{ path: [key ?? rawKey], message: 'Percent-encode the value as UTF-8' }],
      });
    }
    if (key.includes(NUL) || value.includes(NUL)) throw refuse('query', [{ path: [key], flaw: 'nul' }]);
  }
}

/** A cursor is base64url of JSON: what it decodes to must be clean too. */
function checkCursor(cursor: string | undefined): void {
  if (!cursor) return;
  const inside = Buffer.from(cursor, 'base64url').toString('utf8');
  if (inside.includes(NUL) || ESCAPED_NUL.test(inside)) {
    throw refuse('query', [{ path: ['cursor'], flaw: 'nul' }]);
  }
}

/** JSON is UTF-8 (RFC 8259): a body declared as anything else is not what the server reads. */
function checkCharset(contentType: string | undefined): void {
  const charset = contentType ? CHARSET.exec(contentType)?.[1]?.toLowerCase() : undefined;
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return;
  throw new Problem('unsupported_media_type', `The body must be UTF-8, not ${charset}`, {
    issues: [{ path: ['Content-Type'], message: 'Send UTF-8: application/json, or charset=utf-8' }],
  });
}

/** The body's text, once it is found well-formed (or not JSON, for the route to refuse). */
function checkBody(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw new Problem('bad_request', 'The body starts with a byte order mark (U+FEFF); send JSON without it');
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new Problem('bad_request', 'The body is not UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: the route's validation says so (400 or 415), unless it holds a NUL.
    if (text.includes(NUL)) throw refuse('body', [{ path: [], flaw: 'nul' }]);
    return text;
  }
  const flaws = flawsIn(value);
  if (flaws.length > 0) throw refuse('body', flaws);
  const repeated = firstDuplicateKey(text);
  if (repeated) {
    throw new Problem('validation_failed', 'The body gives a key more than once', {
      issues: [{ path: repeated, message: 'This key appears more than once in its object; give it once' }],
    });
  }
  return text;
}

/**
 * The path and the query (from its `?`) as the request line gave them. Under Node, cut from
 * the raw request target: parsing the whole URL was a fiftieth of the time of
 * `GET /v1/pairs/{id}`. A target in absolute form (sent to a proxy) and a request made
 * without Node (tests) go through the URL parser.
 */
function pathAndQuery(c: Context<AppEnv>): [string, string] {
  const target = c.env?.incoming?.url;
  if (!target?.startsWith('/')) {
    const url = new URL(c.req.url);
    return [url.pathname, url.search];
  }
  const query = target.indexOf('?');
  return query === -1 ? [target, ''] : [target.slice(0, query), target.slice(query)];
}

/**
 * Refuses with 400 what storage would not give back as it was sent: a NUL character
 * (PostgreSQL's text cannot hold it, SQLite can) or a lone surrogate (SQLite stores invalid
 * UTF-8, PostgreSQL U+FFFD) in the path, the query or the body, and a body that is not
 * UTF-8. A JSON body must also be strict: no byte order mark, no key twice in one object,
 * no arrays and objects nested more than MAX_NESTING deep, no other charset declared
 * (415). All in one place, before anything reaches storage.
 */
export function wellFormedInput(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const [path, query] = pathAndQuery(c);
    checkPath(path);
    checkQuery(query);
    checkCursor(c.req.query('cursor'));
    // Over HTTP every write has a body, empty or not; asking `c.req.raw.body` whether there is
    // one made @hono/node-server build a whole web Request for every write.
    if (WITH_BODY.has(c.req.method)) {
      checkCharset(c.req.header('Content-Type'));
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      // Kept as text for the validators and idempotency, which read the same body: from the
      // bytes alone Hono would decode it again through a new Response for each of them. Hono
      // keeps the promise of each reading there, whatever its type says.
      if (bytes.length > 0)
        (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(checkBody(bytes));
    }
    await next();
  };
}
