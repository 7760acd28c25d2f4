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
 * load the server bears for nothing. The live event stream is left out: it stays open. Then
 * the bytes of the page's files, on a first visit and opened again.
 */
const QUIET_MS = 1500;
const TIMEOUT_MS = 20_000;
const VIEWS = [
  { who: 'a mentor', email: 'giulia.rossi@contoso.example' },
  { who: 'a mentee', email: 'marco.rinaldi@contoso.example' },
  { who: 'an HR admin', email: 'chiara.ferri@contoso.example' },
];

const root = fileURLToPath(new URL('../..', import.meta.url));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Opens the page as `email` in `context` until it has asked nothing for QUIET_MS: its API
 * requests, and its files (all but the API) with the bytes each took on the wire and its
 * size as it is.
 */
async function visit(context, email) {
  const page = await context.newPage();
  const asked = [];
  const files = [];
  let last = Date.now();
  page.on('request', (request) => {
    const url = new URL(request.url());
    last = Date.now();
    if (url.pathname.startsWith('/v1/')) {
      if (url.pathname !== '/v1/events') asked.push(`${request.method()} ${url.pathname}${url.search}`);
      return;
    }
    // The demo's sign-in is an API of its own, not a file.
    if (url.pathname.startsWith('/demo/')) return;
    files.push(
      (async () => {
        const response = await request.response();
        await response?.finished();
        const sizes = await request.sizes();
        // A file answered 304 reads as its cached copy here, with nothing on the wire for its body.
        const raw = (await response?.body())?.length ?? 0;
        return {
          wire: sizes.responseHeadersSize + sizes.responseBodySize,
          raw,
          kept: sizes.responseBodySize === 0 && raw > 0,
        };
      })(),
    );
  });
  const start = Date.now();
  await page.goto(`${server.url}/index.html?as=${encodeURIComponent(email)}`);
  while (Date.now() - last < QUIET_MS && Date.now() - start < TIMEOUT_MS)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const fetched = await Promise.all(files);
  await page.close();
  const sum = (pick) => fetched.reduce((total, file) => total + pick(file), 0);
  return {
    asked,
    files: fetched.length,
    notModified: fetched.filter((file) => file.kept).length,
    wire: sum((file) => file.wire),
    raw: sum((file) => file.raw),
  };
}
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
    // One browser profile: the second visit finds what the first one kept in its cache.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const first = await visit(context, email);
    const again = await visit(context, email);
    await context.close();
    const distinct = new Set(first.asked).size;
    rows.push({ who, asked: first.asked.length, distinct, first, again });
    console.log(
      `[page] as ${who}: ${first.asked.length} API requests as the page opens, ${distinct} different, ${first.asked.length - distinct} asked again; its files ${kb(first.wire)} on the wire (${kb(first.raw)} as they are), opened again ${kb(again.wire)} (${again.notModified} of ${again.files} answered 304; ${kb(again.raw)} as they are)`,
    );
  }
  writeSection(`## Requests and bytes as the example page opens

The example intranet page (\`examples/intranet\`), as \`pnpm start\` serves it, opened in Chromium
as each kind of person: the API requests it made until none came for ${QUIET_MS / 1000} s (the live
event stream left out), beside how many of them were different, the ceiling of a page that asks
each thing once. The page's own script asks \`GET /v1/me\` (and an admin's programs) through the
client it gives the widgets' provider; the rest are the widgets'. The client sends identical reads
asked while one is on its way only once, and gives an answer again to the same read asked up to
2 s after it came (\`reuseAnswersForMs\`).

${markdownTable(
  ['view', 'API requests', 'different', 'asked again'],
  rows.map(({ who, asked, distinct }) => [who, asked, distinct, asked - distinct]),
)}

The page's files (its own and the kit's bundle, every one it fetched), as the server sent them
over the wire (headers included), beside the same files as they are on disk, as a server that
neither compresses them nor answers 304 sends them; then the page opened again in the same
browser, which asks again for each file it holds (\`Cache-Control: no-cache\`).

${markdownTable(
  [
    'view',
    'first visit, on the wire',
    'the files as they are',
    '÷',
    'opened again, on the wire',
    'answered 304',
    'the files as they are',
    '÷',
  ],
  rows.map(({ who, first, again }) => [
    who,
    kb(first.wire),
    kb(first.raw),
    `${(first.raw / first.wire).toFixed(1)}x`,
    kb(again.wire),
    `${again.notModified} of ${again.files}`,
    kb(again.raw),
    `${(again.raw / again.wire).toFixed(1)}x`,
  ]),
)}`);
} finally {
  await browser?.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
