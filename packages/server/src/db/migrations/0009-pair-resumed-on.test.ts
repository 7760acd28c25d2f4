import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { pairOf } from '../../routes/pairs/pairs.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0009-pair-resumed-on on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('reads a pair stored by release 0008 back as never resumed, and stores the day it resumes', async () => {
    const storage = await older.at('0008-matching-and-consent');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = storage.db as any;
    const orgId = newId('organization');
    const [giulia, marco] = [newId('person'), newId('person')];
    const programId = newId('program');
    const pairId = newId('pair');
    await old
      .insertInto('organizations')
      .values({ id: orgId, name: 'Contoso', defaultLocale: 'it', settings: '{}', ...stored })
      .execute();
    for (const [id, displayName, careerStage] of [
      [giulia, 'Giulia', 'early'],
      [marco, 'Marco', 'executive'],
    ]) {
      await old
        .insertInto('people')
        .values({
          id,
          orgId,
          externalId: `sub-${id}`,
          email: `${id}@example.com`,
          displayName,
          title: null,
          department: 'Finance',
          managerId: null,
          careerStage,
          locale: 'it',
          languages: '["it"]',
          timeZone: 'Europe/Rome',
          photoUrl: null,
          isAdmin: 0,
          deletedAt: null,
          ...stored,
        })
        .execute();
    }
    await old
      .insertInto('programs')
      .values({
        id: programId,
        orgId,
        name: 'Digital Bridge',
        description: '',
        topics: '[]',
        customTopics: '[]',
        startsOn: '2026-01-05',
        endsOn: '2026-12-18',
        cadenceDays: 14,
        sessionMinutes: 60,
        status: 'active',
        charter: '{"en":"","it":""}',
        deletedAt: null,
        ...stored,
      })
      .execute();
    await old
      .insertInto('pairs')
      .values({
        id: pairId,
        orgId,
        programId,
        mentorId: giulia,
        menteeId: marco,
        status: 'active',
        topics: '[]',
        matchScore: null,
        matchReasons: '[{"en":"Both speak Italian","it":"Parlano entrambi italiano"}]',
        menteeConsentedAt: '2026-01-02T10:00:00.000Z',
        charterMentorAt: '2026-01-03T10:00:00.000Z',
        charterMenteeAt: '2026-01-04T10:00:00.000Z',
        override: 0,
        startedOn: '2026-01-05',
        endedOn: null,
        endedBy: null,
        deletedAt: null,
        ...stored,
      })
      .execute();

    await migrate(storage.db);

    const row = await storage.db
      .selectFrom('pairs')
      .selectAll()
      .where('id', '=', pairId)
      .executeTakeFirstOrThrow();
    // Read with the server's own mapper, as an answer would give it: valid, and never resumed.
    expect(pairOf(row)).toMatchObject({
      id: pairId,
      status: 'active',
      startedOn: '2026-01-05',
      resumedOn: null,
      version: 1,
    });
    await storage.db.updateTable('pairs').set({ resumedOn: '2026-04-13' }).where('id', '=', pairId).execute();
    const resumed = await storage.db
      .selectFrom('pairs')
      .selectAll()
      .where('id', '=', pairId)
      .executeTakeFirstOrThrow();
    expect(pairOf(resumed).resumedOn).toBe('2026-04-13');
  });
});
