import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';
import { createProcessWorld, type ProcessWorld } from '../../test-support/process-world.js';
import { createWorld, type World } from '../../test-support/world.js';

type Answer = [usefulness: number, trust: number, preparation: number, recommend: number];

/** Feedback as a member gives it: one held session of the pair, and their answer about it. */
async function give(
  api: TestApi,
  pairId: string,
  token: string,
  [usefulness, trust, preparation, recommend]: Answer,
) {
  const session = await api.call('POST', `/v1/pairs/${pairId}/sessions`, {
    token,
    body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z' },
  });
  const answer = await api.call('POST', `/v1/pairs/${pairId}/feedback`, {
    token,
    body: {
      kind: 'session',
      sessionId: session.body.id,
      ratings: { usefulness, trust, preparation },
      recommend,
    },
  });
  expect(answer.status).toBe(201);
  return answer.body.id as string;
}

async function report(api: TestApi, programId: string, token: string) {
  const res = await api.call('GET', `/v1/programs/${programId}/report`, { token });
  expect(res.status).toBe(200);
  return res.body.feedback;
}

describe.each(testDatabases())('program report released in steps on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  const asAdmin = () => report(api, world.programId, world.tokens.admin);

  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  it("does not give away one mentee's unshared answer by subtracting two reports, until 3 new answers came in", async () => {
    await give(api, world.pairId, world.tokens.mentor, [5, 4, 3, 9]);
    await give(api, world.pairId, world.tokens.mentee, [4, 4, 4, 8]);
    await give(api, world.otherPairId, world.tokens.otherMentee, [3, 5, 5, 10]);
    await give(api, world.otherPairId, world.tokens.otherMentor, [4, 3, 4, 7]);
    const before = await asAdmin();
    expect(before).toMatchObject({
      answers: 4,
      releasedAt: expect.any(String),
      overall: { answers: 4, usefulness: 4, trust: 4, preparation: 4, recommend: 8.5 },
    });

    // The answer: usefulness 1, trust 2, preparation 5, recommend 0, not shared.
    await give(api, world.pairId, world.tokens.mentee, [1, 2, 5, 0]);
    const after = await asAdmin();
    // Every figure, count and date as before: the difference of the two reports is nothing.
    expect(after).toEqual(before);

    await give(api, world.pairId, world.tokens.mentor, [2, 2, 2, 5]);
    expect(await asAdmin()).toEqual(before);
    await give(api, world.otherPairId, world.tokens.otherMentee, [5, 5, 5, 10]);
    const moved = await asAdmin();
    expect(moved).toMatchObject({
      answers: 7,
      overall: { answers: 7, usefulness: 3.4, trust: 3.6, preparation: 4, recommend: 7 },
    });
    expect(moved.releasedAt > before.releasedAt).toBe(true);
  });

  it('does not give away an edit or a withdrawal of one answer either, and releases them with the third change', async () => {
    const edited = await give(api, world.pairId, world.tokens.mentee, [3, 3, 3, 6]);
    const withdrawn = await give(api, world.otherPairId, world.tokens.otherMentor, [5, 5, 5, 9]);
    await give(api, world.pairId, world.tokens.mentor, [3, 3, 3, 6]);
    const before = await asAdmin();
    expect(before.answers).toBe(10);

    const edit = await api.call('PATCH', `/v1/feedback/${edited}`, {
      token: world.tokens.mentee,
      body: { ratings: { usefulness: 1, trust: 1, preparation: 1 }, recommend: 0 },
    });
    expect(edit.status).toBe(200);
    expect(await asAdmin()).toEqual(before);

    const withdrawal = await api.call('DELETE', `/v1/feedback/${withdrawn}`, {
      token: world.tokens.otherMentor,
    });
    expect(withdrawal.status).toBe(204);
    expect(await asAdmin()).toEqual(before);

    await give(api, world.otherPairId, world.tokens.otherMentee, [4, 4, 4, 8]);
    const moved = await asAdmin();
    expect(moved).toMatchObject({ answers: 10, overall: { answers: 10, trust: 3.3 } });
    expect(moved.releasedAt > before.releasedAt).toBe(true);
  });
});

describe.each(testDatabases())('released figures shared by server processes on $dialect', ({ dialect }) => {
  let shared: ProcessWorld;
  const servers: TestApi[] = [];

  /** A server process on the shared database, with tokens its own identity provider signs. */
  const server = async () => {
    const api = await createTestApi({ dialect, url: shared.env.DATABASE_URL ?? '' }, {}, { shared: true });
    servers.push(api);
    const people = shared.world.people;
    const sign = (id: string) => api.idp.sign({ sub: `sub-${id}` });
    const tokens = {
      admin: await sign(people.admin),
      mentor: await sign(people.mentor),
      mentee: await sign(people.mentee),
      otherMentee: await sign(people.otherMentee),
    };
    return { api, tokens };
  };

  beforeAll(async () => {
    shared = await createProcessWorld(dialect);
  });
  afterAll(async () => {
    for (const api of servers) await api.close();
    await shared.close();
  });

  it('keeps the released figures after a restart, so a new answer shows on no process', async () => {
    const { pairId, otherPairId, programId } = shared.world;
    const first = await server();
    await give(first.api, pairId, first.tokens.mentor, [5, 4, 3, 9]);
    await give(first.api, pairId, first.tokens.mentee, [4, 4, 4, 8]);
    await give(first.api, otherPairId, first.tokens.otherMentee, [3, 5, 5, 10]);
    const released = await report(first.api, programId, first.tokens.admin);
    expect(released.answers).toBe(3);
    await first.api.close();
    servers.splice(servers.indexOf(first.api), 1);

    const restarted = await server();
    await give(restarted.api, pairId, restarted.tokens.mentee, [1, 2, 5, 0]);
    expect(await report(restarted.api, programId, restarted.tokens.admin)).toEqual(released);
    const other = await server();
    expect(await report(other.api, programId, other.tokens.admin)).toEqual(released);
  });

  it('releases once when reports arrive at two processes at the same moment', async () => {
    const { pairId, otherPairId, programId } = shared.world;
    const [one, two] = [await server(), await server()];
    await give(one.api, pairId, one.tokens.mentor, [2, 2, 2, 2]);
    await give(two.api, otherPairId, two.tokens.otherMentee, [2, 2, 2, 2]);
    const before = await shared.storage.db
      .selectFrom('aggregateReleases')
      .select('version')
      .where('scope', '=', `program:${programId}`)
      .executeTakeFirstOrThrow();

    const reports = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const { api, tokens } = i % 2 === 0 ? one : two;
        return report(api, programId, tokens.admin);
      }),
    );
    const after = await shared.storage.db
      .selectFrom('aggregateReleases')
      .select(['version', 'releasedAt'])
      .where('scope', '=', `program:${programId}`)
      .executeTakeFirstOrThrow();
    expect(after.version).toBe(before.version + 1);
    // Every process answered with the one release stored, not one of its own.
    for (const seen of reports) expect(seen).toEqual({ ...reports[0], releasedAt: after.releasedAt });
    expect(reports[0].answers).toBe(6);
  });
});
