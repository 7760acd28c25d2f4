import { afterEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0004 (cancellation reason) on $dialect', (database) => {
  const older = olderDatabases(database);
  afterEach(() => older.close());

  it('keeps every existing session as it was, with no reason, and stores one from then on', async () => {
    const { db } = await older.at('0003-charter-per-language');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = db as any;
    await old
      .insertInto('organizations')
      .values({ id: 'org_1', name: 'Contoso', defaultLocale: 'it', settings: '{}', ...stored })
      .execute();
    const person = {
      orgId: 'org_1',
      title: null,
      department: 'Finance',
      managerId: null,
      locale: 'it',
      languages: '["it"]',
      timeZone: 'Europe/Rome',
      photoUrl: null,
      isAdmin: 0,
      deletedAt: null,
      ...stored,
    };
    await old
      .insertInto('people')
      .values([
        {
          ...person,
          id: 'per_1',
          externalId: 'a',
          email: 'a@x.example',
          displayName: 'Giulia',
          careerStage: 'early',
        },
        {
          ...person,
          id: 'per_2',
          externalId: 'b',
          email: 'b@x.example',
          displayName: 'Marco',
          careerStage: 'executive',
        },
      ])
      .execute();
    await old
      .insertInto('programs')
      .values({
        id: 'prg_1',
        orgId: 'org_1',
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
        id: 'par_1',
        orgId: 'org_1',
        programId: 'prg_1',
        mentorId: 'per_1',
        menteeId: 'per_2',
        status: 'active',
        topics: '[]',
        matchScore: null,
        matchReasons: '[]',
        charterMentorAt: null,
        charterMenteeAt: null,
        startedOn: '2026-01-10',
        endedOn: null,
        deletedAt: null,
        ...stored,
      })
      .execute();
    const session = {
      orgId: 'org_1',
      pairId: 'par_1',
      scheduledAt: '2026-02-02T09:00:00.000Z',
      occurredAt: null,
      sortAt: '2026-02-02T09:00:00.000Z',
      durationMinutes: 60,
      format: 'video',
      topics: '[]',
      summary: '',
      actionItems: '[]',
      deletedAt: null,
      ...stored,
    };
    await old
      .insertInto('sessions')
      .values([
        { ...session, id: 'ses_1', status: 'cancelled' },
        { ...session, id: 'ses_2', status: 'planned' },
      ])
      .execute();

    await migrate(db);

    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'status', 'cancellationReason', 'version'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: 'ses_1', status: 'cancelled', cancellationReason: null, version: 1 },
      { id: 'ses_2', status: 'planned', cancellationReason: null, version: 1 },
    ]);
    await db
      .updateTable('sessions')
      .set({ cancellationReason: 'Travelling' })
      .where('id', '=', 'ses_1')
      .execute();
    const reason = await db
      .selectFrom('sessions')
      .select('cancellationReason')
      .where('id', '=', 'ses_1')
      .executeTakeFirst();
    expect(reason?.cancellationReason).toBe('Travelling');
  });
});
