import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/postgres-cluster.mjs';

const serverDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the server from source until it exits, as an operator's service manager would. */
function runServer(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: '0', RMKIT_DEMO: '1', DATABASE_URL: 'sqlite::memory:', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** What a log collector sees: every line must be JSON, and there must be exactly one. */
function onlyLogLine(stdout: string) {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '') as { level: number; msg: string };
}

describe('a server that cannot start', () => {
  it('says in one JSON line that it cannot reach the database, and exits 1', async () => {
    const port = await freePort();
    const run = await runServer({ DATABASE_URL: `postgres://rm:s3cret@127.0.0.1:${port}/rmkit` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const line = onlyLogLine(run.stdout);
    expect(line.level).toBe(60);
    expect(line.msg).toBe(
      `cannot reach the database at postgres://rm:***@127.0.0.1:${port}/rmkit: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  }, 30_000);

  it('names every invalid setting in one JSON line, and exits 1', async () => {
    const run = await runServer({ RMKIT_DEMO: '0', RMKIT_TRUSTED_PROXIES: '10.0.0.0/33' });
    expect(run.code).toBe(1);
    const line = onlyLogLine(run.stdout);
    expect(line.level).toBe(60);
    expect(line.msg).toMatch(/^Invalid configuration:/);
    for (const setting of ['RMKIT_TRUSTED_PROXIES', 'RMKIT_JWKS_URL', 'RMKIT_ISSUER', 'RMKIT_AUDIENCE']) {
      expect(line.msg).toContain(setting);
    }
  }, 30_000);

  it('says in one JSON line that its port is taken, and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const run = await runServer({ PORT: String(port) });
      expect(run.code).toBe(1);
      const lines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { level: number; msg: string });
      // Demo mode warns about itself first; the failure is the last line.
      expect(lines.at(-1)).toMatchObject({
        level: 60,
        msg: expect.stringContaining(`cannot listen on 127.0.0.1:${port}`),
      });
      expect(lines.at(-1)?.msg).toContain('EADDRINUSE');
    } finally {
      taken.close();
    }
  }, 30_000);
});
