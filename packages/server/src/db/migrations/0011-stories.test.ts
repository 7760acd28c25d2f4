import { afterAll, describe, expect, it } from 'vitest';
import { insertStory, listPairStories } from '../../routes/stories/stories.store.js';
import { testDatabases } from '../../test-support/harness.js';
import { olderDatabases } from '../../test-support/older-database.js';
import { insertPairAsOf0009 } from '../../test-support/pair-as-of-0009.js';
import { migrate } from '../database.js';

describe.each(testDatabases())('migration 0011-stories on $dialect', (database) => {
  const older = olderDatabases(database);
  afterAll(() => older.close());

  it('gives a pair stored by release 0009 no stories, and then keeps the story its members write', async () => {
    const storage = await older.at('0009-pair-resumed-on');
    // biome-ignore lint/suspicious/noExplicitAny: the old schema, which the Database interface no longer describes
    const old = storage.db as any;
    const { pairId } = await insertPairAsOf0009(old, { marco: 'CFO' });

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
