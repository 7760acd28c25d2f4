import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { builtServersOn } from '../../test-support/built-servers.js';

/** Enough writes at once that on SQLite many share one COMMIT. */
const BURST = 64;

const dialects = ['sqlite', ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])] as const;

describe.each(dialects)('a burst of session writes at once on %s', (dialect) => {
  const servers = builtServersOn(dialect);

  const post = (url: string, key: string, summary = key, pairId = servers.world.pairId) =>
    fetch(`${url}/v1/pairs/${pairId}/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${servers.world.tokens.mentor}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary }),
    }).then(async (response) => ({
      key,
      status: response.status,
      replayed: response.headers.get('Idempotent-Replayed') === 'true',
      body: (await response.json()) as { id?: string; error?: { code: string } },
    }));

  const storedSummaries = async (summaries: string[]) =>
    (
      await servers.storage.db
        .selectFrom('sessions')
        .select('summary')
        .where('summary', 'in', summaries)
        .execute()
    ).map((row) => row.summary);

  it('stores every write once and answers each once, with its own session', async () => {
    const server = await servers.start();
    const keys = Array.from({ length: BURST }, () => randomUUID());
    const answers = await Promise.all(keys.map((key) => post(server.url, key)));
    expect(answers.filter((a) => a.status !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(BURST);
    expect((await storedSummaries(keys)).sort()).toEqual([...keys].sort());
  });

  it('keeps the other writes when some are refused inside their transaction', async () => {
    const server = await servers.start();
    const used = randomUUID();
    expect((await post(server.url, used)).status).toBe(201);
    const good = Array.from({ length: BURST }, () => randomUUID());
    const reused = Array.from({ length: 8 }, () => randomUUID());
    const elsewhere = Array.from({ length: 8 }, () => randomUUID());
    const answers = await Promise.all([
      ...good.map((key) => post(server.url, key)),
      // The same key with another body: 422, found only once the key is looked up.
      ...reused.map((summary) => post(server.url, used, summary)),
      // Another organisation's pair: 404, found only inside the transaction.
      ...elsewhere.map((key) => post(server.url, key, key, servers.world.otherOrgPairId)),
    ]);
    const statusOf = (keys: string[]) => answers.filter((a) => keys.includes(a.key)).map((a) => a.status);
    expect(new Set(statusOf(good))).toEqual(new Set([201]));
    expect(answers.filter((a) => a.key === used).map((a) => a.body.error?.code)).toEqual(
      reused.map(() => 'idempotency_key_reused'),
    );
    expect(new Set(statusOf(elsewhere))).toEqual(new Set([404]));
    expect((await storedSummaries([...good, ...reused, ...elsewhere])).sort()).toEqual([...good].sort());
  });

  it('answers a retry sent while the first is still in the burst with the first answer', async () => {
    const server = await servers.start();
    const keys = Array.from({ length: BURST / 2 }, () => randomUUID());
    const answers = await Promise.all(keys.flatMap((key) => [post(server.url, key), post(server.url, key)]));
    for (const key of keys) {
      const [first, second] = answers.filter((a) => a.key === key);
      expect([first?.status, second?.status]).toEqual([201, 201]);
      expect(first?.body.id).toBe(second?.body.id);
      expect([first?.replayed, second?.replayed].filter(Boolean)).toHaveLength(1);
    }
    expect((await storedSummaries(keys)).sort()).toEqual([...keys].sort());
  });

  it('keeps every acknowledged write when the server is killed (kill -9) right after answering', async () => {
    const server = await servers.start();
    const keys = Array.from({ length: BURST }, () => randomUUID());
    const answers = await Promise.all(keys.map((key) => post(server.url, key)));
    await server.stop('SIGKILL');
    const acknowledged = answers.filter((a) => a.status === 201).map((a) => a.key);
    expect(acknowledged).toHaveLength(BURST);
    expect((await storedSummaries(acknowledged)).sort()).toEqual([...acknowledged].sort());
  });
});
