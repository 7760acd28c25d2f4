import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { toEnrollment } from '../../routes/enrollments/enrollments.store.js';
import { toMatchConstraint } from '../../routes/matching/match-constraints.store.js';
import { pairOf } from '../../routes/pairs/pairs.store.js';
import { toProgram } from '../../routes/programs/programs.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0008-matching-and-consent on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('gives existing enrolments their person’s languages, programs the default weights, and keeps every pair’s reasons in both languages', async () => {
    const storage = await older.at('0007-photo-hosts');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = storage.db as any;
    const orgId = newId('organization');
    const [giulia, marco, helen] = [newId('person'), newId('person'), newId('person')];
    const programId = newId('program');
    await old
      .insertInto('organizations')
      .values({
        id: orgId,
        name: 'Contoso',
        defaultLocale: 'it',
        settings: '{"minAggregateGroupSize":3}',
        ...stored,
      })
      .execute();
    for (const [id, languages] of [
      [giulia, '["it","en"]'],
      [marco, '["it"]'],
      [helen, '[]'],
    ] as const) {
      await old
        .insertInto('people')
        .values({
          id,
          orgId,
          externalId: null,
          email: `${id.toLowerCase()}@example.com`,
          displayName: id,
          title: null,
          department: 'Operations',
          managerId: null,
          careerStage: id === giulia ? 'early' : 'executive',
          locale: 'it',
          languages,
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
        topics: '["ai-tools"]',
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
    const enrolments = [
      [newId('enrollment'), giulia, 'mentor'],
      [newId('enrollment'), marco, 'mentee'],
      [newId('enrollment'), helen, 'mentee'],
    ] as const;
    for (const [id, personId, role] of enrolments) {
      await old
        .insertInto('enrollments')
        .values({
          id,
          orgId,
          programId,
          personId,
          role,
          topics: '["ai-tools"]',
          capacity: 1,
          motivation: '',
          status: 'accepted',
          deletedAt: null,
          ...stored,
        })
        .execute();
    }
    const pairs = [
      [
        newId('pair'),
        marco,
        'active',
        '["Both speak Italian","Different departments: IT meets Legal"]',
        null,
      ],
      [newId('pair'), helen, 'completed', '["Paired by an admin"]', '2026-06-30'],
    ] as const;
    for (const [id, menteeId, status, reasons, endedOn] of pairs) {
      await old
        .insertInto('pairs')
        .values({
          id,
          orgId,
          programId,
          mentorId: giulia,
          menteeId,
          status,
          topics: '[]',
          matchScore: null,
          matchReasons: reasons,
          charterMentorAt: null,
          charterMenteeAt: null,
          startedOn: '2026-01-05',
          endedOn,
          deletedAt: null,
          ...stored,
        })
        .execute();
    }

    await migrate(storage.db);

    // Read through the stores, with core's schemas, as the server reads them: what is stored is valid.
    const program = toProgram(await storage.db.selectFrom('programs').selectAll().executeTakeFirstOrThrow());
    expect(program).toMatchObject({
      matching: {
        weights: { topics: 4, crossDepartment: 2, language: 2, availability: 2 },
        separateDepartments: false,
      },
      version: 1,
    });
    const enrolled = (await storage.db.selectFrom('enrollments').selectAll().execute()).map(toEnrollment);
    expect(
      Object.fromEntries(enrolled.map((e) => [e.personId, [e.languages, e.availability, e.version]])),
    ).toEqual({
      [giulia]: [['it', 'en'], [], 1],
      [marco]: [['it'], [], 1],
      [helen]: [[], [], 1],
    });
    const migrated = (await storage.db.selectFrom('pairs').selectAll().execute()).map(pairOf);
    expect(Object.fromEntries(migrated.map((p) => [p.menteeId, p]))).toEqual({
      [marco]: expect.objectContaining({
        matchReasons: [
          { en: 'Both speak Italian', it: 'Both speak Italian' },
          { en: 'Different departments: IT meets Legal', it: 'Different departments: IT meets Legal' },
        ],
        menteeConsentedAt: null,
        override: false,
        endedBy: null,
        version: 1,
      }),
      [helen]: expect.objectContaining({
        status: 'completed',
        matchReasons: [{ en: 'Paired by an admin', it: 'Paired by an admin' }],
        endedBy: null,
        version: 1,
      }),
    });

    // A pin is stored once per two people of a program.
    const pin = { orgId, programId, mentorId: giulia, menteeId: marco, kind: 'pin' as const, ...stored };
    await storage.db
      .insertInto('matchConstraints')
      .values({ id: newId('matchConstraint'), ...pin })
      .execute();
    await expect(
      storage.db
        .insertInto('matchConstraints')
        .values({ id: newId('matchConstraint'), ...pin, kind: 'ban' })
        .execute(),
    ).rejects.toThrow();
    const constraints = await storage.db.selectFrom('matchConstraints').selectAll().execute();
    expect(constraints.map(toMatchConstraint)).toEqual([expect.objectContaining({ kind: 'pin' })]);
  });
});
