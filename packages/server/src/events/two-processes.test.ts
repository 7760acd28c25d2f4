import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { migrate, openStorage, type Storage } from '../db/database.js';
import {
  startTestIdentityProvider,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIdentityProvider,
} from '../test-support/harness.js';
import { openStream, send } from '../test-support/over-http.js';
import { eventOfType } from '../test-support/sse.js';
import { createWorld, type World } from '../test-support/world.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const held = { status: 'held', occurredAt: '2026-02-02T10:00:00Z' };

describe.runIf(pgUrl)('live events across server processes on PostgreSQL', () => {
  const database = `rmkit_${randomBytes(5).toString('hex')}`;
  let admin: pg.Client;
  let storage: Storage;
  let idp: TestIdentityProvider;
  let world: World;
  let env: Record<string, string>;
  const processes: RmServerProcess[] = [];
  const start = async () => {
    const server = await startRmServer(env);
    processes.push(server);
    return server;
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${database}`);
    const url = new URL(pgUrl ?? '');
    url.pathname = `/${database}`;
    storage = await openStorage(url.toString());
    await migrate(storage.db);
    idp = await startTestIdentityProvider();
    world = await createWorld({ storage, idp });
    env = {
      DATABASE_URL: url.toString(),
      RMKIT_JWKS_URL: idp.jwksUrl,
      RMKIT_ISSUER: TEST_ISSUER,
      RMKIT_AUDIENCE: TEST_AUDIENCE,
      RMKIT_DEMO: '0',
    };
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await storage?.close();
    await idp?.close();
    await admin?.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
  });

  it('delivers a session logged through one process to a stream held by the other', async () => {
    const [first, second] = await Promise.all([start(), start()]);
    expect(first.url).not.toBe(second.url);

    const { stream } = await openStream(first.url, world.tokens.mentee);
    const logged = send(second.url, 'POST', `/v1/pairs/${world.pairId}/sessions`, world.tokens.mentor, held);

    const received = await stream.until(eventOfType('session.created'), 10_000);
    await stream.close();
    const session = await logged;
    const event = received.find((m) => m.event === 'session.created');
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({
      pairId: world.pairId,
      entityId: session.body.id,
    });
    // Two processes started from source take most of it: about 4 s here, near the default 5.
  }, 20_000);

  it('ends its streams when stopping, and another process resumes them with all they missed and nothing more', async () => {
    const [stopping, other] = await Promise.all([start(), start()]);
    const { stream } = await openStream(stopping.url, world.tokens.mentee);
    const before = await send(
      other.url,
      'POST',
      `/v1/pairs/${world.pairId}/sessions`,
      world.tokens.mentor,
      held,
    );
    const [seen] = await stream.until(eventOfType('session.created'), 10_000);
    expect(JSON.parse(seen?.data ?? '{}').entityId).toBe(before.body.id);

    // SIGTERM: the stream is told to reconnect soon, and ends.
    const exited = stopping.stop('SIGTERM');
    const last = await stream.until(eventOfType('shutdown'), 10_000);
    expect(last.map((m) => [m.event, m.retry])).toEqual([['shutdown', 500]]);
    expect(await stream.until(() => false, 5000)).toEqual([]);
    expect(stream.ended).toBe(true);
    expect(await exited).toBe(0);

    // While the client is away: two sessions it may see, and changes it may not.
    const missed = [];
    missed.push(
      (await send(other.url, 'POST', `/v1/pairs/${world.pairId}/sessions`, world.tokens.mentor, held)).body
        .id,
    );
    const answer = await send(other.url, 'POST', `/v1/pairs/${world.pairId}/feedback`, world.tokens.mentor, {
      kind: 'session',
      sessionId: missed[0],
      ratings: { usefulness: 5, trust: 4, preparation: 4 },
      recommend: 9,
    });
    expect(answer.status).toBe(201);
    const elsewhere = await send(
      other.url,
      'POST',
      `/v1/pairs/${world.otherPairId}/goals`,
      world.tokens.otherMentor,
      {
        title: 'Not for this mentee',
      },
    );
    expect(elsewhere.status).toBe(201);
    missed.push(
      (await send(other.url, 'POST', `/v1/pairs/${world.pairId}/sessions`, world.tokens.mentor, held)).body
        .id,
    );

    const resumed = await openStream(other.url, world.tokens.mentee, seen?.id);
    expect(resumed.ready?.id).toBe(seen?.id);
    const replayed = await resumed.stream.until(
      (m) => m.filter((e) => e.event === 'session.created').length >= 2,
    );
    expect(replayed.map((m) => [m.event, JSON.parse(m.data).entityId])).toEqual(
      missed.map((id) => ['session.created', id]),
    );
    expect(await resumed.stream.until(() => false, 600)).toEqual([]);
    await resumed.stream.close();
  }, 40_000);
});
