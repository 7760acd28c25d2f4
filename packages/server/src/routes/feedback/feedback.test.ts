import { newId } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../auth/caller.js';
import { createServiceToken } from '../../auth/service-tokens.js';
import { mayReceive } from '../../events/audience.js';
import type { DomainEvent } from '../../events/event-bus.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { runningPair } from '../../test-support/running-pair.js';
import { createWorld, type World } from '../../test-support/world.js';

const answer = {
  ratings: { usefulness: 5, trust: 4, preparation: 4 },
  recommend: 9,
  learned: 'How a short video can say more than a memo',
};

describe.each(testDatabases())('feedback on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  let serviceToken: string;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
    serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR reporting')).token;
  });
  afterAll(() => api.close());

  const feedbackOf = (pairId: string) => `/v1/pairs/${pairId}/feedback`;
  const ids = (list: { body: { items: { id: string }[] } }) => list.body.items.map((f) => f.id);
  const newSession = async (pairId = world.pairId) => {
    const token = pairId === world.otherPairId ? world.tokens.otherMentor : world.tokens.mentor;
    const session = await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
      token,
      body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z' },
    });
    return session.body.id as string;
  };
  /**
   * Another pair of the same two people, in a program of its own, for mid-point and final
   * answers that a pair gives once: past its mid-point, with a session held, so both are open.
   */
  const newPair = async () => {
    const pairId = await runningPair(api, world);
    await newSession(pairId);
    return pairId;
  };
  const give = (pairId: string, token: string, body: object) =>
    api.call('POST', feedbackOf(pairId), { token, body: { ...answer, ...body } });

  it("records the mentor's answer about a session as theirs, private unless they share it", async () => {
    const sessionId = await newSession();
    const created = await give(world.pairId, world.tokens.mentor, { kind: 'session', sessionId });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^fbk_/),
      orgId: world.orgId,
      pairId: world.pairId,
      sessionId,
      kind: 'session',
      authorId: world.people.mentor,
      authorRole: 'mentor',
      ...answer,
      improve: '',
      shareWithPartner: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(created.headers.get('Location')).toBe(`/v1/feedback/${created.body.id}`);
    const read = await api.call('GET', `/v1/feedback/${created.body.id}`, { token: world.tokens.mentor });
    expect(read.body).toEqual(created.body);
  });

  it("records the mentee's mid-point answer with the mentee's side", async () => {
    const pairId = await newPair();
    const created = await give(pairId, world.tokens.mentee, { kind: 'midpoint' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'midpoint', sessionId: null, authorRole: 'mentee' });
  });

  it('reveals a shared answer to the partner only once they have answered the same session', async () => {
    const sessionId = await newSession();
    const shared = await give(world.pairId, world.tokens.mentor, {
      kind: 'session',
      sessionId,
      shareWithPartner: true,
    });
    const path = `/v1/feedback/${shared.body.id}`;

    expect((await api.call('GET', path, { token: world.tokens.mentee })).status).toBe(404);
    const before = await api.call('GET', `${feedbackOf(world.pairId)}?sessionId=${sessionId}`, {
      token: world.tokens.mentee,
    });
    expect(ids(before)).toEqual([]);

    const own = await give(world.pairId, world.tokens.mentee, { kind: 'session', sessionId });
    const revealed = await api.call('GET', path, { token: world.tokens.mentee });
    expect(revealed.status).toBe(200);
    expect(revealed.body).toEqual(shared.body);
    const after = await api.call('GET', `${feedbackOf(world.pairId)}?sessionId=${sessionId}`, {
      token: world.tokens.mentee,
    });
    expect(ids(after)).toEqual([shared.body.id, own.body.id]);
  });

  it('never shows an unshared answer to the partner, even after both have answered', async () => {
    const sessionId = await newSession();
    const kept = await give(world.pairId, world.tokens.mentee, {
      kind: 'session',
      sessionId,
      improve: 'Less jargon',
    });
    await give(world.pairId, world.tokens.mentor, { kind: 'session', sessionId, shareWithPartner: true });

    const read = await api.call('GET', `/v1/feedback/${kept.body.id}`, { token: world.tokens.mentor });
    const missing = await api.call('GET', `/v1/feedback/${newId('feedback')}`, {
      token: world.tokens.mentor,
    });
    expect(read.status).toBe(404);
    expect(read.body.error.message).toBe(missing.body.error.message);
    const list = await api.call('GET', feedbackOf(world.pairId), { token: world.tokens.mentor });
    expect(ids(list)).not.toContain(kept.body.id);
    expect(JSON.stringify(list.body)).not.toContain('Less jargon');
  });

  it('reveals an answer the author shares later, and hides it again when they stop sharing', async () => {
    const sessionId = await newSession();
    const mine = await give(world.pairId, world.tokens.mentee, { kind: 'session', sessionId });
    await give(world.pairId, world.tokens.mentor, { kind: 'session', sessionId });
    const path = `/v1/feedback/${mine.body.id}`;
    expect((await api.call('GET', path, { token: world.tokens.mentor })).status).toBe(404);

    await api.call('PATCH', path, { token: world.tokens.mentee, body: { shareWithPartner: true } });
    expect((await api.call('GET', path, { token: world.tokens.mentor })).status).toBe(200);

    await api.call('PATCH', path, { token: world.tokens.mentee, body: { shareWithPartner: false } });
    expect((await api.call('GET', path, { token: world.tokens.mentor })).status).toBe(404);
  });

  it('does not reveal a shared mid-point answer to a partner who answered only the final one', async () => {
    const pairId = await newPair();
    const midpoint = await give(pairId, world.tokens.mentor, { kind: 'midpoint', shareWithPartner: true });
    await give(pairId, world.tokens.mentee, { kind: 'final' });
    expect(
      (await api.call('GET', `/v1/feedback/${midpoint.body.id}`, { token: world.tokens.mentee })).status,
    ).toBe(404);
    expect(ids(await api.call('GET', feedbackOf(pairId), { token: world.tokens.mentee }))).toHaveLength(1);

    await give(pairId, world.tokens.mentee, { kind: 'midpoint' });
    expect(
      (await api.call('GET', `/v1/feedback/${midpoint.body.id}`, { token: world.tokens.mentee })).status,
    ).toBe(200);
  });

  // One rule decides who reads an answer; every path that shows it (or a figure derived from
  // it, or news of it) must agree with that rule and so with one another.
  it.each([
    { shared: false, readerAnswered: false },
    { shared: true, readerAnswered: false },
    { shared: false, readerAnswered: true },
    { shared: true, readerAnswered: true },
  ])(
    "lists, reads, counts in progress and announces a partner's answer alike (shared: $shared, reader answered: $readerAnswered)",
    async ({ shared, readerAnswered }) => {
      const pairId = await newPair();
      const sessionId = await newSession(pairId);
      const reader: Caller = {
        kind: 'person',
        orgId: world.orgId,
        personId: world.people.mentor,
        isAdmin: false,
      };
      const events: DomainEvent[] = [];
      const unsubscribe = api.bus.subscribe((event) => {
        if (event.pairId === pairId) events.push(event);
      });
      try {
        // The reader's own trust of 4 is no risk; with the author's 1 beside it, it is.
        if (readerAnswered) await give(pairId, world.tokens.mentor, { kind: 'session', sessionId });
        const authored = await give(pairId, world.tokens.mentee, {
          kind: 'session',
          sessionId,
          ratings: { ...answer.ratings, trust: 1 },
          shareWithPartner: shared,
        });
        const id = authored.body.id as string;
        await vi.waitFor(() => expect(events.some((e) => e.entityId === id)).toBe(true));

        const listed = ids(await api.call('GET', feedbackOf(pairId), { token: world.tokens.mentor }));
        const read = await api.call('GET', `/v1/feedback/${id}`, { token: world.tokens.mentor });
        const progress = await api.call('GET', `/v1/pairs/${pairId}/progress`, {
          token: world.tokens.mentor,
        });
        const created = events.find((e) => e.type === 'feedback.created' && e.entityId === id);
        const readable = shared && readerAnswered;
        expect({
          list: listed.includes(id),
          read: read.status === 200,
          progress: (progress.body.atRiskReasons as string[]).includes('low-trust'),
          liveEvent: created !== undefined && mayReceive(reader, created, pairId),
        }).toEqual({ list: readable, read: readable, progress: readable, liveEvent: readable });
        // The author reads their own answer whatever the case.
        expect(ids(await api.call('GET', feedbackOf(pairId), { token: world.tokens.mentee }))).toContain(id);
      } finally {
        unsubscribe();
      }
    },
  );

  it('never shows raw answers to their admin, a service token, another pair or another organisation', async () => {
    const sessionId = await newSession();
    const shared = await give(world.pairId, world.tokens.mentor, {
      kind: 'session',
      sessionId,
      shareWithPartner: true,
    });
    const path = `/v1/feedback/${shared.body.id}`;
    const outsiders = [
      world.tokens.admin,
      serviceToken,
      world.tokens.otherMentor,
      world.tokens.otherOrgAdmin,
    ];
    for (const token of outsiders) {
      expect((await api.call('GET', path, { token })).status).toBe(404);
      expect((await api.call('PATCH', path, { token, body: { recommend: 0 } })).status).toBe(404);
      expect((await api.call('DELETE', path, { token })).status).toBe(404);
      expect((await api.call('GET', feedbackOf(world.pairId), { token })).status).toBe(404);
      expect((await give(world.pairId, token, { kind: 'session', sessionId })).status).toBe(404);
    }
    expect((await api.call('GET', path, { token: world.tokens.mentor })).body).toEqual(shared.body);
  });

  it('takes one answer per person per session: a second is refused with 409 and changes nothing', async () => {
    const sessionId = await newSession();
    const first = await give(world.pairId, world.tokens.mentor, { kind: 'session', sessionId });
    const second = await give(world.pairId, world.tokens.mentor, {
      kind: 'session',
      sessionId,
      recommend: 1,
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    const list = await api.call('GET', `${feedbackOf(world.pairId)}?sessionId=${sessionId}`, {
      token: world.tokens.mentor,
    });
    expect(list.body.items).toEqual([first.body]);

    const anotherSession = await give(world.pairId, world.tokens.mentor, {
      kind: 'session',
      sessionId: await newSession(),
    });
    expect(anotherSession.status).toBe(201);
  });

  it('takes one final answer per person per pair', async () => {
    const pairId = await newPair();
    expect((await give(pairId, world.tokens.mentee, { kind: 'final' })).status).toBe(201);
    expect((await give(pairId, world.tokens.mentor, { kind: 'final' })).status).toBe(201);
    expect((await give(pairId, world.tokens.mentee, { kind: 'final' })).status).toBe(409);
  });

  it("refuses with 422 feedback about another pair's session or one removed from the log, storing nothing", async () => {
    const pairId = await newPair();
    const elsewhere = await give(pairId, world.tokens.mentor, {
      kind: 'session',
      sessionId: await newSession(world.otherPairId),
    });
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.error).toMatchObject({ code: 'unprocessable', issues: [{ path: ['sessionId'] }] });

    const removed = await newSession(pairId);
    await api.call('DELETE', `/v1/sessions/${removed}`, { token: world.tokens.mentor });
    const late = await give(pairId, world.tokens.mentor, { kind: 'session', sessionId: removed });
    expect(late.status).toBe(422);
    expect(late.body.error.issues).toEqual([{ path: ['sessionId'], message: expect.any(String) }]);
    expect((await api.call('GET', feedbackOf(pairId), { token: world.tokens.mentor })).body.items).toEqual(
      [],
    );
  });

  it('answers malformed feedback with 400 and the path of every bad field, storing nothing', async () => {
    const pairId = await newPair();
    const bad = await api.call('POST', feedbackOf(pairId), {
      token: world.tokens.mentor,
      body: { kind: 'session', ratings: { usefulness: 6, trust: 0 }, recommend: 11, authorRole: 'mentee' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['ratings.usefulness', 'ratings.trust', 'ratings.preparation', 'recommend', '']),
    );

    const sessionlessSession = await give(pairId, world.tokens.mentor, { kind: 'session' });
    expect(sessionlessSession.status).toBe(400);
    expect(sessionlessSession.body.error.issues).toEqual([
      { path: ['sessionId'], message: expect.any(String) },
    ]);
    const midpointOfSession = await give(pairId, world.tokens.mentor, {
      kind: 'midpoint',
      sessionId: await newSession(pairId),
    });
    expect(midpointOfSession.status).toBe(400);
    expect((await api.call('GET', feedbackOf(pairId), { token: world.tokens.mentor })).body.items).toEqual(
      [],
    );
  });

  it('lets the author change an answer, refusing a stale If-Match with 412', async () => {
    const sessionId = await newSession();
    const created = await give(world.pairId, world.tokens.mentee, { kind: 'session', sessionId });
    const path = `/v1/feedback/${created.body.id}`;
    const changed = await api.call('PATCH', path, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { ratings: { usefulness: 3, trust: 5, preparation: 2 }, improve: 'Send the links before' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      ratings: { usefulness: 3, trust: 5, preparation: 2 },
      improve: 'Send the links before',
      learned: answer.learned,
      version: 2,
    });
    expect(changed.headers.get('ETag')).toBe('"2"');

    const stale = await api.call('PATCH', path, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { recommend: 0 },
    });
    expect(stale.status).toBe(412);
    expect((await api.call('GET', path, { token: world.tokens.mentee })).body).toEqual(changed.body);
  });

  it('refuses with 400 a change to what an answer is about or who wrote it', async () => {
    const created = await give(world.pairId, world.tokens.mentee, {
      kind: 'session',
      sessionId: await newSession(),
    });
    const res = await api.call('PATCH', `/v1/feedback/${created.body.id}`, {
      token: world.tokens.mentee,
      body: { kind: 'final', authorRole: 'mentor' },
    });
    expect(res.status).toBe(400);
  });

  it('lets a partner who may read an answer neither change nor withdraw it (403)', async () => {
    const sessionId = await newSession();
    const shared = await give(world.pairId, world.tokens.mentor, {
      kind: 'session',
      sessionId,
      shareWithPartner: true,
    });
    await give(world.pairId, world.tokens.mentee, { kind: 'session', sessionId });
    const path = `/v1/feedback/${shared.body.id}`;
    const patched = await api.call('PATCH', path, { token: world.tokens.mentee, body: { recommend: 0 } });
    expect(patched.status).toBe(403);
    expect(patched.body.error.code).toBe('forbidden');
    expect((await api.call('DELETE', path, { token: world.tokens.mentee })).status).toBe(403);
    expect((await api.call('GET', path, { token: world.tokens.mentor })).body).toEqual(shared.body);
  });

  it('withdraws an answer for good, so the author may answer again', async () => {
    const sessionId = await newSession();
    const created = await give(world.pairId, world.tokens.mentor, { kind: 'session', sessionId });
    const removed = await api.call('DELETE', `/v1/feedback/${created.body.id}`, {
      token: world.tokens.mentor,
      headers: { 'If-Match': '"1"' },
    });
    expect(removed.status).toBe(204);
    expect(
      (await api.call('GET', `/v1/feedback/${created.body.id}`, { token: world.tokens.mentor })).status,
    ).toBe(404);
    const stored = await api.storage.db
      .selectFrom('feedback')
      .select('id')
      .where('id', '=', created.body.id)
      .execute();
    expect(stored).toEqual([]);
    expect((await give(world.pairId, world.tokens.mentor, { kind: 'session', sessionId })).status).toBe(201);
  });

  it('filters the answers by kind and by session', async () => {
    const pairId = await newPair();
    const [first, second] = [await newSession(pairId), await newSession(pairId)];
    const a = await give(pairId, world.tokens.mentee, { kind: 'session', sessionId: first });
    const b = await give(pairId, world.tokens.mentee, { kind: 'session', sessionId: second });
    const c = await give(pairId, world.tokens.mentee, { kind: 'midpoint' });
    const list = (query: string) =>
      api.call('GET', `${feedbackOf(pairId)}${query}`, { token: world.tokens.mentee });
    expect(ids(await list(''))).toEqual([a.body.id, b.body.id, c.body.id]);
    expect(ids(await list('?kind=session'))).toEqual([a.body.id, b.body.id]);
    expect(ids(await list(`?sessionId=${second}`))).toEqual([b.body.id]);
    expect(ids(await list('?kind=midpoint&limit=1'))).toEqual([c.body.id]);
    expect((await list('?kind=weekly')).status).toBe(400);
    // One kind a page at a time: the first page and the ones after its cursor, none twice.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`?kind=session&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual([a.body.id, b.body.id]);
  });

  it("announces feedback to the pair's stream without its content", async () => {
    const pairId = await newPair();
    const events: DomainEvent[] = [];
    const unsubscribe = api.bus.subscribe((event) => {
      if (event.pairId === pairId && event.type.startsWith('feedback.')) events.push(event);
    });
    try {
      const created = await give(pairId, world.tokens.mentee, { kind: 'final' });
      const id = created.body.id;
      await api.call('PATCH', `/v1/feedback/${id}`, { token: world.tokens.mentee, body: { recommend: 7 } });
      await api.call('DELETE', `/v1/feedback/${id}`, { token: world.tokens.mentee });
      await vi.waitFor(() => expect(events).toHaveLength(3));
      expect(events.map((e) => [e.type, e.entityId])).toEqual([
        ['feedback.created', id],
        ['feedback.updated', id],
        ['feedback.deleted', id],
      ]);
      expect(JSON.stringify(events)).not.toContain(answer.learned);
    } finally {
      unsubscribe();
    }
  });
});
