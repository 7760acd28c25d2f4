import { createServer, type Server } from 'node:http';
import type { LiveEvent } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStale } from './cache.js';
import { createClient, type RmClient } from './client.js';
import {
  type RmError,
  RmNetworkError,
  RmNotFoundError,
  RmPreconditionError,
  RmUnauthorizedError,
  RmValidationError,
} from './errors.js';
import { memoryStore } from './store.js';
import {
  demoServer,
  demoToken,
  freePort,
  HELD as held,
  MENTEE,
  MENTOR,
  type RmServerProcess,
  waitFor,
} from './test-support/server.js';

describe('the SDK against the reference server', () => {
  let server: RmServerProcess;
  let mentorToken: string;
  let menteeToken: string;
  let pairId: string;
  const clients: RmClient[] = [];
  const client = (options: Partial<Parameters<typeof createClient>[0]> = {}) => {
    const c = createClient({
      baseUrl: server.url,
      token: mentorToken,
      store: memoryStore(),
      syncIntervalMs: 0,
      ...options,
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await demoServer();
    mentorToken = await demoToken(server.url, MENTOR);
    menteeToken = await demoToken(server.url, MENTEE);
    const me = await client().me.get();
    pairId = me.pairs.find((p) => p.status === 'active')?.id ?? '';
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  it('reads typed entities and pages through a list with for await', async () => {
    const rm = client();
    const me = await rm.me.get();
    expect(me.roles).toContain('mentor');
    const pageSizes: number[] = [];
    const seen: string[] = [];
    const counting = client({
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (String(input).includes('/sessions'))
          pageSizes.push(((await res.clone().json()) as { items: unknown[] }).items.length);
        return res;
      },
    });
    for await (const session of counting.sessions.list(pairId, { limit: 2 })) seen.push(session.id);
    expect(seen.length).toBeGreaterThan(2);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pageSizes.every((n) => n <= 2)).toBe(true);
    expect(pageSizes.length).toBe(Math.ceil(seen.length / 2));
  });

  it('reads a long answer whole, its accented letters and emoji intact wherever the network cuts it', async () => {
    const rm = client();
    // 2-, 4-, 3- and 2-byte characters: ten summaries of 20 kB, which the network cuts mid-character somewhere.
    const summaries = Array.from({ length: 10 }, (_, i) => `${i} ${'è😀€ñ'.repeat(1900)}`);
    const made = [];
    for (const [i, summary] of summaries.entries())
      made.push(
        await rm.sessions.create(pairId, {
          ...held,
          occurredAt: `2026-03-0${(i % 9) + 1}T10:00:00Z`,
          summary,
        }),
      );
    const page = await rm.sessions.page(pairId, { limit: 100 });
    const read = new Map(page.items.map((session) => [session.id, session.summary]));
    expect(made.map((session) => read.get(session.id))).toEqual(summaries);
  });

  it('creates and updates with the version as If-Match, refusing a stale one with a typed error', async () => {
    const rm = client();
    const session = await rm.sessions.create(pairId, held);
    expect(session).toMatchObject({ pairId, version: 1, summary: held.summary });
    expect(session.pending).toBeUndefined();
    const updated = await rm.sessions.update(session, { summary: 'Dashboard shared with the board' });
    expect(updated.version).toBe(2);
    await expect(rm.sessions.update(session, { summary: 'Based on version 1' })).rejects.toBeInstanceOf(
      RmPreconditionError,
    );
    expect((await rm.sessions.get(session.id)).summary).toBe('Dashboard shared with the board');
    expect(await rm.pendingWrites()).toEqual([]);
  });

  it('throws typed errors with the server’s field paths and request id, and queues nothing', async () => {
    const rm = client();
    const error = await rm.sessions
      .create(pairId, { status: 'held', format: 'fax' as 'video', durationMinutes: -5, occurredAt: null })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RmValidationError);
    expect((error as RmValidationError).issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['format', 'durationMinutes']),
    );
    expect((error as RmError).requestId).toEqual(expect.any(String));
    expect(await rm.pendingWrites()).toEqual([]);
    await expect(rm.sessions.get('ses_00000000000000000000000000')).rejects.toBeInstanceOf(RmNotFoundError);
    await expect(client({ token: 'not-a-token' }).me.get()).rejects.toBeInstanceOf(RmUnauthorizedError);
  });

  it('puts every id into a path encoded, so an id cannot reach another route', async () => {
    const asked: string[] = [];
    const rm = client({
      fetch: (input, init) => {
        asked.push(String(input));
        return fetch(input, init);
      },
      retry: { maxRetries: 0 },
    });
    await rm.sessions.get('../pairs/x?y#z').catch(() => undefined);
    expect(asked).toEqual([`${server.url}/v1/sessions/..%2Fpairs%2Fx%3Fy%23z`]);
  });

  it('retries a write whose answer was lost with the same Idempotency-Key: one session, not two', async () => {
    const keys: string[] = [];
    let dropped = false;
    const rm = client({
      retry: { baseDelayMs: 10 },
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (init?.method === 'POST') {
          keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
          // The server wrote it, but the answer never reaches the client.
          if (!dropped) {
            dropped = true;
            throw new TypeError('network connection lost');
          }
        }
        return res;
      },
    });
    const summary = `Lost answer ${Date.now()}`;
    const session = await rm.sessions.create(pairId, { ...held, summary });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    const all = [];
    for await (const s of client().sessions.list(pairId)) if (s.summary === summary) all.push(s.id);
    expect(all).toEqual([session.id]);
  });

  it('gives up after the timeout, and at once when aborted', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const rm = client({ baseUrl: url, timeoutMs: 200, retry: { maxRetries: 0 } });
    const timedOut = await rm.me.get().catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(RmNetworkError);
    expect((timedOut as RmError).code).toBe('timeout');
    const controller = new AbortController();
    const aborted = rm.me.get({ signal: controller.signal, timeoutMs: 10_000 }).catch((e: unknown) => e);
    controller.abort();
    expect(((await aborted) as RmError).code).toBe('aborted');
    silent.closeAllConnections();
    silent.close();
  });

  it('streams live events: the mentor hears the mentee log a session', async () => {
    const received: LiveEvent[] = [];
    const statuses: string[] = [];
    const unsubscribe = client().events.subscribe({ pairId }, (event) => received.push(event), {
      onStatus: (s) => statuses.push(s),
    });
    await waitFor(() => statuses.includes('open'));
    const session = await client({ token: menteeToken }).sessions.create(pairId, held);
    await waitFor(() => received.some((e) => e.entityId === session.id));
    expect(received.find((e) => e.entityId === session.id)).toMatchObject({
      type: 'session.created',
      pairId,
    });
    unsubscribe();
    await waitFor(() => statuses.includes('closed'));
  });

  it('makes a calendar link whose URL a calendar app opens without a token, and turns it off', async () => {
    const rm = client();
    expect(await rm.calendar.pairFeed(pairId)).toMatchObject({ active: false, createdAt: null });
    const link = await rm.calendar.newPairLink(pairId);
    expect(link.url).toBe(`${server.url}${link.path}`);
    const feed = await fetch(link.url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(await rm.calendar.pairFeed(pairId)).toMatchObject({ active: true, createdAt: link.createdAt });

    const mine = await rm.calendar.newMyLink();
    expect(mine).toMatchObject({ scope: 'person', pairId: null });
    await rm.calendar.turnOffPairLink(pairId);
    expect((await fetch(link.url)).status).toBe(404);
    expect((await fetch(mine.url)).status).toBe(200);
    await rm.calendar.turnOffMyLink();
    expect((await fetch(mine.url)).status).toBe(404);
    expect(await rm.calendar.myFeed()).toMatchObject({ active: false });
  });
});

