import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RmServerProcess } from '../../../../scripts/rm-server-process.mjs';
import { builtServersOn } from '../test-support/built-servers.js';

const WRITERS = 48;
/** Enough writes before the kill that several are surely between their key and their commit. */
const WRITES_BEFORE_KILL = 30;
const CRASHES = 4;

const dialects = ['sqlite', ...(process.env.TEST_DATABASE_URL ? ['postgres' as const] : [])] as const;

describe.each(dialects)('keyed writes cut off by a crash (kill -9) on %s', (dialect) => {
  const servers = builtServersOn(dialect);
  const post = (url: string, key: string) =>
    fetch(`${url}/v1/pairs/${servers.world.pairId}/sessions`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${servers.world.tokens.mentor}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify({ status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: key }),
    });

  /** Keyed writes from several clients at once until the server is killed; the keys sent. */
  const writeUntilKilled = async (server: RmServerProcess) => {
    const sent: string[] = [];
    let answered = 0;
    const write = async () => {
      for (;;) {
        const key = randomUUID();
        sent.push(key);
        try {
          await (await post(server.url, key)).arrayBuffer();
          answered++;
        } catch {
          return; // the server is gone: the key waits for its retry
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, write);
    while (answered < WRITES_BEFORE_KILL) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.stop('SIGKILL');
    await Promise.all(writers);
    return sent;
  };

  it('go through on the first retry after a restart, each written once', async () => {
    const sent: string[] = [];
    let server = await servers.start();
    // A kill lands between a key and its commit most times, not every time: a few crashes make sure.
    for (let crash = 0; crash < CRASHES; crash++) {
      const cutOff = await writeUntilKilled(server);
      sent.push(...cutOff);
      server = await servers.start();
      // A client retries at once, not a minute later: a write that never committed is written
      // now, one that did is answered again, and no key is still held by the dead process.
      const retries = await Promise.all(
        cutOff.map(async (key) => {
          const response = await post(server.url, key);
          return { key, status: response.status, body: (await response.json()) as { id: string } };
        }),
      );
      expect(retries.filter((r) => r.status !== 201)).toEqual([]);
    }

    const rows = await servers.storage.db
      .selectFrom('sessions')
      .select(['id', 'summary'])
      .where('pairId', '=', servers.world.pairId)
      .execute();
    expect(rows.length).toBe(sent.length);
    expect(new Set(rows.map((row) => row.summary))).toEqual(new Set(sent));
  }, 60_000);
});
