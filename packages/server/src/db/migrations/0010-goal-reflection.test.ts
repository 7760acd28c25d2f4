import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { toGoalTemplate } from '../../routes/goal-templates/goal-templates.store.js';
import { toGoal } from '../../routes/goals/goals.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0010-goal-reflection on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('reads a goal stored by release 0009 back as not yet assessed and without commitments, and keeps templates', async () => {
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

    const goalId = newId('goal');
    await old
      .insertInto('goals')
      .values({
        id: goalId,
        orgId,
        pairId,
        owner: 'mentee',
        title: 'Pubblicare un primo post su LinkedIn',
        topic: null,
        targetDate: null,
        status: 'in-progress',
        progress: 40,
        deletedAt: null,
        ...stored,
      })
      .execute();

    await migrate(storage.db);

    const goal = await storage.db
      .selectFrom('goals')
      .selectAll()
      .where('id', '=', goalId)
      .executeTakeFirstOrThrow();
    // Read with the server's own mapper, as an answer would give it: valid, unassessed, no commitments.
    expect(toGoal(goal)).toMatchObject({
      id: goalId,
      progress: 40,
      assessmentBefore: null,
      assessmentAfter: null,
      commitments: [],
      version: 1,
    });

    const templateId = newId('goalTemplate');
    await storage.db
      .insertInto('goalTemplates')
      .values({
        id: templateId,
        orgId,
        programId,
        title: JSON.stringify({ en: 'Publish a first post', it: 'Pubblicare un primo post' }),
        topic: null,
        deletedAt: null,
        ...stored,
      })
      .execute();
    const template = await storage.db
      .selectFrom('goalTemplates')
      .selectAll()
      .where('id', '=', templateId)
      .executeTakeFirstOrThrow();
    expect(toGoalTemplate(template).title).toEqual({
      en: 'Publish a first post',
      it: 'Pubblicare un primo post',
    });
  });
});
