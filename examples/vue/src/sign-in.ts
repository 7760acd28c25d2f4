/** Where the rm-kit server is: set at build time, e.g. `VITE_RMKIT_URL=https://mentoring.contoso.com`. */
export const RMKIT_URL: string = import.meta.env.VITE_RMKIT_URL ?? 'http://localhost:8787';

/**
 * The signed-in person's token. A real intranet asks its identity library (MSAL's
 * `acquireTokenSilent`); the demo server signs a token for any seeded person instead, here
 * the one `?as=` names, so the page can be viewed as a mentor or a mentee.
 */
export async function demoToken(): Promise<string> {
  const email = new URLSearchParams(location.search).get('as') ?? 'giulia.rossi@contoso.example';
  const response = await fetch(`${RMKIT_URL}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new Error(`The demo server gave no token for ${email} (${response.status})`);
  return ((await response.json()) as { token: string }).token;
}
