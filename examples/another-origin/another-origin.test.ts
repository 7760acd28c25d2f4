import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { type RmServerProcess, startRmServer } from '../../scripts/rm-server-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guide = readFileSync(join(root, 'docs/embedding.md'), 'utf8');

/** Every fenced block of the guide, with the marker above it (`tested: <name>`, `run by hand: <what, when>` or `not run: <why>`). */
const blocks = [...guide.matchAll(/(?:<!-- (.+?) -->\n)?```(\w*)\n([\s\S]*?)\n```/g)].map((match) => ({
  marker: match[1] ?? null,
  code: match[3] ?? '',
}));
const tested = (name: string) => {
  const block = blocks.find((b) => b.marker === `tested: ${name}`);
  if (!block) throw new Error(`docs/embedding.md has no block marked "tested: ${name}"`);
  return block.code;
};

/** An intranet's web server: another origin than rm-kit's, serving the one page it is given. */
async function intranetServer(): Promise<{
  origin: string;
  serve(html: string, policy?: string): void;
  close(): Promise<void>;
}> {
  let page = '';
  let headers: Record<string, string> = {};
  const server: Server = createServer((request, response) => {
    if (request.url !== '/') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(page);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve: (html, policy) => {
      headers = policy ? { 'Content-Security-Policy': policy } : {};
      page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>${html}</body></html>`;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * A plain page of another origin loading the kit from the reference server, as
 * docs/embedding.md tells an intranet developer to: the bundle built by Vite with its
 * integrity files, the server in demo mode allowing the intranet's origin, in real Chromium.
 */
describe('a page of another origin loads the kit from the server (docs/embedding.md)', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-another-origin-'));
  const bundle = join(work, 'bundle');
  let server: RmServerProcess;
  let intranet: Awaited<ReturnType<typeof intranetServer>>;
  let elsewhere: Awaited<ReturnType<typeof intranetServer>>;
  let browser: Browser;
  let token: string;
  const opened: Page[] = [];

  beforeAll(async () => {
    intranet = await intranetServer();
    elsewhere = await intranetServer();
    mkdirSync(bundle);
    server = await startRmServer({
      DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`,
      RMKIT_STATIC_DIRS: bundle,
      RMKIT_CORS_ORIGINS: intranet.origin,
    });
    // The build the guide runs, with this server's address in script-tag.html.
    execFileSync(
      'pnpm',
      ['exec', 'vite', 'build', '--outDir', bundle, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: join(root, 'packages/elements'),
        env: { ...process.env, RMKIT_BUNDLE_URL: `${server.url}/` },
        stdio: 'pipe',
      },
    );
    const signedIn = await fetch(`${server.url}/demo/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'giulia.rossi@contoso.example' }),
    });
    token = ((await signedIn.json()) as { token: string }).token;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 90_000);

  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await intranet?.close();
    await elsewhere?.close();
    rmSync(work, { recursive: true, force: true });
  });

  /** The guide's page, with this server's address and a demo token of a mentor, whose pair it shows. */
  const guidePage = (scriptTag?: string, locale = 'en') => {
    const [script, ...rest] = tested('one script tag').split('\n');
    return [scriptTag ?? script, ...rest]
      .join('\n')
      .replace('<rm-provider ', `<rm-provider locale="${locale}" `)
      .replaceAll('https://mentoring.contoso.com', server.url)
      .replace('token="…"', `token="${token}"`);
  };

  /** Opens the page on a site, recording every request that failed or answered an error, and every console error. */
  async function open(site: Awaited<ReturnType<typeof intranetServer>>, html: string, policy?: string) {
    site.serve(html, policy);
    const page = await browser.newPage();
    opened.push(page);
    const failed: string[] = [];
    const errors: string[] = [];
    const scripts: { url: string; allowOrigin: string | null }[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
      if (response.url().startsWith(server.url) && response.url().endsWith('.js'))
        scripts.push({
          url: response.url(),
          allowOrigin: response.headers()['access-control-allow-origin'] ?? null,
        });
    });
    await page.goto(`${site.origin}/`);
    return { page, failed, errors, scripts };
  }

  const partnerShown = (page: Page) =>
    expect
      .poll(() => page.locator('rm-pair-card').getByText('Marco Rinaldi').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

  it('marks every code block of the guide as tested here, run by hand, or not run and why', () => {
    expect(blocks.length).toBeGreaterThan(3);
    for (const block of blocks)
      expect(block.marker, block.code.slice(0, 60)).toMatch(/^(tested: .+|run by hand: .+|not run: .+)$/);
  });

  it('shows the pair from the guide’s one script tag, rm-kit.js and its chunks all from the server, no request failing', async () => {
    const { page, failed, errors, scripts } = await open(intranet, guidePage());
    await partnerShown(page);
    expect(scripts.map((s) => s.url)).toContain(`${server.url}/rm-kit.js`);
    expect(scripts.some((s) => s.url.includes('/rm-kit-base-'))).toBe(true);
    for (const script of scripts) expect(script.allowOrigin, script.url).toBe(intranet.origin);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the pair with the build’s script-tag.html: rm-kit.js and every chunk checked against its sha384', async () => {
    const integrity = JSON.parse(readFileSync(join(bundle, 'integrity.json'), 'utf8')) as Record<
      string,
      string
    >;
    const tags = readFileSync(join(bundle, 'script-tag.html'), 'utf8');
    expect(tags).toContain(`src="${server.url}/rm-kit.js" integrity="${integrity['rm-kit.js']}"`);
    const { page, failed, errors, scripts } = await open(intranet, guidePage(tags));
    await partnerShown(page);
    // Every chunk the page fetched is in the import map's integrity.
    for (const { url } of scripts) expect(tags, url).toContain(integrity[url.slice(server.url.length + 1)]);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('runs the import map under a strict Content-Security-Policy that allows it by the hash script-tag.html gives', async () => {
    const tags = readFileSync(join(bundle, 'script-tag.html'), 'utf8');
    const hash = /script-src '(sha256-[^']+)'/.exec(tags)?.[1];
    const policy = (scripts: string) =>
      `default-src 'self' ${server.url}; img-src 'self' data:; script-src ${server.url} ${scripts}`;
    const allowed = await open(intranet, guidePage(tags), policy(`'${hash}'`));
    await partnerShown(allowed.page);
    expect(allowed.errors).toEqual([]);

    const refused = await open(intranet, guidePage(tags), policy(''));
    await expect
      .poll(() => refused.errors.join('\n'), { timeout: 10_000 })
      .toMatch(/Content Security Policy/);
  }, 60_000);

  it('checks a chunk imported later, the Italian words, against the import map too', async () => {
    const tags = readFileSync(join(bundle, 'script-tag.html'), 'utf8');
    const italian = await open(intranet, guidePage(tags, 'it'));
    await expect
      .poll(() => italian.page.locator('rm-pair-card').getByText('Mentor · inizio carriera').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const words = italian.scripts.find((s) => s.url.includes('/base.strings.it-'))?.url;
    expect(words).toBeDefined();
    expect(italian.errors).toEqual([]);

    const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
    const tampered = tags.replace(new RegExp(`("${words}":)"[^"]+"`), `$1"${wrong}"`);
    expect(tampered).not.toBe(tags);
    const { page, errors } = await open(intranet, guidePage(tampered, 'it'));
    await expect.poll(() => errors.join('\n'), { timeout: 10_000 }).toMatch(/integrity/i);
    expect(await page.locator('rm-pair-card').getByText('Mentor · inizio carriera').count()).toBe(0);
  }, 60_000);

  it('runs nothing when a chunk does not match the import map’s hash, nor when rm-kit.js does not match its tag’s', async () => {
    const tags = readFileSync(join(bundle, 'script-tag.html'), 'utf8');
    const base = Object.keys(JSON.parse(readFileSync(join(bundle, 'integrity.json'), 'utf8'))).find((file) =>
      file.startsWith('rm-kit-base-'),
    );
    const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
    const tamperedChunk = tags.replace(new RegExp(`("${server.url}/${base}":)"[^"]+"`), `$1"${wrong}"`);
    const tamperedEntry = tags.replace(/(src="[^"]+rm-kit\.js" integrity=)"[^"]+"/, `$1"${wrong}"`);
    for (const tampered of [tamperedChunk, tamperedEntry]) {
      expect(tampered).not.toBe(tags);
      const { page, errors } = await open(intranet, guidePage(tampered));
      await expect.poll(() => errors.join('\n'), { timeout: 10_000 }).toMatch(/integrity/i);
      expect(await page.evaluate(() => customElements.get('rm-pair-card') === undefined)).toBe(true);
    }
  }, 60_000);

  it('gives a page of an origin not in RMKIT_CORS_ORIGINS no CORS header, so the kit does not load there', async () => {
    const { page, errors } = await open(elsewhere, guidePage());
    await expect
      .poll(() => errors.join('\n'), { timeout: 10_000 })
      .toMatch(/CORS|Access-Control-Allow-Origin/);
    expect(await page.evaluate(() => customElements.get('rm-provider') === undefined)).toBe(true);
    const answer = await fetch(`${server.url}/rm-kit.js`, { headers: { Origin: elsewhere.origin } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBeNull();
  }, 60_000);
});
