import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { type RmServerProcess, startRmServer } from '../../scripts/rm-server-process.mjs';
import { fencedBlocks } from './fenced-blocks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const blocks = fencedBlocks(join(root, 'docs/getting-started.md')).filter(
  (block) => block.marker === 'tested: getting-started',
);
const only = (what: string, found: typeof blocks) => {
  if (found.length !== 1) throw new Error(`docs/getting-started.md: ${found.length} ${what} blocks, not 1`);
  return (found[0] as (typeof blocks)[number]).code;
};
const identityProvider = only(
  'js',
  blocks.filter((b) => b.language === 'js'),
);
const serverStart = only(
  'server start',
  blocks.filter((b) => b.language === 'sh' && b.code.includes('node packages/server/dist/main.js')),
);
const steps = blocks.filter(
  (b) => b.language === 'sh' && !b.code.includes('node packages/server/dist/main.js'),
);
const shownMe = only(
  'json',
  blocks.filter((b) => b.language === 'json'),
);
const page = only(
  'html',
  blocks.filter((b) => b.language === 'html'),
);

/** A port nothing listens on now, for a process that takes its port from the guide. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

/** `KEY=value \` lines before the command, as a shell would read them. */
function environmentOf(command: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of command.split('\n')) {
    const match = /^([A-Z_]+)=('([^']*)'|\S*)\s*\\?$/.exec(line.trim());
    if (match?.[1]) env[match[1]] = match[3] ?? match[2] ?? '';
  }
  return env;
}

/**
 * docs/getting-started.md as a newcomer follows it: the guide's identity provider, the built
 * server outside demo mode with the guide's settings, the guide's shell steps in one bash
 * session, and the guide's page, from another origin, in Chromium. Only the ports and the
 * database's folder differ.
 */
describe('docs/getting-started.md, followed to the end', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-getting-started-'));
  const ports = { server: 0, idp: 0, page: 0 };
  let idp: ReturnType<typeof spawn>;
  let server: RmServerProcess;
  let intranet: Server;
  let browser: Browser;
  let pageHtml = '';
  const local = (text: string) =>
    text
      .replaceAll('localhost:8787', `localhost:${ports.server}`)
      .replaceAll('localhost:8790', `localhost:${ports.idp}`)
      .replaceAll('localhost:8080', `localhost:${ports.page}`);

  beforeAll(async () => {
    for (const tool of ['curl', 'jq'])
      try {
        execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      } catch {
        throw new Error(`docs/getting-started.md uses ${tool}: install it (apt-get install ${tool})`);
      }
    execFileSync('pnpm', ['exec', 'tsc', '-b', 'packages/server'], { cwd: root, stdio: 'pipe' });
    execFileSync('pnpm', ['exec', 'vite', 'build', '--outDir', join(work, 'bundle'), '--logLevel', 'warn'], {
      cwd: join(root, 'packages/elements'),
      stdio: 'pipe',
    });
    ports.idp = await freePort();
    ports.page = await freePort();
    const idpFile = join(work, 'local-idp.mjs');
    writeFileSync(idpFile, identityProvider);
    idp = spawn(process.execPath, [idpFile], { env: { ...process.env, IDP_PORT: String(ports.idp) } });
    await new Promise<void>((ready, failed) => {
      idp.stdout?.on('data', (chunk) => {
        if (String(chunk).includes(`issuer http://localhost:${ports.idp}`)) ready();
      });
      idp.once('exit', (code) => failed(new Error(`local-idp.mjs exited with ${code}`)));
    });

    const env = environmentOf(serverStart);
    expect(Object.keys(env)).toContain('RMKIT_ORG_NAME');
    expect(env.RMKIT_DEMO).toBeUndefined();
    for (const key of Object.keys(env)) env[key] = local(env[key] ?? '');
    server = await startRmServer(
      {
        ...env,
        RMKIT_DEMO: '0', // the guide leaves it unset: startRmServer's default is the demo
        DATABASE_URL: `sqlite:${join(work, 'data/getting-started.sqlite')}`,
        RMKIT_STATIC_DIRS: join(work, 'bundle'),
      },
      { built: true },
    );
    ports.server = Number(new URL(server.url).port);

    intranet = createServer((request, response) => {
      if (request.url !== '/') response.writeHead(404).end();
      else response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(pageHtml);
    });
    await new Promise<void>((done) => intranet.listen(ports.page, '127.0.0.1', done));
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (intranet ? intranet.close(done) : done(null)));
    await server?.stop();
    idp?.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it('creates the organisation on the first start, outside demo mode', () => {
    const created = server.logs().find((line) => String(line.msg).startsWith('Created the organisation'));
    expect(created?.msg).toContain('"Contoso Italia"');
    expect(server.logs().find((line) => line.msg === 'rm-kit server listening')?.demo).toBe(false);
  });

  let printed: string[] = [];
  it('runs every shell step, and the first admin’s /v1/me is as shown', () => {
    const output = execFileSync(
      'bash',
      ['-euo', 'pipefail', '-c', steps.map((s) => local(s.code)).join('\n')],
      {
        cwd: work,
        encoding: 'utf8',
      },
    );
    const me = JSON.parse(output.slice(0, output.indexOf('\n}\n') + 2));
    expect(me).toEqual(JSON.parse(shownMe));
    printed = output
      .slice(output.indexOf('\n}\n') + 3)
      .trim()
      .split('\n');
    // The ids step: Marco's pair, the program, its pair, and last Marco's token.
    expect(printed[0]).toMatch(/^par_\w{26} proposed$/);
    expect(printed[1]).toMatch(/^prg_\w{26} Reverse mentoring 2027 enrolling$/);
    expect(printed[2]).toMatch(/^par_\w{26} mentor per_\w{26} mentee per_\w{26}$/);
    expect(printed.at(-1)).toMatch(/^ey/);
  }, 60_000);

  it('shows Giulia and Marco’s pair on the page, from another origin, with no request failing', async () => {
    const token = printed.at(-1);
    expect(token).toBeTruthy();
    expect(page).toContain('token="…"');
    pageHtml = local(page).replace('token="…"', `token="${token}"`);
    const tab = await browser.newPage();
    const failures: string[] = [];
    tab.on('requestfailed', (request) => failures.push(request.url()));
    tab.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    await tab.goto(`http://localhost:${ports.page}/`);
    const shown = () =>
      tab
        .locator('rm-pair-card')
        .evaluate((card) => (card.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '));
    await expect.poll(shown, { timeout: 15_000 }).toContain('Giulia Russo');
    const text = await shown();
    expect(text).toContain('Marco Bianchi');
    expect(text).toContain('To be confirmed');
    expect(failures).toEqual([]);
  }, 30_000);
});
