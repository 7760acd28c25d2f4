import { Writable } from 'node:stream';
import { ERROR_STATUS, errorBodySchema, newId } from '@rm-kit/core';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/schema.js';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';

/**
 * Every operation of /openapi.json, sent what an attacker or a broken client sends: wrong
 * types, huge and ill-formed text (lone surrogates, NUL, bytes that are not UTF-8), deep
 * nesting, unknown and repeated keys in raw JSON text, bad ids and cursors, wrong content
 * types and bodies over the limit, by a valid admin or member. What they may observe: never
 * a 5xx, every refusal an error body of the contract whose code matches the status, and a
 * refused write leaves every table as it was.
 *
 * Bounded: RMKIT_FUZZ_RUNS runs per operation (default 12), from RMKIT_FUZZ_SEED (default a
 * fixed seed, so `pnpm test` always sends the same requests; set another to explore).
 */
const RUNS = Number(process.env.RMKIT_FUZZ_RUNS ?? 12);
const SEED = Number(process.env.RMKIT_FUZZ_SEED ?? 20261129);
/** An attacker who gets no answer at all has found a way to tie the server up. */
const ANSWER_WITHIN_MS = 10_000;
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);
const TABLES: (keyof Database)[] = [
  'organizations',
  'people',
  'programs',
  'enrollments',
  'pairs',
  'matchConstraints',
  'goals',
  'sessions',
  'privateNotes',
  'feedback',
  'serviceTokens',
  'idempotencyKeys',
  'events',
  'eventCounter',
  'aggregateReleases',
  'demoSigningKeys',
  'calendarFeeds',
];

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as JSON
type Json = any;
interface Operation {
  method: string;
  path: string;
  op: Json;
}

interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

// --- what is sent --------------------------------------------------------------------------

/** What encodeURIComponent accepts: a lone surrogate reaches a URL only as bytes (see the raw %ED%A0%80). */
const wellFormed = (text: string) => text.replace(/\p{Surrogate}/gu, '\uFFFD');
const LONE_SURROGATES = ['\uD800', '\uDFFF', 'a\uDC00b', '\uDBFF\uDBFF'];
const badText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...LONE_SURROGATES, '\u0000', 'x\u0000y', '', ' ', '\uFEFF', '\u202E', '🙂'.repeat(3)),
  fc.integer({ min: 5_000, max: 200_000 }).map((n) => 'é'.repeat(n)),
  fc.constantFrom("' OR 1=1 --", '"; drop table people; --', '../../etc/passwd', '<script>x</script>'),
);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -0, 2 ** 53 + 1, -1),
  badText,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** Raw JSON text: what JSON.stringify never writes. */
