import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { EventStreamReader, eventOfType as ofType, type SseMessage } from '../../test-support/sse.js';
import { createWorld, type World } from '../../test-support/world.js';

const session = { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: 'Tried three AI note-takers' };
const typesOf = (messages: SseMessage[]) => messages.map((m) => m.event);

describe.each(testDatabases())('an open event stream follows its credential on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  const streams: EventStreamReader[] = [];

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await api.close();
  });

  async function subscribe(token: string, lastEventId?: string) {
    const response = await api.app.request('/v1/events', {
      headers: { Authorization: `Bearer ${token}`, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    });
    expect(response.status).toBe(200);
    const stream = new EventStreamReader(response.body);
    streams.push(stream);
    expect(typesOf(await stream.until(ofType('ready')))).toEqual(['ready']);
    return stream;
  }

  const acceptCharter = async (pairId: string, token: string) =>
    expect((await api.call('POST', `/v1/pairs/${pairId}/charter-acceptance`, { token })).status).toBe(200);

  it('ends a service token’s stream once the token is revoked, before it carries another event', async () => {
    const created = await api.call('POST', '/v1/service-tokens', {
      token: world.tokens.admin,
      body: { name: 'HR dashboard' },
    });
    const stream = await subscribe(created.body.token);
    await acceptCharter(world.otherPairId, world.tokens.otherMentee);
    expect(typesOf(await stream.until(ofType('pair.updated')))).toContain('pair.updated');

    const revoked = await api.call('DELETE', `/v1/service-tokens/${created.body.id}`, {
      token: world.tokens.admin,
    });
    expect(revoked.status).toBe(204);
    await acceptCharter(world.otherPairId, world.tokens.otherMentor);
    expect(await stream.until(() => false, 1500)).toEqual([]);
    expect(stream.ended).toBe(true);
  });

  it('ends a stream when its token expires', async () => {
    const token = await api.idp.sign({ sub: `sub-${world.people.mentee}`, expiresIn: '2s' });
    const stream = await subscribe(token);
    await stream.until(() => false, 2600);
    expect(stream.ended).toBe(true);
  });

  it('ends a removed person’s stream', async () => {
    const stream = await subscribe(world.tokens.otherMentee);
    const removed = await api.call('DELETE', `/v1/people/${world.people.otherMentee}`, {
      token: world.tokens.admin,
    });
    expect(removed.status).toBe(204);
    await api.call('POST', `/v1/pairs/${world.otherPairId}/sessions`, {
      token: world.tokens.otherMentor,
      body: session,
    });
    expect(typesOf(await stream.until(() => false, 1500))).not.toContain('session.created');
    expect(stream.ended).toBe(true);
  });

  it('carries no more of a pair’s events once the caller is out of it, even resuming', async () => {
    const stream = await subscribe(world.tokens.mentee);
    await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: session,
    });
    const [seen] = (await stream.until(ofType('session.created'))).filter(
      (m) => m.event === 'session.created',
    );
    await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: session,
    });
    await stream.until(ofType('session.created'));
    await stream.close();

    // The pair is handed to someone else (an admin's correction made in the database).
    await api.storage.db
      .updateTable('pairs')
      .set({ menteeId: world.people.otherMentee })
      .where('id', '=', world.pairId)
      .execute();
    const resumed = await subscribe(world.tokens.mentee, seen?.id);
    expect(typesOf(await resumed.until(() => false, 1000))).not.toContain('session.created');
  });
});
