import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startRmServer } from '../rm-server-process.mjs';
import { markdownTable, writeSection } from './section.mjs';

/**
 * What the example intranet page asks the server as it opens, as `pnpm start` serves it (the
 * built server in demo mode on SQLite, the built bundle): the API requests of each view until
 * none has been asked for QUIET_MS, beside how many of them are different (the ceiling: each
 * thing asked once). At 9 a.m. every employee's browser asks these, so each one asked again is
 * load the server bears for nothing. The live event stream is left out: it stays open.
 */
const QUIET_MS = 1500;
const TIMEOUT_MS = 20_000;
const VIEWS = [
  { who: 'a mentor', email: 'giulia.rossi@contoso.example' },
  { who: 'a mentee', email: 'marco.rinaldi@contoso.example' },
  { who: 'an HR admin', email: 'chiara.ferri@contoso.example' },
];

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'rm-kit-bench-page-'));
const server = await startRmServer(
  {
    DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`,
    RMKIT_STATIC_DIRS: [join(root, 'examples/intranet'), join(root, 'packages/elements/dist/bundle')].join(
      ',',
    ),
  },
  { built: true },
);
let browser;
try {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const rows = [];
  for (const { who, email } of VIEWS) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const asked = [];
    let last = Date.now();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/v1/') || url.pathname === '/v1/events') return;
      asked.push(`${request.method()} ${url.pathname}${url.search}`);
      last = Date.now();
    });
    const start = Date.now();
    await page.goto(`${server.url}/index.html?as=${encodeURIComponent(email)}`);
    while (Date.now() - last < QUIET_MS && Date.now() - start < TIMEOUT_MS)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await page.close();
    const distinct = new Set(asked).size;
    rows.push({ who, asked: asked.length, distinct });
    console.log(
      `[page] as ${who}: ${asked.length} API requests as the page opens, ${distinct} different, ${asked.length - distinct} asked again`,
    );
  }
  writeSection(`## Requests as the example page opens

The example intranet page (\`examples/intranet\`), as \`pnpm start\` serves it, opened in Chromium
as each kind of person: the API requests it made until none came for ${QUIET_MS / 1000} s (the live
event stream left out), beside how many of them were different, the ceiling of a page that asks
each thing once. The page's own script asks \`GET /v1/me\` once; the rest are its widgets, under
one provider, whose client sends identical reads asked while one is on its way only once, and
gives an answer again to the same read asked up to 2 s after it came (\`reuseAnswersForMs\`).

${markdownTable(
  ['view', 'API requests', 'different', 'asked again'],
  rows.map(({ who, asked, distinct }) => [who, asked, distinct, asked - distinct]),
)}`);
} finally {
  await browser?.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
