import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { insertStory, listPairStories } from '../../routes/stories/stories.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0011-stories on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('gives a pair stored by release 0009 no stories, and then keeps the story its members write', async () => {
    const storage = await older.at('0009-pair-resumed-on');
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
    for (const [id, displayName, careerStage, title] of [
      [giulia, 'Giulia', 'early', null],
      [marco, 'Marco', 'executive', 'CFO'],
    ]) {
      await old
        .insertInto('people')
        .values({
          id,
          orgId,
          externalId: `sub-${id}`,
          email: `${id}@example.com`,
          displayName,
          title,
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
        matching: '{}',
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
        matchReasons: '[]',
        menteeConsentedAt: '2026-01-02T10:00:00.000Z',
        charterMentorAt: '2026-01-03T10:00:00.000Z',
        charterMenteeAt: '2026-01-04T10:00:00.000Z',
        override: 0,
        startedOn: '2026-01-05',
        endedOn: null,
        endedBy: null,
        resumedOn: null,
        deletedAt: null,
        ...stored,
      })
      .execute();

    await migrate(storage.db);

    const pair = await storage.db
      .selectFrom('pairs')
      .selectAll()
      .where('id', '=', pairId)
      .executeTakeFirstOrThrow();
    expect(await listPairStories(storage.db, pair, { limit: 10 })).toEqual({ items: [], nextCursor: null });
    const written = await insertStory(storage.db, pair, {
      title: 'Il CFO ora scrive su LinkedIn',
      text: 'Marco racconta il trimestre in parole semplici.',
      language: 'it',
      quote: { text: 'Leggo finalmente i commenti.', by: 'mentee' },
    });
    const listed = await listPairStories(storage.db, pair, { limit: 10 });
    expect(listed.items).toEqual([written]);
    expect(written).toMatchObject({
      pairId,
      status: 'draft',
      mentor: { displayName: 'Giulia', title: null },
      mentee: { displayName: 'Marco', title: 'CFO' },
      quote: { text: 'Leggo finalmente i commenti.', by: 'mentee' },
      version: 1,
    });
  });
});
