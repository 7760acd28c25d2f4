import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { openStorage } from '../../packages/server/dist/db/database.js';
import { findPostgresBinaries, startPostgresCluster } from '../postgres-cluster.mjs';
import { startRmServer } from '../rm-server-process.mjs';
import { openEventStreams } from './event-streams.mjs';
import { markdownTable, writeSection } from './section.mjs';

/**
 * The built rm-kit server beside a bare Hono route on @hono/node-server (scripts/bench/bare-hono.mjs,
 * its own process) answering the same JSON, on SQLite (a file, synchronous=FULL as shipped) and
 * on PostgreSQL (a throwaway cluster with fsync on), over loopback with autocannon. For the keyed
 * POST the peer is a ceiling: one bare insert per request into the same kind of database.
 *
 * rm-kit runs as shipped (demo seed, request log at info) except for RMKIT_RATE_LIMIT, raised so
 * that one caller's 50 connections measure the server rather than its 429s. Each row warms both
 * up, then runs rm-kit and the peer back to back, so a busy machine slows both alike.
 *
 * RMKIT_BENCH_SECONDS: seconds per phase (default 10; the 200-connection mix runs three times as
 * long); RMKIT_BENCH_GOAL_ROUNDS: rounds of the rows that take several (default 3).
 * RMKIT_BENCH_CPU_PROFILE=<dir>: instead of the bench, profile the built server on SQLite under
 * the GET of a pair (`node --cpu-prof`), write the .cpuprofile there and print the functions
 * with the most self time; RMKIT_BENCH_PROFILE_REQUEST=post profiles the keyed POST instead.
 * For a quick look while working, RMKIT_BENCH_DATABASES=SQLite|PostgreSQL and
 * RMKIT_BENCH_REQUESTS=<comma-separated starts of request names, e.g. "GET /v1/pairs/{id},mix">
 * keep only those rows.
 *
 * Exit code 1 only for a wrong result: a write acknowledged with 201 that is not stored.
 */
const SECONDS = Number(process.env.RMKIT_BENCH_SECONDS ?? 10);
const MIX_SECONDS = SECONDS * 3;
const WARM_UP_SECONDS = Math.min(3, Math.max(1, SECONDS / 5));
const CONNECTIONS = 50;
/**
 * Rounds of the rows whose goal lies within what this machine moves between runs (SQLite's
 * GET of a pair and keyed POST): one run made the POST 1,896 and 2,184 writes/s on the same
 * code, and the GET's p99 11 and 9 ms, about a goal of 2,000 and under 10.
 */
const GOAL_ROUNDS = Number(process.env.RMKIT_BENCH_GOAL_ROUNDS ?? 3);
const MIX_CONNECTIONS = 200;
/** Far above what one caller can send here: the limiter still runs, it never says 429. */
const RATE_LIMIT = '1000000000';
const KEYED_SUMMARY = 'Bench: keyed write';
const MIX_SUMMARY = 'Bench: mixed write';
const GET_PAIR = 'GET /v1/pairs/{id}';
const GET_SESSIONS = 'GET /v1/pairs/{id}/sessions?limit=20';
const GET_ME = 'GET /v1/me';
const GET_ME_ALONE = 'GET /v1/me, one connection';
const POST_SESSION = 'POST /v1/pairs/{id}/sessions, keyed';
/** Pages open elsewhere in the company, each holding its live event stream, while a pair writes. */
const OPEN_PAGES = 2000;
const POST_SESSION_PAGES_OPEN = `${POST_SESSION}, ${OPEN_PAGES.toLocaleString('en-US')} other pages open`;
const MIX = `mix, ${MIX_CONNECTIONS} connections`;
const PAGE = "GET, a mentor's page: the 16 reads it asks";
/** Whether `name` is kept by the comma-separated starts of names in `variable` (all, when unset). */
const kept = (variable, name) => {
  const starts = (process.env[variable] ?? '').split(',').filter(Boolean);
  return starts.length === 0 || starts.some((start) => name.startsWith(start));
};

