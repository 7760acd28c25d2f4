import ICAL from 'ical.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { runningPair } from '../../test-support/running-pair.js';
import { createWorld, type World } from '../../test-support/world.js';

/** A feed as a calendar app reads it, through ical.js (an independent parser): its events by UID. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      status: vevent.getFirstPropertyValue('status'),
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      lastModified: (vevent.getFirstPropertyValue('last-modified') as ICAL.Time).toJSDate().toISOString(),
      class: vevent.getFirstPropertyValue('class'),
      properties: vevent.getAllProperties().map((p) => p.name),
    };
  });
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events };
}

describe.each(testDatabases())('calendar feeds on $dialect', (database) => {
  let api: TestApi;
  let w: World;
  const logLines: string[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(line) });
    api = await createTestApi(database, {}, { logger });
    w = await createWorld(api);
  });
  afterAll(() => api.close());

  const plan = async (pairId: string, token: string, scheduledAt: string, extra: object = {}) => {
    const res = await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
      token,
      body: { status: 'planned', scheduledAt, ...extra },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  };
  const link = async (path: string, token: string) => {
    const res = await api.call('POST', path, { token });
    expect(res.status).toBe(201);
    return res.body.path as string;
  };
  /** The feed as a calendar app fetches it: no token at all. */
  const fetchFeed = (path: string, headers: Record<string, string> = {}) =>
    api.app.request(path, { headers });
  const feedOf = async (path: string) => {
    const res = await fetchFeed(path);
    expect(res.status).toBe(200);
    return parseFeed(await res.text());
  };

  it("gives a pair member a link, shown once, to a feed of the pair's sessions that a calendar app reads without a token", async () => {
    const before = await api.call('GET', `/v1/pairs/${w.pairId}/calendar-feed`, { token: w.tokens.mentor });
    expect(before.body).toEqual({ scope: 'pair', pairId: w.pairId, active: false, createdAt: null });

    const planned = await plan(w.pairId, w.tokens.mentor, '2026-03-02T09:30:00Z', {
      durationMinutes: 45,
      summary: 'We talk about the board deck: confidential',
    });
    const held = await api.call('POST', `/v1/pairs/${w.pairId}/sessions`, {
      token: w.tokens.mentee,
      body: {
        status: 'held',
        occurredAt: '2026-02-16T14:00:00Z',
        summary: 'Shared summary of what we did',
        actionItems: [{ text: 'Draft the first post', owner: 'mentee' }],
      },
    });
    await api.call('POST', `/v1/sessions/${held.body.id}/notes`, {
      token: w.tokens.mentor,
      body: { text: 'He struggles with the jargon' },
    });
    await api.call('POST', `/v1/pairs/${w.pairId}/feedback`, {
      token: w.tokens.mentor,
      body: {
        kind: 'session',
        sessionId: held.body.id,
        ratings: { usefulness: 4, trust: 5, preparation: 4 },
        recommend: 9,
        learned: 'How budgets are argued',
        shareWithPartner: true,
      },
    });

    const created = await api.call('POST', `/v1/pairs/${w.pairId}/calendar-feed`, { token: w.tokens.mentor });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      scope: 'pair',
      pairId: w.pairId,
      createdAt: expect.any(String),
      path: expect.stringMatching(/^\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/),
    });
    const after = await api.call('GET', `/v1/pairs/${w.pairId}/calendar-feed`, { token: w.tokens.mentor });
    expect(after.body).toEqual({
      scope: 'pair',
      pairId: w.pairId,
      active: true,
      createdAt: created.body.createdAt,
    });
    expect(JSON.stringify(after.body)).not.toContain(created.body.path.slice(13, 56));

    const res = await fetchFeed(created.body.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('private, no-cache');
    const text = await res.text();
    for (const secret of ['board deck', 'Shared summary', 'Draft the first post', 'jargon', 'budgets']) {
      expect(text).not.toContain(secret);
    }
    const feed = parseFeed(text);
    expect(feed.name).toBe('Mentoring · Roberto Bianchi');
    expect(feed.events).toEqual([
      expect.objectContaining({
        uid: `${held.body.id}@rm-kit`,
        summary: 'Mentoring · Roberto Bianchi',
        description: null,
        status: 'CONFIRMED',
        start: '2026-02-16T14:00:00.000Z',
        // The program's session length, as the session gave none.
        end: '2026-02-16T15:00:00.000Z',
        class: 'PRIVATE',
      }),
      expect.objectContaining({
        uid: `${planned.id}@rm-kit`,
        status: 'CONFIRMED',
        sequence: 0,
        start: '2026-03-02T09:30:00.000Z',
        end: '2026-03-02T10:15:00.000Z',
      }),
    ]);
    expect(feed.events[0]?.properties).not.toContain('description');

    // The mentee's own link names the mentor.
    const menteeFeed = await feedOf(await link(`/v1/pairs/${w.pairId}/calendar-feed`, w.tokens.mentee));
    expect(menteeFeed.events.map((e) => e.summary)).toEqual([
      'Mentoring · Giulia Rossi',
      'Mentoring · Giulia Rossi',
    ]);
  });

  it("raises a changed session's SEQUENCE and keeps a cancelled one, marked cancelled, so calendars update and remove it", async () => {
    const path = await link(`/v1/pairs/${w.pairId}/calendar-feed`, w.tokens.mentee);
    const session = await plan(w.pairId, w.tokens.mentee, '2026-04-06T08:00:00Z');
    const first = (await feedOf(path)).events.find((e) => e.uid === `${session.id}@rm-kit`);
    expect(first).toMatchObject({ sequence: 0, status: 'CONFIRMED' });

    const moved = await api.call('PATCH', `/v1/sessions/${session.id}`, {
      token: w.tokens.mentor,
      body: { scheduledAt: '2026-04-07T08:00:00Z' },
    });
    expect(moved.status).toBe(200);
    const second = (await feedOf(path)).events.find((e) => e.uid === `${session.id}@rm-kit`);
    expect(second).toMatchObject({
      sequence: 1,
      start: '2026-04-07T08:00:00.000Z',
      // iCalendar times are to the second.
      lastModified: moved.body.updatedAt.replace(/\.\d{3}Z$/, '.000Z'),
    });

    const cancelled = await api.call('PATCH', `/v1/sessions/${session.id}`, {
      token: w.tokens.mentee,
      body: { status: 'cancelled', cancellationReason: 'Board meeting moved' },
    });
    expect(cancelled.status).toBe(200);
    const third = await fetchFeed(path);
    const text = await third.text();
    expect(text).not.toContain('Board meeting');
    expect(parseFeed(text).events.find((e) => e.uid === `${session.id}@rm-kit`)).toMatchObject({
      sequence: 2,
      status: 'CANCELLED',
      start: '2026-04-07T08:00:00.000Z',
    });
  });

  it('answers an unchanged feed with 304 for the ETag the app holds, and a changed one anew', async () => {
    const path = await link(`/v1/pairs/${w.pairId}/calendar-feed`, w.tokens.mentor);
    const first = await fetchFeed(path);
    const etag = first.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await fetchFeed(path, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('Cache-Control')).toBe('private, no-cache');
    await plan(w.pairId, w.tokens.mentor, '2026-05-04T08:00:00Z');
    const changed = await fetchFeed(path, { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('ETag')).not.toBe(etag);
  });

  it('answers a link turned off or replaced exactly as one never made: 404, the same body', async () => {
    const old = await link(`/v1/pairs/${w.pairId}/calendar-feed`, w.tokens.mentor);
    const replacement = await link(`/v1/pairs/${w.pairId}/calendar-feed`, w.tokens.mentor);
    const replaced = await fetchFeed(old);
    expect((await fetchFeed(replacement)).status).toBe(200);

    const revoke = await api.call('DELETE', `/v1/pairs/${w.pairId}/calendar-feed`, {
      token: w.tokens.mentor,
    });
    expect(revoke.status).toBe(204);
    const revoked = await fetchFeed(replacement);
    const never = await fetchFeed(`/v1/calendar/${'x'.repeat(43)}.ics`);
    const status = await api.call('GET', `/v1/pairs/${w.pairId}/calendar-feed`, { token: w.tokens.mentor });
    expect(status.body.active).toBe(false);

    const shape = async (res: Response) => {
      const body = (await res.json()) as { error: Record<string, unknown> };
      return {
        status: res.status,
        headers: [...res.headers.keys()].sort(),
        body: { ...body, error: { ...body.error, requestId: 'x' } },
      };
    };
    const [a, b, c] = await Promise.all([shape(replaced), shape(revoked), shape(never)]);
    expect(a).toEqual(c);
    expect(b).toEqual(c);
    expect(c.status).toBe(404);
    // Turning off a link again does nothing, and says so the same way.
    expect(
      (await api.call('DELETE', `/v1/pairs/${w.pairId}/calendar-feed`, { token: w.tokens.mentor })).status,
    ).toBe(204);
  });

  it("never shows another pair's sessions, and gives a person's own feed every session of their pairs", async () => {
    const other = await plan(w.otherPairId, w.tokens.otherMentor, '2026-03-03T10:00:00Z');
    const pairFeed = await feedOf(await link(`/v1/pairs/${w.pairId}/calendar-feed`, w.tokens.mentor));
    expect(pairFeed.events.map((e) => e.uid)).not.toContain(`${other.id}@rm-kit`);
    expect(pairFeed.events.length).toBeGreaterThan(0);

    const own = await api.call('POST', '/v1/me/calendar-feed', { token: w.tokens.mentor });
    expect(own.body).toMatchObject({ scope: 'person', pairId: null });
    const mine = await feedOf(own.body.path);
    expect(mine.name).toBe('Mentoring');
    expect(mine.events.map((e) => e.uid).sort()).toEqual(pairFeed.events.map((e) => e.uid).sort());

    const otherOwn = await feedOf(await link('/v1/me/calendar-feed', w.tokens.otherMentor));
    expect(otherOwn.events.map((e) => e.uid)).toEqual([`${other.id}@rm-kit`]);
    expect(otherOwn.events[0]?.summary).toBe('Mentoring · Helen Carter');
  });

  it('refuses a link to a pair to anyone but its two people, and a feed of their own to a service token', async () => {
    for (const token of [w.tokens.admin, w.tokens.otherMentor, w.tokens.otherOrgAdmin]) {
      expect((await api.call('POST', `/v1/pairs/${w.pairId}/calendar-feed`, { token })).status).toBe(404);
    }
    const serviceToken = await api.call('POST', '/v1/service-tokens', {
      token: w.tokens.admin,
      body: { name: 'Sync' },
    });
    const refused = await api.call('POST', '/v1/me/calendar-feed', { token: serviceToken.body.token });
    expect(refused.status).toBe(403);
  });

  it('empties the feeds of a pair once it is dissolved: its own, and its sessions in each person’s feed', async () => {
    const pairId = await runningPair(api, w, { mentorId: w.people.otherMentor, menteeId: w.people.mentee });
    const session = await plan(pairId, w.tokens.mentee, '2026-06-01T09:00:00Z');
    const pairPath = await link(`/v1/pairs/${pairId}/calendar-feed`, w.tokens.mentee);
    const ownPath = await link('/v1/me/calendar-feed', w.tokens.mentee);
    expect((await feedOf(pairPath)).events.map((e) => e.uid)).toEqual([`${session.id}@rm-kit`]);
    expect((await feedOf(ownPath)).events.map((e) => e.uid)).toContain(`${session.id}@rm-kit`);

    const left = await api.call('POST', `/v1/pairs/${pairId}/decline`, { token: w.tokens.mentee });
    expect(left.body.status).toBe('dissolved');
    expect((await feedOf(pairPath)).events).toEqual([]);
    const own = await feedOf(ownPath);
    expect(own.events.map((e) => e.uid)).not.toContain(`${session.id}@rm-kit`);
    expect(own.events.length).toBeGreaterThan(0);
  });

  it('writes a name with line breaks and separators as text, never as a property of its own', async () => {
    await api.storage.db
      .updateTable('people')
      .set({ displayName: 'Giulia;\r\nDESCRIPTION:injected\r\nEND:VEVENT, Rossi' })
      .where('id', '=', w.people.mentor)
      .execute();
    const feed = await feedOf(await link(`/v1/pairs/${w.pairId}/calendar-feed`, w.tokens.mentee));
    const asText = 'Mentoring · Giulia;\nDESCRIPTION:injected\nEND:VEVENT, Rossi';
    // ical.js gives an X- property's value as written, still escaped: one line of text.
    expect(feed.name).toBe('Mentoring · Giulia\\;\\nDESCRIPTION:injected\\nEND:VEVENT\\, Rossi');
    expect(feed.events.length).toBeGreaterThan(0);
    for (const event of feed.events) {
      expect(event.description).toBeNull();
      expect(event.summary).toBe(asText);
    }
    await api.storage.db
      .updateTable('people')
      .set({ displayName: 'Giulia Rossi' })
      .where('id', '=', w.people.mentor)
      .execute();
  });

  it('refuses a feed path that is not a secret with 400, and never writes a secret to the log', async () => {
    const res = await fetchFeed('/v1/calendar/not-a-secret.ics');
    expect(res.status).toBe(400);
    const path = await link('/v1/me/calendar-feed', w.tokens.mentee);
    await fetchFeed(path);
    const secret = path.slice('/v1/calendar/'.length, -'.ics'.length);
    expect(logLines.join('\n')).toContain('/v1/calendar/(secret)');
    expect(logLines.join('\n')).not.toContain(secret);
  });

  it('does not keep a new link in the idempotency store: a replay with the same key gets 409, not the secret', async () => {
    const headers = { 'Idempotency-Key': 'calendar-link-1' };
    const first = await api.call('POST', '/v1/me/calendar-feed', { token: w.tokens.mentor, headers });
    expect(first.status).toBe(201);
    const replay = await api.call('POST', '/v1/me/calendar-feed', { token: w.tokens.mentor, headers });
    expect(replay.status).toBe(409);
    expect(JSON.stringify(replay.body)).not.toContain(first.body.path.slice(13, 56));
    expect((await fetchFeed(first.body.path)).status).toBe(200);
  });
});

describe.each(testDatabases())('the calendar feed rate limit on $dialect', (database) => {
  let api: TestApi;
  let w: World;

  beforeAll(async () => {
    api = await createTestApi(database, { RMKIT_RATE_LIMIT: '3' });
    w = await createWorld(api);
  });
  afterAll(() => api.close());

  it('answers 429 with Retry-After past the limit, for good and bad links alike', async () => {
    const created = await api.call('POST', '/v1/me/calendar-feed', { token: w.tokens.mentee });
    const statuses = [];
    for (const path of [
      created.body.path,
      created.body.path,
      `/v1/calendar/${'y'.repeat(43)}.ics`,
      created.body.path,
    ]) {
      const res = await api.app.request(path);
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0);
    }
    expect(statuses).toEqual([200, 200, 404, 429]);
  });
});
