import { randomUUID } from 'node:crypto';
import { errorBodySchema } from '@rm-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findPostgresBinaries,
  type PostgresCluster,
  startPostgresCluster,
} from '../../../../scripts/postgres-cluster.mjs';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import type { Readiness } from '../routes/health/health.handlers.js';
import { createProcessWorldAt, type ProcessWorld } from '../test-support/process-world.js';
import type { World } from '../test-support/world.js';

const bin = findPostgresBinaries();

describe.runIf(bin)('a PostgreSQL outage, on a cluster of the test’s own', () => {
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

  const sessions = () => `${server.url}/v1/pairs/${world.pairId}/sessions`;
  const auth = () => ({ Authorization: `Bearer ${world.tokens.mentor}` });
  const logSession = (key: string) =>
    fetch(sessions(), {
      method: 'POST',
      headers: { ...auth(), 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: key }),
    });
  const readiness = async () => {
    const response = await fetch(`${server.url}/readyz`);
    return { status: response.status, body: (await response.json()) as Readiness };
  };

  it('answers 503 with Retry-After while the database is down, and serves again once it is back, without a restart', async () => {
    expect((await fetch(sessions(), { headers: auth() })).status).toBe(200);
    expect((await readiness()).status).toBe(200);

    cluster.stop();

    const read = await fetch(sessions(), { headers: auth() });
    expect(read.status).toBe(503);
    expect(read.headers.get('Retry-After')).toBe('5');
    expect(errorBodySchema.parse(await read.json()).error.code).toBe('unavailable');
    const key = randomUUID();
    const write = await logSession(key);
    expect(write.status).toBe(503);
    expect(write.headers.get('Retry-After')).toBe('5');
    expect(errorBodySchema.parse(await write.json()).error.code).toBe('unavailable');
    expect(await readiness()).toMatchObject({
      status: 503,
      body: { status: 'not ready', checks: { database: 'unreachable', migrations: 'unknown' } },
    });

    cluster.start();

    // Ready again once the database answers and the live-event listener has reconnected.
    const deadline = Date.now() + 20_000;
    while ((await readiness()).status !== 200) {
      if (Date.now() > deadline) throw new Error('the server did not become ready again');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await readiness()).body.checks).toEqual({
      accepting: 'ok',
      database: 'ok',
      migrations: 'ok',
      events: 'ok',
    });
    // The write refused during the outage left nothing behind: its key works as if new.
    const retried = await logSession(key);
    expect(retried.status).toBe(201);
    const session = (await retried.json()) as { id: string };
    const list = (await (await fetch(sessions(), { headers: auth() })).json()) as { items: { id: string }[] };
    expect(list.items.map((s) => s.id)).toContain(session.id);
    expect(server.child.exitCode).toBeNull();

    const logs = server.logs();
    const lost = logs.filter((l) => l.msg === 'a database connection was lost; the pool replaces it');
    const unavailable = logs.filter((l) => l.msg === 'the database is unavailable');
    expect(lost.length).toBeGreaterThan(0);
    expect(unavailable.length).toBeGreaterThanOrEqual(2);
    // One short line each: the driver's code and message, not its connection objects.
    for (const line of [...lost, ...unavailable]) expect(JSON.stringify(line).length).toBeLessThan(400);
    expect(logs.find((l) => l.msg === 'not ready')).toMatchObject({ checks: { database: 'unreachable' } });
    expect(logs.filter((l) => l.msg === 'request failed')).toEqual([]);
  }, 60_000);
});
