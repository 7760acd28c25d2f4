/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createClient, type RmClient } from './client.js';
import { indexedDbStore } from './store.js';

type ServerState = { url: string; running: boolean };
const server = (action: 'start' | 'stop' | 'kill') =>
  executeServerCommand<ServerState, { action: string }>('rm-server', { action });

async function demoToken(url: string) {
  const res = await fetch(`${url}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'luca.esposito@contoso.example' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** How many sessions of the pair carry each summary that starts with `tag`. */
async function countByTag(url: string, token: string, pairId: string, tag: string) {
  const reader = createClient({
    baseUrl: url,
    token,
    store: indexedDbStore(`rm-kit-reader-${tag}`),
    syncIntervalMs: 0,
  });
  const counts = new Map<string, number>();
  for await (const session of reader.sessions.list(pairId, { limit: 100 })) {
    if (session.summary.startsWith(tag)) counts.set(session.summary, (counts.get(session.summary) ?? 0) + 1);
  }
  reader.close();
  return counts;
}

describe('the outbox in a real browser, against a real server', () => {
  let url: string;
  let token: string;
  let pairId: string;
  const clients: RmClient[] = [];
  const open = (database: string, fetchFn?: typeof fetch) => {
    const client = createClient({
      baseUrl: url,
      token,
      store: indexedDbStore(database),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...(fetchFn ? { fetch: fetchFn } : {}),
    });
    clients.push(client);
    return client;
  };

  before(async () => {
    ({ url } = await server('start'));
    token = await demoToken(url);
    const me = await open('rm-kit-setup').me.get();
    pairId = me.pairs.find((p) => p.status === 'active')?.id ?? '';
    expect(pairId).to.match(/^par_/);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  after(() => server('start'));

  it('keeps 50 sessions logged offline across a reload and sends each exactly once', async () => {
    const tag = `reload-${crypto.randomUUID().slice(0, 8)}`;
    const database = `rm-kit-${tag}`;
    await server('stop');
    const beforeReload = open(database);
    for (let i = 1; i <= 50; i++) {
      const session = await beforeReload.sessions.create(pairId, {
        status: 'held',
        occurredAt: new Date(Date.UTC(2026, 1, 1, 9, i)).toISOString(),
        summary: `${tag} #${i}`,
      });
      expect(session.pending).to.equal(true);
    }
    beforeReload.close();

    // A reload: a new client, a new page's worth of memory, the same IndexedDB.
    const afterReload = open(database);
    expect((await afterReload.pendingWrites()).length).to.equal(50);
    await server('start');
    await afterReload.sync();

    expect(await afterReload.pendingWrites()).to.deep.equal([]);
    const counts = await countByTag(url, token, pairId, tag);
    expect(counts.size).to.equal(50);
    expect([...counts.values()].every((n) => n === 1)).to.equal(true);
  });

  it('sends each write exactly once even when the server is killed in the middle of the replay', async () => {
    const tag = `crash-${crypto.randomUUID().slice(0, 8)}`;
    const client = open(`rm-kit-${tag}`);
    await server('stop');
    for (let i = 1; i <= 50; i++) {
      await client.sessions.create(pairId, {
        status: 'held',
        occurredAt: '2026-02-03T10:00:00Z',
        summary: `${tag} #${i}`,
      });
    }
    await server('start');
    let synced = 0;
    let killed: Promise<unknown> | null = null;
    client.addEventListener('synced', () => {
      synced++;
      if (synced === 20) killed = server('kill');
    });
    await client.sync();
    await killed;
    const left = (await client.pendingWrites()).length;
    expect(left).to.be.greaterThan(0);
    expect(left).to.be.lessThan(31);

    await server('start');
    await client.sync();
    expect(await client.pendingWrites()).to.deep.equal([]);
    const counts = await countByTag(url, token, pairId, tag);
    expect(counts.size).to.equal(50);
    expect([...counts.values()].every((n) => n === 1)).to.equal(true);
  });

  it('lets only one tab send the shared outbox at a time (Web Locks)', async () => {
    const tag = `tabs-${crypto.randomUUID().slice(0, 8)}`;
    const database = `rm-kit-${tag}`;
    await server('stop');
    const first = open(database);
    for (let i = 1; i <= 20; i++) {
      await first.sessions.create(pairId, {
        status: 'held',
        occurredAt: '2026-02-04T10:00:00Z',
        summary: `${tag} #${i}`,
      });
    }
    const second = open(database);
    await server('start');
    await Promise.all([first.sync(), second.sync(), first.sync(), second.sync()]);
    await first.sync();
    const counts = await countByTag(url, token, pairId, tag);
    expect(counts.size).to.equal(20);
    expect([...counts.values()].every((n) => n === 1)).to.equal(true);
  });

  /** A fetch whose answers wait until `release` is called, as a slow network's do. */
  const held = () => {
    let release = () => {};
    const released = new Promise<void>((done) => {
      release = done;
    });
    const fetchFn: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      await released;
      return response;
    };
    return { fetchFn, release };
  };

  it('sends a write at once while another client of the same person, on another store, waits for its answer', async () => {
    const tag = `stores-${crypto.randomUUID().slice(0, 8)}`;
    const slow = held();
    const waiting = open(`rm-kit-${tag}-a`, slow.fetchFn).sessions.create(pairId, {
      status: 'held',
      occurredAt: '2026-02-05T10:00:00Z',
      summary: `${tag} slow`,
    });
    const written = await open(`rm-kit-${tag}-b`).sessions.create(pairId, {
      status: 'held',
      occurredAt: '2026-02-05T11:00:00Z',
      summary: `${tag} quick`,
    });
    expect(written.pending, 'queued, though the server answers').to.equal(undefined);
    slow.release();
    expect((await waiting).pending).to.equal(undefined);
    const counts = await countByTag(url, token, pairId, tag);
    expect([...counts.entries()].sort()).to.deep.equal([
      [`${tag} quick`, 1],
      [`${tag} slow`, 1],
    ]);
  });

  it('sends a write queued while another tab sends the same outbox as soon as that tab is done', async () => {
    const tag = `after-${crypto.randomUUID().slice(0, 8)}`;
    const database = `rm-kit-${tag}`;
    const slow = held();
    const sending = open(database, slow.fetchFn).sessions.create(pairId, {
      status: 'held',
      occurredAt: '2026-02-06T10:00:00Z',
      summary: `${tag} first`,
    });
    // The same store in another tab: the first tab holds the outbox, so this write waits its turn.
    const other = open(database);
    const queued = await other.sessions.create(pairId, {
      status: 'held',
      occurredAt: '2026-02-06T11:00:00Z',
      summary: `${tag} second`,
    });
    expect(queued.pending).to.equal(true);
    slow.release();
    await sending;
    const deadline = Date.now() + 5000;
    while ((await other.pendingWrites()).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await other.pendingWrites()).to.deep.equal([]);
    const counts = await countByTag(url, token, pairId, tag);
    expect([...counts.entries()].sort()).to.deep.equal([
      [`${tag} first`, 1],
      [`${tag} second`, 1],
    ]);
  });
});
