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
