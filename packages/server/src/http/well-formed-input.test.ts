import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi, testDatabases } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';

const held = `"status":"held","occurredAt":"2026-02-02T10:00:00Z"`;

describe.each(testDatabases())('ill-formed input on $dialect', (database) => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi(database);
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const sessions = () => `/v1/pairs/${world.pairId}/sessions`;
  const countSessions = async () =>
    (await api.storage.db.selectFrom('sessions').select('id').where('pairId', '=', world.pairId).execute())
      .length;
  /** A body exactly as given, bytes and Content-Type, as a fuzzer sends it. */
  const post = async (
    body: string | Uint8Array,
    contentType = 'application/json',
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON a route answered, error or entity
  ): Promise<{ status: number; body: any }> => {
    const response = await api.app.request(sessions(), {
      method: 'POST',
      headers: { Authorization: `Bearer ${world.tokens.mentor}`, 'Content-Type': contentType },
      body,
    });
    return { status: response.status, body: await response.json() };
  };

  describe('lone surrogates', () => {
    it('refuses a lone surrogate in any text field with 400 naming the field, storing nothing', async () => {
      const before = await countSessions();
      const high = await post(`{${held},"summary":"Copilot \\ud800 for board packs"}`);
      expect(high.status).toBe(400);
      expect(high.body.error).toMatchObject({
        code: 'validation_failed',
        issues: [{ path: ['summary'], message: expect.any(String) }],
      });
      const low = await post(`{${held},"actionItems":[{"text":"ask \\uDC00","owner":"mentor"}]}`);
      expect(low.status).toBe(400);
      expect(low.body.error.issues).toEqual([
        { path: ['actionItems', 0, 'text'], message: expect.any(String) },
      ]);
      const key = await post(`{${held},"actionItems":[{"text":"a","owner":"mentor","\\ud800":1}]}`);
      expect(key.status).toBe(400);
      expect(key.body.error.issues).toEqual([
        { path: ['actionItems', 0, '\ud800'], message: expect.any(String) },
      ]);
      const reversed = await post(`{${held},"summary":"\\ude00\\ud83d"}`);
      expect(reversed.status).toBe(400);
      expect(await countSessions()).toBe(before);
    });

    it('stores a surrogate pair written as escapes, and reads back the same text', async () => {
      const created = await post(`{${held},"summary":"Reels \\ud83d\\ude00 and \\u00e8"}`);
      expect(created.status).toBe(201);
      const read = await api.call('GET', `/v1/sessions/${created.body.id}`, { token: world.tokens.mentee });
      expect(read.body.summary).toBe('Reels 😀 and è');
    });

    it('refuses a body that is not UTF-8, which storage would turn into other text', async () => {
      const before = await countSessions();
      // A surrogate encoded as UTF-8 bytes (CESU-8), and a lone continuation byte.
      for (const bad of [[0xed, 0xa0, 0x80], [0x80]]) {
        const bytes = Buffer.concat([
          Buffer.from(`{${held},"summary":"`),
          Buffer.from(bad),
          Buffer.from('"}'),
        ]);
        const answer = await post(new Uint8Array(bytes));
        expect(answer.status).toBe(400);
        expect(answer.body.error.code).toBe('bad_request');
      }
      expect(await countSessions()).toBe(before);
    });

    it('refuses a path or a query value that does not decode to well-formed text', async () => {
      const query = await api.call('GET', '/v1/people?q=%ED%A0%80', { token: world.tokens.admin });
      expect(query.status).toBe(400);
      expect(query.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: ['q'] }] });
      const path = await api.call('GET', '/v1/sessions/ses_%ED%A0%80', { token: world.tokens.mentor });
      expect(path.status).toBe(400);
      expect(path.body.error.code).toBe('validation_failed');
    });
  });

  describe('lenient JSON', () => {
    it('refuses a body with a leading byte order mark', async () => {
      const answer = await post(`\ufeff{${held},"summary":"BOM"}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({
        code: 'bad_request',
        message: expect.stringMatching(/byte order mark/),
      });
    });

    it('refuses duplicate keys, naming the repeated one, at any depth', async () => {
      const before = await countSessions();
      const top = await post(`{${held},"summary":"first","summary":"second"}`);
      expect(top.status).toBe(400);
      expect(top.body.error).toMatchObject({
        code: 'validation_failed',
        issues: [{ path: ['summary'], message: expect.stringMatching(/more than once/) }],
      });
      const nested = await post(`{${held},"actionItems":[{"text":"a","owner":"mentor","te\\u0078t":"b"}]}`);
      expect(nested.status).toBe(400);
      expect(nested.body.error.issues).toEqual([
        { path: ['actionItems', 0, 'text'], message: expect.any(String) },
      ]);
      expect(await countSessions()).toBe(before);
      // The same key in two objects is no duplicate.
      const siblings = await post(
        `{${held},"actionItems":[{"text":"a","owner":"mentor"},{"text":"b","owner":"mentee"}]}`,
      );
      expect(siblings.status).toBe(201);
    });

    it('refuses arrays and objects nested more than 32 deep with 400 naming where, storing nothing', async () => {
      const before = await countSessions();
      const nested = (open: string, close: string, depth: number) =>
        `${open.repeat(depth)}${close.repeat(depth)}`;
      // The body is level 1, so 32 levels of brackets in summary are 33 deep.
      const arrays = await post(`{${held},"summary":${nested('[', ']', 32)}}`);
      expect(arrays.status).toBe(400);
      expect(arrays.body.error).toMatchObject({
        code: 'validation_failed',
        issues: [{ path: ['summary', ...Array(31).fill(0)], message: expect.stringMatching(/32 deep/) }],
      });
      const objects = await post(`{${held},"summary":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`);
      expect(objects.status).toBe(400);
      expect(objects.body.error.issues).toEqual([
        { path: ['summary', ...Array(31).fill('a')], message: expect.stringMatching(/32 deep/) },
      ]);
      // Checked before the content type, as a NUL is: the same 400, not 415.
      const plain = await post(nested('[', ']', 5000), 'text/plain');
      expect(plain.status).toBe(400);
      expect(plain.body.error.issues[0].path).toHaveLength(32);
      expect(await countSessions()).toBe(before);
      // 32 deep is the contract's to judge: here summary is not text.
      const deepest = await post(`{${held},"summary":${nested('[', ']', 31)}}`);
      expect(deepest.status).toBe(400);
      expect(deepest.body.error.issues).toEqual([
        { path: ['summary'], message: expect.not.stringMatching(/deep/) },
      ]);
    });

    it('refuses a charset other than UTF-8 with 415, and accepts UTF-8 declared', async () => {
      const utf16 = await post(`{${held},"summary":"x"}`, 'application/json; charset=utf-16');
      expect(utf16.status).toBe(415);
      expect(utf16.body.error).toMatchObject({
        code: 'unsupported_media_type',
        issues: [{ path: ['Content-Type'], message: expect.any(String) }],
      });
      const latin1 = await post(`{${held},"summary":"x"}`, 'application/json;charset="ISO-8859-1"');
      expect(latin1.status).toBe(415);
      const utf8 = await post(`{${held},"summary":"x"}`, 'application/json; charset="UTF-8"');
      expect(utf8.status).toBe(201);
    });
  });
});

describe('the path and the query as a Node server reads them', () => {
  let api: TestApi;
  let world: World;
  beforeAll(async () => {
    api = await createTestApi({ dialect: 'sqlite', url: 'sqlite::memory:' }, {}, { overHttp: true });
    world = await createWorld(api);
  });
  afterAll(() => api.close());

  const get = (path: string) => api.call('GET', path, { token: world.tokens.admin });

  it('refuses a NUL or bytes that are not UTF-8 in the query with 400 naming the parameter', async () => {
    for (const value of ['%00', '%FF', 'caf%C3']) {
      const res = await get(`/v1/people?department=HR&q=${value}`);
      expect(res.status, value).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', issues: [{ path: ['q'] }] });
    }
  });

  it('refuses a NUL or bytes that are not UTF-8 in the path with 400', async () => {
    for (const id of ['per_%00', 'per_%FF', 'per_%E0%A4%A']) {
      const res = await get(`/v1/people/${id}`);
      expect(res.status, id).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('reads a query of accented letters, a question mark alone and a path without a query as sent', async () => {
    expect((await get('/v1/people?q=Ch%C3%ACara')).status).toBe(200);
    expect((await get('/v1/people?')).status).toBe(200);
    const me = await get('/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.person.displayName).toBe('Chiara Ferri');
  });
});
