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

    it('refuses a body nested 100,000 deep at once, naming a flaw at the bottom by its full path', async () => {
      const depth = 100_000;
      const started = Date.now();
      const deep = await post(`${'['.repeat(depth)}${']'.repeat(depth)}`);
      expect(deep.status).toBe(400);
      const flawed = await post(`${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}`);
      expect(flawed.status).toBe(400);
      expect(flawed.body.error.issues).toEqual([{ path: Array(depth).fill(0), message: expect.any(String) }]);
      // Quadratic, this took minutes: a path copied at every level of the walk.
      expect(Date.now() - started).toBeLessThan(5_000);
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
