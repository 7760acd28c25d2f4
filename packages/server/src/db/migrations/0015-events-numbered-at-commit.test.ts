import { afterAll, describe, expect, it } from 'vitest';
import { domainEvent } from '../../events/event-bus.js';
import { appendEvents, eventsAfter } from '../../events/event-log.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const pair = { id: 'pair_1', orgId: 'org_1', mentorId: 'per_1', menteeId: 'per_2' };
const created = (id: string) => domainEvent('session.created', pair, { id, version: 1 });

describe.each(testDatabases())('migration 0015-events-numbered-at-commit on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('goes on numbering after the events an older release logged, also beside a server still numbering them itself', async () => {
    const storage = await older.at('0014-person-erasure');
    await storage.db.transaction().execute((trx) => appendEvents(trx, [created('ses_before')]));

    await migrate(storage.db);

    // What this release's event bus does on each dialect.
    const numbering = database.dialect === 'postgres' ? 'at commit' : 'in the write';
    await storage.db
      .transaction()
      .execute((trx) => appendEvents(trx, [created('ses_after'), created('ses_after_too')], numbering));
    // An older server during a rolling upgrade, numbering its events in the write.
    await storage.db.transaction().execute((trx) => appendEvents(trx, [created('ses_older_server')]));
    await storage.db.transaction().execute((trx) => appendEvents(trx, [created('ses_last')], numbering));

    const logged = [];
    for await (const event of eventsAfter(storage.db, 0)) logged.push([event.seq, event.entityId]);
    expect(logged).toEqual([
      [1, 'ses_before'],
      [2, 'ses_after'],
      [3, 'ses_after_too'],
      [4, 'ses_older_server'],
      [5, 'ses_last'],
    ]);
  });
});
