import { newId } from '@rm-kit/core';

/** The timestamps and version of a row an older release wrote. */
export const storedBefore = {
  createdAt: '2026-01-02T09:00:00.000Z',
  updatedAt: '2026-01-02T09:00:00.000Z',
  version: 1,
};

/**
 * An organisation with an active pair, written as release 0009 stored it (Giulia, early
 * career, mentors Marco, an executive; both in Finance), for the tests of the migrations
 * after it. The rows are spelled out in that release's schema, not built by today's
 * stores, which write the columns later migrations added.
 */
export async function insertPairAsOf0009(
  // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
  old: any,
  titles: { giulia?: string | null; marco?: string | null } = {},
) {
  const ids = {
    orgId: newId('organization'),
    giulia: newId('person'),
    marco: newId('person'),
    programId: newId('program'),
    pairId: newId('pair'),
  };
  const { orgId } = ids;
  await old
    .insertInto('organizations')
    .values({ id: orgId, name: 'Contoso', defaultLocale: 'it', settings: '{}', ...storedBefore })
    .execute();
  for (const [id, displayName, careerStage, title] of [
    [ids.giulia, 'Giulia', 'early', titles.giulia ?? null],
    [ids.marco, 'Marco', 'executive', titles.marco ?? null],
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
        ...storedBefore,
      })
      .execute();
  }
  await old
    .insertInto('programs')
    .values({
      id: ids.programId,
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
      matching:
        '{"weights":{"topics":4,"crossDepartment":2,"language":2,"availability":2},"separateDepartments":false}',
      deletedAt: null,
      ...storedBefore,
    })
    .execute();
  await old
    .insertInto('pairs')
    .values({
      id: ids.pairId,
      orgId,
      programId: ids.programId,
      mentorId: ids.giulia,
      menteeId: ids.marco,
      status: 'active',
      topics: '[]',
      matchScore: null,
      matchReasons: '[]',
      menteeConsentedAt: '2026-01-02T10:00:00.000Z',
      charterMentorAt: '2026-01-03T10:00:00.000Z',
      charterMenteeAt: '2026-01-04T10:00:00.000Z',
      override: 0,
      startedOn: '2026-01-05',
      resumedOn: null,
      endedOn: null,
      endedBy: null,
      deletedAt: null,
      ...storedBefore,
    })
    .execute();
  return ids;
}
