import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { openStorage } from '../db/database.js';

/**
 * 200 connections for 30 s against the built server in demo mode on a SQLite file, each
 * looping as a member of a pair does: their /v1/me, their pair's sessions, the pair, a new
 * session (with an Idempotency-Key), then a change to it (with its ETag as If-Match). What a
 * user would notice: no request fails, none on a connection being served goes unanswered for
 * as long as the SDK waits (15 s), each answer is a success or a 429 asking them to slow
 * down, and each create answered is stored. Throughput and latency are printed as figures:
 * this machine, and whatever else runs on it, decides them, so they pass or fail nothing.
 */
const CONNECTIONS = 200;
const SECONDS = 30;
const SDK_TIMEOUT_SECONDS = 15;

interface Member {
  token: string;
  pairId: string;
}
interface Connection {
  member?: Member;
  sessionId?: string;
  etag?: string;
}

describe('load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rm-kit-load-'));
  const database = `sqlite:${join(dir, 'rm-kit.sqlite')}`;
  let server: RmServerProcess;

  beforeAll(async () => {
    // The rate limit is raised so that the figures are the server's work, not the limiter's.
    server = await startRmServer({ DATABASE_URL: database, RMKIT_RATE_LIMIT: '1000000' }, { built: true });
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every seeded member of an active pair, signed in. */
  async function members(): Promise<Member[]> {
    const people = (await (await fetch(`${server.url}/demo/people`)).json()) as {
      items: { email: string; pairIds: string[] }[];
    };
    const found: Member[] = [];
    for (const person of people.items.filter((p) => p.pairIds.length > 0)) {
      const signedIn = await fetch(`${server.url}/demo/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: person.email }),
      });
      const { token } = (await signedIn.json()) as { token: string };
      const me = await fetch(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
      const { pairs } = (await me.json()) as { pairs: { id: string; status: string }[] };
      const active = pairs.find((pair) => pair.status === 'active');
      if (active) found.push({ token, pairId: active.id });
    }
    return found;
  }

  it(`answers ${CONNECTIONS} connections of mixed reads and writes for ${SECONDS} s without an error`, async () => {
    const everyone = await members();
    expect(everyone.length).toBeGreaterThan(3);
    let next = 0;
    let created = 0;
    const unexpected = new Map<string, number>();
    /** A response other than a success or a 429, by request and status, to show what went wrong. */
    const check = (what: string, status: number, expected: number) => {
      if (status === expected || status === 429) return;
      const key = `${what} ${status}`;
      unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
    };
    const connectionOf = (context: object) => {
      const connection = context as Connection;
      connection.member ??= everyone[next++ % everyone.length];
      return connection as Required<Pick<Connection, 'member'>> & Connection;
    };
    const auth = (member: Member) => ({ authorization: `Bearer ${member.token}` });
    const write = (member: Member) => ({
      ...auth(member),
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    });

    /**
     * How long each connection waited for its first answer. The 200 connections arrive at once,
     * and a Node server busy answering some leaves the others waiting to be accepted, for
     * seconds on a machine that other work shares (a bare node:http server does the same): a
     * figure, like the latency. What must not happen is an error, or an answer that never
     * comes on a connection the server already serves.
     */
    const firstAnswers: number[] = [];
    const served = new Set<object>();
    let unansweredConnections = 0;
    let stalled = 0;
    const result = await autocannon({
      url: server.url,
      connections: CONNECTIONS,
      duration: SECONDS,
      // The SDK gives up on an attempt after 15 s: a slower answer is one its user sees fail.
      timeout: SDK_TIMEOUT_SECONDS,
      setupClient: (client) => {
        let connectedAt = Date.now();
        let answered = false;
        client.on('response', () => {
          if (!answered) firstAnswers.push(Date.now() - connectedAt);
          answered = true;
          served.add(client);
        });
        // After a timeout autocannon opens a new connection, whose first answer is awaited anew.
        // (Its types leave the event out.)
        (client as NodeJS.EventEmitter).on('timeout', () => {
          if (answered) stalled++;
          else unansweredConnections++;
          connectedAt = Date.now();
          answered = false;
        });
      },
      requests: [
        {
          method: 'GET',
          setupRequest: (request, context) => ({
            ...request,
            path: '/v1/me',
            headers: auth(connectionOf(context).member),
          }),
          onResponse: (status) => check('GET /v1/me', status, 200),
        },
        {
          method: 'GET',
          setupRequest: (request, context) => {
            const { member } = connectionOf(context);
            return {
              ...request,
              path: `/v1/pairs/${member.pairId}/sessions?limit=20`,
              headers: auth(member),
            };
          },
          onResponse: (status) => check('GET sessions', status, 200),
        },
        {
          method: 'GET',
          setupRequest: (request, context) => {
            const { member } = connectionOf(context);
            return { ...request, path: `/v1/pairs/${member.pairId}`, headers: auth(member) };
          },
          onResponse: (status) => check('GET pair', status, 200),
        },
        {
          method: 'POST',
          setupRequest: (request, context) => {
            const { member } = connectionOf(context);
            return {
              ...request,
              path: `/v1/pairs/${member.pairId}/sessions`,
              headers: write(member),
              body: JSON.stringify({
                status: 'held',
                occurredAt: '2026-02-02T10:00:00Z',
                summary: 'Load: tried an AI note-taker',
              }),
            };
          },
          onResponse: (status, body, context, headers) => {
            check('POST session', status, 201);
            const connection = connectionOf(context);
            connection.sessionId = undefined;
            if (status !== 201) return;
            created++;
            connection.sessionId = (JSON.parse(body) as { id: string }).id;
            connection.etag = String(headers?.etag);
          },
        },
        {
          method: 'PATCH',
          setupRequest: (request, context) => {
            const connection = connectionOf(context);
            // Nothing to change when the create was slowed down: start the loop again.
            if (!connection.sessionId) return undefined as unknown as typeof request;
            return {
              ...request,
              path: `/v1/sessions/${connection.sessionId}`,
              headers: { ...write(connection.member), 'if-match': connection.etag ?? '' },
              body: JSON.stringify({ summary: 'Load: chose one and used it', durationMinutes: 45 }),
            };
          },
          onResponse: (status) => check('PATCH session', status, 200),
        },
      ],
    });

    const statuses = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]),
    );
    const slowestFirst = Math.max(0, ...firstAnswers);
    console.log(
      `load on sqlite: ${CONNECTIONS} connections for ${result.duration.toFixed(1)} s: ` +
        `${result.requests.total} requests, ${result.requests.average.toFixed(0)} req/s, ` +
        `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
        `statuses ${JSON.stringify(statuses)}, ${created} sessions created; ` +
        `${served.size} connections served, the slowest first answer after ${(slowestFirst / 1000).toFixed(1)} s ` +
        `(${unansweredConnections} waits over ${SDK_TIMEOUT_SECONDS} s); ` +
        `${result.errors - result.timeouts} connection errors, ${stalled} timeouts on served connections`,
    );

    expect(result.errors - result.timeouts).toBe(0);
    expect(stalled).toBe(0);
    expect(Object.fromEntries(unexpected)).toEqual({});
    expect(Object.keys(statuses).filter((s) => !/^2\d\d$/.test(s) && s !== '429')).toEqual([]);
    expect(result.requests.total).toBeGreaterThan(0);

    // Every create answered 201 is stored, once. The ones still on their way when the time was
    // up (one per connection at most) may be stored too, unanswered.
    await server.stop();
    const storage = await openStorage(database);
    try {
      const rows = await storage.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('summary', 'in', ['Load: tried an AI note-taker', 'Load: chose one and used it'])
        .executeTakeFirstOrThrow();
      expect(Number(rows.count)).toBeGreaterThanOrEqual(created);
      expect(Number(rows.count)).toBeLessThanOrEqual(created + CONNECTIONS);
    } finally {
      await storage.close();
    }
  }, 120_000);
});