function rawBodies(properties: string[]) {
  const key = properties.length > 0 ? fc.constantFrom(...properties) : fc.constant('name');
  return fc.oneof(
    // the same key twice: a reader of the text and the server would disagree
    fc
      .tuple(key, wrongType, fc.jsonValue({ maxDepth: 1 }))
      .map(
        ([k, a, b]) =>
          `{${JSON.stringify(k)}:${JSON.stringify(a) ?? 'null'},${JSON.stringify(k)}:${JSON.stringify(b) ?? 'null'}}`,
      ),
    key.map((k) => `{${JSON.stringify(k)}:1,"te\\u0078t":2,"text":3}`),
    // escaped lone surrogates and NUL, in keys and values
    fc
      .tuple(key, fc.constantFrom('\\ud800', '\\uDFFF', '\\u0000', 'a\\u0000', '\\\\\\u0000'))
      .map(([k, v]) => `{${JSON.stringify(k)}:"${v}","\\ud83d":1}`),
    // deep nesting
    fc.integer({ min: 100, max: 60_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.integer({ min: 100, max: 30_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
    fc
      .integer({ min: 100, max: 20_000 })
      .chain((n) => key.map((k) => `{${JSON.stringify(k)}:${'['.repeat(n)}${']'.repeat(n)}}`)),
    // ill-formed
    fc.constantFrom(
      '',
      '{',
      '{"a":1,}',
      "{'a':1}",
      '{"a":NaN}',
      '{"a":1e999999}',
      '{"a":123456789012345678901234567890}',
      '\uFEFF{}',
      '{} {}',
      '{"a":1}/*c*/',
      'null',
      'true',
      '"text"',
      '[]',
      '0',
      '{"__proto__":{"isAdmin":true}}',
      '{"constructor":{"prototype":{"isAdmin":true}}}',
      '{"a":"\\x41"}',
      '{"a":"unterminated',
      '{"a":"\\',
    ),
  );
}

/** Bytes that are not UTF-8: a lone surrogate encoded as bytes, overlong forms, stray bytes. */
const notUtf8 = fc
  .constantFrom([0xed, 0xa0, 0x80], [0xc0, 0x80], [0xff], [0xfe, 0xff], [0xe2, 0x82])
  .map((bytes) => Uint8Array.from([...Buffer.from('{"name":"'), ...bytes, ...Buffer.from('"}')]));

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/merge-patch+json',
  'application/jsonx',
  'json',
  '',
  undefined,
);

/** Ids as a path holds them: ours of another kind, another organisation's, made up, ill-formed. */
function badIds(world: World, fixtures: Record<string, string>) {
  const foreign = [world.otherOrgPairId, world.otherOrgProgramId, world.people.otherOrgMentor, world.orgId];
  const ours = Object.values(fixtures);
  return fc.oneof(
    fc.constantFrom(...foreign, ...ours).map(encodeURIComponent),
    fc.constantFrom('session', 'person', 'pair', 'goal').map((kind) => newId(kind as 'pair')),
    badText.map((text) => encodeURIComponent(wellFormed(text).slice(0, 3000))),
    fc.constantFrom(
      '%00',
      '%ED%A0%80',
      '%FF',
      '%C0%80',
      '%',
      '%ZZ',
      '%2e%2e',
      '..',
      '%2F',
      'a%20b',
      '-1',
      '0',
    ),
  );
}

/** Cursors: base64url of anything, and not base64url at all. */
const badCursors = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url')),
  fc
    .tuple(fc.oneof(badText, fc.double(), fc.constant(null)), fc.oneof(badText, fc.integer()))
    .map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
  fc.constantFrom('%00', '!!!', '====', 'W10', 'bnVsbA', 'e30', Buffer.from('\ud800').toString('base64url')),
  badText.map((text) => encodeURIComponent(wellFormed(text).slice(0, 5000))),
);

/** A header value a client can send (visible Latin-1 and spaces). */
const headerText = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 300,
  }),
  fc.constantFrom('*', 'W/"1"', '"1"', '"999999999999999999999"', '"-1"', '""', 'null', ' '),
);

// --- the run -------------------------------------------------------------------------------

