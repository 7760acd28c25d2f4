import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { toDelivery, toWebhook } from '../../routes/webhooks/webhooks.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stamp = '2026-01-02T09:00:00.000Z';
const stored = { createdAt: stamp, updatedAt: stamp, version: 1 };

describe.each(testDatabases())('migration 0013-webhooks on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('adds subscriptions and their delivery log to a database of release 0009, keeping its organisation', async () => {
    const storage = await older.at('0009-pair-resumed-on');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = storage.db as any;
    const orgId = newId('organization');
    await old
      .insertInto('organizations')
      .values({ id: orgId, name: 'Contoso', defaultLocale: 'it', settings: '{}', ...stored })
      .execute();

    await migrate(storage.db);

    const webhookId = newId('webhook');
    await storage.db
      .insertInto('webhooks')
      .values({
        id: webhookId,
        orgId,
        url: 'https://hooks.example.com/rm-kit',
        events: '["session.held"]',
        description: 'HR channel',
        active: 1,
        secret: 'whsec_0123456789abcdef0123456789abcdef',
        previousSecret: null,
        previousSecretUntil: null,
        secretRotatedAt: null,
        ...stored,
      })
      .execute();
    const eventId = newId('event');
    await storage.db
      .insertInto('webhookEvents')
      .values({ id: eventId, orgId, type: 'session.held', body: '{}', createdAt: stamp })
      .execute();
    const deliveryId = newId('webhookDelivery');
    await storage.db
      .insertInto('webhookDeliveries')
      .values({
        id: deliveryId,
        orgId,
        webhookId,
        eventId,
        eventType: 'session.held',
        status: 'pending',
        attempts: 0,
        responseStatus: null,
        lastError: null,
        nextAttemptAt: stamp,
        leaseUntil: null,
        deliveredAt: null,
        createdAt: stamp,
        updatedAt: stamp,
      })
      .execute();

    const webhook = await storage.db.selectFrom('webhooks').selectAll().executeTakeFirstOrThrow();
    // Read with the server's own mappers, as an answer would give them.
    expect(toWebhook(webhook)).toMatchObject({
      id: webhookId,
      events: ['session.held'],
      active: true,
      version: 1,
    });
    const delivery = await storage.db.selectFrom('webhookDeliveries').selectAll().executeTakeFirstOrThrow();
    expect(toDelivery(delivery)).toMatchObject({ id: deliveryId, eventId, status: 'pending', attempts: 0 });
    const org = await storage.db.selectFrom('organizations').select('name').executeTakeFirstOrThrow();
    expect(org.name).toBe('Contoso');

    // A subscription removed takes its log with it.
    await storage.db.deleteFrom('webhooks').where('id', '=', webhookId).execute();
    expect(await storage.db.selectFrom('webhookDeliveries').selectAll().execute()).toEqual([]);
  });
});
