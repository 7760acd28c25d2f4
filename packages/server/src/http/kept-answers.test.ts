import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';

describe('answers made once for the rows SQLite keeps', () => {
  let dir: string;
  let file: string;
  let api: TestApi;
  let world: World;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rm-kit-kept-answers-'));
    file = join(dir, 'rm-kit.sqlite');
    api = await createTestApi({ dialect: 'sqlite', url: `sqlite:${file}` });
    world = await createWorld(api);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const read = async (path: string, token = world.tokens.mentor) => {
    const res = await api.call('GET', path, { token });
    expect(res.status).toBe(200);
    return res.body;
  };
  /** Another process on the same file (a second server, the CLI) commits a change. */
  const elsewhere = (statement: string, ...values: unknown[]) => {
    const another = new SQLite(file);
    try {
      another.prepare(statement).run(...values);
    } finally {
      another.close();
    }
  };

  it("give the pair, the signed-in person and the pair's sessions as changed by another process", async () => {
    const pairPath = `/v1/pairs/${world.pairId}`;
    const sessionsPath = `${pairPath}/sessions?limit=20`;
    const created = await api.call('POST', `${pairPath}/sessions`, {
      token: world.tokens.mentee,
      body: { status: 'held', occurredAt: '2026-02-02T10:00:00Z', summary: 'Before' },
    });
    expect(created.status).toBe(201);
    for (let time = 0; time < 2; time++) {
      expect((await read(pairPath)).matchScore).not.toBe(0.42);
      expect((await read('/v1/me')).person.displayName).toBe('Giulia Rossi');
      expect((await read(sessionsPath)).items[0].summary).toBe('Before');
    }

    elsewhere('update pairs set match_score = 0.42 where id = ?', world.pairId);
    elsewhere(`update people set display_name = 'Giulia Rossi Bianchi' where id = ?`, world.people.mentor);
    elsewhere(`update sessions set summary = 'After' where id = ?`, created.body.id);

    expect((await read(pairPath)).matchScore).toBe(0.42);
    expect((await read(pairPath, world.tokens.admin)).matchScore).toBe(0.42);
    expect((await read('/v1/me')).person.displayName).toBe('Giulia Rossi Bianchi');
    expect((await read(sessionsPath, world.tokens.mentee)).items[0].summary).toBe('After');
  });
});
