import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { testDatabases } from '../test-support/harness.js';
import { send } from '../test-support/over-http.js';
import { createProcessWorld, type ProcessWorld } from '../test-support/process-world.js';
import {
  startWebhookReceiver,
  verifySignature,
  type WebhookReceiver,
} from '../test-support/webhook-receiver.js';
import { queueWebhook } from './outbox.store.js';

/** Deliveries tried within a test's patience: polled often, retried after 50 ms, three attempts. */
const QUICK = {
  RMKIT_WEBHOOK_ALLOW_HTTP: '1',
  RMKIT_WEBHOOK_POLL_SECONDS: '0.05',
  RMKIT_WEBHOOK_RETRY_SECONDS: '0.05',
  RMKIT_WEBHOOK_MAX_ATTEMPTS: '3',
  RMKIT_WEBHOOK_WAIT_SECONDS: '2',
  RMKIT_WEBHOOK_SWEEP_MINUTES: '0.01',
};
const patience = { timeout: 10_000, interval: 50 };

describe.each(testDatabases())('webhook deliveries from a server process on $dialect', ({ dialect }) => {
  let receiver: WebhookReceiver;
  let pw: ProcessWorld;
  let server: RmServerProcess;
  let admin: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    pw = await createProcessWorld(dialect);
    admin = pw.world.tokens.admin;
    // The receiver is on loopback, which only the operator's setting lets a webhook reach.
    server = await startRmServer({ ...pw.env, ...QUICK, RMKIT_WEBHOOK_ALLOW_PRIVATE: '1' });
  });
  afterAll(async () => {
    await server?.stop();
    await pw?.close();
    await receiver?.close();
  });

  const subscribe = async (path: string, events: string[]) => {
    const res = await send(server.url, 'POST', '/v1/webhooks', admin, {
      url: `http://127.0.0.1:${receiver.port}${path}`,
      events,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const log = async (webhookId: string) =>
    (await send(server.url, 'GET', `/v1/webhooks/${webhookId}/deliveries`, admin)).body.items;
  const ping = async (webhookId: string) => {
    const res = await send(server.url, 'POST', `/v1/webhooks/${webhookId}/ping`, admin);
    expect(res.status).toBe(202);
    return res.body as { id: string; eventId: string };
  };
  const statusOf = async (webhookId: string, deliveryId: string) =>
    (await log(webhookId)).find((entry: { id: string }) => entry.id === deliveryId);

  it('delivers a held session, signed, with its event id, and again when an admin redelivers it', async () => {
    const hook = await subscribe('/signed', ['session.held']);
    const logged = await send(
      server.url,
      'POST',
      `/v1/pairs/${pw.world.pairId}/sessions`,
      pw.world.tokens.mentor,
      {
        status: 'held',
        occurredAt: new Date().toISOString(),
        summary: 'We talked about his fear of LinkedIn',
      },
    );
    expect(logged.status).toBe(201);

    await vi.waitFor(() => expect(receiver.at('/signed')).toHaveLength(1), patience);
    const [arrival] = receiver.at('/signed');
    if (!arrival) throw new Error('nothing arrived');
    // Checked as a receiver checks it, with the secret shown at creation.
    expect(verifySignature(hook.secret, arrival.headers['rm-signature'] as string, arrival.body)).toBe(true);
    expect(
      verifySignature(
        'whsec_not-the-secret-of-this-hook-at-all',
        arrival.headers['rm-signature'] as string,
        arrival.body,
      ),
    ).toBe(false);
    const event = JSON.parse(arrival.body);
    expect(event).toEqual({
      id: arrival.headers['rm-event-id'],
      type: 'session.held',
      orgId: pw.world.orgId,
      createdAt: expect.any(String),
      data: {
        sessionId: logged.body.id,
        pairId: pw.world.pairId,
        programId: pw.world.programId,
        occurredAt: logged.body.occurredAt,
      },
    });
    expect(arrival.body).not.toContain('LinkedIn');

    const [entry] = await log(hook.id);
    await vi.waitFor(async () => expect((await log(hook.id))[0].status).toBe('succeeded'), patience);
    expect((await log(hook.id))[0]).toMatchObject({
      eventId: event.id,
      attempts: 1,
      responseStatus: 204,
      lastError: null,
    });

    const again = await send(server.url, 'POST', `/v1/webhook-deliveries/${entry.id}/redeliver`, admin);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ eventId: event.id, status: 'pending', attempts: 0 });
    await vi.waitFor(() => expect(receiver.at('/signed')).toHaveLength(2), patience);
    const second = receiver.at('/signed')[1];
    expect(second?.body).toBe(arrival.body);
    expect(second?.headers['rm-event-id']).toBe(event.id);
  });

  it('tells of feedback without its content: the pair, the kind and the side alone', async () => {
    await subscribe('/feedback', ['feedback.submitted']);
    const session = await send(
      server.url,
      'POST',
      `/v1/pairs/${pw.world.pairId}/sessions`,
      pw.world.tokens.mentee,
      {
        status: 'held',
        occurredAt: new Date().toISOString(),
      },
    );
    const answered = await send(
      server.url,
      'POST',
      `/v1/pairs/${pw.world.pairId}/feedback`,
      pw.world.tokens.mentee,
      {
        kind: 'session',
        sessionId: session.body.id,
        ratings: { usefulness: 2, trust: 1, preparation: 2 },
        recommend: 3,
        learned: 'Nothing I can say out loud',
        improve: 'She keeps arriving late',
      },
    );
    expect(answered.status).toBe(201);
    await vi.waitFor(() => expect(receiver.at('/feedback')).toHaveLength(1), patience);
    const body = receiver.at('/feedback')[0]?.body ?? '';
    expect(JSON.parse(body).data).toEqual({ pairId: pw.world.pairId, kind: 'session', side: 'mentee' });
    expect(body).not.toMatch(/late|out loud|"trust"|"recommend"/);
  });

  it('retries a receiver that fails, with the same event, until it answers', async () => {
    const hook = await subscribe('/flaky', ['match.published']);
    receiver.answer(
      '/flaky',
      (res) => res.writeHead(503).end(),
      (res) => res.writeHead(429, { 'Retry-After': '0' }).end(),
    );
    const delivery = await ping(hook.id);
    await vi.waitFor(
      async () => expect((await statusOf(hook.id, delivery.id)).status).toBe('succeeded'),
      patience,
    );
    expect(await statusOf(hook.id, delivery.id)).toMatchObject({
      attempts: 3,
      responseStatus: 204,
      lastError: null,
    });
    const arrivals = receiver.at('/flaky');
    expect(arrivals.map((a) => a.headers['rm-event-id'])).toEqual([
      delivery.eventId,
      delivery.eventId,
      delivery.eventId,
    ]);
    expect(arrivals.map((a) => a.headers['rm-delivery-attempt'])).toEqual(['1', '2', '3']);
    expect(
      arrivals.every((a) => verifySignature(hook.secret, a.headers['rm-signature'] as string, a.body)),
    ).toBe(true);
  });

  it('gives up after the bound of attempts and says why', async () => {
    const hook = await subscribe('/down', ['match.published']);
    const failing = (res: import('node:http').ServerResponse) => res.writeHead(500).end();
    receiver.answer('/down', failing, failing, failing, failing, failing);
    const delivery = await ping(hook.id);
    await vi.waitFor(
      async () => expect((await statusOf(hook.id, delivery.id)).status).toBe('failed'),
      patience,
    );
    expect(await statusOf(hook.id, delivery.id)).toMatchObject({
      attempts: 3,
      responseStatus: 500,
      nextAttemptAt: null,
      lastError: 'Answered 500; gave up after 3 attempts',
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.at('/down')).toHaveLength(3);
  });

  it('never follows a redirect, and does not retry one', async () => {
    const hook = await subscribe('/moved', ['match.published']);
    receiver.answer('/moved', (res) =>
      res.writeHead(302, { Location: `http://127.0.0.1:${receiver.port}/elsewhere` }).end(),
    );
    const delivery = await ping(hook.id);
    await vi.waitFor(
      async () => expect((await statusOf(hook.id, delivery.id)).status).toBe('failed'),
      patience,
    );
    expect(await statusOf(hook.id, delivery.id)).toMatchObject({ attempts: 1, responseStatus: 302 });
    expect((await statusOf(hook.id, delivery.id)).lastError).toMatch(/never followed/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.at('/elsewhere')).toHaveLength(0);
  });

  it('delivers nothing for a write that rolled back, and the one that committed', async () => {
    await subscribe('/outbox', ['match.published']);
    const event = (pairId: string) => ({
      orgId: pw.world.orgId,
      type: 'match.published' as const,
      data: { programId: pw.world.programId, pairIds: [pairId] },
    });
    await expect(
      pw.storage.db.transaction().execute(async (trx) => {
        await queueWebhook(trx, event(pw.world.otherPairId));
        throw new Error('the write failed after queueing its event');
      }),
    ).rejects.toThrow('the write failed');
    await pw.storage.db.transaction().execute((trx) => queueWebhook(trx, event(pw.world.pairId)));

    await vi.waitFor(() => expect(receiver.at('/outbox')).toHaveLength(1), patience);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.at('/outbox').map((a) => JSON.parse(a.body).data.pairIds)).toEqual([[pw.world.pairId]]);
  });

  it('tells once when an active pair falls at risk, and again only after it recovered and fell again', async () => {
    await subscribe('/risk', ['pair.at-risk']);
    const { pairId } = pw.world;
    const recent = await send(server.url, 'POST', `/v1/pairs/${pairId}/sessions`, pw.world.tokens.mentor, {
      status: 'held',
      occurredAt: new Date().toISOString(),
    });
    expect(recent.status).toBe(201);
    // The sweep sees the pair met: its episode (announced at start, before anyone listened) ends.
    await vi.waitFor(async () => {
      const rows = await pw.storage.db.selectFrom('webhookPairRisks').select('pairId').execute();
      expect(rows.map((row) => row.pairId)).not.toContain(pairId);
    }, patience);
    const sessions = await pw.storage.db
      .selectFrom('sessions')
      .select('id')
      .where('pairId', '=', pairId)
      .where('status', '=', 'held')
      .execute();
    for (const { id } of sessions) {
      const moved = await send(server.url, 'PATCH', `/v1/sessions/${id}`, pw.world.tokens.mentor, {
        occurredAt: '2026-01-06T10:00:00Z',
      });
      expect(moved.status).toBe(200);
    }

    await vi.waitFor(() => expect(receiver.at('/risk')).toHaveLength(1), patience);
    expect(JSON.parse(receiver.at('/risk')[0]?.body ?? '').data).toEqual({
      pairId,
      programId: pw.world.programId,
      reasons: ['no-recent-session'],
    });
    // Several sweeps later, still once.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(receiver.at('/risk')).toHaveLength(1);
  });
});

