import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, memoryStore } from '../../packages/sdk/dist/index.js';
import { startRmServer } from '../rm-server-process.mjs';
import { activePair, allSessions, api, demoToken } from './demo-api.mjs';
import { markdownTable, writeSection } from './section.mjs';

/**
 * Offline replay through the SDK, in Node with its memory outbox (the same Outbox class
 * the browser runs over IndexedDB): a mentor logs 1,000 sessions while the server is down,
 * each resolving with a "queued" receipt; then the server comes up on the same address and
 * a new client on the same store (as a page reloaded once the network is back) sends them.
 * Timed: the replay, from the client's first sync to the outbox being empty. Then checked:
 * exactly one session on the server for each queued write (the exit code is 1 otherwise).
 * The peer, right after: the same writes POSTed straight to the server one at a time, each
 * with an Idempotency-Key, without the SDK (the ceiling for a replay in order).
 *
 * The server is the built one in demo mode on a fresh SQLite file (synchronous=FULL: every
 * acknowledged write is on disk), with its rate limit raised so that the replay is not
 * slowed by 429s. RMKIT_BENCH_WRITES (1000) makes quicker runs for development.
 */
const WRITES = Number(process.env.RMKIT_BENCH_WRITES ?? 1000);
const MENTOR = 'giulia.rossi@contoso.example';
const log = (line) => console.log(`[replay] ${line}`);

/** A port free now: the server will be started on it, and the SDK points there while it is down. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'rm-kit-bench-replay-'));
const env = { DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`, RMKIT_RATE_LIMIT: '100000000' };
let server;
let exitCode = 0;
try {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // Up once to seed the demo data and sign the mentor's token (its key is kept beside the database).
  server = await startRmServer({ ...env, PORT: String(port) }, { built: true });
  if (new URL(server.url).port !== String(port))
    throw new Error(`The server chose ${server.url}, not port ${port}`);
  const token = await demoToken(baseUrl, MENTOR);
  const pair = await activePair(baseUrl, token);
  const before = new Set((await allSessions(baseUrl, token, pair.id)).map((s) => s.id));
  await server.stop();
  server = undefined;

  const store = memoryStore();
  // Offline, without retries: each write is tried once, found unreachable and queued, as a
  // page offline would (the retries' backoff would only stretch this part, which is not timed).
  const offline = createClient({ baseUrl, token, store, retry: { maxRetries: 0 }, syncIntervalMs: 0 });
  const queueing = performance.now();
  const summaries = [];
  for (let n = 0; n < WRITES; n++) {
    const summary = `Replayed session ${n + 1}`;
    summaries.push(summary);
    const written = await offline.sessions.create(pair.id, {
      status: 'held',
      occurredAt: new Date(Date.now() - (n + 1) * 60_000).toISOString(),
      durationMinutes: 30,
      summary,
    });
    if (!written.pending) throw new Error(`Write ${n + 1} reached a server that should be down`);
  }
  const queuedMs = performance.now() - queueing;
  const waiting = (await offline.pendingWrites()).length;
  offline.close();
  log(`${waiting} writes queued in ${(queuedMs / 1000).toFixed(1)} s while the server was down`);

  server = await startRmServer({ ...env, PORT: String(port) }, { built: true });
  if (new URL(server.url).port !== String(port))
    throw new Error(`The server came up at ${server.url}, not port ${port}`);
  let synced = 0;
  let refused = 0;
  const replaying = performance.now();
  const online = createClient({ baseUrl, token, store, syncIntervalMs: 0 });
  online.addEventListener('synced', () => synced++);
  online.addEventListener('sync-error', () => refused++);
  // The new client starts sending at once; sync() joins that replay, and goes on if it
  // stopped, as long as each round sends something.
  const pending = async () => (await online.pendingWrites()).filter((e) => e.state === 'pending').length;
  for (let left = await pending(), last = Number.POSITIVE_INFINITY; left > 0 && left < last; ) {
    await online.sync();
    [last, left] = [left, await pending()];
  }
  const replayMs = performance.now() - replaying;
  online.close();
  log(`replayed ${synced} writes in ${(replayMs / 1000).toFixed(2)} s (${refused} refused), one connection`);

  const created = (await allSessions(baseUrl, token, pair.id)).filter((s) => !before.has(s.id));
  const counts = new Map();
  for (const session of created) counts.set(session.summary, (counts.get(session.summary) ?? 0) + 1);
  const missing = summaries.filter((s) => !counts.has(s)).length;
  const doubled = [...counts.values()].filter((n) => n > 1).length;
  const exact = created.length === WRITES && missing === 0 && doubled === 0;
  log(
    `${created.length} new sessions on the server (${missing} missing, ${doubled} stored twice): ${exact ? 'exact' : 'WRONG'}`,
  );
  if (!exact) exitCode = 1;

  const direct = performance.now();
  for (let n = 0; n < WRITES; n++) {
    await api(baseUrl, token, `/pairs/${pair.id}/sessions`, {
      method: 'POST',
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        status: 'held',
        occurredAt: new Date(Date.now() - (n + 1) * 60_000).toISOString(),
        durationMinutes: 30,
        summary: `Posted session ${n + 1}`,
      }),
    });
  }
  const directMs = performance.now() - direct;
  log(`the same ${WRITES} writes POSTed one at a time without the SDK: ${(directMs / 1000).toFixed(2)} s`);
  const rate = (ms) => `${(ms / 1000).toFixed(2)} s (${Math.round((WRITES / ms) * 1000)} writes/s)`;
  writeSection(`## Offline replay

${WRITES.toLocaleString('en')} sessions logged through the SDK (in Node, its memory outbox: the same
outbox the browser keeps in IndexedDB) while the server was down, then replayed in order by a
new client on the same outbox once the built server was up again on SQLite; one write at a
time, each with its idempotency key. The ceiling for durable writes one at a time is
the disk's fsync rate (issue 13 measured about 3,500 a second). The peer: the same writes
POSTed straight to the server right after, one at a time with an Idempotency-Key, without
the SDK; "÷" is the replay's time over the peer's.

${markdownTable(
  ['figure', 'SDK replay', 'POSTed one at a time', '÷', 'goal', 'met'],
  [
    ['time to replay', rate(replayMs), rate(directMs), `${(replayMs / directMs).toFixed(2)}x`, '—', '—'],
    [
      'sessions on the server',
      `${created.length} (${missing} missing, ${doubled} stored twice)`,
      '—',
      '—',
      `exactly ${WRITES}`,
      exact ? 'yes' : '**no**',
    ],
  ],
)}`);
} finally {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = exitCode;
