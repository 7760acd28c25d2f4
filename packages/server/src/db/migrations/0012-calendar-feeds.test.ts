import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { feedSessions, findFeed, findFeedOwner, replaceFeed } from '../../routes/calendar/calendar.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { insertPairAsOf0009, storedBefore as stored } from '../../test-support/pair-as-of-0009.js';
import { migrate } from '../database.js';

describe.each(testDatabases())('migration 0012-calendar-feeds on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('gives the people and sessions of a database from release 0009 links to feeds of them', async () => {
    const storage = await older.at('0009-pair-resumed-on');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = storage.db as any;
    const { orgId, marco, pairId } = await insertPairAsOf0009(old);
    const sessionId = newId('session');
    await old
      .insertInto('sessions')
      .values({
        id: sessionId,
        orgId,
        pairId,
        status: 'planned',
        scheduledAt: '2026-02-02T09:00:00.000Z',
        occurredAt: null,
        sortAt: '2026-02-02T09:00:00.000Z',
        durationMinutes: null,
        format: 'video',
        topics: '[]',
        summary: '',
        cancellationReason: null,
        actionItems: '[]',
        deletedAt: null,
        ...stored,
      })
      .execute();

    await migrate(storage.db);

    const owner = { orgId, personId: marco, pairId };
    expect(await findFeed(storage.db, owner)).toEqual({
      scope: 'pair',
      pairId,
      active: false,
      createdAt: null,
    });
    const link = await replaceFeed(storage.db, owner);
    const secret = link.path.slice('/v1/calendar/'.length, -'.ics'.length);
    expect(await findFeedOwner(storage.db, secret)).toEqual(owner);
    expect(await feedSessions(storage.db, owner)).toEqual([
      {
        id: sessionId,
        status: 'planned',
        startsAt: '2026-02-02T09:00:00.000Z',
        durationMinutes: 60,
        partnerName: 'Giulia',
        updatedAt: stored.updatedAt,
        version: 1,
      },
    ]);
    // One link per person and feed: the person's own feed is another, beside it.
    await replaceFeed(storage.db, { orgId, personId: marco, pairId: null });
    await replaceFeed(storage.db, owner);
    expect(await findFeedOwner(storage.db, secret)).toBeUndefined();
    const rows = await storage.db.selectFrom('calendarFeeds').select(['scope', 'tokenHash']).execute();
    expect(rows.map((row) => row.scope).sort()).toEqual([pairId, 'person'].sort());
    expect(rows.map((row) => row.tokenHash).join()).not.toContain(secret);
  });
});
