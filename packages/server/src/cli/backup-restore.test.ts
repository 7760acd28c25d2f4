import { createHash } from 'node:crypto';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { demoMentor } from '../test-support/demo-goals.js';
import { runServerCommand } from '../test-support/server-command.js';

const fingerprint = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// Each test runs the server and the commands as processes, which start in a second or two each.
describe('rm-kit-server backup and restore on SQLite', { timeout: 60_000 }, () => {
  let dir: string;
  let database: string;
  let env: Record<string, string>;
  const servers: RmServerProcess[] = [];

  const serve = async () => {
    const server = await startRmServer(env);
    servers.push(server);
    return server;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-kit-backup-'));
    database = join(dir, 'data', 'rm-kit.sqlite');
    env = { DATABASE_URL: `sqlite:${database}` };
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup taken while the server ran, and serves it, not the WAL a killed server left', async () => {
    const before = await serve();
    const mentor = await demoMentor(before);
    await mentor.addGoal('Goal A, acknowledged just before the backup');
    expect(statSync(`${database}-wal`).size).toBeGreaterThan(0);

    const backup = await runServerCommand(['backup', join(dir, 'backup.sqlite')], env);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toContain('integrity check ok');

    await mentor.addGoal('Goal B, written after the backup');
    await before.stop('SIGKILL');
    expect(statSync(`${database}-wal`).size).toBeGreaterThan(0);

    const restore = await runServerCommand(['restore', join(dir, 'backup.sqlite')], env);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(join(dir, 'data')).filter((f) => /-(wal|shm)$/.test(f))).toEqual([]);

    const titles = await (await demoMentor(await serve())).goalTitles();
    expect(titles).toContain('Goal A, acknowledged just before the backup');
    expect(titles).not.toContain('Goal B, written after the backup');

    // The database it replaced, with B from its WAL, is kept where the command said.
    const aside = /kept at (\S+)\.$/.exec(restore.stdout.trim())?.[1] ?? '';
    expect(aside).toMatch(/rm-kit\.sqlite\.before-restore-/);
    const kept = new SQLite(aside, { readonly: true });
    expect(kept.prepare('select title from goals').pluck().all()).toContain(
      'Goal B, written after the backup',
    );
    kept.close();
  });

  it('refuses a file that is not an rm-kit database and leaves the current database untouched', async () => {
    await (await serve()).stop();
    const unchanged = fingerprint(database);
    const files = readdirSync(join(dir, 'data')).sort();

    const notSqlite = join(dir, 'notes.txt');
    writeFileSync(notSqlite, 'private notes, not a database\n'.repeat(200));
    const otherSqlite = join(dir, 'other.sqlite');
    const other = new SQLite(otherSqlite);
    other.exec('create table things (id integer primary key)');
    other.close();

    const fromNewerVersion = join(dir, 'newer.sqlite');
    copyFileSync(database, fromNewerVersion);
    const newer = new SQLite(fromNewerVersion);
    newer.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('9999-future', 'now');
    newer.close();

    for (const [file, reason] of [
      [notSqlite, 'file is not a database'],
      [otherSqlite, 'no rm-kit migrations'],
      [fromNewerVersion, 'newer rm-kit'],
    ] as const) {
      const refused = await runServerCommand(['restore', file], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('is not an rm-kit database');
      expect(refused.stderr).toContain(reason);
      expect(refused.stderr).toContain('nothing was changed');
    }
    expect(fingerprint(database)).toBe(unchanged);
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(files);
  });

  it('refuses to restore while a server has the database open, and the server keeps serving', async () => {
    const server = await serve();
    const mentor = await demoMentor(server);
    expect(await runServerCommand(['backup', join(dir, 'backup.sqlite')], env)).toMatchObject({ code: 0 });
    await mentor.addGoal('Written after the backup');

    const refused = await runServerCommand(['restore', join(dir, 'backup.sqlite')], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('stop it first');
    expect(await mentor.goalTitles()).toContain('Written after the backup');
    expect(readdirSync(join(dir, 'data')).filter((f) => f.includes('before-restore'))).toEqual([]);
  });

  it('keeps an existing backup unless told --force, and then replaces it', async () => {
    await (await serve()).stop();
    const target = join(dir, 'backup.sqlite');
    writeFileSync(target, 'last week’s backup');

    const refused = await runServerCommand(['backup', target], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('last week’s backup');

    expect(await runServerCommand(['backup', target, '--force'], env)).toMatchObject({ code: 0 });
    expect(readFileSync(target).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('points to pg_dump and pg_restore on PostgreSQL, in one line, and fails', async () => {
    const postgres = { DATABASE_URL: 'postgres://rmkit@db.invalid:5432/rmkit' };
    for (const command of ['backup', 'restore']) {
      const result = await runServerCommand([command, join(dir, 'backup.dump')], postgres);
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('pg_dump');
      expect(result.stderr).toContain('pg_restore');
    }
  });

  it('lists its commands on --help', async () => {
    const help = await runServerCommand(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/serve[\s\S]*backup <file> \[--force\][\s\S]*restore <file>/);
  });
});