describe.each(testDatabases())('webhook addresses by default on $dialect', ({ dialect }) => {
  let receiver: WebhookReceiver;
  let pw: ProcessWorld;
  let server: RmServerProcess;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    pw = await createProcessWorld(dialect);
    server = await startRmServer({ ...pw.env, ...QUICK });
  });
  afterAll(async () => {
    await server?.stop();
    await pw?.close();
    await receiver?.close();
  });

  it('refuses a private address literal when subscribing, and a name that resolves to one when delivering', async () => {
    const admin = pw.world.tokens.admin;
    const literal = await send(server.url, 'POST', '/v1/webhooks', admin, {
      url: `http://127.0.0.1:${receiver.port}/private`,
      events: ['match.published'],
    });
    expect(literal.status).toBe(400);
    expect(literal.body.error.issues).toEqual([{ path: ['url'], message: expect.stringMatching(/private/) }]);

    // localhost passes the check of the URL alone: it is caught where the delivery connects.
    const named = await send(server.url, 'POST', '/v1/webhooks', admin, {
      url: `http://localhost:${receiver.port}/private`,
      events: ['match.published'],
    });
    expect(named.status).toBe(201);
    const ping = await send(server.url, 'POST', `/v1/webhooks/${named.body.id}/ping`, admin);
    await vi.waitFor(async () => {
      const [entry] = (await send(server.url, 'GET', `/v1/webhooks/${named.body.id}/deliveries`, admin)).body
        .items;
      expect(entry).toMatchObject({ id: ping.body.id, status: 'failed', attempts: 1, responseStatus: null });
      expect(entry.lastError).toMatch(/localhost \((127\.0\.0\.1|::1)\) is a loopback address/);
    }, patience);
    expect(receiver.at('/private')).toHaveLength(0);
  });
});
