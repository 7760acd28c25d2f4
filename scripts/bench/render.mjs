import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';
import { startRmServer } from '../rm-server-process.mjs';
import { activePair, allSessions, api, createSessions, demoToken } from './demo-api.mjs';
import { markdownTable, writeSection } from './section.mjs';

/**
 * Rendering in Chromium, from the built bundle (dist/bundle/rm-kit.js) on a page served by
 * the built rm-kit server in demo mode, with its data:
 *
 * 1. each element's first render: once as a page meets it (its modules fetched, its data
 *    read from the server), then again with its data at hand (the page's fetch answers
 *    with what the first render read), from being added to the page to its content laid out;
 * 2. `<rm-session-log>` with 10,000 sessions beside a plain, non-virtualised Lit list of the
 *    same sessions (scripts/bench/plain-session-list.js), interleaved run by run: both get
 *    every session in one JSON answer (the log's first page is answered with all of them, an
 *    answer made before the clock starts: the goal times the render after its data arrives),
 *    timed from being added to the page to the first session laid out, and beside it what
 *    reading that answer costs alone (so that the list's own work shows); then the JS heap and
 *    DOM nodes they hold, frame times while scrolling, and the time to scroll to the oldest;
 * 3. the log as it really meets 10,000 sessions, 50 at a time from the server: the time to
 *    scroll to the oldest, and its longest frame meanwhile.
 *
 * The sessions are made through the API before anything is measured (held sessions one hour
 * apart, 8 requests at a time, with the rate limit raised), on a fresh demo database.
 *
 * RMKIT_BENCH_SESSIONS (10000), RMKIT_BENCH_RUNS (5 per measure) and RMKIT_BENCH_SECONDS
 * (3 s of scrolling per run) make quicker runs for development.
 */
const SESSIONS = Number(process.env.RMKIT_BENCH_SESSIONS ?? 10_000);
const RUNS = Number(process.env.RMKIT_BENCH_RUNS ?? 5);
const SCROLL_SECONDS = Number(process.env.RMKIT_BENCH_SECONDS ?? 3);
/** A fast flick: this many pixels each frame. */
const SCROLL_STEP = 200;
/** A frame longer than this is a frozen page (RAIL's limit for answering a user). */
const FREEZE_MS = 100;
// Issue 13's goals for the log.
const FIRST_RENDER_GOAL_MS = 50;
const TIMES_FASTER_GOAL = 5;

const MENTOR = 'giulia.rossi@contoso.example';
const ADMIN = 'chiara.ferri@contoso.example';
const NEWCOMER = 'paolo.ricci@contoso.example';
const root = fileURLToPath(new URL('../..', import.meta.url));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;
const log = (line) => console.log(`[render] ${line}`);

