import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { builtServersOn } from '../test-support/built-servers.js';

describe.runIf(process.env.TEST_DATABASE_URL)('statements sent ahead on PostgreSQL', () => {
  const servers = builtServersOn('postgres');

  const post = (url: string, key: string, summary: string) =>
    fetch(`${url}/v1/pairs/${servers.world.pairId}/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${servers.world.tokens.mentor}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary }),
    });

  it('fail the write when one of them fails: not acknowledged, nothing stored, the key free for a retry', async () => {
    const server = await servers.start();
    const db = servers.storage.db;
    const key = randomUUID();
    const summary = `refused event ${key}`;
    // The write's events, sent ahead of its COMMIT, are refused by the database.
    await sql`alter table events add constraint refused_for_the_test check (pair_id <> ${sql.lit(servers.world.pairId)}) not valid`.execute(
      db,
    );
    let refused: Response;
    try {
      refused = await post(server.url, key, summary);
    } finally {
      await sql`alter table events drop constraint refused_for_the_test`.execute(db);
    }
    expect(refused.status).toBe(500);
    expect(await refused.json()).toMatchObject({ error: { code: 'internal' } });
    const stored = await db.selectFrom('sessions').select('id').where('summary', '=', summary).execute();
    expect(stored).toEqual([]);

    const retried = await post(server.url, key, summary);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('Idempotent-Replayed')).toBeNull();
    expect(
      await db.selectFrom('sessions').select('id').where('summary', '=', summary).execute(),
    ).toHaveLength(1);
  });
});
