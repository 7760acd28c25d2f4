import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RmClient } from './client.js';
import { type RmError, RmRateLimitError } from './errors.js';
import { type KeyValueStore, memoryStore } from './store.js';
import {
  demoServer,
  demoToken,
  freePort,
  MENTEE,
  MENTOR,
  type RmServerProcess,
} from './test-support/server.js';

/**
 * The outbox's promises, each tried against a real server that comes and goes. A test may stop
 * the server and start it again as a new process, which takes seconds when the suite's other
 * files keep the machine's cores busy: more than Vitest's default five.
 */
describe('the outbox keeps its promises', { timeout: 30_000 }, () => {
  let port: number;
  let server: RmServerProcess | undefined;
  let url: string;
  let mentorToken: string;
  let menteeToken: string;
  let pairId: string;
  const database = `sqlite:${process.env.TMPDIR ?? '/tmp'}/rm-kit-outbox-${process.pid}-${Date.now()}.sqlite`;
  const clients: RmClient[] = [];
  const client = (
    token: string,
    store: KeyValueStore,
    extra: Partial<Parameters<typeof createClient>[0]> = {},
  ) => {
    const c = createClient({
      baseUrl: url,
      token,
      store,
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...extra,
    });
    clients.push(c);
    return c;
  };
  const summaries = async () => {
    const reader = client(mentorToken, memoryStore());
    const all: string[] = [];
    for await (const s of reader.sessions.list(pairId)) all.push(s.summary);
    return all;
  };
  const up = async () => {
    server ??= await demoServer(port, database);
  };
  const down = async () => {
    await server?.stop();
    server = undefined;
  };

  beforeAll(async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    await up();
    mentorToken = await demoToken(url, MENTOR);
    menteeToken = await demoToken(url, MENTEE);
    pairId =
      (await client(mentorToken, memoryStore()).me.get()).pairs.find((p) => p.status === 'active')?.id ?? '';
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await down();
  });

  it('never sends one person’s queued writes as another’s who signs in on the same browser', async () => {
    const store = memoryStore();
    await down();
    const mentor = client(mentorToken, store);
    const note = `Only mine ${Date.now()}`;
    const session = await mentor.sessions.create(pairId, {
      status: 'held',
      occurredAt: '2026-02-02T10:00:00Z',
      summary: note,
    });
    expect(session.pending).toBe(true);
    mentor.close();
    await up();
    const mentee = client(menteeToken, store);
    expect(await mentee.pendingWrites()).toEqual([]);
    await mentee.sync();
    expect(await summaries()).not.toContain(note);
    const mentorAgain = client(mentorToken, store);
    expect((await mentorAgain.pendingWrites()).map((e) => e.label)).toEqual(['sessions.create']);
    await mentorAgain.sync();
    expect((await summaries()).filter((s) => s === note)).toHaveLength(1);
  });

  it('applies a chain of offline changes to one session: create, then change, then change again', async () => {
    const store = memoryStore();
    await down();
    const rm = client(mentorToken, store);
    const created = await rm.sessions.create(pairId, {
      status: 'planned',
      scheduledAt: '2030-05-01T09:00:00Z',
      summary: 'draft',
    });
    const first = await rm.sessions.update(created, { summary: 'Agenda: AI for the budget review' });
    const second = await rm.sessions.update(first, { durationMinutes: 45 });
    expect(second.pending).toBe(true);
    await up();
    const refused: number[] = [];
    rm.addEventListener('sync-error', (e) => refused.push(e.detail.error.status));
    await rm.sync();
    expect(refused).toEqual([]);
    expect(await rm.pendingWrites()).toEqual([]);
    const reader = client(mentorToken, memoryStore());
    let found: { summary: string; durationMinutes: number | null; version: number } | undefined;
    for await (const s of reader.sessions.list(pairId))
      if (s.summary === 'Agenda: AI for the budget review') found = s;
    expect(found).toMatchObject({ durationMinutes: 45, version: 3 });
  });

  it('pauses on a refused token without failing anything, and resumes with a fresh one', async () => {
    const store = memoryStore();
    let token = mentorToken;
    await down();
    const rm = client(mentorToken, store, { getToken: () => token, token: undefined });
    const summary = `After sign-in ${Date.now()}`;
    await rm.sessions.create(pairId, { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary });
    await up();
    const paused: number[] = [];
    const failed: number[] = [];
    rm.addEventListener('sync-paused', (e) => paused.push(e.detail.error.status));
    rm.addEventListener('sync-error', (e) => failed.push(e.detail.error.status));
    // Same person, but a token the server will not take.
    token = `${mentorToken.slice(0, -4)}AAAA`;
    await rm.sync();
    expect(paused).toEqual([401]);
    expect(failed).toEqual([]);
    token = mentorToken;
    await rm.sync();
    expect(await rm.pendingWrites()).toEqual([]);
    expect((await summaries()).filter((s) => s === summary)).toHaveLength(1);
  });

  it('sends a refused write again, corrected, under a new key, once', async () => {
    const store = memoryStore();
    await down();
    const rm = client(mentorToken, store);
    // Not checked offline: the server will say a held session needs its time.
    await rm.sessions.create(pairId, { status: 'held', summary: 'When was it?' });
    await up();
    await rm.sync();
    const [failed] = await rm.pendingWrites();
    expect(failed).toMatchObject({ state: 'failed', error: { status: 400 } });
    await rm.retryWrite(failed?.id ?? '', {
      status: 'held',
      occurredAt: '2026-02-09T10:00:00Z',
      summary: 'When was it?',
    });
    expect(await rm.pendingWrites()).toEqual([]);
    expect((await summaries()).filter((s) => s === 'When was it?')).toHaveLength(1);
  });

  it('lets the caller abort a write: nothing is written, nothing stays queued', async () => {
    await up();
    const rm = client(mentorToken, memoryStore());
    const controller = new AbortController();
    controller.abort();
    const summary = `Never ${Date.now()}`;
    const error = await rm.sessions
      .create(
        pairId,
        { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary },
        { signal: controller.signal },
      )
      .catch((e: unknown) => e);
    expect((error as RmError).code).toBe('aborted');
    expect(await rm.pendingWrites()).toEqual([]);
    expect(await summaries()).not.toContain(summary);
  });

  it('stops sending once closed, leaving the writes to the next client', async () => {
    const store = memoryStore();
    await down();
    const rm = client(mentorToken, store);
    const summary = `Next page ${Date.now()}`;
    await rm.sessions.create(pairId, { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary });
    rm.close();
    await up();
    await rm.sync();
    expect(await summaries()).not.toContain(summary);
    await client(mentorToken, store).sync();
    expect((await summaries()).filter((s) => s === summary)).toHaveLength(1);
  });
});

describe('a server that asks for a long pause', () => {
  let server: RmServerProcess;
  beforeAll(async () => {
    server = await (await import('../../../scripts/rm-server-process.mjs')).startRmServer({
      DATABASE_URL: 'sqlite::memory:',
      RMKIT_RATE_LIMIT: '1',
      RMKIT_RATE_WINDOW_SECONDS: '3600',
    });
  });
  afterAll(() => server.stop());

  it('gets the rate-limit error at once instead of an hour of waiting', async () => {
    const rm = createClient({
      baseUrl: server.url,
      token: await demoToken(server.url, MENTOR),
      store: memoryStore(),
      syncIntervalMs: 0,
    });
    await rm.me.get();
    const started = Date.now();
    const error = await rm.me.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RmRateLimitError);
    expect((error as RmRateLimitError).retryAfter).toBeGreaterThan(60);
    expect(Date.now() - started).toBeLessThan(5000);
    rm.close();
  });
});
