import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import { allowedOrigin } from '../../http/cross-origin.js';
import type { AppEnv } from '../../http/env.js';
import { alreadyHeld, type Encoding, type FileVersion, fileEtag, keptFiles } from './kept-files.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

const PAGE_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'self'";

type Found = { path: string; info: FileVersion };

/** The file a URL path names inside one of the directories, never outside them. */
async function find(dirs: string[], path: string): Promise<Found | null> {
  const relative = decodeURIComponent(path).replace(/^\/+/, '') || 'index.html';
  for (const dir of dirs) {
    const root = resolve(dir);
    const file = resolve(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) continue;
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return { path: file, info };
    if (info?.isDirectory()) {
      const index = join(file, 'index.html');
      const indexInfo = await stat(index).catch(() => null);
      if (indexInfo?.isFile()) return { path: index, info: indexInfo };
    }
  }
  return null;
}

type Offered = Parameters<NonNullable<Parameters<typeof accepts>[1]['match']>>[0];

/** The encoding to answer with, from the request's Accept-Encoding (null: none). */
function encodingFor(c: Context): Encoding | null {
  const chosen = accepts(c, {
    header: 'Accept-Encoding',
    supports: ['br', 'gzip'],
    default: 'identity',
    match: brotliFirst,
  });
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/**
 * Brotli where the browser takes it at least as readily as gzip, else gzip, else none; an
 * encoding given `q=0`, or left to `*;q=0`, is refused. Hono's own match takes the first
 * listed of equals, and browsers list gzip first.
 */
function brotliFirst(offered: Offered): string {
  const weight = (name: string) =>
    (offered.find((each) => each.type.toLowerCase() === name) ?? offered.find((each) => each.type === '*'))
      ?.q ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br > 0 && br >= gzip) return 'br';
  return gzip > 0 ? 'gzip' : 'identity';
}

/**
 * Serves pages and the kit's bundle from directories (RMKIT_STATIC_DIRS), as `pnpm start`
 * does for the example intranet page, under the same strict policy an intranet would set.
 * Pages of the origins allowed to call the API (RMKIT_CORS_ORIGINS) may load the bundle
 * too: a module script, and every chunk it imports, is fetched with CORS, so each answer
 * names an allowed Origin back. Files other than pages are open to any page's
 * Cross-Origin-Embedder-Policy (CORP cross-origin): they are the same for everyone.
 */
export function registerStatic(app: OpenAPIHono<AppEnv>, dirs: string[], corsOrigins: readonly string[]) {
  const allowed = allowedOrigin(corsOrigins);
  const files = keptFiles();
  // Middleware rather than a GET route: a catch-all route would make every unknown path
  // "allowed for GET" and turn its 404s into 405s.
  app.use(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const found = await find(dirs, c.req.path);
    if (!found) return next();
    const type = extname(found.path);
    const file = await files(found.path, found.info, type);
    const encoding = file.compressible ? encodingFor(c) : null;
    const origin = allowed(c.req.header('Origin') ?? '');
    const headers = {
      'Content-Type': TYPES[type] ?? 'application/octet-stream',
      // Asked again each time, and answered 304 while the ETag still matches.
      'Cache-Control': 'no-cache',
      ETag: fileEtag(file, encoding),
      'Content-Security-Policy': PAGE_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // The answer depends on the Origin sent (and for text, on the encodings accepted), so a
      // cache must not give one origin's to another.
      Vary: file.compressible ? 'Origin, Accept-Encoding' : 'Origin',
      ...(origin ? { 'Access-Control-Allow-Origin': origin } : {}),
      ...(type === '.html' ? {} : { 'Cross-Origin-Resource-Policy': 'cross-origin' }),
    };
    if (alreadyHeld(c.req.header('If-None-Match'), file)) return c.body(null, 304, headers);
    if (!encoding) return c.body(file.body, 200, headers);
    return c.body(await file.encoded(encoding), 200, { ...headers, 'Content-Encoding': encoding });
  });
}
