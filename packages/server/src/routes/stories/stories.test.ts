import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

const story = {
  title: 'The CFO now posts on LinkedIn',
  text: 'Roberto learnt to share the quarter in plain words; Giulia learnt how a budget is argued.',
  language: 'en',
  quote: { text: 'I finally read my own comments.', by: 'mentee' },
};

describe.each(testDatabases())('success stories on $dialect', (database) => {
  let api: TestApi;
  let w: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    w = await createWorld(api);
  });
  afterAll(() => api.close());

  const write = async (token = w.tokens.mentor, body: unknown = story) => {
    const res = await api.call('POST', `/v1/pairs/${w.pairId}/stories`, { token, body });
    expect(res.status).toBe(201);
    return res.body;
  };
  const act = (method: string, path: string, token: string, version?: number, body?: unknown) =>
    api.call(method, path, {
      token,
      ...(body === undefined ? {} : { body }),
      headers: version === undefined ? {} : { 'If-Match': `"${version}"` },
    });
  const agree = (id: string, token: string, version: number) =>
    act('POST', `/v1/stories/${id}/agreement`, token, version);
  /** A story both sides agreed to: waiting for an admin. */
  const agreedByBoth = async () => {
    const created = await write();
    await agree(created.id, w.tokens.mentor, 1);
    const both = await agree(created.id, w.tokens.mentee, 2);
    expect(both.body.status).toBe('awaiting-approval');
    return both.body;
  };
  const published = () => api.call('GET', '/v1/stories', { token: w.tokens.otherMentor });
  const queue = () => api.call('GET', '/v1/stories?status=awaiting-approval', { token: w.tokens.admin });
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((item) => item.id);

  it('lets a member write a draft that both of them read, with their names, and nobody else', async () => {
    const created = await write();
    expect(created).toEqual({
      id: expect.stringMatching(/^sty_/),
      orgId: w.orgId,
      pairId: w.pairId,
      ...story,
      mentor: { displayName: 'Giulia Rossi', title: null },
      mentee: { displayName: 'Roberto Bianchi', title: null },
      status: 'draft',
      agreedAt: { mentor: null, mentee: null },
      returnNote: null,
      publishedAt: null,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    const read = await api.call('GET', `/v1/stories/${created.id}`, { token: w.tokens.mentee });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created);
    for (const token of [w.tokens.admin, w.tokens.otherMentor, w.tokens.otherOrgAdmin]) {
      expect((await api.call('GET', `/v1/stories/${created.id}`, { token })).status).toBe(404);
    }
    expect(ids(await queue())).not.toContain(created.id);
    expect(ids(await published())).not.toContain(created.id);
    const listed = await api.call('GET', `/v1/pairs/${w.pairId}/stories`, { token: w.tokens.mentee });
    expect(ids(listed)).toContain(created.id);
  });

  it('refuses a story without a title or with a quote of nobody, naming the fields, and stores nothing', async () => {
    const before = await api.call('GET', `/v1/pairs/${w.pairId}/stories?limit=100`, {
      token: w.tokens.mentor,
    });
    const res = await api.call('POST', `/v1/pairs/${w.pairId}/stories`, {
      token: w.tokens.mentor,
      body: { ...story, title: '  ', quote: { text: 'Hi', by: 'boss' } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['title', 'quote.by']),
    );
    const after = await api.call('GET', `/v1/pairs/${w.pairId}/stories?limit=100`, {
      token: w.tokens.mentor,
    });
    expect(ids(after)).toEqual(ids(before));
  });

  it('shows a story to the admin only once both sides agreed, and publishes it for everyone on approval', async () => {
    const created = await write();
    const mine = await agree(created.id, w.tokens.mentor, 1);
    expect(mine.body).toMatchObject({
      status: 'draft',
      agreedAt: { mentor: expect.any(String), mentee: null },
    });
    expect(ids(await queue())).not.toContain(created.id);

    const both = await agree(created.id, w.tokens.mentee, 2);
    expect(both.body.status).toBe('awaiting-approval');
    const waiting = (await queue()).body.items.find((item: { id: string }) => item.id === created.id);
    expect(waiting).toEqual({
      id: created.id,
      ...story,
      mentor: { displayName: 'Giulia Rossi', title: null },
      mentee: { displayName: 'Roberto Bianchi', title: null },
      status: 'awaiting-approval',
      publishedAt: null,
      version: 3,
    });
    expect(ids(await published())).not.toContain(created.id);

    const approved = await act('POST', `/v1/stories/${created.id}/approval`, w.tokens.admin, 3);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', publishedAt: expect.any(String), version: 4 });
    const everyone = await published();
    expect(ids(everyone)).toContain(created.id);
    // The organisation reads names and titles, never the pair's or its people's ids.
    expect(JSON.stringify(everyone.body)).not.toContain(w.pairId);
    expect(JSON.stringify(everyone.body)).not.toContain(w.people.mentor);
    expect(ids(await queue())).not.toContain(created.id);
    const otherOrg = await api.call('GET', '/v1/stories', { token: w.tokens.otherOrgAdmin });
    expect(ids(otherOrg)).not.toContain(created.id);
  });

  it('tells the webhooks that asked for it once, when a story is published, and never a word of it', async () => {
    const hook = await api.call('POST', '/v1/webhooks', {
      token: w.tokens.admin,
      body: { url: 'https://hooks.contoso.example/stories', events: ['story.published'] },
    });
    expect(hook.status).toBe(201);
    const waiting = await agreedByBoth();
    const approve = () => act('POST', `/v1/stories/${waiting.id}/approval`, w.tokens.admin, waiting.version);
    expect((await approve()).status).toBe(200);
    const deliveries = async () =>
      (await api.call('GET', `/v1/webhooks/${hook.body.id}/deliveries`, { token: w.tokens.admin })).body
        .items;
    expect((await deliveries()).map((d: { eventType: string }) => d.eventType)).toEqual(['story.published']);
    const events = await api.storage.db
      .selectFrom('webhookEvents')
      .select('body')
      .where('type', '=', 'story.published')
      .execute();
    expect(events.map((event) => JSON.parse(event.body).data)).toEqual([
      { storyId: waiting.id, pairId: w.pairId, programId: w.programId },
    ]);
    expect(events[0]?.body).not.toContain(story.title);
    await approve();
    expect(await deliveries()).toHaveLength(1);
    await api.call('DELETE', `/v1/webhooks/${hook.body.id}`, {
      token: w.tokens.admin,
      headers: { 'If-Match': `"${hook.body.version}"` },
    });
  });

  it('withdraws the other side’s agreement on any change, taking a published story down', async () => {
    const waiting = await agreedByBoth();
    const approved = await act('POST', `/v1/stories/${waiting.id}/approval`, w.tokens.admin, waiting.version);
    const edited = await act('PATCH', `/v1/stories/${waiting.id}`, w.tokens.mentee, approved.body.version, {
      title: 'The CFO posts every week',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      title: 'The CFO posts every week',
      status: 'draft',
      agreedAt: { mentor: null, mentee: expect.any(String) },
      publishedAt: null,
    });
    expect(ids(await published())).not.toContain(waiting.id);
    expect(ids(await queue())).not.toContain(waiting.id);
  });

  it('refuses an agreement to words the other side changed since they were read (412), agreeing to nothing', async () => {
    const created = await write();
    await act('PATCH', `/v1/stories/${created.id}`, w.tokens.mentor, 1, { text: 'Rewritten by Giulia.' });
    const stale = await agree(created.id, w.tokens.mentee, 1);
    expect(stale.status).toBe(412);
    expect(stale.headers.get('ETag')).toBe('"2"');
    const read = await api.call('GET', `/v1/stories/${created.id}`, { token: w.tokens.mentee });
    expect(read.body.agreedAt).toEqual({ mentor: null, mentee: null });
  });

  it('lets either side withdraw their agreement at any time, taking the story down at once', async () => {
    const waiting = await agreedByBoth();
    const approved = await act('POST', `/v1/stories/${waiting.id}/approval`, w.tokens.admin, waiting.version);
    const withdrawn = await act(
      'DELETE',
      `/v1/stories/${waiting.id}/agreement`,
      w.tokens.mentor,
      approved.body.version,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'draft', agreedAt: { mentor: null }, publishedAt: null });
    expect(ids(await published())).not.toContain(waiting.id);
  });

  it('lets the admin return a waiting story with a note the pair reads, and take a published one down', async () => {
    const waiting = await agreedByBoth();
    const empty = await act('POST', `/v1/stories/${waiting.id}/return`, w.tokens.admin, waiting.version, {
      note: ' ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].path).toEqual(['note']);
    const returned = await act('POST', `/v1/stories/${waiting.id}/return`, w.tokens.admin, waiting.version, {
      note: 'Please leave out the budget figure.',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');
    expect(JSON.stringify(returned.body)).not.toContain('budget figure');
    const read = await api.call('GET', `/v1/stories/${waiting.id}`, { token: w.tokens.mentor });
    expect(read.body).toMatchObject({
      status: 'returned',
      returnNote: 'Please leave out the budget figure.',
      agreedAt: { mentor: null, mentee: null },
    });
    // Once returned it is the pair's again: the admin acts on it no more.
    const again = await act('POST', `/v1/stories/${waiting.id}/approval`, w.tokens.admin);
    expect(again.status).toBe(404);

    const other = await agreedByBoth();
    const live = await act('POST', `/v1/stories/${other.id}/approval`, w.tokens.admin, other.version);
    const down = await act('POST', `/v1/stories/${other.id}/return`, w.tokens.admin, live.body.version, {
      note: 'Taken down at the partner’s request.',
    });
    expect(down.status).toBe(200);
    expect(ids(await published())).not.toContain(other.id);
  });

  it('refuses an approval by anyone but an admin, and of a draft, changing nothing', async () => {
    const waiting = await agreedByBoth();
    for (const token of [w.tokens.mentor, w.tokens.mentee, w.tokens.otherMentor]) {
      expect((await act('POST', `/v1/stories/${waiting.id}/approval`, token)).status).toBe(403);
      expect((await api.call('GET', '/v1/stories?status=awaiting-approval', { token })).status).toBe(403);
    }
    expect((await act('POST', `/v1/stories/${waiting.id}/approval`, w.tokens.otherOrgAdmin)).status).toBe(
      404,
    );
    const draft = await write();
    expect((await act('POST', `/v1/stories/${draft.id}/approval`, w.tokens.admin)).status).toBe(404);
    expect(ids(await published())).not.toContain(waiting.id);
    expect(ids(await published())).not.toContain(draft.id);
  });

  it('refuses an approval after a withdrawal (the story is no longer the admin’s to see), leaving the story unpublished', async () => {
    const waiting = await agreedByBoth();
    await act('DELETE', `/v1/stories/${waiting.id}/agreement`, w.tokens.mentee, waiting.version);
    const late = await act('POST', `/v1/stories/${waiting.id}/approval`, w.tokens.admin, waiting.version);
    expect(late.status).toBe(404);
    expect(ids(await published())).not.toContain(waiting.id);
  });

  it('answers a repeated write with the same Idempotency-Key once, writing one story', async () => {
    const key = `story-${Date.now()}`;
    const send = () =>
      api.call('POST', `/v1/pairs/${w.pairId}/stories`, {
        token: w.tokens.mentor,
        body: { ...story, title: 'Written once' },
        headers: { 'Idempotency-Key': key },
      });
    const first = await send();
    const second = await send();
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const listed = await api.call('GET', `/v1/pairs/${w.pairId}/stories?limit=100`, {
      token: w.tokens.mentor,
    });
    expect(listed.body.items.filter((item: { title: string }) => item.title === 'Written once')).toHaveLength(
      1,
    );
  });

  it('pages through the published stories newest first, without repeats', async () => {
    for (let i = 0; i < 3; i++) {
      const waiting = await agreedByBoth();
      await act('POST', `/v1/stories/${waiting.id}/approval`, w.tokens.admin, waiting.version);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; publishedAt: string }[]; nextCursor: string | null } } =
        await api.call('GET', `/v1/stories?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: w.tokens.mentee,
        });
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(3);
  });
});
