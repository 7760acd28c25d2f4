import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '../../events/event-bus.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

const linkedIn = {
  title: 'Publish my first LinkedIn article',
  topic: 'personal-branding',
  targetDate: '2026-04-30',
};

describe.each(testDatabases())('goals on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const goalsOf = (pairId: string) => `/v1/pairs/${pairId}/goals`;

  it("lets the mentee set a goal, which the mentor then reads, with the mentee's side and no progress yet", async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: linkedIn,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^gol_/),
      orgId: world.orgId,
      pairId: world.pairId,
      owner: 'mentee',
      ...linkedIn,
      status: 'open',
      progress: 0,
      assessmentBefore: null,
      assessmentAfter: null,
      commitments: [],
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(created.headers.get('Location')).toBe(`/v1/goals/${created.body.id}`);

    const read = await api.call('GET', `/v1/goals/${created.body.id}`, { token: world.tokens.mentor });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    expect(read.headers.get('ETag')).toBe('"1"');
  });

  it('lets the mentor set a goal of their own, for what the junior learns back', async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentor,
      body: { owner: 'mentor', title: 'Present a strategy to a board', topic: 'strategy' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ owner: 'mentor', topic: 'strategy', targetDate: null });
  });

  it('records progress, and sets it to 100 once the goal is achieved', async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: linkedIn,
    });
    const id = created.body.id;
    const started = await api.call('PATCH', `/v1/goals/${id}`, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { status: 'in-progress', progress: 40 },
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      status: 'in-progress',
      progress: 40,
      version: 2,
      title: linkedIn.title,
    });
    expect(started.headers.get('ETag')).toBe('"2"');

    const achieved = await api.call('PATCH', `/v1/goals/${id}`, {
      token: world.tokens.mentor,
      headers: { 'If-Match': '"2"' },
      body: { status: 'achieved' },
    });
    expect(achieved.status).toBe(200);
    expect(achieved.body).toMatchObject({ status: 'achieved', progress: 100, version: 3 });
    const read = await api.call('GET', `/v1/goals/${id}`, { token: world.tokens.mentee });
    expect(read.body).toEqual(achieved.body);
  });

  it("keeps the owner's self-assessment before and after, and the mentee's commitments ticked off one by one", async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: {
        ...linkedIn,
        assessmentBefore: 1,
        commitments: [
          { text: 'Read three colleagues’ posts every morning' },
          { text: 'Write my own drafts' },
        ],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ assessmentBefore: 1, assessmentAfter: null });
    const [read, write] = created.body.commitments;
    expect([read, write]).toEqual([
      { id: expect.stringMatching(/^cm_/), text: 'Read three colleagues’ posts every morning', done: false },
      { id: expect.stringMatching(/^cm_/), text: 'Write my own drafts', done: false },
    ]);
    expect(read.id).not.toBe(write.id);

    // The partner's view changes too: the mentor reads the same list, and one more commitment keeps the ids.
    const ticked = await api.call('PATCH', `/v1/goals/${created.body.id}`, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: {
        assessmentAfter: 4,
        commitments: [{ ...read, done: true }, write, { text: 'Answer comments within a day' }],
      },
    });
    expect(ticked.status).toBe(200);
    expect(ticked.body.assessmentAfter).toBe(4);
    expect(ticked.body.commitments.map((c: { id: string; done: boolean }) => [c.id, c.done])).toEqual([
      [read.id, true],
      [write.id, false],
      [expect.stringMatching(/^cm_/), false],
    ]);
    const seen = await api.call('GET', `/v1/goals/${created.body.id}`, { token: world.tokens.mentor });
    expect(seen.body).toEqual(ticked.body);
  });

  it("leaves a goal's self-assessment to its owner: the partner may send it back unchanged, never a new one", async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: { ...linkedIn, assessmentBefore: 2 },
    });
    expect(created.status).toBe(201);
    const byPartner = await api.call('PATCH', `/v1/goals/${created.body.id}`, {
      token: world.tokens.mentor,
      headers: { 'If-Match': '"1"' },
      body: { assessmentBefore: 5, assessmentAfter: 5, progress: 50 },
    });
    expect(byPartner.status).toBe(403);
    expect(byPartner.body.error.issues.map((i: { path: string[] }) => i.path)).toEqual([
      ['assessmentBefore'],
      ['assessmentAfter'],
    ]);
    const unchanged = await api.call('GET', `/v1/goals/${created.body.id}`, { token: world.tokens.mentee });
    expect(unchanged.body).toEqual(created.body);
    const sentBack = await api.call('PATCH', `/v1/goals/${created.body.id}`, {
      token: world.tokens.mentor,
      headers: { 'If-Match': '"1"' },
      body: { assessmentBefore: 2, progress: 50 },
    });
    expect([sentBack.status, sentBack.body.progress, sentBack.body.assessmentBefore]).toEqual([200, 50, 2]);
    const forHim = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentor,
      body: { ...linkedIn, owner: 'mentee', assessmentBefore: 1 },
    });
    expect(forHim.status).toBe(403);
  });

  it('refuses a self-assessment outside 1-5 and an empty commitment with their paths, changing nothing', async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: { ...linkedIn, assessmentBefore: 2 },
    });
    const bad = await api.call('PATCH', `/v1/goals/${created.body.id}`, {
      token: world.tokens.mentee,
      body: { assessmentBefore: 0, assessmentAfter: 6, commitments: [{ text: '  ' }] },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['assessmentBefore', 'assessmentAfter', 'commitments.0.text']),
    );
    const read = await api.call('GET', `/v1/goals/${created.body.id}`, { token: world.tokens.mentee });
    expect(read.body).toEqual(created.body);
  });

  it('creates a goal set as already achieved at 100%', async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: { title: 'Open a Threads account', status: 'achieved', progress: 10 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'achieved', progress: 100 });
  });

  it('refuses a stale If-Match with 412 and the current ETag, changing nothing', async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: linkedIn,
    });
    const id = created.body.id;
    await api.call('PATCH', `/v1/goals/${id}`, { token: world.tokens.mentor, body: { progress: 20 } });
    const stale = await api.call('PATCH', `/v1/goals/${id}`, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { title: 'Overwriting what I never saw' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('precondition_failed');
    expect(stale.headers.get('ETag')).toBe('"2"');
    const read = await api.call('GET', `/v1/goals/${id}`, { token: world.tokens.mentee });
    expect(read.body).toMatchObject({ title: linkedIn.title, progress: 20, version: 2 });
  });

  it('answers a malformed goal with 400 and the path of every bad field, storing nothing', async () => {
    const before = await api.call('GET', goalsOf(world.pairId), { token: world.tokens.mentee });
    const bad = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: { title: '  ', owner: 'boss', progress: 101, targetDate: '30/04/2026', status: 'done' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'owner', 'progress', 'targetDate', 'status']));
    const after = await api.call('GET', goalsOf(world.pairId), { token: world.tokens.mentee });
    expect(after.body.items).toEqual(before.body.items);
  });

  it("refuses with 422 a topic the pair's program does not offer, on create and on change", async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: { ...linkedIn, topic: 'underwater-basket-weaving' },
    });
    expect(created.status).toBe(422);
    expect(created.body.error).toMatchObject({ code: 'unprocessable', issues: [{ path: ['topic'] }] });

    const goal = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: linkedIn,
    });
    const changed = await api.call('PATCH', `/v1/goals/${goal.body.id}`, {
      token: world.tokens.mentee,
      body: { topic: 'underwater-basket-weaving' },
    });
    expect(changed.status).toBe(422);
    const read = await api.call('GET', `/v1/goals/${goal.body.id}`, { token: world.tokens.mentee });
    expect(read.body.topic).toBe(linkedIn.topic);
  });

  it('lists goals in the order they were set, page by page, and by status', async () => {
    const pairId = world.otherPairId;
    const titles = ['One', 'Two', 'Three', 'Four', 'Five'];
    for (const [i, title] of titles.entries()) {
      await api.call('POST', goalsOf(pairId), {
        token: world.tokens.otherMentee,
        body: { title, status: i % 2 === 0 ? 'open' : 'in-progress' },
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.call('GET', `${goalsOf(pairId)}${query}`, { token: world.tokens.otherMentor });
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((g: { title: string }) => g.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(titles);

    const open = await api.call('GET', `${goalsOf(pairId)}?status=in-progress`, {
      token: world.tokens.otherMentor,
    });
    expect(open.body.items.map((g: { title: string }) => g.title)).toEqual(['Two', 'Four']);
  });

  it('removes a goal from every read and list', async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: linkedIn,
    });
    const removed = await api.call('DELETE', `/v1/goals/${created.body.id}`, {
      token: world.tokens.mentor,
      headers: { 'If-Match': '"1"' },
    });
    expect(removed.status).toBe(204);
    expect(
      (await api.call('GET', `/v1/goals/${created.body.id}`, { token: world.tokens.mentee })).status,
    ).toBe(404);
    const list = await api.call('GET', goalsOf(world.pairId), { token: world.tokens.mentee });
    expect(list.body.items.map((g: { id: string }) => g.id)).not.toContain(created.body.id);
    const again = await api.call('DELETE', `/v1/goals/${created.body.id}`, { token: world.tokens.mentor });
    expect(again.status).toBe(404);
  });

  it('keeps goals to the pair: their admin, another pair and another organisation get 404', async () => {
    const created = await api.call('POST', goalsOf(world.pairId), {
      token: world.tokens.mentee,
      body: linkedIn,
    });
    const goal = `/v1/goals/${created.body.id}`;
    for (const token of [world.tokens.admin, world.tokens.otherMentor, world.tokens.otherOrgAdmin]) {
      expect((await api.call('GET', goal, { token })).status).toBe(404);
      expect((await api.call('PATCH', goal, { token, body: { progress: 90 } })).status).toBe(404);
      expect((await api.call('DELETE', goal, { token })).status).toBe(404);
      expect((await api.call('GET', goalsOf(world.pairId), { token })).status).toBe(404);
      expect((await api.call('POST', goalsOf(world.pairId), { token, body: linkedIn })).status).toBe(404);
    }
    const read = await api.call('GET', goal, { token: world.tokens.mentee });
    expect(read.body).toEqual(created.body);
  });

  it("announces a goal's creation, change and removal to the pair's event stream", async () => {
    const events: DomainEvent[] = [];
    const unsubscribe = api.bus.subscribe((event) => {
      if (event.pairId === world.otherPairId && event.type.startsWith('goal.')) events.push(event);
    });
    try {
      const created = await api.call('POST', goalsOf(world.otherPairId), {
        token: world.tokens.otherMentor,
        body: { title: 'Try an AI assistant for a week' },
      });
      const id = created.body.id;
      await api.call('PATCH', `/v1/goals/${id}`, { token: world.tokens.otherMentor, body: { progress: 50 } });
      await api.call('DELETE', `/v1/goals/${id}`, { token: world.tokens.otherMentor });
      await vi.waitFor(() => expect(events).toHaveLength(3));
      expect(events.map((e) => [e.type, e.entityId, e.version])).toEqual([
        ['goal.created', id, 1],
        ['goal.updated', id, 2],
        ['goal.deleted', id, 3],
      ]);
      expect(events[0]).toMatchObject({
        mentorId: world.people.otherMentor,
        menteeId: world.people.otherMentee,
      });
    } finally {
      unsubscribe();
    }
  });
});
