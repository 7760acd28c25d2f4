import { defaultProgramMatching, newId, type ProgramStatus } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceToken } from '../../auth/service-tokens.js';
import { toJson } from '../../db/json.js';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { runningPair } from '../../test-support/running-pair.js';
import { createWorld, type World } from '../../test-support/world.js';

const noPairsBy = { proposed: 0, active: 0, paused: 0, completed: 0, dissolved: 0 };

describe.each(testDatabases())('program reports on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  let serviceToken: string;

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
    serviceToken = (await createServiceToken(api.storage.db, world.orgId, 'HR dashboard')).token;
  });
  afterAll(() => api.close());

  const reportOf = (programId: string) => `/v1/programs/${programId}/report`;
  const session = async (pairId: string, token: string) =>
    (
      await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
        token,
        body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z' },
      })
    ).body.id as string;
  const give = async (pairId: string, token: string, ratings: number[], recommend: number) => {
    const [usefulness, trust, preparation] = ratings;
    const res = await api.call('POST', `/v1/pairs/${pairId}/feedback`, {
      token,
      body: {
        kind: 'session',
        sessionId: await session(pairId, token),
        ratings: { usefulness, trust, preparation },
        recommend,
      },
    });
    expect(res.status).toBe(201);
  };
  /** A program straight in storage: programs are another resource, and only its status matters here. */
  const addProgram = async (status: ProgramStatus) => {
    const id = newId('program');
    const now = new Date().toISOString();
    await api.storage.db
      .insertInto('programs')
      .values({
        id,
        orgId: world.orgId,
        name: 'Green Bridge',
        description: '',
        topics: toJson(['sustainability']),
        customTopics: toJson([]),
        startsOn: '2026-01-05',
        endsOn: '2026-12-18',
        cadenceDays: 14,
        sessionMinutes: 60,
        status,
        charter: toJson({ en: '', it: '' }),
        matching: toJson(defaultProgramMatching()),
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      .execute();
    return id;
  };
  const addPair = (programId: string) => runningPair(api, world, { programId });

  it('hides the averages while 2 have answered and shows them once 3 have', async () => {
    await give(world.pairId, world.tokens.mentor, [5, 4, 3], 9);
    await give(world.pairId, world.tokens.mentee, [4, 4, 4], 8);
    const two = await api.call('GET', reportOf(world.programId), { token: world.tokens.admin });
    expect(two.status).toBe(200);
    expect(two.body).toEqual({
      pairs: { total: 2, byStatus: { ...noPairsBy, active: 2 } },
      feedback: { minGroupSize: 3, releasedAt: null, answers: 0, overall: null, byKind: null },
    });

    await give(world.otherPairId, world.tokens.otherMentee, [3, 5, 5], 10);
    const three = await api.call('GET', reportOf(world.programId), { token: world.tokens.admin });
    const overall = { answers: 3, usefulness: 4, trust: 4.3, preparation: 4, recommend: 9 };
    expect(three.body.feedback).toEqual({
      minGroupSize: 3,
      releasedAt: expect.any(String),
      answers: 3,
      overall,
      byKind: { session: overall, midpoint: null, final: null },
    });
  });

  it('counts neither the answers of another program nor the pairs and answers removed from this one', async () => {
    const before = await api.call('GET', reportOf(world.programId), { token: world.tokens.admin });

    // Three of each, a whole release step: counted, they would move the figures.
    const elsewhere = await addPair(await addProgram('active'));
    // The world's two the other way round: its mentee is in one pair of the program already.
    const removed = await runningPair(api, world, {
      programId: world.programId,
      mentorId: world.people.mentee,
      menteeId: world.people.mentor,
    });
    for (let i = 0; i < 3; i++) {
      await give(elsewhere, world.tokens.mentor, [1, 1, 1], 0);
      await give(removed, world.tokens.mentee, [1, 1, 1], 0);
    }
    expect((await api.call('DELETE', `/v1/pairs/${removed}`, { token: world.tokens.admin })).status).toBe(
      204,
    );

    const after = await api.call('GET', reportOf(world.programId), { token: world.tokens.admin });
    expect(after.body).toEqual(before.body);
  });

  it('gives the report to admins and service tokens, and 403 to members who can see the program', async () => {
    expect((await api.call('GET', reportOf(world.programId), { token: serviceToken })).status).toBe(200);
    for (const token of [world.tokens.mentor, world.tokens.mentee]) {
      const refused = await api.call('GET', reportOf(world.programId), { token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
  });

  it('answers 404 for a draft program to members, and for another organisation or a missing id', async () => {
    const draft = await addProgram('draft');
    expect((await api.call('GET', reportOf(draft), { token: world.tokens.mentor })).status).toBe(404);
    const ownDraft = await api.call('GET', reportOf(draft), { token: world.tokens.admin });
    expect(ownDraft.status).toBe(200);
    expect(ownDraft.body.pairs.total).toBe(0);

    expect(
      (await api.call('GET', reportOf(world.programId), { token: world.tokens.otherOrgAdmin })).status,
    ).toBe(404);
    expect((await api.call('GET', reportOf(newId('program')), { token: world.tokens.admin })).status).toBe(
      404,
    );
    expect((await api.call('GET', reportOf('not-a-program'), { token: world.tokens.admin })).status).toBe(
      400,
    );
  });

  it("uses the organisation's own minimum group size", async () => {
    await api.storage.db
      .updateTable('organizations')
      .set({ settings: toJson({ minAggregateGroupSize: 2 }) })
      .where('id', '=', world.otherOrgId)
      .execute();
    const pairId = world.otherOrgPairId;
    await give(pairId, world.tokens.otherOrgMentor, [2, 2, 2], 4);
    await give(pairId, world.tokens.otherOrgMentee, [4, 4, 4], 6);
    const report = await api.call('GET', reportOf(world.otherOrgProgramId), {
      token: world.tokens.otherOrgAdmin,
    });
    expect(report.body.feedback).toMatchObject({
      minGroupSize: 2,
      answers: 2,
      overall: { answers: 2, usefulness: 3, trust: 3, preparation: 3, recommend: 5 },
    });
  });
});
