import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const startScript = fileURLToPath(new URL('../scripts/start.mjs', import.meta.url));

export interface StartedServer {
  url: string;
  /** The request lines this process has logged so far. */
  requests(): Array<{ requestId?: string; method?: string; path?: string; status?: number }>;
  stop(): Promise<void>;
}

/**
 * Runs scripts/start.mjs, what `pnpm start` runs once it has built: the built server in demo
 * mode, seeding a FRESH SQLite file in a scratch folder, serving the example page and the
 * bundle. PORT=0 lets it take a free port; it prints the URL it listens on, and a request
 * with an id of ours must then show in its own log, so what answers is this process.
 */
export async function startServer(): Promise<StartedServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'rm-kit-e2e-'));
  const child = spawn(process.execPath, [startScript], {
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: `sqlite:${join(scratch, 'rm-kit.sqlite')}`,
      RMKIT_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const lines = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const stop = async () => {
    await stopped(child);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const url = await listening(child, () => lines().find((line) => line.msg === 'rm-kit server listening'));
    const requestId = randomUUID();
    const answer = await fetch(`${url}/demo/people`, { headers: { 'X-Request-Id': requestId } });
    if (!answer.ok) throw new Error(`${url}/demo/people answered ${answer.status}`);
    // The process logs a request as it answers it: the line may reach us just after the answer.
    await logged(child, () => lines().some((line) => line.requestId === requestId), url);
    return { url, requests: () => lines().filter((line) => line.msg === 'request'), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listening(child: ChildProcess, found: () => Record<string, unknown> | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const line = found();
      if (!line) return;
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      resolve(String(line.url));
    };
    const onExit = (code: number | null) =>
      reject(new Error(`scripts/start.mjs exited (${code}) before listening`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

function logged(child: ChildProcess, seen: () => boolean, url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const give = setTimeout(() => {
      child.stdout?.off('data', check);
      reject(new Error(`${url} answered, but the server this test started did not log the request`));
    }, 5_000);
    const check = () => {
      if (!seen()) return;
      clearTimeout(give);
      child.stdout?.off('data', check);
      resolve();
    };
    child.stdout?.on('data', check);
    check();
  });
}

function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
