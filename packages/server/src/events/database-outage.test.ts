import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findPostgresBinaries,
  type PostgresCluster,
  startPostgresCluster,
} from '../../../../scripts/postgres-cluster.mjs';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { loggedBy, openStream, send } from '../test-support/over-http.js';
import { createProcessWorldAt, type ProcessWorld } from '../test-support/process-world.js';
import { eventOfType } from '../test-support/sse.js';
import type { World } from '../test-support/world.js';

const bin = process.env.TEST_DATABASE_URL ? findPostgresBinaries() : null;
const OUTAGE_MS = 5000;

describe.runIf(bin)('live events through a PostgreSQL outage', () => {
  let cluster: PostgresCluster;
  let setup: ProcessWorld;
  let world: World;
  let server: RmServerProcess;

  beforeAll(async () => {
    cluster = await startPostgresCluster(bin ?? '');
    setup = await createProcessWorldAt(cluster.url);
    world = setup.world;
    server = await startRmServer(setup.env);
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await setup?.close();
    cluster?.destroy();
  });

  it('keeps an open stream through a 5 s stop, then delivers a session logged afterwards', async () => {
    const { stream } = await openStream(server.url, world.tokens.mentee);

    cluster.stop();
    const lost = await loggedBy(
      server,
      'live events: lost the database listener; reconnecting until it is back',
    );
    expect(Object.keys(lost ?? {})).toContain('reason');
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    cluster.start();
    const restored = await loggedBy(
      server,
      'live events: listening again; caught up from the event log',
      15_000,
    );
    expect(restored?.downMs).toBeGreaterThanOrEqual(OUTAGE_MS);

    const logged = await send(server.url, 'POST', `/v1/pairs/${world.pairId}/sessions`, world.tokens.mentor, {
      status: 'held',
      occurredAt: '2026-02-02T10:00:00Z',
    });
    expect(logged.status).toBe(201);
    // The stream never closed: the session arrives on it, and nothing was lost to reset.
    const received = await stream.until(eventOfType('session.created'), 5000);
    expect(received.map((m) => [m.event, JSON.parse(m.data).entityId])).toEqual([
      ['session.created', logged.body.id],
    ]);
    await stream.close();
    // One line for the outage and one for the recovery, however many attempts it took.
    const lines = server.logs().filter((line) => String(line.msg).startsWith('live events:'));
    expect(lines.map((line) => line.msg)).toEqual([lost?.msg, restored?.msg]);
  }, 45_000);
});
