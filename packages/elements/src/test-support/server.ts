import type { Written } from '@rm-kit/sdk';
import { executeServerCommand } from '@web/test-runner-commands';

/** The seeded demo organisation's people the element tests sign in as. */
export const PEOPLE = {
  /** Mentor (junior) of a healthy, active pair with Marco. */
  giulia: 'giulia.rossi@contoso.example',
  /** Mentee (senior, the CFO) of Giulia's pair. */
  marco: 'marco.rinaldi@contoso.example',
  /** Mentor of a pair at risk: no session for more than twice the cadence. */
  luca: 'luca.esposito@contoso.example',
  /** The HR admin: in no pair. */
  chiara: 'chiara.ferri@contoso.example',
} as const;

/** The reference server (started once, kept for the run) and its address. */
export async function rmServer(): Promise<string> {
  const { url } = await executeServerCommand<{ url: string }, { action: string }>('rm-server', {
    action: 'start',
  });
  return url;
}

/** A second reference server, whose RMKIT_CORS_ORIGINS names another origin than the test page's. */
export async function refusingServer(): Promise<string> {
  const { url } = await executeServerCommand<{ url: string }, Record<string, never>>(
    'rm-server-refusing',
    {},
  );
  return url;
}

export async function stopServer(): Promise<void> {
  await executeServerCommand('rm-server', { action: 'stop' });
}

/** Takes the page's network away (the server, and the page's own modules) or gives it back. */
export async function setOffline(offline: boolean): Promise<void> {
  await executeServerCommand('offline', { offline, apiUrl: await rmServer() });
}

export async function tokenFor(email: string): Promise<string> {
  const url = await rmServer();
  const res = await fetch(`${url}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return ((await res.json()) as { token: string }).token;
}

export interface Me {
  person: { id: string };
  pairs: { id: string; status: string; mentorId: string; menteeId: string; programId: string }[];
}

export async function meOf(email: string): Promise<Me> {
  const url = await rmServer();
  const res = await fetch(`${url}/v1/me`, { headers: { Authorization: `Bearer ${await tokenFor(email)}` } });
  return (await res.json()) as Me;
}

/** Waits until `check` holds, as a user waits for the screen to settle. */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for the element');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The entity a write answered with, from a client that reaches the server: queued is a failure here. */
export function sent<T>(written: Written<T, unknown>): T {
  if (written.pending) throw new Error('The write was queued, not sent: the server is not answering');
  return written;
}
