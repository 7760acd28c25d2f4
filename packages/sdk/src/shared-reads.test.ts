import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staleSince } from './cache.js';
import { createClient, type RmClient } from './client.js';
import type { RmError } from './errors.js';
import { memoryStore } from './store.js';
import {
  demoServer,
  demoToken,
  HELD as held,
  MENTEE,
  MENTOR,
  type RmServerProcess,
  waitFor,
} from './test-support/server.js';

describe('identical reads asked at once, against the reference server', () => {
  let server: RmServerProcess;
  let mentorToken: string;
  let menteeToken: string;
  let pairId: string;
  const clients: RmClient[] = [];
  /**
   * A client whose GETs are counted, each answer held back `delayMs` once the server gave it,
   * giving an answer again for `reuseAnswersForMs`.
   */
  const counted = (delayMs = 0, token = () => mentorToken, reuseAnswersForMs = 0) => {
    const gets: string[] = [];
    const aborted: string[] = [];
    const rm = createClient({
      baseUrl: server.url,
      getToken: token,
      store: memoryStore(),
      syncIntervalMs: 0,
      reuseAnswersForMs,
      fetch: async (input, init) => {
        if ((init?.method ?? 'GET') === 'GET' && !String(input).includes('/v1/events')) {
          gets.push(new URL(String(input)).pathname);
          init?.signal?.addEventListener('abort', () => aborted.push(String(input)));
          const answer = await fetch(input, init);
          await new Promise((resolve) => setTimeout(resolve, delayMs));
          return answer;
        }
        return fetch(input, init);
      },
    });
    clients.push(rm);
    return { rm, gets, aborted };
  };

  beforeAll(async () => {
    server = await demoServer();
    mentorToken = await demoToken(server.url, MENTOR);
    menteeToken = await demoToken(server.url, MENTEE);
    const { rm } = counted();
    pairId = (await rm.me.get()).pairs.find((p) => p.status === 'active')?.id ?? '';
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await server.stop();
  });

  it('asks the server once, and gives each caller a copy of its own', async () => {
    const { rm, gets } = counted(50);
    const [first, second, third] = await Promise.all([rm.me.get(), rm.me.get(), rm.me.get()]);
    expect(gets).toEqual(['/v1/me']);
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    first.pairs.length = 0;
    expect(second.pairs.length).toBeGreaterThan(0);
    expect(third.pairs).toEqual(second.pairs);
    await rm.me.get();
    expect(gets).toEqual(['/v1/me', '/v1/me']);
  });

  it('does not join a read sent before a write: the read after it sees what was written', async () => {
    const { rm, gets } = counted(300);
    const before = rm.sessions.page(pairId, { limit: 100 });
    const summary = `After the write ${Date.now()}`;
    const session = await client(menteeToken).sessions.create(pairId, { ...held, summary });
    await rm.sessions.create(pairId, { ...held, summary: `${summary}, the mentor's` });
    const after = await rm.sessions.page(pairId, { limit: 100 });
    expect(after.items.map((s) => s.id)).toContain(session.id);
    await before;
    expect(gets.filter((path) => path.endsWith('/sessions'))).toHaveLength(2);
  });

  it('does not join a read sent before a live event: the read the event asks for sees the change', async () => {
    const { rm, gets } = counted(1000);
    const statuses: string[] = [];
    const seen: string[][] = [];
    const unsubscribe = rm.events.subscribe(
      { pairId },
      () =>
        void rm.sessions.page(pairId, { limit: 100 }).then((page) => seen.push(page.items.map((s) => s.id))),
      { onStatus: (status) => statuses.push(status) },
    );
    await waitFor(() => statuses.includes('open'));
    const before = rm.sessions.page(pairId, { limit: 100 });
    const session = await client(menteeToken).sessions.create(pairId, held);
    await waitFor(() => seen.length > 0);
    expect(seen[0]).toContain(session.id);
    await before;
    expect(gets.filter((path) => path.endsWith('/sessions')).length).toBeGreaterThanOrEqual(2);
    unsubscribe();
  });

  it('keeps the request for the others when one caller gives up, and stops it when all have', async () => {
    const { rm, gets, aborted } = counted(200);
    const leaving = new AbortController();
    const gone = rm.pairs.get(pairId, { signal: leaving.signal }).catch((e: unknown) => e);
    const staying = rm.pairs.get(pairId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    leaving.abort();
    expect(((await gone) as RmError).code).toBe('aborted');
    expect((await staying).id).toBe(pairId);
    expect(gets).toEqual([`/v1/pairs/${pairId}`]);
    expect(aborted).toEqual([]);

    const all = [new AbortController(), new AbortController()];
    const both = all.map((c) => rm.me.get({ signal: c.signal }).catch((e: unknown) => e));
    await new Promise((resolve) => setTimeout(resolve, 50));
    for (const c of all) c.abort();
    for (const result of await Promise.all(both)) expect((result as RmError).code).toBe('aborted');
    await waitFor(() => aborted.length === 1);
    const again = await rm.me.get();
    expect(again.person?.id).toBeDefined();
  });

  it('never shares a read between two people signed in on the same page', async () => {
    let token = mentorToken;
    const { rm, gets } = counted(100, () => token);
    const mentor = rm.me.get();
    // The mentor's request has left, its answer not yet come, when the mentee signs in.
    await new Promise((resolve) => setTimeout(resolve, 50));
    token = menteeToken;
    const mentee = rm.me.get();
    const [asMentor, asMentee] = await Promise.all([mentor, mentee]);
    expect(asMentor.person?.id).not.toBe(asMentee.person?.id);
    expect(gets).toEqual(['/v1/me', '/v1/me']);
  });

  describe('given again for a while, with reuseAnswersForMs', () => {
    it('answers the same read asked soon after from the last answer, a copy of its own, then asks again', async () => {
      const { rm, gets } = counted(0, undefined, 400);
      const first = await rm.me.get();
      const second = await rm.me.get();
      expect(gets).toEqual(['/v1/me']);
      expect(second).toEqual(first);
      first.pairs.length = 0;
      expect(second.pairs.length).toBeGreaterThan(0);
      expect((await rm.me.get()).pairs).toEqual(second.pairs);
      expect(gets).toEqual(['/v1/me']);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await rm.me.get();
      expect(gets).toEqual(['/v1/me', '/v1/me']);
    });

    it('offline, dates the answer by when the server gave it, not by when a copy was last given', async () => {
      let offline = false;
      const rm = createClient({
        baseUrl: server.url,
        getToken: () => mentorToken,
        store: memoryStore(),
        syncIntervalMs: 0,
        reuseAnswersForMs: 900,
        fetch: (input, init) =>
          offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init),
      });
      clients.push(rm);
      await rm.me.get();
      const answered = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 600));
      await rm.me.get();
      await new Promise((resolve) => setTimeout(resolve, 400));
      offline = true;
      const kept = await rm.me.get();
      expect(staleSince(kept)?.getTime()).toBeLessThanOrEqual(answered);
    });

    it('asks again after a write through the client, and sees it', async () => {
      const { rm, gets } = counted(0, undefined, 60_000);
      await rm.sessions.page(pairId, { limit: 100 });
      const session = await rm.sessions.create(pairId, {
        ...held,
        summary: `Reused until now ${Date.now()}`,
      });
      const after = await rm.sessions.page(pairId, { limit: 100 });
      expect(after.items.map((s) => s.id)).toContain(session.id);
      expect(gets.filter((path) => path.endsWith('/sessions'))).toHaveLength(2);
    });

    it('never gives again an answer to a read sent before a write', async () => {
      const { rm, gets } = counted(300, undefined, 60_000);
      const before = rm.sessions.page(pairId, { limit: 100 });
      await new Promise((resolve) => setTimeout(resolve, 50));
      const session = await rm.sessions.create(pairId, { ...held, summary: `Sent meanwhile ${Date.now()}` });
      await before;
      const after = await rm.sessions.page(pairId, { limit: 100 });
      expect(after.items.map((s) => s.id)).toContain(session.id);
      expect(gets.filter((path) => path.endsWith('/sessions'))).toHaveLength(2);
    });

    it('asks again once a live event says the partner changed something', async () => {
      const { rm, gets } = counted(0, undefined, 60_000);
      const statuses: string[] = [];
      const seen: string[][] = [];
      await rm.sessions.page(pairId, { limit: 100 });
      const unsubscribe = rm.events.subscribe(
        { pairId },
        () =>
          void rm.sessions
            .page(pairId, { limit: 100 })
            .then((page) => seen.push(page.items.map((s) => s.id))),
        { onStatus: (status) => statuses.push(status) },
      );
      await waitFor(() => statuses.includes('open'));
      const session = await client(menteeToken).sessions.create(pairId, held);
      await waitFor(() => seen.length > 0);
      expect(seen[0]).toContain(session.id);
      expect(gets.filter((path) => path.endsWith('/sessions')).length).toBeGreaterThanOrEqual(2);
      unsubscribe();
    });
  });

  function client(token: string) {
    const rm = createClient({ baseUrl: server.url, token, store: memoryStore(), syncIntervalMs: 0 });
    clients.push(rm);
    return rm;
  }
});
