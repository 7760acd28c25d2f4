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
import { EventStreamReader, eventOfType } from '../test-support/sse.js';
import { createWorld, type World } from '../test-support/world.js';

const pgUrl = process.env.TEST_DATABASE_URL;

describe.runIf(pgUrl)('live events across two server processes on PostgreSQL', () => {
  const database = `rmkit_${randomBytes(5).toString('hex')}`;
  let admin: pg.Client;
  let storage: Storage;
  let idp: TestIdentityProvider;
  let world: World;
  const processes: RmServerProcess[] = [];

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
    process.env.TWO_PROCESS_DATABASE_URL = url.toString();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await storage?.close();
    await idp?.close();
    await admin?.query(`drop database if exists ${database} with (force)`);
    await admin?.end();
  });

  it('delivers a session logged through one process to a stream held by the other', async () => {
    const env = {
      DATABASE_URL: process.env.TWO_PROCESS_DATABASE_URL ?? '',
      PORT: '0',
      RMKIT_JWKS_URL: idp.jwksUrl,
      RMKIT_ISSUER: TEST_ISSUER,
      RMKIT_AUDIENCE: TEST_AUDIENCE,
      RMKIT_DEMO: '0',
    };
    const [first, second] = await Promise.all([startRmServer(env), startRmServer(env)]);
    processes.push(first, second);
    expect(first.url).not.toBe(second.url);

    const stream = await fetch(`${first.url}/v1/events`, {
      headers: { Authorization: `Bearer ${world.tokens.mentee}` },
    });
    expect(stream.status).toBe(200);
    const events = new EventStreamReader(stream.body);
    await events.until(eventOfType('ready'));
    const logged = fetch(`${second.url}/v1/pairs/${world.pairId}/sessions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${world.tokens.mentor}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z' }),
    }).then((r) => r.json() as Promise<{ id: string }>);

    const received = await events.until(eventOfType('session.created'), 10_000);
    await events.close();
    const session = await logged;
    const event = received.find((m) => m.event === 'session.created');
    expect(JSON.parse(event?.data ?? '{}')).toMatchObject({ pairId: world.pairId, entityId: session.id });
  });
});
