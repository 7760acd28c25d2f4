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
  const open = (database: string) => {
    const client = createClient({
      baseUrl: url,
      token,
      store: indexedDbStore(database),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
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
});
