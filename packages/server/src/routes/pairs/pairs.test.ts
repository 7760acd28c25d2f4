import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceToken } from '../../auth/service-tokens.js';
import { duringConcurrentChange } from '../../test-support/concurrent-change.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { runningPair } from '../../test-support/running-pair.js';
import { createWorld, type World } from '../../test-support/world.js';

const rated = (trust: number) => ({ ratings: { usefulness: 4, trust, preparation: 4 }, recommend: 7 });

describe.each(testDatabases())('pairs on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  let serviceToken: string;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
    serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR reporting')).token;
  });
  afterAll(() => api.close());

  /** A new running pair of the world's mentor and mentee, in a program of its own, with nothing logged yet. */
  const newPair = (programId?: string, topics: string[] = []) =>
    runningPair(api, world, { ...(programId ? { programId } : {}), topics });
  const newSession = async (pairId: string) => {
    const session = await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
      token: world.tokens.mentor,
      body: { status: 'held', occurredAt: new Date().toISOString() },
    });
    return session.body.id as string;
  };
  const give = async (pairId: string, token: string, body: object) => {
    const res = await api.call('POST', `/v1/pairs/${pairId}/feedback`, { token, body });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const reasons = async (pairId: string, token: string) => {
    const res = await api.call('GET', `/v1/pairs/${pairId}/progress`, { token });
    expect(res.status).toBe(200);
    return res.body.atRiskReasons as string[];
  };

  it("keeps a partner's unshared low trust rating out of a member's progress", async () => {
    const pairId = await newPair();
    const sessionId = await newSession(pairId);
    const low = await give(pairId, world.tokens.mentee, { kind: 'session', sessionId, ...rated(1) });

    expect(await reasons(pairId, world.tokens.mentee)).toEqual(['low-trust']);
    expect(await reasons(pairId, world.tokens.mentor)).toEqual([]);

    // Shared, but the mentor has not answered that session: still theirs alone.
    const shared = await api.call('PATCH', `/v1/feedback/${low}`, {
      token: world.tokens.mentee,
      body: { shareWithPartner: true },
    });
    expect(shared.status).toBe(200);
    expect(await reasons(pairId, world.tokens.mentor)).toEqual([]);

    // Once the mentor answers it too, the mentor reads both (1 and 4: an average under 3).
    await give(pairId, world.tokens.mentor, { kind: 'session', sessionId, ...rated(4) });
    expect(await reasons(pairId, world.tokens.mentor)).toEqual(['low-trust']);
  });

  it("counts a member's own answers, and never the partner's unshared ones", async () => {
    const pairId = await newPair();
    const sessionId = await newSession(pairId);
    await give(pairId, world.tokens.mentor, { kind: 'session', sessionId, ...rated(1) });
    await give(pairId, world.tokens.mentee, { kind: 'session', sessionId, ...rated(5) });
    // The mentor's own 1 alone is low; with the mentee's unshared 5 it would not be.
    expect(await reasons(pairId, world.tokens.mentor)).toEqual(['low-trust']);
    expect(await reasons(pairId, world.tokens.mentee)).toEqual([]);
  });

  it("never gives admins or service tokens 'low-trust': it comes from answers they may not read", async () => {
    const pairId = await newPair();
    for (let i = 0; i < 4; i++) {
      const sessionId = await newSession(pairId);
      await give(pairId, world.tokens.mentor, { kind: 'session', sessionId, ...rated(1) });
      await give(pairId, world.tokens.mentee, { kind: 'session', sessionId, ...rated(1) });
    }
    expect(await reasons(pairId, world.tokens.mentor)).toEqual(['low-trust']);
    for (const token of [world.tokens.admin, serviceToken]) expect(await reasons(pairId, token)).toEqual([]);
  });

  it('flags a pair whose last two sessions were cancelled, for its members and its admins alike', async () => {
    const pairId = await newPair();
    await newSession(pairId);
    const cancel = (daysAhead: number) =>
      api.call('POST', `/v1/pairs/${pairId}/sessions`, {
        token: world.tokens.mentee,
        body: {
          status: 'cancelled',
          scheduledAt: new Date(Date.now() + daysAhead * 86_400_000).toISOString(),
        },
      });
    expect((await cancel(1)).status).toBe(201);
    for (const token of [world.tokens.mentor, world.tokens.admin])
      expect(await reasons(pairId, token)).toEqual([]);
    expect((await cancel(2)).status).toBe(201);
    for (const token of [world.tokens.mentor, world.tokens.mentee, world.tokens.admin, serviceToken])
      expect(await reasons(pairId, token)).toEqual(['two-cancellations']);

    // The admin's list of pairs at risk has it, the list of the others does not.
    const listed = async (atRisk: 'true' | 'false', token: string) => {
      const ids: string[] = [];
      for (let cursor: string | null = null; ; ) {
        const page = await api.call(
          'GET',
          `/v1/pairs?atRisk=${atRisk}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          {
            token,
          },
        );
        expect(page.status).toBe(200);
        ids.push(...page.body.items.map((p: { id: string }) => p.id));
        cursor = page.body.nextCursor;
        if (!cursor) return ids;
      }
    };
    expect(await listed('true', world.tokens.admin)).toContain(pairId);
    expect(await listed('false', world.tokens.admin)).not.toContain(pairId);
    expect(await listed('true', world.tokens.mentee)).toContain(pairId);
    expect(await listed('true', world.tokens.otherMentor)).not.toContain(pairId);
  });

  it("refuses changing a pair's topics to one its program does not offer with 422 on that topic", async () => {
    const program = await api.call('POST', '/v1/programs', {
      token: world.tokens.admin,
      body: {
        name: 'Two topics',
        startsOn: '2027-01-11',
        endsOn: '2027-06-30',
        topics: ['ai-tools', 'social-media'],
      },
    });
    const pairId = await newPair(program.body.id, ['ai-tools']);
    const refused = await api.call('PATCH', `/v1/pairs/${pairId}`, {
      token: world.tokens.admin,
      body: { topics: ['social-media', 'leadership'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('unprocessable');
    expect(refused.body.error.issues).toEqual([{ path: ['topics', 1], message: expect.any(String) }]);
    const read = await api.call('GET', `/v1/pairs/${pairId}`, { token: world.tokens.admin });
    expect(read.body).toMatchObject({ topics: ['ai-tools'], version: 1 });

    const changed = await api.call('PATCH', `/v1/pairs/${pairId}`, {
      token: world.tokens.admin,
      body: { topics: ['social-media', 'ai-tools'] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ topics: ['social-media', 'ai-tools'], version: 2 });
  });

  it.skipIf(database.dialect === 'sqlite')(
    'refuses accepting the charter on a pair changed since it was read with 412 (PostgreSQL: a concurrent change)',
    async () => {
      const pairId = await newPair();
      const path = `/v1/pairs/${pairId}/charter-acceptance`;
      const accepted = await duringConcurrentChange(api, { table: 'pairs', id: pairId }, () =>
        api.call('POST', path, { token: world.tokens.mentor }),
      );
      expect(accepted.status).toBe(412);
      expect(accepted.headers.get('ETag')).toBe('"2"');
      const read = await api.call('GET', `/v1/pairs/${pairId}`, { token: world.tokens.mentor });
      expect(read.body).toMatchObject({ version: 2, charterAcceptedAt: { mentor: null } });

      const again = await api.call('POST', path, { token: world.tokens.mentor });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ version: 3, charterAcceptedAt: { mentor: expect.any(String) } });
    },
  );

  it.skipIf(database.dialect === 'sqlite')(
    'refuses removing a pair changed since it was read with 412 (PostgreSQL: a concurrent change)',
    async () => {
      const pairId = await newPair();
      const removed = await duringConcurrentChange(api, { table: 'pairs', id: pairId }, () =>
        api.call('DELETE', `/v1/pairs/${pairId}`, { token: world.tokens.admin }),
      );
      expect(removed.status).toBe(412);
      expect(removed.headers.get('ETag')).toBe('"2"');
      expect((await api.call('GET', `/v1/pairs/${pairId}`, { token: world.tokens.admin })).status).toBe(200);
      expect((await api.call('DELETE', `/v1/pairs/${pairId}`, { token: world.tokens.admin })).status).toBe(
        204,
      );
    },
  );
});
