import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import pg from 'pg';

/**
 * The peer of scripts/bench/server.mjs, run as its own process: a bare Hono app on
 * @hono/node-server with no middleware, no token and no authorisation, answering the
 * routes the bench measures with the bodies rm-kit answered them with (read from the file
 * in RMKIT_PEER_BODIES). The keyed POST is the write ceiling: one insert per request, the
 * Idempotency-Key unique, into SQLite with WAL and synchronous=FULL as rm-kit ships it, or
 * into PostgreSQL through a pool of 10 as rm-kit's. GET /whoami answers the nonce it was
 * given, so the bench knows the process answering is the one it started.
 */
const bodies = JSON.parse(readFileSync(process.env.RMKIT_PEER_BODIES ?? '', 'utf8'));
const database = process.env.RMKIT_PEER_DATABASE ?? '';

const CREATE = `create table if not exists bench_sessions (
  id text primary key, pair_id text not null, idempotency_key text not null unique, body text not null)`;
const INSERT = 'insert into bench_sessions (id, pair_id, idempotency_key, body) values';

async function openInsert() {
  if (database.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: database, max: 10 });
    await pool.query(CREATE);
    return (row) => pool.query(`${INSERT} ($1, $2, $3, $4)`, row);
  }
  const sqlite = new Database(database.replace(/^sqlite:/, ''));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.exec(CREATE);
  const insert = sqlite.prepare(`${INSERT} (?, ?, ?, ?)`);
  return (row) => insert.run(row);
}

const insert = await openInsert();
const app = new Hono();
app.get('/whoami', (c) => c.json({ nonce: process.env.RMKIT_PEER_NONCE, pid: process.pid }));
app.get('/v1/me', (c) => c.json(bodies.me));
app.get('/v1/pairs/:pairId', (c) => c.json(bodies.pair));
app.get('/v1/pairs/:pairId/sessions', (c) => c.json(bodies.sessions));
// The rest of a page's reads, each answered as rm-kit answered it; the routes above answer their
// own paths (a page's /v1/me, its pair and its sessions) with their own bodies.
const pageBodies = new Map(Object.entries(bodies.page ?? {}));
for (const pathname of new Set([...pageBodies.keys()].map((path) => path.split('?')[0]))) {
  app.get(pathname, (c) => {
    const query = c.req.url.indexOf('?');
    return c.json(pageBodies.get(query === -1 ? pathname : `${pathname}${c.req.url.slice(query)}`) ?? null);
  });
}
app.post('/v1/pairs/:pairId/sessions', async (c) => {
  const key = c.req.header('idempotency-key');
  if (!key) return c.json({ error: 'Idempotency-Key required' }, 400);
  const created = { ...bodies.session, ...(await c.req.json()), id: randomUUID() };
  await insert([created.id, c.req.param('pairId'), key, JSON.stringify(created)]);
  return c.json(created, 201);
});

serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, ({ port }) => {
  console.log(JSON.stringify({ msg: 'listening', url: `http://127.0.0.1:${port}` }));
});
process.on('SIGTERM', () => process.exit(0));
