import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { testDatabases } from '../test-support/harness.js';
import { send } from '../test-support/over-http.js';
import { createProcessWorld, type ProcessWorld } from '../test-support/process-world.js';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver.js';

const QUICK = {
  RMKIT_WEBHOOK_ALLOW_HTTP: '1',
  RMKIT_WEBHOOK_ALLOW_PRIVATE: '1',
  RMKIT_WEBHOOK_POLL_SECONDS: '0.05',
  RMKIT_WEBHOOK_RETRY_SECONDS: '0.05',
};
const patience = { timeout: 15_000, interval: 50 };

describe.each(testDatabases())('webhook deliveries and server processes on $dialect', ({ dialect }) => {
  let receiver: WebhookReceiver;
  let pw: ProcessWorld;
  const servers: RmServerProcess[] = [];

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    pw = await createProcessWorld(dialect);
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await pw?.close();
    await receiver?.close();
  });

  const start = async (env: Record<string, string> = {}) => {
    const server = await startRmServer({ ...pw.env, ...QUICK, ...env });
    servers.push(server);
    return server;
  };
  const subscribe = async (server: RmServerProcess, path: string) => {
    const res = await send(server.url, 'POST', '/v1/webhooks', pw.world.tokens.admin, {
      url: `http://127.0.0.1:${receiver.port}${path}`,
      events: ['match.published'],
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('gives a delivery cut off by a shutdown back, uncounted, and the next process sends it', async () => {
    const first = await start({ RMKIT_SHUTDOWN_SECONDS: '0.5', RMKIT_WEBHOOK_WAIT_SECONDS: '30' });
    const webhookId = await subscribe(first, '/slow');
    // The receiver takes the request and never answers it.
    receiver.answer('/slow', () => {});
    const ping = await send(first.url, 'POST', `/v1/webhooks/${webhookId}/ping`, pw.world.tokens.admin);
    await vi.waitFor(() => expect(receiver.at('/slow')).toHaveLength(1), patience);

    const stopping = performance.now();
    expect(await first.stop('SIGTERM')).toBe(0);
    expect(performance.now() - stopping).toBeLessThan(8000);
    expect(first.logs().map((line) => line.msg)).toContain(
      'webhook deliveries still running at shutdown are abandoned',
    );
    const row = await pw.storage.db
      .selectFrom('webhookDeliveries')
      .select(['status', 'attempts'])
      .where('id', '=', ping.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'pending', attempts: 0 });

    const next = await start();
    await vi.waitFor(async () => {
      const [entry] = (
        await send(next.url, 'GET', `/v1/webhooks/${webhookId}/deliveries`, pw.world.tokens.admin)
      ).body.items;
      expect(entry).toMatchObject({ status: 'succeeded', attempts: 1, responseStatus: 204 });
    }, patience);
    expect(receiver.at('/slow')).toHaveLength(2);
  }, 60_000);

  it.runIf(dialect === 'postgres')(
    'sends each event once when two processes share the database',
    async () => {
      const [one, two] = [await start(), await start()];
      const webhookId = await subscribe(one, '/shared');
      const pings = [];
      for (let i = 0; i < 20; i++) {
        const server = i % 2 === 0 ? one : two;
        pings.push(
          (await send(server.url, 'POST', `/v1/webhooks/${webhookId}/ping`, pw.world.tokens.admin)).body,
        );
      }
      await vi.waitFor(() => expect(receiver.at('/shared')).toHaveLength(20), patience);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const ids = receiver.at('/shared').map((arrival) => arrival.headers['rm-event-id']);
      expect(new Set(ids).size).toBe(20);
      expect(ids.sort()).toEqual(pings.map((ping) => ping.eventId).sort());
    },
    60_000,
  );
});
