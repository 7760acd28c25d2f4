import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/env.js';

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

/** The file a URL path names inside one of the directories, never outside them. */
async function find(dirs: string[], path: string): Promise<string | null> {
  const relative = decodeURIComponent(path).replace(/^\/+/, '') || 'index.html';
  for (const dir of dirs) {
    const root = resolve(dir);
    const file = resolve(join(root, relative));
    if (file !== root && !file.startsWith(root + sep)) continue;
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
    if (info?.isDirectory()) {
      const index = join(file, 'index.html');
      if (await stat(index).catch(() => null)) return index;
    }
  }
  return null;
}

/**
 * Serves pages and the kit's bundle from directories (RMKIT_STATIC_DIRS), as `pnpm start`
 * does for the example intranet page, under the same strict policy an intranet would set.
 */
export function registerStatic(app: OpenAPIHono<AppEnv>, dirs: string[]) {
  // Middleware rather than a GET route: a catch-all route would make every unknown path
  // "allowed for GET" and turn its 404s into 405s.
  app.use(async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const file = await find(dirs, c.req.path);
    if (!file) return next();
    return c.body(await readFile(file), 200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'Content-Security-Policy': PAGE_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
}
