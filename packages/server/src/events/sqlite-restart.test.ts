import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { migrate, openStorage } from '../db/database.js';
import {
  startTestIdentityProvider,
  TEST_AUDIENCE,
  TEST_ISSUER,
  type TestIdentityProvider,
} from '../test-support/harness.js';
import { openStream, send } from '../test-support/over-http.js';
import { eventOfType } from '../test-support/sse.js';
import { createWorld, type World } from '../test-support/world.js';

const held = { status: 'held', occurredAt: '2026-02-02T10:00:00Z' };

describe('live events of a restarted process on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rm-kit-events-'));
  let idp: TestIdentityProvider;
  let world: World;
  let env: Record<string, string>;
  const processes: RmServerProcess[] = [];

  beforeAll(async () => {
    const databaseUrl = `sqlite:${join(dir, 'rm-kit.sqlite')}`;
    const storage = await openStorage(databaseUrl);
    await migrate(storage.db);
    idp = await startTestIdentityProvider();
    world = await createWorld({ storage, idp });
    await storage.close();
    env = {
      DATABASE_URL: databaseUrl,
      RMKIT_DEMO: '0',
      RMKIT_JWKS_URL: idp.jwksUrl,
      RMKIT_ISSUER: TEST_ISSUER,
      RMKIT_AUDIENCE: TEST_AUDIENCE,
    };
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await idp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays from the database what a stream missed while the process restarted', async () => {
    const first = await startRmServer(env);
    processes.push(first);
    const { stream } = await openStream(first.url, world.tokens.mentee);
    await send(first.url, 'POST', `/v1/pairs/${world.pairId}/sessions`, world.tokens.mentor, held);
    const [seen] = await stream.until(eventOfType('session.created'));
    await first.stop('SIGTERM');
    expect((await stream.until(eventOfType('shutdown'))).map((m) => m.event)).toEqual(['shutdown']);

    const restarted = await startRmServer(env);
    processes.push(restarted);
    const missed = await send(
      restarted.url,
      'POST',
      `/v1/pairs/${world.pairId}/sessions`,
      world.tokens.mentor,
      held,
    );
    expect(missed.status).toBe(201);

    const resumed = await openStream(restarted.url, world.tokens.mentee, seen?.id);
    const replayed = await resumed.stream.until(eventOfType('session.created'));
    expect(replayed.map((m) => [m.event, JSON.parse(m.data).entityId])).toEqual([
      ['session.created', missed.body.id],
    ]);
    await resumed.stream.close();
  }, 30_000);
});
