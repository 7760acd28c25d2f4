import { randomUUID } from 'node:crypto';
import { describe, it } from 'vitest';
import { builtServersOn } from '../test-support/built-servers.js';

/**
 * 1,000 sessions logged by ten clients at once while the server is killed with SIGKILL every
 * 1-3 s and started again on the same database. Each kill lands while a request is on its
 * way, when there is one within half a second. The clients do what the SDK does (the server
 * does not import it): one Idempotency-Key per write, kept for every retry after a network
 * error, a 503 or a 409 for a key in flight. What a user would notice: every session they
 * logged is there once, and the id they were answered with is the one stored.
 */
const WRITES = 1000;
const CLIENTS = 10;
/** How long the writes are spread over, so that the server dies many times among them. */
const WRITING_MS = 45_000;

const dialects = ['sqlite', ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The dialects side by side: each spends its 45 s mostly waiting, and one after the other they
// were the longest file of CI's run (91 s).
describe.concurrent.each(dialects)('crash safety on %s', (dialect) => {
  const servers = builtServersOn(dialect);

  it(`stores each of ${WRITES} keyed writes exactly once while the server is killed every 1-3 s`, async ({
    expect,
  }) => {
    const began = Date.now();
    let live = await servers.start();
    let inFlight = 0;
    /** To the server running now; while it is down, to the dead one: refused, as offline. */
    const post = async (key: string, summary: string) => {
      inFlight++;
      try {
        return await fetch(`${live.url}/v1/pairs/${servers.world.pairId}/sessions`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${servers.world.tokens.mentor}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': key,
          },
          body: JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary }),
        });
      } finally {
        inFlight--;
      }
    };

    let writing = true;
    let kills = 0;
    let caughtInFlight = 0;
    const killer = (async () => {
      for (;;) {
        await sleep(1000 + Math.random() * 2000);
        for (let waited = 0; inFlight === 0 && waited < 500 && writing; waited += 5) await sleep(5);
        if (!writing) return;
        caughtInFlight += inFlight;
        await live.stop('SIGKILL');
        kills++;
        live = await servers.start();
      }
    })();

    /** The id each session was answered with. */
    const acknowledged = new Map<string, string>();
    let retries = 0;
    const refusals: string[] = [];
    /** One write, as the SDK sends it: the same key on every attempt until an answer. */
    const logSession = async (summary: string) => {
      const key = randomUUID();
      for (let attempt = 0; ; attempt++) {
        expect(attempt, `${summary}: still unanswered`).toBeLessThan(200);
        if (attempt > 0) {
          retries++;
          await sleep(50 + Math.random() * 200);
        }
        let response: Response;
        try {
          response = await post(key, summary);
        } catch {
          continue; // refused or cut off: the server is down or died under the request
        }
        const text = await response.text().catch(() => null);
        if (text === null) continue; // died while answering
        if (response.status !== 201) refusals.push(`${response.status} ${text}`);
        // The SDK retries these too; a 409 would be a key still held by a dead process.
        if (response.status === 503 || response.status === 409) continue;
        expect(response.status, text).toBe(201);
        acknowledged.set(summary, JSON.parse(text).id);
        return;
      }
    };
    const perClient = WRITES / CLIENTS;
    const client = async (n: number) => {
      for (let i = 0; i < perClient; i++) {
        await sleep(began + (i / perClient) * WRITING_MS - Date.now());
        await logSession(`crash ${n}-${i}`);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    writing = false;
    await killer;

    const rows = await servers.storage.db
      .selectFrom('sessions')
      .select(['id', 'summary'])
      .where('pairId', '=', servers.world.pairId)
      .execute();
    const seconds = (Date.now() - began) / 1000;
    const summaries = new Set(rows.map((row) => row.summary));
    console.log(
      `crash safety on ${dialect}: ${WRITES} writes from ${CLIENTS} clients, ${kills} kills ` +
        `(${caughtInFlight} requests in flight at them), ${retries} retries, ${rows.length} rows, ` +
        `${rows.length - summaries.size} doubled, in ${seconds.toFixed(1)} s`,
    );

    expect(kills).toBeGreaterThanOrEqual(5);
    expect(refusals).toEqual([]);
    expect(rows.length).toBe(WRITES);
    expect(summaries.size).toBe(WRITES);
    expect(new Map(rows.map((row) => [row.summary, row.id]))).toEqual(acknowledged);
  }, 120_000);
});
