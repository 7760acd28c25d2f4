import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { EventStreamReader, eventOfType as ofType } from '../../test-support/sse.js';
import { createWorld, type World } from '../../test-support/world.js';

const session = { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: 'Tried three AI note-takers' };

describe.each(testDatabases())('live events on $dialect', (database) => {
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  const streams: EventStreamReader[] = [];
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await api.close();
  });

  async function subscribe(token: string, options: { query?: string; lastEventId?: string } = {}) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
    const response = await api.app.request(`/v1/events${options.query ?? ''}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/text\/event-stream/);
    const stream = new EventStreamReader(response.body);
    // The server subscribes before it says it is ready: nothing after this can be missed.
    expect(await stream.until(ofType('ready'))).toEqual([expect.objectContaining({ event: 'ready' })]);
    streams.push(stream);
    return stream;
  }

  it('tells the partner at once when a session is logged, and nobody outside the pair', async () => {
    const mentee = await subscribe(world.tokens.mentee);
    const outsider = await subscribe(world.tokens.otherMentor);
    const admin = await subscribe(world.tokens.admin);

    const created = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: session,
    });
    expect(created.status).toBe(201);

    const received = await mentee.until(ofType('session.created'));
    const event = received.find((m) => m.event === 'session.created');
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({
      pairId: world.pairId,
      entityId: created.body.id,
      version: 1,
    });
    expect(JSON.parse(event?.data ?? '{}')).not.toHaveProperty('summary');

    expect(await outsider.until(ofType('session.created'), 600)).toEqual([]);
    expect(await admin.until(ofType('session.created'), 600)).toEqual([]);
  });

  it('tells the admin about pair changes of the organisation', async () => {
    const admin = await subscribe(world.tokens.admin);
    const otherOrgAdmin = await subscribe(world.tokens.otherOrgAdmin);
    const accepted = await api.call('POST', `/v1/pairs/${world.otherPairId}/charter-acceptance`, {
      token: world.tokens.otherMentee,
    });
    expect(accepted.status).toBe(200);
    const received = await admin.until(ofType('pair.updated'));
    expect(received.map((m) => m.event)).toContain('pair.updated');
    expect(await otherOrgAdmin.until(ofType('pair.updated'), 600)).toEqual([]);
  });

  it('replays what a reconnecting client missed after its Last-Event-ID', async () => {
    const first = await subscribe(world.tokens.mentee, { query: `?pairId=${world.pairId}` });
    await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: session,
    });
    const [seen] = (await first.until(ofType('session.created'))).filter(
      (m) => m.event === 'session.created',
    );
    expect(seen?.id).toMatch(/^evt_/);

    // The client is offline while two more sessions are logged.
    const missed = [];
    for (const summary of ['Missed one', 'Missed two']) {
      const res = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
        token: world.tokens.mentor,
        body: { ...session, summary },
      });
      missed.push(res.body.id);
    }
    const resumed = await subscribe(world.tokens.mentee, {
      query: `?pairId=${world.pairId}`,
      lastEventId: seen?.id ?? '',
    });
    const replayed = await resumed.until((m) => m.filter((e) => e.event === 'session.created').length >= 2);
    expect(
      replayed.filter((m) => m.event === 'session.created').map((m) => JSON.parse(m.data).entityId),
    ).toEqual(missed);
  });

  it('refuses a stream of a pair the caller is not in, and a caller without a token', async () => {
    const other = await api.app.request(`/v1/events?pairId=${world.otherOrgPairId}`, {
      headers: { Authorization: `Bearer ${world.tokens.mentor}` },
    });
    expect(other.status).toBe(404);
    expect((await api.app.request('/v1/events')).status).toBe(401);
  });
});
