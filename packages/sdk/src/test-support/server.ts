import { createServer } from 'node:net';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';

export type { RmServerProcess };

/** A port nothing listens on (yet): the address of a server that is down. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The reference server in demo mode, as its own process, on its own SQLite file. */
export function demoServer(port?: number, database = 'sqlite::memory:'): Promise<RmServerProcess> {
  return startRmServer({ DATABASE_URL: database, ...(port ? { PORT: String(port) } : {}) });
}

export async function demoToken(baseUrl: string, email: string): Promise<string> {
  const res = await fetch(`${baseUrl}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`demo token for ${email}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export const MENTOR = 'giulia.rossi@contoso.example';
export const MENTEE = 'marco.rinaldi@contoso.example';

/** A session held, as the tests log it. */
export const HELD = {
  status: 'held',
  occurredAt: '2026-02-02T10:00:00Z',
  summary: 'Built a first Power BI dashboard',
} as const;

/** Resolves once `condition` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
