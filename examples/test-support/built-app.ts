import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { type RmServerProcess, startRmServer } from '../../scripts/rm-server-process.mjs';

export const run = promisify(execFile);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The intranet's own web server: another origin than rm-kit's, serving a built app's folder. */
async function staticSite(dir: string) {
  const server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = join(dir, path || 'index.html');
    const body = await readFile(file).catch(() => null);
    if (!file.startsWith(dir) || !body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * A framework example as an intranet would deploy it, for the tests of one describe block:
 * `vite build` with the rm-kit server's address (VITE_RMKIT_URL), the built folder served from
 * the intranet's own origin, the real server in demo mode on a fresh SQLite file allowing that
 * origin (RMKIT_CORS_ORIGINS), and headless Chromium; all gone after the block.
 */
export function builtApp(exampleDir: string) {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-example-'));
  const dist = join(work, 'dist');
  let site: Awaited<ReturnType<typeof staticSite>>;
  let server: RmServerProcess;
  let browser: Browser;
  const opened: Page[] = [];

  beforeAll(async () => {
    site = await staticSite(dist);
    server = await startRmServer({
      DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`,
      RMKIT_CORS_ORIGINS: site.origin,
    });
    await run('pnpm', ['exec', 'vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: exampleDir,
      env: { ...process.env, VITE_RMKIT_URL: server.url },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  }, 90_000);

  // Each page holds its live-event stream open; Chromium opens at most six connections to one host.
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
    rmSync(work, { recursive: true, force: true });
  });

  return {
    /** Opens the app as a seeded person, recording uncaught errors and console errors. */
    async open(email: string) {
      const page = await browser.newPage();
      opened.push(page);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${site.origin}/?as=${encodeURIComponent(email)}`);
      return { page, errors };
    },
  };
}
