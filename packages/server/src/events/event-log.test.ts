import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Storage } from '../db/database.js';
import { openOwnSchema } from '../test-support/own-schema.js';
import { domainEvent } from './event-bus.js';
import { appendEvents, eventsAfter, latestSeq } from './event-log.js';

const pgUrl = process.env.TEST_DATABASE_URL;
const pair = { id: 'pair_1', orgId: 'org_1', mentorId: 'per_1', menteeId: 'per_2' };

describe.runIf(pgUrl)('the event log on PostgreSQL', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openOwnSchema(pgUrl ?? '');
  });
  afterAll(() => storage.close());

  /** Until the backend `pid` waits for a lock another transaction holds. */
  const waitingOnLock = (pid: number | undefined) =>
    vi.waitFor(
      async () => {
        const activity = await sql<{ wait: string | null }>`
          select wait_event_type as wait from pg_stat_activity where pid = ${pid}`.execute(storage.db);
        expect(activity.rows[0]?.wait).toBe('Lock');
      },
      { timeout: 5000 },
    );

  it('numbers events in the order their transactions commit, so a reader never skips a late one', async () => {
    const first = await storage.db.startTransaction().execute();
    await appendEvents(first, [domainEvent('session.created', pair, { id: 'ses_first' })]);
    const second = await storage.db.startTransaction().execute();
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(second);
    const secondAppended = appendEvents(second, [domainEvent('session.created', pair, { id: 'ses_second' })]);
    // The second writer waits for the first to commit before it takes a number.
    await waitingOnLock(rows[0]?.pid);
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

  it('numbers events written to be numbered at commit in the order the writes commit, not the order they wrote', async () => {
    const after = await latestSeq(storage.db);
    const first = await storage.db.startTransaction().execute();
    await appendEvents(
      first,
      [domainEvent('session.created', pair, { id: 'ses_written_first' })],
      'at commit',
    );
    const second = await storage.db.startTransaction().execute();
    await appendEvents(
      second,
      [domainEvent('session.created', pair, { id: 'ses_written_second' })],
      'at commit',
    );
    const readWhileOpen = [];
    for await (const event of eventsAfter(storage.db, after)) readWhileOpen.push(event.entityId);
    expect(readWhileOpen).toEqual([]);

    await second.commit().execute();
    await first.commit().execute();
    const read = [];
    for await (const event of eventsAfter(storage.db, after)) read.push([event.seq, event.entityId]);
    expect(read).toEqual([
      [after + 1, 'ses_written_second'],
      [after + 2, 'ses_written_first'],
    ]);
  });

  it('numbers an event at commit only after the write that took the number before it has committed', async () => {
    const after = await latestSeq(storage.db);
    // Numbered in the write: holds the counter until it commits, as a write in its COMMIT does.
    const earlier = await storage.db.startTransaction().execute();
    await appendEvents(earlier, [domainEvent('session.created', pair, { id: 'ses_earlier' })]);
    const later = await storage.db.startTransaction().execute();
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(later);
    await appendEvents(later, [domainEvent('session.created', pair, { id: 'ses_later' })], 'at commit');
    const committing = later.commit().execute();
    await waitingOnLock(rows[0]?.pid);
    const readWhileCommitting = [];
    for await (const event of eventsAfter(storage.db, after)) readWhileCommitting.push(event.entityId);
    expect(readWhileCommitting).toEqual([]);

    await earlier.commit().execute();
    await committing;
    const read = [];
    for await (const event of eventsAfter(storage.db, after)) read.push([event.seq, event.entityId]);
    expect(read).toEqual([
      [after + 1, 'ses_earlier'],
      [after + 2, 'ses_later'],
    ]);
  });
});
