import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../scripts/rm-server-process.mjs';
import { announced, collectEvents } from './test-support/event-collector.js';
import { logLine } from './test-support/log-line.js';
import { createProcessWorld, type ProcessWorld } from './test-support/process-world.js';
import { EventStreamReader, eventOfType } from './test-support/sse.js';

const WRITERS = 6;
/** Enough writes before the signal that several are surely in flight when it comes. */
const WRITES_BEFORE_SIGNAL = 40;

const dialects = ['sqlite', ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])] as const;

interface Outcome {
  key: string;
  body: string;
  status?: number;
  /** The session's id, when the answer arrived whole. */
  id?: string;
  /** How the request failed on the network, if it did (ECONNREFUSED: it never reached the server). */
  failure?: string;
}

async function eventually(condition: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(dialects)('SIGTERM during a steady stream of keyed writes on %s', (dialect) => {
  let setup: ProcessWorld;
  const processes: RmServerProcess[] = [];

  beforeAll(async () => {
    setup = await createProcessWorld(dialect);
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await setup?.close();
  });

  const start = async () => {
    const server = await startRmServer({ ...setup.env, RMKIT_RATE_LIMIT: '100000' });
    processes.push(server);
    return server;
  };
  const post = (url: string, outcome: Pick<Outcome, 'key' | 'body'>) =>
    fetch(`${url}/v1/pairs/${setup.world.pairId}/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${setup.world.tokens.mentor}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': outcome.key,
      },
      body: outcome.body,
    });

  it('answers every write it commits, publishes its event, and leaves the rest to a retry with the same key', async () => {
    const stopping = await start();
    // On PostgreSQL a second process holds the stream and stays up, so every event must cross
    // LISTEN/NOTIFY; on SQLite the stream is on the process that stops, and must carry every
    // event of its last writes before it ends.
    const watcher = dialect === 'postgres' ? await start() : stopping;
    const stream = await fetch(`${watcher.url}/v1/events`, {
      headers: { Authorization: `Bearer ${setup.world.tokens.mentee}` },
    });
    const reader = new EventStreamReader(stream.body);
    await reader.until(eventOfType('ready'));
    const streamed = collectEvents(reader);

    const outcomes: Outcome[] = [];
    const write = async () => {
      for (;;) {
        const key = randomUUID();
        const outcome: Outcome = {
          key,
          body: JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: key }),
        };
        outcomes.push(outcome);
        try {
          const response = await post(stopping.url, outcome);
          outcome.status = response.status;
          outcome.id = ((await response.json()) as { id?: string }).id;
        } catch (error) {
          outcome.failure = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
          // Refused: the server no longer listens, so this writer's work is done.
          if (outcome.failure === 'ECONNREFUSED') return;
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, write);
    await eventually(
      () => outcomes.filter((o) => o.status === 201).length >= WRITES_BEFORE_SIGNAL,
      'writes before the signal',
    );
    stopping.child.kill('SIGTERM');
    await Promise.all(writers);
    expect(await stopping.exited).toBe(0);

    // What the stopped process committed, before a retry adds anything.
    const keys = new Set(outcomes.map((o) => o.key));
    const rows = await setup.storage.db
      .selectFrom('sessions')
      .select(['id', 'summary'])
      .where('pairId', '=', setup.world.pairId)
      .execute();
    const committed = new Map(rows.flatMap((row) => (keys.has(row.summary) ? [[row.summary, row.id]] : [])));
    const acknowledged = outcomes.filter((o) => o.status === 201 && o.id !== undefined);

    // Nothing answered with an error: requests were either answered or never taken in.
    expect(outcomes.filter((o) => o.status !== undefined && o.status !== 201)).toEqual([]);
    // Every acknowledgement is in the database, and every write in it was acknowledged.
    expect(acknowledged.map((o) => [o.key, o.id])).toEqual(
      acknowledged.map((o) => [o.key, committed.get(o.key)]),
    );
    expect(committed.size).toBe(acknowledged.length);

    // Every committed write was announced on the stream.
    if (dialect === 'sqlite') await streamed.ended;
    else
      await eventually(() => {
        const seen = new Set(announced(streamed.messages, 'session.created'));
        return [...committed.values()].every((id) => seen.has(id));
      }, 'events of every committed write');
    expect(new Set(announced(streamed.messages, 'session.created'))).toEqual(new Set(committed.values()));

    // After a restart, a retry with the same key gets the first answer again, or writes once.
    const restarted = await start();
    for (const outcome of outcomes) {
      const retried = await post(restarted.url, outcome);
      const session = (await retried.json()) as { id: string };
      expect(retried.status).toBe(201);
      const replayed = retried.headers.get('Idempotent-Replayed') === 'true';
      expect(replayed).toBe(committed.has(outcome.key));
      if (replayed) expect(session.id).toBe(committed.get(outcome.key));
    }

    expect(await logLine(stopping, 'shut down')).toMatchObject({ unfinished: 0 });
    const logs = stopping.logs();
    expect(logs.filter((l) => Number(l.level) >= 50)).toEqual([]);
  }, 90_000);
});
