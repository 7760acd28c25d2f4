import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, memoryStore, type RmClient } from '@rm-kit/sdk';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';

const CLI = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
/** The demo organisation's HR admin, who creates the CLI's service token. */
const ADMIN = 'chiara.ferri@contoso.example';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The built server on its own SQLite file, a service token an admin created through the
 * API, and the built `rm-kit` run as its own process against them, as an operator runs it
 * (`pnpm exec tsc -b` first).
 */
export async function cliWorld() {
  const dir = await mkdtemp(join(tmpdir(), 'rm-kit-cli-'));
  const server: RmServerProcess = await startRmServer(
    { DATABASE_URL: `sqlite:${join(dir, 'rm-kit.sqlite')}`, RMKIT_RATE_LIMIT: '1000000' },
    { built: true },
  );
  const post = async (path: string, token: string | null, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, string>>;
  };
  const { token: adminToken } = await post('/demo/token', null, { email: ADMIN });
  const { token } = await post('/v1/service-tokens', adminToken ?? '', { name: 'HR import' });
  if (!token) throw new Error('no service token');
  const clients: RmClient[] = [];

  return {
    dir,
    url: server.url,
    token,
    /** The SDK with the same service token, to look at what the CLI wrote. */
    client(): RmClient {
      const client = createClient({ baseUrl: server.url, token, store: memoryStore(), syncIntervalMs: 0 });
      clients.push(client);
      return client;
    },
    async file(name: string, content: string | Uint8Array): Promise<string> {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    run(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, ...args], {
          cwd: dir,
          env: { ...process.env, RMKIT_URL: server.url, RMKIT_TOKEN: token, ...env },
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
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout, stderr }));
      });
    },
    async close() {
      for (const client of clients) client.close();
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type CliWorld = Awaited<ReturnType<typeof cliWorld>>;
