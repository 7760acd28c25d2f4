import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../../test-support/harness.js';

describe.each(testDatabases())('health checks on $dialect', (database) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await createTestApi(database, { RMKIT_RATE_LIMIT: '1' });
  });
  afterAll(() => api.close());

  it('answers /healthz without a token', async () => {
    const live = await api.call('GET', '/healthz');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
  });

  it('answers /readyz 200 with every check passed, uncached, without a token or a rate limit', async () => {
    const probes = await Promise.all([1, 2, 3].map(() => api.call('GET', '/readyz')));
    for (const ready of probes) {
      expect(ready.status).toBe(200);
      expect(ready.headers.get('Cache-Control')).toBe('no-store');
      expect(ready.body).toEqual({
        status: 'ready',
        checks: { accepting: 'ok', database: 'ok', migrations: 'ok', events: 'ok' },
      });
    }
  });

  it('answers /readyz 503 when the database lacks a migration (an older backup restored under it)', async () => {
    const [latest] = (
      await sql<{ name: string }>`select name from kysely_migration order by name desc`.execute(
        api.storage.db,
      )
    ).rows;
    await sql`delete from kysely_migration where name = ${latest?.name}`.execute(api.storage.db);
    try {
      const ready = await api.call('GET', '/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'not ready',
        checks: { database: 'ok', migrations: 'behind' },
      });
    } finally {
      await sql`insert into kysely_migration (name, timestamp) values (${latest?.name}, ${new Date().toISOString()})`.execute(
        api.storage.db,
      );
    }
    expect((await api.call('GET', '/readyz')).status).toBe(200);
  });
});
