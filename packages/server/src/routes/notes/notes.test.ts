import { newId } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceToken } from '../../auth/service-tokens.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createWorld, type World } from '../../test-support/world.js';

const held = { status: 'held', occurredAt: '2026-02-02T10:00:00Z' };

describe.each(testDatabases())('private notes on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  let serviceToken: string;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
    serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR reporting')).token;
  });
  afterAll(() => api.close());

  const notesOf = (sessionId: string) => `/v1/sessions/${sessionId}/notes`;
  const newSession = async (pairId = world.pairId, token = world.tokens.mentor) =>
    (await api.call('POST', `/v1/pairs/${pairId}/sessions`, { token, body: held })).body.id as string;
  const ids = (list: { body: { items: { id: string }[] } }) => list.body.items.map((n) => n.id);

  it('lets the mentee keep a private note on a session and read it back', async () => {
    const sessionId = await newSession();
    const created = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentee,
      body: { text: 'Ask about reverse-mentoring my own team next time' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^not_/),
      orgId: world.orgId,
      sessionId,
      authorId: world.people.mentee,
      text: 'Ask about reverse-mentoring my own team next time',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
    });
    expect(created.headers.get('ETag')).toBe('"1"');
    expect(created.headers.get('Location')).toBe(`/v1/notes/${created.body.id}`);

    const read = await api.call('GET', `/v1/notes/${created.body.id}`, { token: world.tokens.mentee });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const list = await api.call('GET', notesOf(sessionId), { token: world.tokens.mentee });
    expect(list.body).toEqual({ items: [created.body], nextCursor: null });
  });

  it("never shows the partner a private note: not by id, not in the session's list", async () => {
    const sessionId = await newSession();
    const mine = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentor,
      body: { text: 'He was defensive about the analytics; go slower' },
    });
    const theirs = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentee,
      body: { text: 'She knows more about our customers than my directors' },
    });

    const partnerRead = await api.call('GET', `/v1/notes/${mine.body.id}`, { token: world.tokens.mentee });
    const missing = await api.call('GET', `/v1/notes/${newId('privateNote')}`, {
      token: world.tokens.mentee,
    });
    expect(partnerRead.status).toBe(404);
    expect(partnerRead.body.error.code).toBe(missing.body.error.code);
    expect(partnerRead.body.error.message).toBe(missing.body.error.message);
    expect(JSON.stringify(partnerRead.body)).not.toContain('defensive');

    expect(ids(await api.call('GET', notesOf(sessionId), { token: world.tokens.mentor }))).toEqual([
      mine.body.id,
    ]);
    expect(ids(await api.call('GET', notesOf(sessionId), { token: world.tokens.mentee }))).toEqual([
      theirs.body.id,
    ]);
  });

  it('lets nobody but the author change or delete a note', async () => {
    const sessionId = await newSession();
    const note = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentor,
      body: { text: 'Mine' },
    });
    const path = `/v1/notes/${note.body.id}`;
    for (const token of [world.tokens.mentee, world.tokens.admin]) {
      expect((await api.call('PATCH', path, { token, body: { text: 'Not yours' } })).status).toBe(404);
      expect((await api.call('DELETE', path, { token })).status).toBe(404);
    }
    const read = await api.call('GET', path, { token: world.tokens.mentor });
    expect(read.body).toEqual(note.body);
  });

  it('hides notes from their admin, a service token, another pair and another organisation', async () => {
    const sessionId = await newSession();
    const note = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentor,
      body: { text: 'Private' },
    });
    const outsiders = [
      world.tokens.admin,
      serviceToken,
      world.tokens.otherMentor,
      world.tokens.otherOrgAdmin,
    ];
    for (const token of outsiders) {
      expect((await api.call('GET', `/v1/notes/${note.body.id}`, { token })).status).toBe(404);
      expect((await api.call('GET', notesOf(sessionId), { token })).status).toBe(404);
      expect((await api.call('POST', notesOf(sessionId), { token, body: { text: 'Sneaky' } })).status).toBe(
        404,
      );
    }
    expect(ids(await api.call('GET', notesOf(sessionId), { token: world.tokens.mentor }))).toEqual([
      note.body.id,
    ]);
  });

  it('rewrites a note, refusing a stale If-Match with 412', async () => {
    const sessionId = await newSession();
    const note = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentee,
      body: { text: 'First' },
    });
    const path = `/v1/notes/${note.body.id}`;
    const changed = await api.call('PATCH', path, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { text: 'Second thoughts' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ text: 'Second thoughts', version: 2 });
    expect(changed.headers.get('ETag')).toBe('"2"');

    const stale = await api.call('PATCH', path, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
      body: { text: 'From an old tab' },
    });
    expect(stale.status).toBe(412);
    expect((await api.call('GET', path, { token: world.tokens.mentee })).body.text).toBe('Second thoughts');
  });

  it('answers an empty or unknown field with 400 and its path, storing nothing', async () => {
    const sessionId = await newSession();
    const empty = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentor,
      body: { text: '   ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues.map((i: { path: string[] }) => i.path)).toEqual([['text']]);
    const extra = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentor,
      body: { text: 'Fine', sharedWith: 'admin' },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.issues[0].message).toMatch(/sharedWith/);
    expect(ids(await api.call('GET', notesOf(sessionId), { token: world.tokens.mentor }))).toEqual([]);
  });

  it('erases a deleted note from storage, not just from view', async () => {
    const sessionId = await newSession();
    const note = await api.call('POST', notesOf(sessionId), {
      token: world.tokens.mentee,
      body: { text: 'Erase me' },
    });
    const removed = await api.call('DELETE', `/v1/notes/${note.body.id}`, {
      token: world.tokens.mentee,
      headers: { 'If-Match': '"1"' },
    });
    expect(removed.status).toBe(204);
    expect((await api.call('GET', `/v1/notes/${note.body.id}`, { token: world.tokens.mentee })).status).toBe(
      404,
    );
    const stored = await api.storage.db
      .selectFrom('privateNotes')
      .select('id')
      .where('id', '=', note.body.id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('takes no notes on a session of another pair, or one removed from the log', async () => {
    const otherPairs = await newSession(world.otherPairId, world.tokens.otherMentor);
    const other = await api.call('POST', notesOf(otherPairs), {
      token: world.tokens.mentor,
      body: { text: 'Hm' },
    });
    expect(other.status).toBe(404);

    const removed = await newSession();
    await api.call('DELETE', `/v1/sessions/${removed}`, { token: world.tokens.mentor });
    const late = await api.call('POST', notesOf(removed), {
      token: world.tokens.mentor,
      body: { text: 'Too late' },
    });
    expect(late.status).toBe(404);
  });

  it('pages through many notes on one session without skipping or repeating', async () => {
    const sessionId = await newSession();
    const written: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const note = await api.call('POST', notesOf(sessionId), {
        token: world.tokens.mentor,
        body: { text: `Note ${i}` },
      });
      written.push(note.body.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await api.call('GET', `${notesOf(sessionId)}${query}`, { token: world.tokens.mentor });
      seen.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(written);
  });
});
