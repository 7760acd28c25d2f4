import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';

describe.each(testDatabases())('personal answers are never cached, on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  it('marks every /v1 answer no-store: profile, notes, feedback, lists and errors', async () => {
    const session = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: 'Copilot in Excel' },
    });
    const note = await api.call('POST', `/v1/sessions/${session.body.id}/notes`, {
      token: world.tokens.mentor,
      body: { text: 'He was defensive about the analytics; go slower' },
    });
    const feedback = await api.call('POST', `/v1/pairs/${world.pairId}/feedback`, {
      token: world.tokens.mentor,
      body: {
        kind: 'session',
        sessionId: session.body.id,
        ratings: { usefulness: 4, trust: 5, preparation: 3 },
        recommend: 9,
      },
    });
    expect([session.status, note.status, feedback.status]).toEqual([201, 201, 201]);
    const answers = [
      session,
      note,
      feedback,
      await api.call('GET', '/v1/me', { token: world.tokens.mentor }),
      await api.call('GET', `/v1/notes/${note.body.id}`, { token: world.tokens.mentor }),
      await api.call('GET', `/v1/feedback/${feedback.body.id}`, { token: world.tokens.mentor }),
      await api.call('GET', `/v1/pairs/${world.pairId}/sessions`, { token: world.tokens.mentee }),
      await api.call('GET', '/v1/people', { token: world.tokens.admin }),
      await api.call('GET', '/v1/me'),
      await api.call('GET', `/v1/notes/${note.body.id}`, { token: world.tokens.mentee }),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 200, 200, 200, 200, 200, 401, 404]);
    for (const answer of answers) expect(answer.headers.get('Cache-Control')).toBe('no-store');
  });

  it('marks a replayed write no-store too, and still replays it', async () => {
    const key = crypto.randomUUID();
    const goal = { title: 'Post weekly on LinkedIn', topic: 'personal-branding' };
    const first = await api.call('POST', `/v1/pairs/${world.pairId}/goals`, {
      token: world.tokens.mentee,
      body: goal,
      headers: { 'Idempotency-Key': key },
    });
    const replay = await api.call('POST', `/v1/pairs/${world.pairId}/goals`, {
      token: world.tokens.mentee,
      body: goal,
      headers: { 'Idempotency-Key': key },
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('Cache-Control')).toBe('no-store');
  });
});
