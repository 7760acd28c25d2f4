import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../scripts/rm-server-process.mjs';
import { announced, collectEvents } from './test-support/event-collector.js';
import { logLine } from './test-support/log-line.js';
import { createProcessWorld, type ProcessWorld } from './test-support/process-world.js';
import { slowUpload } from './test-support/slow-upload.js';
import { EventStreamReader, eventOfType } from './test-support/sse.js';

async function eventually<T>(attempt: () => Promise<T | undefined>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The error code a refused or cut connection ends a fetch with (undici puts it on the cause). */
async function fetchFailure(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return undefined;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code ?? 'failed';
  }
}

describe('shutting down on SIGTERM', () => {
  let setup: ProcessWorld;
  let server: RmServerProcess | undefined;

  beforeAll(async () => {
    setup = await createProcessWorld('sqlite');
  });
  afterEach(async () => {
    await server?.stop('SIGKILL');
  });
  afterAll(() => setup?.close());

  const sessionsUrl = () => `${server?.url}/v1/pairs/${setup.world.pairId}/sessions`;
  const writeHeaders = () => ({
    Authorization: `Bearer ${setup.world.tokens.mentor}`,
    'Idempotency-Key': randomUUID(),
  });
  const held = JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: 'In flight' });

  it('fails readiness, stops accepting, answers the request in flight and streams its event, then exits 0', async () => {
    server = await startRmServer({
      ...setup.env,
      RMKIT_DRAIN_DELAY_SECONDS: '1',
      RMKIT_SHUTDOWN_SECONDS: '20',
    });
    const stream = await fetch(`${server.url}/v1/events`, {
      headers: { Authorization: `Bearer ${setup.world.tokens.mentee}` },
    });
    const events = new EventStreamReader(stream.body);
    await events.until(eventOfType('ready'));
    const streamed = collectEvents(events);
    const upload = slowUpload(sessionsUrl(), writeHeaders(), held);
    await upload.started;

    server.child.kill('SIGTERM');

    // For RMKIT_DRAIN_DELAY_SECONDS it still answers, but tells load balancers to stop sending.
    const notReady = await eventually(async () => {
      const response = await fetch(`${server?.url}/readyz`);
      return response.status === 503 ? response : undefined;
    }, 'readiness failing');
    expect(notReady.headers.get('Connection')).toBe('close');
    expect(await notReady.json()).toMatchObject({ status: 'not ready', checks: { accepting: 'draining' } });
    // Then it takes no new connection, while the upload is still in flight.
    expect(await eventually(() => fetchFailure(`${server?.url}/healthz`), 'refusing connections')).toBe(
      'ECONNREFUSED',
    );

    upload.finish();
    const answer = await upload.response;
    expect(answer.status).toBe(201);
    expect(answer.headers.connection).toBe('close');
    const session = JSON.parse(answer.body) as { id: string };

    expect(await server.exited).toBe(0);
    await streamed.ended;
    expect(announced(streamed.messages, 'session.created')).toEqual([session.id]);

    expect(await logLine(server, 'shutting down')).toMatchObject({
      reason: 'SIGTERM',
      requests: 1,
      streams: 1,
      drainDelaySeconds: 1,
      drainSeconds: 20,
    });
    expect(await logLine(server, 'stream closed')).toMatchObject({ path: '/v1/events', status: 200 });
    expect(await logLine(server, 'shut down')).toMatchObject({ unfinished: 0, streams: 1 });
  }, 60_000);

  it('cuts off a request that outlasts RMKIT_SHUTDOWN_SECONDS, says so, and still exits 0', async () => {
    server = await startRmServer({ ...setup.env, RMKIT_SHUTDOWN_SECONDS: '1' });
    const upload = slowUpload(sessionsUrl(), writeHeaders(), held);
    await upload.started;

    const signalled = performance.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const tookMs = performance.now() - signalled;

    await expect(upload.response).rejects.toThrow();
    expect(tookMs).toBeGreaterThanOrEqual(1000);
    expect(tookMs).toBeLessThan(4000);
    expect(await logLine(server, 'shut down')).toMatchObject({ unfinished: 1 });
    expect(server.logs().find((l) => l.level === 40 && l.unfinished === 1)?.msg).toMatch(
      /RMKIT_SHUTDOWN_SECONDS/,
    );
  }, 60_000);

  it('still exits 0 when its log stops being read while it shuts down (a log shipper that died)', async () => {
    server = await startRmServer({
      ...setup.env,
      RMKIT_DRAIN_DELAY_SECONDS: '1',
      RMKIT_SHUTDOWN_SECONDS: '1',
    });
    // Pages with their live streams open: each stream's end is a line of the log, all at once.
    const url = `${server.url}/v1/events`;
    const streams = await Promise.all(
      [1, 2, 3].map(() => fetch(url, { headers: { Authorization: `Bearer ${setup.world.tokens.mentee}` } })),
    );
    await Promise.all(
      streams.map((stream) => new EventStreamReader(stream.body).until(eventOfType('ready'))),
    );
    const signalled = performance.now();
    server.child.kill('SIGTERM');
    await logLine(server, 'shutting down');
    // Its last lines are then written to a pipe nobody reads, just before it exits.
    server.child.stdout?.destroy();

    expect(await server.exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(5000);
  }, 60_000);
});