const work = mkdtempSync(join(tmpdir(), 'rm-kit-bench-render-'));
const built = join(work, 'static');
// The peer, bundled with its own copy of lit, as a page that wrote it would serve it.
await build({
  entryPoints: [join(root, 'scripts/bench/plain-session-list.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: built,
  nodePaths: [join(root, 'packages/elements/node_modules')],
  logLevel: 'silent',
});

const server = await startRmServer(
  {
    DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`,
    RMKIT_STATIC_DIRS: [
      built,
      join(root, 'scripts/bench/render-page'),
      join(root, 'packages/elements/dist/bundle'),
    ].join(','),
    // Making the sessions and the measured renders ask far more than a person's rate limit allows.
    RMKIT_RATE_LIMIT: '100000000',
  },
  { built: true },
);
let browser;
try {
  const url = server.url;
  // The server compresses each file of the bundle the first time it is asked for it (brotli,
  // about a second for all of them), and keeps it: every page after the first gets it at once.
  // The renders are timed as those pages meet them.
  for (const file of readdirSync(join(root, 'packages/elements/dist/bundle')))
    await fetch(`${url}/${file}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } }).then((r) =>
      r.arrayBuffer(),
    );
  const [mentor, admin, newcomer] = await Promise.all(
    [MENTOR, ADMIN, NEWCOMER].map((e) => demoToken(url, e)),
  );
  const pair = await activePair(url, mentor);
  const seeded = (await allSessions(url, mentor, pair.id)).length;
  const making = performance.now();
  await createSessions(url, mentor, pair.id, Math.max(0, SESSIONS - seeded));
  log(
    `made ${SESSIONS - seeded} sessions through the API in ${((performance.now() - making) / 1000).toFixed(1)} s (8 connections; ${seeded} seeded) on SQLite`,
  );
  const programs = (await api(url, admin, '/programs')).items;
  const running = programs.find((p) => p.status === 'active');
  const enrolling = programs.find((p) => ['enrolling', 'matching'].includes(p.status)) ?? running;

  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[render] page error: ${error.message}`));
  await page.goto(`${url}/index.html`);
  await page.waitForFunction(() => window.bench && customElements.get('rm-provider'));
  const cdp = await page.context().newCDPSession(page);
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const bench = (method, ...args) => page.evaluate(([m, a]) => window.bench[m](...a), [method, args]);

  // 1. Each element's first render.
  const ELEMENTS = [
    { kind: 'pair-card', attributes: { 'pair-id': pair.id }, token: mentor },
    { kind: 'session-log', attributes: { 'pair-id': pair.id }, token: mentor, note: 'first 50 sessions' },
    { kind: 'goal-list', attributes: { 'pair-id': pair.id }, token: mentor },
    { kind: 'feedback-form', attributes: { 'pair-id': pair.id }, token: mentor },
    { kind: 'stories', attributes: {}, token: mentor },
    { kind: 'person-data', attributes: { view: 'mine' }, token: mentor },
    { kind: 'enrollment-form', attributes: {}, token: newcomer },
    { kind: 'match-board', attributes: { 'program-id': enrolling.id }, token: admin },
    { kind: 'program-dashboard', attributes: { 'program-id': running.id }, token: admin },
    { kind: 'webhook-settings', attributes: {}, token: admin },
  ];
  const firstRenders = [];
  const phase1 = performance.now();
  for (const { kind, attributes, token, note } of ELEMENTS) {
    await bench('setMode', 'record');
    const cold = await bench('render', kind, attributes, token);
    const coldAfterData = await bench('afterLastAnswer');
    await bench('setMode', 'replay');
    const warm = [];
    for (let run = 0; run < RUNS; run++) warm.push(await bench('render', kind, attributes, token));
    await bench('clear');
    firstRenders.push({ kind, note, cold, coldAfterData, warm: median(warm) });
    log(
      `<rm-${kind}>: ${ms(cold)} met first (${coldAfterData === null ? 'no answer read' : `${ms(coldAfterData)} of it after its last answer`}), ${ms(median(warm))} with its data at hand (median of ${RUNS})`,
    );
  }
  log(`first renders took ${((performance.now() - phase1) / 1000).toFixed(1)} s`);

  // 2. The log and the plain list with every session, interleaved.
  const loaded = await bench('loadAll', mentor, pair.id);
  const everything = await allSessions(url, mentor, pair.id);
  const oldest = everything.reduce((a, b) => (Date.parse(a.occurredAt) <= Date.parse(b.occurredAt) ? a : b));
  log(`${loaded.count} sessions, ${loaded.megabytes.toFixed(1)} MB of JSON; the oldest is ${oldest.id}`);
  const contenders = {
    log: () => bench('render', 'session-log', { 'pair-id': pair.id }, mentor),
    plain: () => bench('renderPlain'),
  };
  // A first run of each (modules, the log's other reads recorded, the JIT warmed), not counted.
  await bench('setMode', 'record');
  for (const render of Object.values(contenders)) await render();
  await bench('setMode', 'replay');
  const results = { log: [], plain: [] };
  const phase2 = performance.now();
  for (let run = 0; run < RUNS; run++) {
    for (const [name, render] of Object.entries(contenders)) {
      const first = await render();
      // Whatever the element does once shown (its idle-time modules) settles first.
      await page.waitForTimeout(500);
      const read = (await bench('readAnswer'))[name];
      const nodes = await bench('nodes');
      const frames = await bench('scrollFrames', SCROLL_SECONDS, SCROLL_STEP);
      const toOldest = await bench('scrollToOldest', oldest.id);
      // What it held: the heap with it shown, less the heap once it is gone.
      const shown = await memory();
      await bench('clear');
      const heap = shown - (await memory());
      results[name].push({ first, read, heap, nodes, frames, toOldest });
      log(
        `run ${run + 1} ${name}: first render ${ms(first)} (reading the answer alone ${ms(read)}), heap ${(heap / 2 ** 20).toFixed(1)} MB, ${nodes} DOM nodes, frames p95 ${ms(frames.p95)} (max ${ms(frames.max)}), oldest in view after ${ms(toOldest.ms)} (longest frame ${ms(toOldest.longest)})`,
      );
    }
  }
  await bench('clear');
  log(`${RUNS} interleaved runs of both took ${((performance.now() - phase2) / 1000).toFixed(1)} s`);

  // 3. The log as it meets the sessions: 50 at a time from the server. First its first render
  // with the page it asks for at hand (recorded once, then replayed), as in part 1.
  await bench('uninject');
  await bench('setMode', 'record');
  await bench('render', 'session-log', { 'pair-id': pair.id }, mentor);
  await bench('setMode', 'replay');
  const pagedFirsts = [];
  for (let run = 0; run < RUNS; run++) {
    pagedFirsts.push(await bench('render', 'session-log', { 'pair-id': pair.id }, mentor));
    await page.waitForTimeout(500);
  }
  const pagedFirst = median(pagedFirsts);
  log(`first render with its first page of 50 at hand: ${pagedFirsts.map(ms).join(', ')}`);
  await bench('setMode', 'network');
  await bench('render', 'session-log', { 'pair-id': pair.id }, mentor);
  const paged = await bench('scrollToOldest', oldest.id, 600_000);
  await bench('clear');
  log(
    `paging through the server: oldest in view after ${ms(paged.ms)} (${Math.ceil(loaded.count / 50)} pages, longest frame ${ms(paged.longest)})`,
  );

  const summary = (name, pick) => median(results[name].map(pick));
  const rows = [
    ['first render (ms)', (r) => r.first, 'lower'],
    ['reading the answer alone (ms)', (r) => r.read, 'lower'],
    ["first render less reading the answer: the list's own (ms)", (r) => r.first - r.read, 'lower'],
    ['JS heap held (MB)', (r) => r.heap / 2 ** 20, 'lower'],
    ['DOM nodes', (r) => r.nodes, 'lower'],
    ['scroll frame p95 (ms)', (r) => r.frames.p95, 'lower'],
    ['scroll frame max (ms)', (r) => r.frames.max, 'lower'],
    ['scroll to the oldest (ms)', (r) => r.toOldest.ms, 'lower'],
    ['longest frame scrolling to the oldest (ms)', (r) => r.toOldest.longest, 'lower'],
  ].map(([label, pick]) => ({ label, ours: summary('log', pick), peer: summary('plain', pick) }));
  const [first] = rows;
  const goals = {
    'first render (ms)': {
      goal: `≤ ${FIRST_RENDER_GOAL_MS} ms, ≥ ${TIMES_FASTER_GOAL}x faster`,
      met: first.ours <= FIRST_RENDER_GOAL_MS && first.peer / first.ours >= TIMES_FASTER_GOAL,
    },
    'longest frame scrolling to the oldest (ms)': {
      goal: `never frozen (no frame over ${FREEZE_MS} ms)`,
      met: rows.at(-1).ours <= FREEZE_MS,
    },
  };
  const figure = (label, value) => (label.startsWith('DOM') ? String(Math.round(value)) : value.toFixed(1));
  console.log('');
  console.log(`<rm-session-log> beside the plain Lit list, ${loaded.count} sessions, median of ${RUNS} runs`);
  for (const { label, ours, peer } of rows) {
    console.log(
      `  ${label.padEnd(58)} ${figure(label, ours).padStart(9)}  plain ${figure(label, peer).padStart(9)}  plain ÷ log ${(peer / ours).toFixed(2)}`,
    );
  }
  console.log(
    `  first render with its first page of 50 at hand: ${ms(pagedFirst)} (goal ≤ ${FIRST_RENDER_GOAL_MS} ms)`,
  );
  console.log(
    `  scroll to the oldest, paging through the server: ${ms(paged.ms)}, longest frame ${ms(paged.longest)}`,
  );
  const yes = (met) => (met ? 'yes' : '**no**');
  writeSection(`## Rendering

In Chromium (headless), from the built bundle on a page served by the built server in demo
mode, each element in a column 48 rem (768 px) wide as an intranet page would give it. A first render is timed from the element being added to the page to its content laid
out (the log: its first session). "Met first": the first time the page shows it (its modules
fetched, its data read from the server on loopback), and of that time, what came after the last
answer it read arrived (Resource Timing's \`responseEnd\`): its own work on a page that meets it
first, which the server's and the network's pace do not move; "data at hand": the median of ${RUNS} more,
their GET answers replayed in the page so that only the element's own work is timed.

${markdownTable(
  ['element', 'met first', 'of it, after its last answer', 'data at hand'],
  firstRenders.map(({ kind, note, cold, coldAfterData, warm }) => [
    `\`<rm-${kind}>\`${note ? ` (${note})` : ''}`,
    ms(cold),
    coldAfterData === null ? '—' : ms(coldAfterData),
    ms(warm),
  ]),
)}

\`<rm-session-log>\` with ${loaded.count.toLocaleString('en')} sessions beside a plain Lit list
rendering every one of them (no virtualisation), interleaved, median of ${RUNS} runs. Both get
all the sessions in one JSON answer (${loaded.megabytes.toFixed(1)} MB, in ASCII as the server writes every answer; the log's first page is
answered with all of them, its answer made in the page before the clock starts, as the goal
is the render after its data arrives). "Reading the answer alone": what turning those bytes into objects
costs by itself, measured in the page right after each render (the log's client reads the
answer's text and parses it; the plain list parses the text it was made of), not counting the garbage collection it brings on later, which the first render
does pay. Heap: what the page's
JS heap gives back when the list is removed (after a garbage collection each time, the list
scrolled to its end); DOM nodes: in
the list's tree as first shown, shadow roots included. Scrolling: ${SCROLL_STEP} px a frame for
${SCROLL_SECONDS} s; "to the oldest": to the end of the list each frame until the oldest
session is in view. "÷": the plain list's figure
divided by the log's.

${markdownTable(
  ['figure', '`<rm-session-log>`', 'plain Lit list', '÷', 'goal', 'met'],
  rows.map(({ label, ours, peer }) => [
    label,
    figure(label, ours),
    figure(label, peer),
    `${(peer / ours).toFixed(2)}x`,
    goals[label]?.goal ?? '—',
    goals[label] ? yes(goals[label].met) : '—',
  ]),
)}

As the log meets them in use, 50 sessions a page from the server (${Math.ceil(loaded.count / 50)} pages; the scroll in one run):

${markdownTable(
  ['figure', '`<rm-session-log>`', 'goal', 'met'],
  [
    [
      `first render, its first page at hand (ms), median of ${RUNS}`,
      pagedFirst.toFixed(1),
      `≤ ${FIRST_RENDER_GOAL_MS} ms`,
      yes(pagedFirst <= FIRST_RENDER_GOAL_MS),
    ],
    ['scroll to the oldest (ms)', paged.ms.toFixed(1), '—', '—'],
    [
      'longest frame meanwhile (ms)',
      paged.longest.toFixed(1),
      `never frozen (no frame over ${FREEZE_MS} ms)`,
      yes(paged.longest <= FREEZE_MS),
    ],
  ],
)}`);
} finally {
  await browser?.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
