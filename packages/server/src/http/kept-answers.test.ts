import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support/harness.js';
import { createWorld, type World } from '../test-support/world.js';
import { keptAnswers } from './kept-answers.js';

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

describe('answers matched by the content of rows read anew (PostgreSQL’s)', () => {
  /** A kind of answer that counts how often it is made. */
  const counted = (byContent: number) => {
    const made: string[] = [];
    const answers = keptAnswers({ byContent });
    const answer = (rows: object[], variant = 'member') =>
      answers(rows, variant, () => {
        const text = JSON.stringify({ rows, variant });
        made.push(text);
        return text;
      });
    return { answer, made };
  };

  it('gives the answer made for the same rows read again, and a new one once a row changed', () => {
    const { answer, made } = counted(100_000);
    const first = answer([{ id: 'per_1', displayName: 'Giulia Rossi', version: 1 }]);
    expect(answer([{ id: 'per_1', displayName: 'Giulia Rossi', version: 1 }])).toBe(first);
    expect(made).toHaveLength(1);

    const changed = answer([{ id: 'per_1', displayName: 'Giulia Rossi Bianchi', version: 2 }]);
    expect(JSON.parse(changed).rows[0].displayName).toBe('Giulia Rossi Bianchi');
    expect(answer([{ id: 'per_1', displayName: 'Giulia Rossi', version: 1 }], 'admin')).not.toBe(first);
    expect(made).toHaveLength(3);
  });

  it('keeps the most recently given within its characters, and makes an older one again', () => {
    // Room for three answers of these rows (117 characters each, key and answer), not four.
    const { answer, made } = counted(400);
    const person = (n: number) => [{ id: `per_${n}`, displayName: `Person ${n}` }];
    for (let n = 0; n < 3; n++) answer(person(n));
    // Asked again, the first is the most recent: the second goes when a fourth comes.
    answer(person(0));
    answer(person(3));
    expect(made).toHaveLength(4);
    answer(person(0));
    expect(made).toHaveLength(4);
    answer(person(1));
    expect(made).toHaveLength(5);
  });

  it('leaves rows read anew unmatched where it is not asked to match them', () => {
    const { answer, made } = counted(0);
    answer([{ id: 'par_1' }]);
    answer([{ id: 'par_1' }]);
    expect(made).toHaveLength(2);
  });
});
