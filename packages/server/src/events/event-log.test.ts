import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate, openStorage, type Storage } from '../db/database.js';
import { domainEvent } from './event-bus.js';
import { appendEvents, eventsAfter } from './event-log.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const pair = { id: 'pair_1', orgId: 'org_1', mentorId: 'per_1', menteeId: 'per_2' };

describe.runIf(pgUrl)('the event log on PostgreSQL', () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage(pgUrl ?? '', { schema });
    await migrate(storage.db);
  });
  afterAll(async () => {
    await storage.pool?.query(`drop schema "${schema}" cascade`);
    await storage.close();
  });

  it('numbers events in the order their transactions commit, so a reader never skips a late one', async () => {
    const first = await storage.db.startTransaction().execute();
    await appendEvents(first, [domainEvent('session.created', pair, { id: 'ses_first' })]);
    const second = await storage.db.startTransaction().execute();
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(second);
    const secondAppended = appendEvents(second, [domainEvent('session.created', pair, { id: 'ses_second' })]);
    // The second writer waits for the first to commit before it takes a number.
    await vi.waitFor(
      async () => {
        const activity = await sql<{ wait: string | null }>`
          select wait_event_type as wait from pg_stat_activity where pid = ${rows[0]?.pid}`.execute(
          storage.db,
        );
        expect(activity.rows[0]?.wait).toBe('Lock');
      },
      { timeout: 5000 },
    );
    const readWhileOpen = [];
    for await (const event of eventsAfter(storage.db, 0)) readWhileOpen.push(event.entityId);
    expect(readWhileOpen).toEqual([]);

    await first.commit().execute();
    await secondAppended;
    await second.commit().execute();
    const read = [];
    for await (const event of eventsAfter(storage.db, 0)) read.push([event.seq, event.entityId]);
    expect(read).toEqual([
      [1, 'ses_first'],
      [2, 'ses_second'],
    ]);
  });
});