describe('the SDK while the server is away', () => {
  let port: number;
  let server: RmServerProcess | undefined;
  const database = `sqlite:${process.env.TMPDIR ?? '/tmp'}/rm-kit-sdk-${process.pid}-${Date.now()}.sqlite`;

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    await server?.stop();
  });

  // It starts the server twice: 3-4 s alone, more on a busy CI machine.
  it('queues writes while the server is down, then sends each exactly once, in order', async () => {
    server = await demoServer(port, database);
    const token = await demoToken(server.url, MENTOR);
    const store = memoryStore();
    const online = createClient({ baseUrl: server.url, token, store, syncIntervalMs: 0 });
    const pairId = (await online.me.get()).pairs.find((p) => p.status === 'active')?.id ?? '';
    const firstPage = await online.sessions.page(pairId);
    const newest = firstPage.items[0];
    if (!newest) throw new Error('the demo pair has sessions');
    // The partner changes it while this client still holds version 1.
    await online.sessions.update(newest, { summary: 'Changed by the partner' });
    await server.stop();

    const offline = createClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token,
      store,
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
    });
    const cached = await offline.sessions.page(pairId);
    expect(isStale(cached)).toBe(true);
    expect(cached.items.map((s) => s.id)).toEqual(firstPage.items.map((s) => s.id));
    expect(cached.items[0]?.version).toBe(newest.version);

    const planned = await offline.sessions.create(pairId, {
      status: 'planned',
      scheduledAt: '2030-03-01T09:00:00Z',
    });
    expect(planned.pending).toBe(true);
    expect(planned.id).toMatch(/^pending_/);
    // What waits is typed by its operation: the pair and the body, not an HTTP path.
    expect(await offline.sessions.pending(pairId)).toEqual([
      expect.objectContaining({
        id: planned.pending ? planned.outboxId : '',
        state: 'pending',
        provisionalId: planned.id,
        write: {
          operation: 'sessions.create',
          pairId,
          body: { status: 'planned', scheduledAt: '2030-03-01T09:00:00Z' },
        },
      }),
    ]);
    expect(await offline.sessions.pending('par_00000000000000000000000000')).toEqual([]);
    // Changing a session that only exists offline: sent with its real id once it has one.
    await offline.sessions.update(planned.id, { summary: 'Agenda: TikTok for employer branding' });
    const stale = await offline.sessions.update(newest, { summary: 'From an old copy' });
    expect(stale.pending).toBe(true);
    const held2 = await offline.sessions.create(pairId, held);
    expect((await offline.pendingWrites()).map((e) => e.label)).toEqual([
      'sessions.create',
      'sessions.update',
      'sessions.update',
      'sessions.create',
    ]);

    server = await demoServer(port, database);
    const synced: string[] = [];
    const refused: RmError[] = [];
    const confirmed: string[] = [];
    offline.addEventListener('synced', (e) => {
      synced.push(e.detail.entry.label);
      // The operation types the server's answer: a create of a session answers a session.
      if (e.detail.operation === 'sessions.create') confirmed.push(e.detail.result.status);
    });
    offline.addEventListener('sync-error', (e) => refused.push(e.detail.error));
    await offline.sync();

    expect(synced).toEqual(['sessions.create', 'sessions.update', 'sessions.create']);
    expect(refused.map((e) => e.status)).toEqual([412]);
    expect(confirmed).toEqual(['planned', 'held']);
    const left = await offline.pendingWrites();
    expect(left).toEqual([
      expect.objectContaining({
        label: 'sessions.update',
        state: 'failed',
        error: expect.objectContaining({ status: 412 }),
      }),
    ]);
    await offline.discardWrite(left[0]?.id ?? '');
    expect(await offline.pendingWrites()).toEqual([]);

    const reader = createClient({ baseUrl: server.url, token, store: memoryStore(), syncIntervalMs: 0 });
    const summaries = [];
    for await (const s of reader.sessions.list(pairId)) summaries.push(s.summary);
    expect(summaries.filter((s) => s === 'Agenda: TikTok for employer branding')).toHaveLength(1);
    expect(summaries.filter((s) => s === held.summary)).toHaveLength(1);
    expect(summaries).not.toContain('From an old copy');
    expect(held2.pending).toBe(true);
    for (const c of [online, offline, reader]) c.close();
  }, 20_000);
});

