import { liveEventSchema } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneEvents } from '../../events/event-log.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { EventStreamReader, eventOfType as ofType, type SseMessage } from '../../test-support/sse.js';
import { createWorld, type World } from '../../test-support/world.js';

const session = { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: 'Tried three AI note-takers' };
const answer = { ratings: { usefulness: 5, trust: 4, preparation: 4 }, recommend: 9, learned: 'Reels' };

/** The feedback events among the messages, as [type, entityId]. */
const feedbackEvents = (messages: SseMessage[]) =>
  messages.filter((m) => m.event.startsWith('feedback.')).map((m) => [m.event, JSON.parse(m.data).entityId]);
const anyFeedback = (messages: SseMessage[]) => feedbackEvents(messages).length > 0;

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

  async function open(token: string, options: { query?: string; lastEventId?: string } = {}) {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
    const response = await api.app.request(`/v1/events${options.query ?? ''}`, { headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/text\/event-stream/);
    const stream = new EventStreamReader(response.body);
    streams.push(stream);
    return stream;
  }

  async function subscribe(token: string, options: { query?: string; lastEventId?: string } = {}) {
    const stream = await open(token, options);
    // The server subscribes before it says it is ready: nothing after this can be missed.
    expect(await stream.until(ofType('ready'))).toEqual([expect.objectContaining({ event: 'ready' })]);
    return stream;
  }

  it("closes a stream's connection with it, so a page that stops listening frees it at once", async () => {
    const response = await api.app.request('/v1/events', {
      headers: { Authorization: `Bearer ${world.tokens.mentor}` },
    });
    expect(response.headers.get('Connection')).toBe('close');
    streams.push(new EventStreamReader(response.body));
  });

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
    // Exactly the contract's shape (core's schema refuses any other key), so no content leaks.
    expect(liveEventSchema.parse(JSON.parse(event?.data ?? '{}'))).toMatchObject({
      type: 'session.created',
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

  it('tells a client resuming from an unknown Last-Event-ID to reload, then streams on', async () => {
    const resumed = await open(world.tokens.mentee, { lastEventId: 'evt_01JUNKNOWN0000000000000000' });
    const [ready, reset, ...more] = await resumed.until(ofType('reset'));
    expect([ready?.event, more]).toEqual(['ready', []]);
    expect(reset).toMatchObject({ event: 'reset', id: '' });
    expect(JSON.parse(reset?.data ?? '{}')).toEqual({ type: 'reset', reason: 'cannot-resume' });

    const created = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: session,
    });
    const received = await resumed.until(ofType('session.created'));
    expect(received.map((m) => JSON.parse(m.data).entityId)).toEqual([created.body.id]);
  });

  it('tells a client resuming from an event older than the log keeps to reload', async () => {
    const first = await subscribe(world.tokens.mentee, { query: `?pairId=${world.pairId}` });
    await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
      token: world.tokens.mentor,
      body: session,
    });
    const [seen] = await first.until(ofType('session.created'));
    // Pruning keeps an event logged in its very millisecond: let the clock pass it first.
    await new Promise((resolve) => setTimeout(resolve, 2));
    await pruneEvents(api.storage.db, 0);
    const resumed = await open(world.tokens.mentee, { lastEventId: seen?.id ?? '' });
    const received = await resumed.until(ofType('reset'));
    expect(received.map((m) => [m.event, m.data])).toEqual([
      ['ready', JSON.stringify({ pairId: null })],
      ['reset', JSON.stringify({ type: 'reset', reason: 'cannot-resume' })],
    ]);
  });

  it("tells a client resuming from another organisation's event to reload, and replays none of it", async () => {
    const outsider = await subscribe(world.tokens.otherOrgAdmin);
    const accepted = await api.call('POST', `/v1/pairs/${world.otherOrgPairId}/charter-acceptance`, {
      token: world.tokens.otherOrgMentee,
    });
    expect(accepted.status).toBe(200);
    const [theirs] = (await outsider.until(ofType('pair.updated'))).filter((m) => m.event === 'pair.updated');
    const resumed = await open(world.tokens.admin, { lastEventId: theirs?.id ?? '' });
    expect((await resumed.until(ofType('reset'))).map((m) => m.event)).toEqual(['ready', 'reset']);
  });

  describe('feedback', () => {
    const newSession = async () => {
      const created = await api.call('POST', `/v1/pairs/${world.pairId}/sessions`, {
        token: world.tokens.mentor,
        body: session,
      });
      return created.body.id as string;
    };
    const give = async (token: string, body: object) => {
      const res = await api.call('POST', `/v1/pairs/${world.pairId}/feedback`, {
        token,
        body: { ...answer, kind: 'session', ...body },
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };

    it('announces an unshared answer to its author alone: the partner learns nothing of it', async () => {
      const sessionId = await newSession();
      const mentor = await subscribe(world.tokens.mentor);
      const own = await give(world.tokens.mentor, { sessionId });
      // The mentor hears of their own answer first, so nothing of it is still on its way below.
      expect(feedbackEvents(await mentor.until(anyFeedback))).toEqual([['feedback.created', own]]);
      const mentee = await subscribe(world.tokens.mentee, { query: `?pairId=${world.pairId}` });
      const admin = await subscribe(world.tokens.admin);

      // The partner answered the same session, but does not share the answer.
      const kept = await give(world.tokens.mentee, { sessionId });
      expect(feedbackEvents(await mentee.until(anyFeedback))).toEqual([['feedback.created', kept]]);
      expect(await mentor.until(anyFeedback, 600)).toEqual([]);

      const path = `/v1/feedback/${kept}`;
      await api.call('PATCH', path, { token: world.tokens.mentee, body: { recommend: 3 } });
      expect(feedbackEvents(await mentee.until(anyFeedback))).toEqual([['feedback.updated', kept]]);
      await api.call('DELETE', path, { token: world.tokens.mentee });
      expect(feedbackEvents(await mentee.until(anyFeedback))).toEqual([['feedback.deleted', kept]]);
      expect(await mentor.until(anyFeedback, 600)).toEqual([]);
      expect(await admin.until(anyFeedback, 300)).toEqual([]);
    });

    it('tells the partner of a shared answer once they may read it, and not before', async () => {
      const sessionId = await newSession();
      const mentor = await subscribe(world.tokens.mentor);
      const mentee = await subscribe(world.tokens.mentee);

      const shared = await give(world.tokens.mentor, { sessionId, shareWithPartner: true });
      expect(feedbackEvents(await mentor.until(anyFeedback))).toEqual([['feedback.created', shared]]);
      expect(await mentee.until(anyFeedback, 600)).toEqual([]);

      // The mentee's own answer makes the mentor's readable: the mentee hears of both.
      const own = await give(world.tokens.mentee, { sessionId });
      const seen = await mentee.until((m) => feedbackEvents(m).length >= 2);
      expect(feedbackEvents(seen)).toEqual([
        ['feedback.created', own],
        ['feedback.updated', shared],
      ]);
      expect((await api.call('GET', `/v1/feedback/${shared}`, { token: world.tokens.mentee })).status).toBe(
        200,
      );
      // …while the mentor learns nothing of the mentee's unshared answer, until it is shared.
      expect(await mentor.until(anyFeedback, 600)).toEqual([]);
      await api.call('PATCH', `/v1/feedback/${own}`, {
        token: world.tokens.mentee,
        body: { shareWithPartner: true },
      });
      expect(feedbackEvents(await mentor.until(anyFeedback))).toEqual([['feedback.updated', own]]);
      // Hiding it again is announced to the mentor too, who could read it until now.
      await api.call('PATCH', `/v1/feedback/${own}`, {
        token: world.tokens.mentee,
        body: { shareWithPartner: false },
      });
      expect(feedbackEvents(await mentor.until(anyFeedback))).toEqual([['feedback.updated', own]]);
      await api.call('DELETE', `/v1/feedback/${own}`, { token: world.tokens.mentee });
      expect(await mentor.until(anyFeedback, 600)).toEqual([]);
    });
  });

  it('refuses a stream of a pair the caller is not in, and a caller without a token', async () => {
    const other = await api.app.request(`/v1/events?pairId=${world.otherOrgPairId}`, {
      headers: { Authorization: `Bearer ${world.tokens.mentor}` },
    });
    expect(other.status).toBe(404);
    expect((await api.app.request('/v1/events')).status).toBe(401);
  });
});
