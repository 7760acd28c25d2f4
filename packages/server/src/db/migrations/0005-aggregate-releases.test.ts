import { afterEach, describe, expect, it } from 'vitest';
import { releasedFeedbackFigures } from '../../routes/reports/reports.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { migrate } from '../database.js';

const stored = { createdAt: '2026-01-02T09:00:00.000Z', updatedAt: '2026-01-02T09:00:00.000Z', version: 1 };

describe.each(testDatabases())('migration 0005 (aggregate releases) on $dialect', (database) => {
  const older = olderDatabases(database);
  afterEach(() => older.close());

  it('upgrades a database with answers in it, whose first report then releases them and holds them', async () => {
    const { db } = await older.at('0003-charter-per-language');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface may no longer describe
    const old = db as any;
    await old
      .insertInto('organizations')
      .values({
        id: 'org_1',
        name: 'Contoso',
        defaultLocale: 'en',
        settings: '{"minAggregateGroupSize":3}',
        ...stored,
      })
      .execute();
    for (const [id, name] of [
      ['per_1', 'Giulia'],
      ['per_2', 'Roberto'],
    ] as const) {
      await old
        .insertInto('people')
        .values({
          id,
          orgId: 'org_1',
          externalId: `sub-${id}`,
          email: `${name.toLowerCase()}@example.com`,
          displayName: name,
          title: null,
          department: 'Operations',
          managerId: null,
          careerStage: id === 'per_1' ? 'early' : 'executive',
          locale: 'en',
          languages: '["en"]',
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
        id: 'prg_1',
        orgId: 'org_1',
        name: 'Digital Bridge',
        description: '',
        topics: '["ai-tools"]',
        customTopics: '[]',
        startsOn: '2026-01-05',
        endsOn: '2026-12-18',
        cadenceDays: 14,
        sessionMinutes: 60,
        status: 'active',
        charter: '{"en":""}',
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
        startedOn: '2026-01-05',
        endedOn: null,
        deletedAt: null,
        ...stored,
      })
      .execute();
    const answer = (id: string, authorId: string, kind: string, trust: number) => ({
      id,
      orgId: 'org_1',
      pairId: 'par_1',
      sessionId: null,
      target: kind,
      kind,
      authorId,
      authorRole: authorId === 'per_1' ? 'mentor' : 'mentee',
      usefulness: 4,
      trust,
      preparation: 4,
      recommend: 8,
      learned: '',
      improve: '',
      shareWithPartner: 0,
      ...stored,
    });
    await old
      .insertInto('feedback')
      .values([
        answer('fbk_1', 'per_1', 'midpoint', 2),
        answer('fbk_2', 'per_2', 'midpoint', 3),
        answer('fbk_3', 'per_1', 'final', 4),
      ])
      .execute();

    await migrate(db);

    // Three answers, but two kinds under a step each: nothing is released yet.
    expect(await releasedFeedbackFigures(db, 'org_1', 'prg_1', 3)).toBeNull();
    await old
      .insertInto('feedback')
      .values([answer('fbk_4', 'per_2', 'final', 5)])
      .execute();
    expect(await releasedFeedbackFigures(db, 'org_1', 'prg_1', 2)).toMatchObject({
      figures: { answers: 4, overall: { answers: 4, trust: 3.5 } },
    });
    await old.deleteFrom('feedback').where('id', '=', 'fbk_4').execute();
    expect(await releasedFeedbackFigures(db, 'org_1', 'prg_1', 2)).toMatchObject({ figures: { answers: 4 } });
  });
});