describe('live events when the server restarts', () => {
  let port: number;
  let server: RmServerProcess | undefined;
  const databaseFile = (name: string) =>
    `sqlite:${process.env.TMPDIR ?? '/tmp'}/rm-kit-sdk-events-${process.pid}-${Date.now()}-${name}.sqlite`;

  beforeAll(async () => {
    port = await freePort();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reconnects after a shutdown, and tells the app to reload when the new server cannot resume', async () => {
    const baseUrl = `http://127.0.0.1:${port}`;
    const as = (email: string) =>
      createClient({
        baseUrl,
        getToken: () => demoToken(baseUrl, email),
        store: memoryStore(),
        syncIntervalMs: 0,
      });
    const mentor = as(MENTOR);
    const mentee = as(MENTEE);
    server = await demoServer(port, databaseFile('first'));
    const received: LiveEvent[] = [];
    const statuses: string[] = [];
    let resets = 0;
    const unsubscribe = mentee.events.subscribe({}, (event) => received.push(event), {
      onStatus: (s) => statuses.push(s),
      onReset: () => resets++,
    });
    await waitFor(() => statuses.includes('open'));
    const pairIdOf = async () => (await mentor.me.get()).pairs.find((p) => p.status === 'active')?.id ?? '';
    const first = await mentor.sessions.create(await pairIdOf(), held);
    await waitFor(() => received.some((e) => e.entityId === first.id));

    // Another server comes up at the same address with another database: the stream's last
    // event means nothing there, so the app is told to reload rather than left stale.
    await server.stop();
    server = await demoServer(port, databaseFile('second'));
    await waitFor(() => resets === 1, 10_000);
    expect(statuses.filter((s) => s === 'open')).toHaveLength(2);
    const second = await mentor.sessions.create(await pairIdOf(), held);
    await waitFor(() => received.some((e) => e.entityId === second.id));
    expect(received.map((e) => e.type)).toEqual(['session.created', 'session.created']);
    expect(resets).toBe(1);
    unsubscribe();
    for (const c of [mentor, mentee]) c.close();
  }, 30_000);
});