describe.each(testDatabases())('fuzzing every operation of /openapi.json on $dialect', (database) => {
  let api: TestApi;
  let w: World;
  let operations: Operation[] = [];
  const fixtures: Record<string, string> = {};
  const serverErrors: string[] = [];
  let requests = 0;
  const statuses = new Map<number, number>();

  const ok = async (method: string, path: string, token: string, body?: unknown) => {
    const res = await api.call(method, path, { token, body });
    if (res.status >= 300)
      throw new Error(`fixture ${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body?.id as string;
  };

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        const line = String(chunk);
        if (line.includes('request failed')) serverErrors.push(line);
        done();
      },
    });
    api = await createTestApi(database, {}, { logger: pino({ level: 'error' }, sink) });
    w = await createWorld(api);
    const doc = (await api.call('GET', '/openapi.json')).body;
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [method, op] of Object.entries<Json>(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ method, path, op });
      }
    }
    operations = operations.filter((o) => o.path.startsWith('/v1/'));

    fixtures.sessionId = await ok('POST', `/v1/pairs/${w.pairId}/sessions`, w.tokens.mentor, {
      status: 'held',
      occurredAt: '2026-02-02T10:00:00Z',
    });
    fixtures.noteId = await ok('POST', `/v1/sessions/${fixtures.sessionId}/notes`, w.tokens.mentor, {
      text: 'He lit up at the AI demo',
    });
    fixtures.goalId = await ok('POST', `/v1/pairs/${w.pairId}/goals`, w.tokens.mentee, {
      title: 'Post weekly',
    });
    fixtures.feedbackId = await ok('POST', `/v1/pairs/${w.pairId}/feedback`, w.tokens.mentor, {
      kind: 'session',
      sessionId: fixtures.sessionId,
      ratings: { usefulness: 4, trust: 5, preparation: 4 },
      recommend: 9,
      shareWithPartner: false,
    });
    const enrolling = await ok('POST', '/v1/programs', w.tokens.admin, {
      name: 'Cohort 2027',
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      status: 'enrolling',
    });
    fixtures.enrollmentId = await ok('POST', `/v1/programs/${enrolling}/enrollments`, w.tokens.mentor, {
      personId: w.people.mentor,
      role: 'mentor',
      topics: ['ai-tools'],
    });
    await ok('POST', `/v1/programs/${enrolling}/enrollments`, w.tokens.admin, {
      personId: w.people.otherMentee,
      role: 'mentee',
      topics: ['ai-tools'],
      status: 'accepted',
    });
    fixtures.constraintId = await ok('POST', `/v1/programs/${enrolling}/match-constraints`, w.tokens.admin, {
      mentorId: w.people.mentor,
      menteeId: w.people.otherMentee,
      kind: 'pin',
    });
    fixtures.tokenId = await ok('POST', '/v1/service-tokens', w.tokens.admin, { name: 'HR sync' });
    fixtures.programId = w.programId;
    fixtures.pairId = w.pairId;
    // a person of their own: a fuzzed DELETE that happens to be valid must not remove the caller
    fixtures.personId = await ok('POST', '/v1/people', w.tokens.admin, {
      email: 'fuzz.target@example.com',
      displayName: 'Fuzz Target',
      department: 'Sales',
      careerStage: 'early',
      locale: 'en',
    });
  });

  afterAll(async () => {
    const seen = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.log(
      `fuzzing on ${database.dialect}: ${requests} requests to ${operations.length} operations (${seen.join(' ')})`,
    );
    await api?.close();
  });

  /** Every row of every table, in a stable order. */
  async function dump(options: { withKeys: boolean }) {
    const tables: Record<string, string[]> = {};
    for (const table of TABLES) {
      if (table === 'idempotencyKeys' && !options.withKeys) continue;
      const rows = await api.storage.db.selectFrom(table).selectAll().execute();
      tables[table] = rows.map((row) => JSON.stringify(row)).sort();
    }
    return tables;
  }

  async function send(request: Sent) {
    requests++;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unanswered = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${ANSWER_WITHIN_MS} ms to ${describeRequest(request)}`)),
        ANSWER_WITHIN_MS,
      );
    });
    const response = await Promise.race([
      api.app.request(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== undefined ? { body: request.body } : {}),
      }),
      unanswered,
    ]).finally(() => clearTimeout(timer));
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, text: '' };
    }
    return { status: response.status, text: await response.text() };
  }

  const describeRequest = (r: Sent) => {
    const body =
      typeof r.body === 'string' ? r.body : r.body ? `bytes ${Buffer.from(r.body).toString('hex')}` : '';
    const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
    return `${r.method} ${cut(r.url)} ${JSON.stringify(r.headers, (_k, v) => (typeof v === 'string' ? cut(v) : v))} ${cut(body)}`;
  };

  it('answers every ill-formed request with a contract error and leaves the data as it was', async () => {
    expect(operations.length).toBeGreaterThan(40);
    const documentedBody = (op: Json): string[] =>
      Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});

    for (const { method, path, op } of operations) {
      const params: Json[] = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name as string);
      const queryParams = params.filter((p) => p.in === 'query').map((p) => p.name as string);
      const properties = documentedBody(op);
      const unsafe = UNSAFE.has(method);

      const pathValue = (name: string) =>
        fc.oneof(
          { weight: 2, arbitrary: fc.constant(encodeURIComponent(fixtures[name] ?? 'missing')) },
          { weight: 3, arbitrary: badIds(w, fixtures) },
        );
      const queryValue = (name: string) =>
        name === 'cursor'
          ? badCursors
          : fc.oneof(
              badText.map((t) => encodeURIComponent(wellFormed(t).slice(0, 5000))),
              fc.constantFrom(
                '-1',
                '0',
                '1e3',
                '1.5',
                '99999999999999999999',
                'NaN',
                'true',
                '[]',
                '%00',
                '%ED%A0%80',
              ),
              fc.constantFrom(...Object.values(fixtures)),
            );
      const query = fc
        .tuple(
          fc
            .subarray(queryParams)
            .chain((names) => fc.tuple(...names.map((n) => queryValue(n).map((v) => `${n}=${v}`)))),
          fc.subarray([
            'limit=1&limit=2',
            'cursor=a&cursor=b',
            'unknown=1',
            'limit[]=1',
            '__proto__=x',
            '=',
            '&&',
          ]),
        )
        .map(([known, extra]) => [...known, ...extra].join('&'));

      const body = fc.oneof(
        {
          weight: 3,
          arbitrary: fc
            .record(Object.fromEntries(properties.map((p) => [p, wrongType])), { requiredKeys: [] })
            .chain((record) =>
              fc
                .dictionary(fc.string({ maxLength: 12 }), wrongType, { maxKeys: 3 })
                .map((unknown) => JSON.stringify({ ...record, ...unknown })),
            ),
        },
        { weight: 3, arbitrary: rawBodies(properties) },
        { weight: 1, arbitrary: notUtf8 },
        { weight: 1, arbitrary: fc.constant('oversized' as const) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );

      const request = fc.record({
        token: fc.constantFrom('admin', 'mentor') as fc.Arbitrary<'admin' | 'mentor'>,
        path: fc.tuple(...pathParams.map(pathValue)),
        query,
        body: unsafe ? body : fc.constant(undefined),
        contentType: contentTypes,
        ifMatch: fc.oneof(fc.constant('current' as const), fc.constant(undefined), headerText),
        idempotencyKey: fc.option(fc.oneof(fc.uuid(), headerText), { freq: 2 }),
      });

      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let url = path;
          pathParams.forEach((name, i) => {
            url = url.replace(`{${name}}`, r.path[i] ?? '');
          });
          if (r.query) url += `?${r.query}`;
          const token = w.tokens[r.token];
          const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
          if (r.contentType !== undefined) headers['Content-Type'] = r.contentType;
          if (r.idempotencyKey !== null) headers['Idempotency-Key'] = r.idempotencyKey;
          if (r.ifMatch === 'current') {
            // the entity's ETag as it is, so refusals come from the body, not from a stale version
            requests++;
            const bare = url.split('?')[0] ?? url;
            const etag = (
              await api.app.request(bare, { headers: { Authorization: `Bearer ${token}` } })
            ).headers.get('etag');
            if (etag && method !== 'delete') headers['If-Match'] = etag;
          } else if (r.ifMatch !== undefined) headers['If-Match'] = r.ifMatch;
          let payload: string | Uint8Array | undefined;
          if (r.body === 'oversized') payload = `{"name":"${'x'.repeat(api.config.RMKIT_BODY_LIMIT)}"}`;
          else payload = r.body;
          const sent: Sent = {
            method: method.toUpperCase(),
            url,
            headers,
            ...(payload !== undefined ? { body: payload } : {}),
          };

          const withKeys = r.idempotencyKey === null;
          const before = unsafe ? await dump({ withKeys }) : null;
          const errorsBefore = serverErrors.length;
          const { status, text } = await send(sent);
          const what = `${describeRequest(sent)}\n→ ${status} ${text.slice(0, 500)}\n${serverErrors.slice(errorsBefore).join('\n')}`;

          expect(status, what).toBeLessThan(500);
          if (status >= 400) {
            let parsed: unknown;
            expect(() => {
              parsed = JSON.parse(text);
            }, what).not.toThrow();
            const error = errorBodySchema.safeParse(parsed);
            expect(error.success, what).toBe(true);
            if (error.data) expect(ERROR_STATUS[error.data.error.code], what).toBe(status);
            if (before)
              expect(await dump({ withKeys }), `a refused write changed the data:\n${what}`).toEqual(before);
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }
  }, 300_000);
});