const sessionBody = (summary) =>
  JSON.stringify({ status: 'held', occurredAt: '2026-10-05T10:00:00Z', summary, durationMinutes: 45 });

/** Starts scripts/bench/bare-hono.mjs and checks that what answers is that process. */
async function startPeer(env) {
  const nonce = randomUUID();
  const child = spawn(process.execPath, [new URL('./bare-hono.mjs', import.meta.url).pathname], {
    env: { ...process.env, ...env, RMKIT_PEER_NONCE: nonce },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n').find((l) => l.includes('"listening"'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.once('exit', (code) => reject(new Error(`bare Hono peer exited (${code}) before listening`)));
  });
  const who = await (await fetch(`${url}/whoami`)).json();
  if (who.nonce !== nonce || who.pid !== child.pid) {
    child.kill();
    throw new Error(`${url} is not the bare Hono peer this bench started`);
  }
  return {
    url,
    pid: child.pid,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

async function json(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * The demo seed's people, signed in: the members of active pairs (the first a pair's
 * mentor), and the tokens of everyone outside the mentor's pair.
 */
async function signIn(url) {
  const people = await json(await fetch(`${url}/demo/people`));
  const signedIn = [];
  for (const person of people.items) {
    const { token } = await json(
      await fetch(`${url}/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: person.email }),
      }),
    );
    const me = await json(await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } }));
    signedIn.push({
      token,
      pairIds: person.pairIds,
      active: me.pairs.find((pair) => pair.status === 'active'),
      me,
    });
  }
  const members = signedIn
    .filter(({ active }) => active)
    .map(({ token, active, me }) => ({ token, pairId: active.id, mentor: active.mentorId === me.person.id }));
  const mentor = members.find((member) => member.mentor);
  if (!mentor) throw new Error('the demo seed has no mentor of an active pair');
  const bystanders = signedIn
    .filter(({ pairIds }) => !pairIds.includes(mentor.pairId))
    .map(({ token }) => token);
  return { mentor, members, bystanders };
}

/**
 * The reads the example intranet page asks as a mentor opens it, in the order it asks them:
 * the "Requests and bytes as the example page opens" section counts them (16: `/v1/me` once, as the
 * page's script asks it through the client its widgets share). Every employee's browser asks these at 9 a.m.
 */
function pageReads({ id, programId, mentorId, menteeId }) {
  return [
    '/v1/me',
    `/v1/pairs/${id}`,
    `/v1/pairs/${id}/progress`,
    `/v1/pairs/${id}/sessions?limit=50`,
    `/v1/pairs/${id}/goals`,
    `/v1/programs/${programId}`,
    `/v1/people/${menteeId}`,
    `/v1/people/${mentorId}`,
    `/v1/programs/${programId}/goal-templates?limit=100`,
    `/v1/pairs/${id}/stories?limit=100`,
    '/v1/stories?limit=10',
    `/v1/pairs/${id}/feedback?kind=midpoint&limit=100`,
    `/v1/pairs/${id}/feedback?kind=final&limit=100`,
    `/v1/pairs/${id}/sessions?status=held&limit=1`,
    '/v1/organization',
    `/v1/pairs/${id}/feedback?kind=session&limit=100`,
  ];
}

/** What rm-kit answers the measured requests with, for the peer to answer the same. */
async function bodiesFor(url, { token, pairId }) {
  const headers = { authorization: `Bearer ${token}` };
  const me = await json(await fetch(`${url}/v1/me`, { headers }));
  const pair = await json(await fetch(`${url}/v1/pairs/${pairId}`, { headers }));
  const page = {};
  for (const path of pageReads(pair)) page[path] = await json(await fetch(`${url}${path}`, { headers }));
  const sessions = await json(await fetch(`${url}/v1/pairs/${pairId}/sessions?limit=20`, { headers }));
  const session = await json(
    await fetch(`${url}/v1/pairs/${pairId}/sessions`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: sessionBody('Bench: the body the peer answers'),
    }),
  );
  return { me, pair, sessions, session, page };
}

/** Keyed writes by summary: sent, and acknowledged with 201, to check against the rows stored. */
const writes = new Map();
const tally = (summary) => {
  if (!writes.has(summary)) writes.set(summary, { sent: 0, acknowledged: 0 });
  return writes.get(summary);
};

/** The same GET on every connection, built once. */
const get = (path, token) => ({
  requests: [{ method: 'GET', path, headers: { authorization: `Bearer ${token}` } }],
});

function keyedPost(pairOf, summary, count) {
  return {
    method: 'POST',
    setupRequest: (request, context) => {
      if (count) tally(summary).sent++;
      const { token, pairId } = pairOf(context);
      return {
        ...request,
        path: `/v1/pairs/${pairId}/sessions`,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': randomUUID(),
        },
        body: sessionBody(summary),
      };
    },
    onResponse: (status) => {
      if (count && status === 201) tally(summary).acknowledged++;
    },
  };
}

/** Clock ticks per second of /proc's CPU times. */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;
  } catch {
    return 100;
  }
})();

/** The CPU time (user and system) a process has used so far, in µs; null without Linux's /proc. */
function cpuMicros(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/**
 * A PostgreSQL cluster's processes: its postmaster and those it started (a backend for each
 * connection, its writers). Read from /proc; empty without it.
 */
function clusterProcesses(postmaster) {
  const pids = [postmaster];
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const parent = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
        if (parent === postmaster) pids.push(Number(entry));
      } catch {
        // ended meanwhile
      }
    }
  } catch {
    return [];
  }
  return pids;
}

/** The CPU time of each process of a cluster so far, in µs, by process id. */
function clusterCpu(postmaster) {
  return new Map(clusterProcesses(postmaster).map((pid) => [pid, cpuMicros(pid)]));
}

/**
 * What the cluster's processes used between two readings: of one started meanwhile, all it used;
 * of one that ended meanwhile, nothing (the pools' connections last the whole phase).
 */
function cpuSince(before, after) {
  let used = 0;
  for (const [pid, now] of after) if (now !== null) used += now - (before.get(pid) ?? 0);
  return used;
}

async function run(url, connections, seconds, options, pid, postmaster) {
  const cpuBefore = pid === undefined ? null : cpuMicros(pid);
  const databaseBefore = postmaster === undefined ? null : clusterCpu(postmaster);
  const result = await autocannon({ url, connections, duration: seconds, ...options });
  const cpuAfter = pid === undefined ? null : cpuMicros(pid);
  const databaseAfter = postmaster === undefined ? null : clusterCpu(postmaster);
  return {
    seconds: result.duration,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    non2xx: result.non2xx,
    cpu: cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / result.requests.total,
    databaseCpu:
      databaseBefore === null || databaseAfter === null || databaseAfter.size === 0
        ? null
        : cpuSince(databaseBefore, databaseAfter) / result.requests.total,
  };
}

/** Warms both up, then measures rm-kit and the peer back to back. */
async function phase(rmKit, peer, connections, seconds, optionsFor, postmaster) {
  await run(rmKit.url, connections, WARM_UP_SECONDS, optionsFor(rmKit));
  await run(peer.url, connections, WARM_UP_SECONDS, optionsFor(peer));
  const ours = await run(rmKit.url, connections, seconds, optionsFor(rmKit), rmKit.child.pid, postmaster);
  const theirs = await run(peer.url, connections, seconds, optionsFor(peer), peer.pid, postmaster);
  return { ours, theirs };
}

const median = (values) => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

/**
 * One row's figures from several rounds: each the median of the rounds (the largest latency
 * the largest, the errors all of them), so that no round's own noise decides a goal.
 */
function combine(runs) {
  if (runs.length === 1) return runs[0];
  const each = (field) => runs.map((r) => r[field]);
  const medianOrNull = (field) => (each(field).includes(null) ? null : median(each(field)));
  return {
    seconds: median(each('seconds')),
    connections: runs[0].connections,
    rps: median(each('rps')),
    p50: median(each('p50')),
    p99: median(each('p99')),
    max: Math.max(...each('max')),
    errors: each('errors').reduce((a, b) => a + b, 0),
    non2xx: each('non2xx').reduce((a, b) => a + b, 0),
    cpu: medianOrNull('cpu'),
    databaseCpu: medianOrNull('databaseCpu'),
  };
}

/** `postmaster`: on PostgreSQL, the cluster's, whose processes' CPU is measured too. */
async function benchDatabase(name, rmKitDatabase, peerDatabase, work, postmaster) {
  const rmKit = await startRmServer(
    { DATABASE_URL: rmKitDatabase, RMKIT_RATE_LIMIT: RATE_LIMIT },
    { built: true },
  );
  let peer;
  try {
    const { mentor, members, bystanders } = await signIn(rmKit.url);
    const bodies = join(work, `${name}-bodies.json`);
    const answered = await bodiesFor(rmKit.url, mentor);
    writeFileSync(bodies, JSON.stringify(answered));
    peer = await startPeer({ RMKIT_PEER_BODIES: bodies, RMKIT_PEER_DATABASE: peerDatabase });
    const rows = [];
    const measure = async (request, connections, seconds, optionsFor, rounds = 1) => {
      if (!kept('RMKIT_BENCH_REQUESTS', request)) return;
      const results = [];
      for (let round = 1; round <= rounds; round++) {
        const { ours, theirs } = await phase(rmKit, peer, connections, seconds, optionsFor, postmaster);
        results.push({ ours, theirs, ratio: ours.rps / theirs.rps });
        const which = rounds > 1 ? ` (round ${round} of ${rounds})` : '';
        console.log(`${name}: ${request}${which}: ${describe(ours)} | peer ${describe(theirs)}`);
      }
      rows.push({
        database: name,
        request,
        ours: combine(results.map((r) => r.ours)),
        theirs: combine(results.map((r) => r.theirs)),
        // Each round's own ratio: rm-kit and the peer ran back to back, on the machine as it was then.
        ratio: median(results.map((r) => r.ratio)),
        rounds: results,
      });
    };
    const goalRounds = name === 'SQLite' ? GOAL_ROUNDS : 1;

    await measure(
      GET_PAIR,
      CONNECTIONS,
      SECONDS,
      () => get(`/v1/pairs/${mentor.pairId}`, mentor.token),
      goalRounds,
    );
    // What every page the kit is on asks first, for whoever opens it.
    await measure(GET_ME, CONNECTIONS, SECONDS, () => get('/v1/me', mentor.token));
    // One person opening a page on a quiet server: what they wait for, not what the server can bear.
    await measure(GET_ME_ALONE, 1, SECONDS, () => get('/v1/me', mentor.token));
    await measure(GET_SESSIONS, CONNECTIONS, SECONDS, () =>
      get(`/v1/pairs/${mentor.pairId}/sessions?limit=20`, mentor.token),
    );
    // What the server bears for each page opened: its reads in turn on every connection.
    await measure(PAGE, CONNECTIONS, SECONDS, () => ({
      requests: pageReads(answered.pair).flatMap((path) => get(path, mentor.token).requests),
    }));
    await measure(
      POST_SESSION,
      CONNECTIONS,
      SECONDS,
      (target) => ({ requests: [keyedPost(() => mentor, KEYED_SUMMARY, target === rmKit)] }),
      goalRounds,
    );
    // The same writes while pages of people outside the pair hold their live event streams
    // open, as every page with the kit on it does all day: none of them may learn of these.
    if (kept('RMKIT_BENCH_REQUESTS', POST_SESSION_PAGES_OPEN)) {
      const streams = await openEventStreams(rmKit.url, bystanders, OPEN_PAGES);
      try {
        await measure(POST_SESSION_PAGES_OPEN, CONNECTIONS, SECONDS, (target) => ({
          requests: [keyedPost(() => mentor, KEYED_SUMMARY, target === rmKit)],
        }));
      } finally {
        streams.close();
      }
    }
    // Each connection is one member of an active pair: four reads of their pair, then a keyed write.
    await measure(MIX, MIX_CONNECTIONS, MIX_SECONDS, (target) => {
      let next = 0;
      const memberOf = (context) => {
        context.member ??= members[next++ % members.length];
        return context.member;
      };
      const read = (path) => ({
        method: 'GET',
        setupRequest: (request, context) => {
          const { token, pairId } = memberOf(context);
          return { ...request, path: path(pairId), headers: { authorization: `Bearer ${token}` } };
        },
      });
      const pair = read((pairId) => `/v1/pairs/${pairId}`);
      const sessions = read((pairId) => `/v1/pairs/${pairId}/sessions?limit=20`);
      return {
        requests: [pair, sessions, pair, sessions, keyedPost(memberOf, MIX_SUMMARY, target === rmKit)],
      };
    });
    return rows;
  } finally {
    await peer?.stop();
    await rmKit.stop();
  }
}

/** Every keyed write rm-kit acknowledged is stored, and none it was never sent. */
async function checkWrites(name, database) {
  const storage = await openStorage(database);
  const wrong = [];
  try {
    for (const [summary, { sent, acknowledged }] of writes) {
      const { count } = await storage.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('summary', '=', summary)
        .executeTakeFirstOrThrow();
      const stored = Number(count);
      const ok = stored >= acknowledged && stored <= sent;
      console.log(
        `${name}: "${summary}": ${acknowledged} acknowledged, ${stored} stored, ${sent} sent${ok ? '' : '  WRONG'}`,
      );
      if (!ok) wrong.push(summary);
    }
  } finally {
    await storage.close();
    writes.clear();
  }
  return wrong;
}

const ms = (value) => `${Number(value).toFixed(value < 10 ? 1 : 0)} ms`;
const perSecond = (value) => Math.round(value).toLocaleString('en-US');
/**
 * On one connection each answer comes in well under autocannon's millisecond steps: its mean
 * then, from the rate (one request at a time), rather than percentiles that all read 0 or 1 ms.
 */
const latency = (r) =>
  r.connections === 1 ? `${(1000 / r.rps).toFixed(2)} ms each` : `p50 ${ms(r.p50)}, p99 ${ms(r.p99)}`;
const describe = (r) =>
  `${perSecond(r.rps)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, max ${ms(r.max)}, ` +
  `${r.errors} errors, ${r.non2xx} non-2xx (${r.connections} connections, ${r.seconds.toFixed(1)} s` +
  `${r.cpu === null ? '' : `, ${Math.round(r.cpu)} µs CPU per request`}` +
  `${r.databaseCpu === null ? '' : `, PostgreSQL ${Math.round(r.databaseCpu)} µs`})`;

/** Issue 13's goal for a row, and whether it is met; null where the issue sets none. */
function goalOf({ database, request, ours, ratio }) {
  if (request === GET_PAIR) {
    if (database !== 'SQLite') return { goal: 'set on SQLite', met: '—' };
    const p99 = ours.p99 < 10;
    const met =
      ratio >= 0.4 && p99 ? 'yes' : ratio >= 0.25 && p99 ? 'the minimum (25 %), not the goal' : 'no';
    return { goal: '≥ 25 % of bare, goal 40 %; p99 < 10 ms', met };
  }
  if (request === POST_SESSION) {
    if (database !== 'SQLite') return { goal: 'set on SQLite', met: '—' };
    return { goal: '≥ 2,000 durable writes/s', met: ours.rps >= 2000 ? 'yes' : 'no' };
  }
  if (request === MIX) {
    const met = ours.p99 < 50 && ours.errors === 0 && ours.non2xx === 0;
    return { goal: 'p99 < 50 ms, 0 errors', met: met ? 'yes' : 'no' };
  }
  return { goal: '—', met: '—' };
}

/** The functions with the most self time in a .cpuprofile, as a share of all samples. */
function topSelfTime(file, count = 25) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const { functionName, url, lineNumber } = byNode.get(id).callFrame;
    const where = url
      ? `${url.replace(/^.*node_modules\/\.pnpm\/|^.*packages\//, '')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + delta);
    total += delta;
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)} %  ${key}`);
}

async function profileGet(dir) {
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-bench-server-'));
  const rmKit = await startRmServer(
    { DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`, RMKIT_RATE_LIMIT: RATE_LIMIT },
    { built: true, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] },
  );
  try {
    const { mentor } = await signIn(rmKit.url);
    const post = process.env.RMKIT_BENCH_PROFILE_REQUEST === 'post';
    const options = post
      ? { requests: [keyedPost(() => mentor, KEYED_SUMMARY, false)] }
      : get(`/v1/pairs/${mentor.pairId}`, mentor.token);
    await run(rmKit.url, CONNECTIONS, WARM_UP_SECONDS, options);
    console.log(
      `profiled: ${post ? POST_SESSION : GET_PAIR}: ${describe(await run(rmKit.url, CONNECTIONS, SECONDS, options))}`,
    );
  } finally {
    // SIGTERM: the server shuts down and exits, and Node writes the profile as it does.
    await rmKit.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const file = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => join(dir, name))
    .sort()
    .at(-1);
  console.log(`\n${file}, self time (start-up and warm-up included):`);
  for (const line of topSelfTime(file)) console.log(line);
}

async function bench() {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-bench-server-'));
  const rows = [];
  const wrong = [];
  try {
    const sqlite = `sqlite:${join(work, 'rm-kit.sqlite')}`;
    if (kept('RMKIT_BENCH_DATABASES', 'SQLite')) {
      rows.push(...(await benchDatabase('SQLite', sqlite, `sqlite:${join(work, 'peer.sqlite')}`, work)));
      wrong.push(...(await checkWrites('SQLite', sqlite)));
    }

    const bin = findPostgresBinaries();
    if (!kept('RMKIT_BENCH_DATABASES', 'PostgreSQL')) console.log('PostgreSQL: left out');
    else if (!bin) console.log('PostgreSQL: no binaries on this machine, skipped');
    else {
      // fsync on: acknowledged writes are durable there too, as in production.
      const cluster = await startPostgresCluster(bin, { fsync: true });
      try {
        const admin = new pg.Client({ connectionString: cluster.url });
        await admin.connect();
        await admin.query('create database peer');
        await admin.end();
        const peerDatabase = cluster.url.replace(/\/postgres$/, '/peer');
        rows.push(...(await benchDatabase('PostgreSQL', cluster.url, peerDatabase, work, cluster.pid())));
        wrong.push(...(await checkWrites('PostgreSQL', cluster.url)));
      } finally {
        cluster.destroy();
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const table = rows.map((row) => {
    const { goal, met } = goalOf(row);
    const { ours, theirs } = row;
    return [
      row.database,
      row.request,
      `${perSecond(ours.rps)} req/s, ${latency(ours)}, max ${ms(ours.max)}, ${ours.errors} errors, ${ours.non2xx} non-2xx`,
      `${perSecond(theirs.rps)} req/s, ${ours.connections === 1 ? latency(theirs) : `p99 ${ms(theirs.p99)}`}`,
      `${Math.round(100 * row.ratio)} %`,
      ours.cpu === null || theirs.cpu === null
        ? '—'
        : `${Math.round(ours.cpu)} µs, bare ${Math.round(theirs.cpu)} µs (${Math.round((100 * theirs.cpu) / ours.cpu)} %)`,
      ours.databaseCpu === null || theirs.databaseCpu === null
        ? '—'
        : `${Math.round(ours.databaseCpu)} µs, bare ${Math.round(theirs.databaseCpu)} µs`,
      goal,
      met,
    ];
  });
  const header = [
    'database',
    'request',
    'rm-kit',
    'bare Hono (POST: bare insert)',
    'ratio',
    'CPU per request (bare ÷ rm-kit)',
    "PostgreSQL's CPU per request",
    'goal',
    'met',
  ];
  const roundsOf = rows
    .filter((row) => row.rounds.length > 1)
    .map(
      (row) =>
        `- ${row.database}, ${row.request}: ${row.rounds
          .map(
            ({ ours, ratio }) =>
              `${perSecond(ours.rps)} req/s, p99 ${ms(ours.p99)}, ${Math.round(100 * ratio)} %`,
          )
          .join('; ')}`,
    )
    .join('\n');
  console.log('');
  for (const cells of [header, ...table]) console.log(cells.join(' | '));
  if (roundsOf) console.log(roundsOf);
  const phases = `${CONNECTIONS} connections for ${SECONDS} s per phase, ${MIX_CONNECTIONS} for ${MIX_SECONDS} s in the mix`;
  writeSection(`## Server

The built server (\`packages/server/dist/main.js\`, demo seed, request log at info; on SQLite a
file with WAL and \`synchronous=FULL\` as shipped, on PostgreSQL a throwaway cluster with fsync on)
beside a bare Hono route on \`@hono/node-server\` answering the same JSON, in its own process, over loopback with
autocannon: ${phases}, each row after a warm-up of both, rm-kit and the peer back to back.
On SQLite, \`${GET_PAIR}\` and the keyed POST, whose goals lie within what this machine moves from
one run to the next, run ${GOAL_ROUNDS} rounds of that: each figure in their row is the median of the
rounds (the max the largest, the errors all of them), the ratio the median of each round's own, and
the rounds are listed under the table.
\`RMKIT_RATE_LIMIT\` is raised to ${Number(RATE_LIMIT).toLocaleString('en-US')} for the bench, so one caller's
connections measure the server, not its 429s. The GETs use a mentor's token. \`GET /v1/me\` is not
one of issue 13's requests; it is here because every page the kit is on asks it first, and again on
one connection, one request at a time: what one person waits for on a quiet server (the mean time
of an answer). Each POST carries
its own \`Idempotency-Key\`; its ceiling is one bare insert per request through the same bare
Hono server, into SQLite with WAL and \`synchronous=FULL\` or into PostgreSQL (fsync on) through
a pool of 10, as rm-kit's. The same POST again while ${OPEN_PAGES.toLocaleString('en-US')} live event streams are open
(\`GET /v1/events\`, each on a connection of its own, opened in turn by the demo people outside the
writing pair), as the pages of a company hold them open all day: none of them may learn of these writes. The page: each connection asks, in turn, the 16 reads the example page asks as a mentor opens it (see "Requests and bytes as the example page opens"), so its requests a second over 16 are the pages a second the server bears; the peer answers each with rm-kit's body. The mix: each connection a member of an active pair, reading their
pair and its sessions four times, then writing a keyed session. "CPU per request" is the
server process's own CPU time (user and system, from \`/proc\`) over the requests it answered,
beside the peer's: where the machine is shared with other work, the rates move with it, and
this ratio much less. On PostgreSQL, the cluster's own CPU (its postmaster and every process it
started) over the same requests is beside it: it shares the machine's two cores with the server.
The peer's GETs ask nothing of the database. ${
    wrong.length ? '**An acknowledged write was not stored.**' : 'Every write rm-kit acknowledged was stored.'
  }

${markdownTable(header, table)}${roundsOf ? `\n\nThe rounds (rm-kit's requests a second, its p99, and the ratio to the peer in the same round):\n\n${roundsOf}` : ''}`);
  if (wrong.length > 0) process.exitCode = 1;
}

if (process.env.RMKIT_BENCH_CPU_PROFILE) await profileGet(process.env.RMKIT_BENCH_CPU_PROFILE);
else await bench();
