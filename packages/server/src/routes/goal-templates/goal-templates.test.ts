import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

const linkedIn = {
  title: { en: 'Publish a first post on LinkedIn', it: 'Pubblicare un primo post su LinkedIn' },
  topic: 'social-media',
};

describe.each(testDatabases())('goal templates on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const templatesOf = (programId: string) => `/v1/programs/${programId}/goal-templates`;

  it("lets an admin suggest a goal in both languages, which the program's pairs then read", async () => {
    const created = await api.call('POST', templatesOf(world.programId), {
      token: world.tokens.admin,
      body: linkedIn,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^gtp_/),
      orgId: world.orgId,
      programId: world.programId,
      ...linkedIn,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    for (const token of [world.tokens.mentor, world.tokens.mentee]) {
      const list = await api.call('GET', templatesOf(world.programId), { token });
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual(created.body);
    }
  });

  it('pages through the suggestions in the order they were added, none skipped or twice', async () => {
    const added: string[] = [];
    const titles = [
      { en: 'Host a reverse-mentoring lunch', it: 'Organizzare un pranzo di reverse mentoring' },
      { en: 'Try one AI tool a week', it: 'Provare uno strumento di IA a settimana' },
      { en: 'Post once a month', it: 'Pubblicare un post al mese' },
    ];
    for (const title of titles) {
      const created = await api.call('POST', templatesOf(world.programId), {
        token: world.tokens.admin,
        body: { ...linkedIn, title },
      });
      expect(created.status).toBe(201);
      added.push(created.body.id);
    }
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } =
        await api.call('GET', `${templatesOf(world.programId)}?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
          token: world.tokens.mentor,
        });
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map((template) => template.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(paged).size).toBe(paged.length);
    expect(paged.slice(-3)).toEqual(added);
  });

  it('lists by topic, and changes only the languages of the title given', async () => {
    const ai = await api.call('POST', templatesOf(world.programId), {
      token: world.tokens.admin,
      body: { title: { en: 'Try an AI assistant for a week', it: '' }, topic: 'ai-tools' },
    });
    const byTopic = await api.call('GET', `${templatesOf(world.programId)}?topic=ai-tools`, {
      token: world.tokens.mentee,
    });
    expect(byTopic.body.items.map((t: { id: string }) => t.id)).toEqual([ai.body.id]);

    const changed = await api.call('PATCH', `/v1/goal-templates/${ai.body.id}`, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: { title: { it: 'Provare un assistente di IA per una settimana' } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      title: { en: 'Try an AI assistant for a week', it: 'Provare un assistente di IA per una settimana' },
      version: 2,
    });
    const stale = await api.call('PATCH', `/v1/goal-templates/${ai.body.id}`, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
      body: { topic: null },
    });
    expect(stale.status).toBe(412);
  });

  it('refuses a title in no language (400) and a topic the program does not offer (422), storing nothing', async () => {
    const before = await api.call('GET', templatesOf(world.programId), { token: world.tokens.admin });
    const untitled = await api.call('POST', templatesOf(world.programId), {
      token: world.tokens.admin,
      body: { title: { en: ' ', it: '' } },
    });
    expect(untitled.status).toBe(400);
    expect(untitled.body.error.issues).toContainEqual(expect.objectContaining({ path: ['title', 'en'] }));
    const offTopic = await api.call('POST', templatesOf(world.programId), {
      token: world.tokens.admin,
      body: { ...linkedIn, topic: 'underwater-basket-weaving' },
    });
    expect(offTopic.status).toBe(422);
    expect(offTopic.body.error.issues).toEqual([expect.objectContaining({ path: ['topic'] })]);
    const after = await api.call('GET', templatesOf(world.programId), { token: world.tokens.admin });
    expect(after.body.items).toEqual(before.body.items);
  });

  it('lets only admins write: a pair member gets 403, another organisation 404, and nothing changes', async () => {
    const created = await api.call('POST', templatesOf(world.programId), {
      token: world.tokens.admin,
      body: linkedIn,
    });
    const path = `/v1/goal-templates/${created.body.id}`;
    for (const token of [world.tokens.mentor, world.tokens.mentee]) {
      expect((await api.call('POST', templatesOf(world.programId), { token, body: linkedIn })).status).toBe(
        403,
      );
      expect((await api.call('PATCH', path, { token, body: { topic: null } })).status).toBe(403);
      expect((await api.call('DELETE', path, { token })).status).toBe(403);
    }
    const other = world.tokens.otherOrgAdmin;
    expect((await api.call('GET', templatesOf(world.programId), { token: other })).status).toBe(404);
    expect((await api.call('PATCH', path, { token: other, body: { topic: null } })).status).toBe(404);
    expect((await api.call('DELETE', path, { token: other })).status).toBe(404);
    const list = await api.call('GET', templatesOf(world.programId), { token: world.tokens.mentee });
    expect(list.body.items).toContainEqual(created.body);
  });

  it('withdraws a suggestion from the list, leaving goals started from it as they are', async () => {
    const created = await api.call('POST', templatesOf(world.programId), {
      token: world.tokens.admin,
      body: linkedIn,
    });
    const goal = await api.call('POST', `/v1/pairs/${world.pairId}/goals`, {
      token: world.tokens.mentee,
      body: { title: linkedIn.title.it, topic: linkedIn.topic },
    });
    const removed = await api.call('DELETE', `/v1/goal-templates/${created.body.id}`, {
      token: world.tokens.admin,
      headers: { 'If-Match': '"1"' },
    });
    expect(removed.status).toBe(204);
    const list = await api.call('GET', templatesOf(world.programId), { token: world.tokens.mentee });
    expect(list.body.items.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
    const kept = await api.call('GET', `/v1/goals/${goal.body.id}`, { token: world.tokens.mentee });
    expect(kept.body).toEqual(goal.body);
  });
});
