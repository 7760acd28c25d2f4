import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';
import { demoMentor } from '../test-support/demo-goals.js';
import { runServerCommand } from '../test-support/server-command.js';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every file in a directory with its permission bits, e.g. { 'rm-kit.sqlite': '600' }. */
const modesIn = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, modeOf(join(dir, f))]));

// Runs the server as a process, which takes a second or two to start.
describe('who may read the data files', { timeout: 60_000 }, () => {
  let dir: string;
  let dataDir: string;
  let env: Record<string, string>;
  const servers: RmServerProcess[] = [];

  const serveAndWrite = async () => {
    const server = await startRmServer(env);
    servers.push(server);
    await (await demoMentor(server)).addGoal('Something personal');
    return server;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-kit-modes-'));
    dataDir = join(dir, 'var', 'rm-kit');
    env = { DATABASE_URL: `sqlite:${join(dataDir, 'rm-kit.sqlite')}` };
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop('SIGKILL')));
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates data and backup directories 0700 and the database, its -wal and -shm and backups 0600', async () => {
    await serveAndWrite();
    expect(modeOf(dataDir)).toBe('700');
    expect(modesIn(dataDir)).toEqual({
      'rm-kit.sqlite': '600',
      'rm-kit.sqlite-wal': '600',
      'rm-kit.sqlite-shm': '600',
    });

    const backup = join(dir, 'backups', 'rm-kit.sqlite');
    expect(await runServerCommand(['backup', backup], env)).toMatchObject({ code: 0 });
    expect(modeOf(join(dir, 'backups'))).toBe('700');
    expect(modeOf(backup)).toBe('600');
  });

  it('tightens files an older version left readable by everyone, at the next start', async () => {
    await (await serveAndWrite()).stop('SIGKILL');
    for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);

    await serveAndWrite();
    expect(Object.values(modesIn(dataDir))).toEqual(['600', '600', '600']);
  });

  it('restores into an owner-only file and keeps the replaced database owner-only', async () => {
    const backup = join(dir, 'backup.sqlite');
    await serveAndWrite();
    expect(await runServerCommand(['backup', backup], env)).toMatchObject({ code: 0 });
    chmodSync(backup, 0o644);
    await servers[0]?.stop('SIGKILL');

    expect(await runServerCommand(['restore', backup], env)).toMatchObject({ code: 0 });
    const modes = modesIn(dataDir);
    expect(modes['rm-kit.sqlite']).toBe('600');
    expect(Object.entries(modes).filter(([file]) => file.includes('.before-restore-'))).toEqual([
      [expect.any(String), '600'],
    ]);
  });
});
