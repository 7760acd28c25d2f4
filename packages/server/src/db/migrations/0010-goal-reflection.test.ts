import { newId } from '@rm-kit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { toGoalTemplate } from '../../routes/goal-templates/goal-templates.store.js';
import { toGoal } from '../../routes/goals/goals.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { insertPairAsOf0009, storedBefore as stored } from '../../test-support/pair-as-of-0009.js';
import { migrate } from '../database.js';

describe.each(testDatabases())('migration 0010-goal-reflection on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('reads a goal stored by release 0009 back as not yet assessed and without commitments, and keeps templates', async () => {
    const storage = await older.at('0009-pair-resumed-on');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = storage.db as any;
    const { orgId, programId, pairId } = await insertPairAsOf0009(old);

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
