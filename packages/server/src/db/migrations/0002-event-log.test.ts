import { afterAll, describe, expect, it } from 'vitest';
import { domainEvent } from '../../events/event-bus.js';
import { appendEvents, eventsAfter } from '../../events/event-log.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

describe.each(testDatabases())('migration 0002-event-log on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('upgrades a database the first release left, keeping its data, and starts the log at 1', async () => {
    const storage = await older.at('0001-initial');
    const now = new Date().toISOString();
    await storage.db
      .insertInto('organizations')
      .values({
        id: 'org_1',
        name: 'Contoso',
        defaultLocale: 'en',
        settings: '{}',
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();

    await migrate(storage.db);

    expect(await storage.db.selectFrom('organizations').select('name').execute()).toEqual([
      { name: 'Contoso' },
    ]);
    const pair = { id: 'pair_1', orgId: 'org_1', mentorId: 'per_1', menteeId: 'per_2' };
    const events = [
      domainEvent('session.created', pair, { id: 'ses_1', version: 1 }),
      domainEvent('feedback.created', pair, { id: 'fbk_1', version: 1 }, { onlyFor: ['per_1'] }),
    ];
    await storage.db.transaction().execute((trx) => appendEvents(trx, events));
    const logged = [];
    for await (const event of eventsAfter(storage.db, 0)) logged.push(event);
    expect(logged).toEqual(events.map((event, index) => ({ ...event, seq: index + 1 })));
  });
});
