import type { RmServerProcess } from '../../../../scripts/rm-server-process.mjs';

const MENTOR = 'giulia.rossi@contoso.example';

/** Talks to a demo-mode server process as its seeded mentor, through goals she can write and read. */
export async function demoMentor(server: RmServerProcess) {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const { token } = (await (await post('/demo/token', { email: MENTOR })).json()) as { token: string };
  const people = (await (await fetch(`${server.url}/demo/people`)).json()) as {
    items: Array<{ email: string; pairIds: string[] }>;
  };
  const pairId = people.items.find((p) => p.email === MENTOR)?.pairIds[0];
  if (!pairId) throw new Error(`${MENTOR} has no pair in the demo data`);
  return {
    async addGoal(title: string): Promise<void> {
      const res = await post(`/v1/pairs/${pairId}/goals`, { title }, token);
      if (res.status !== 201) throw new Error(`adding a goal: ${res.status} ${await res.text()}`);
    },
    async goalTitles(): Promise<string[]> {
      const res = await fetch(`${server.url}/v1/pairs/${pairId}/goals?limit=100`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!res.ok) throw new Error(`listing goals: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { items: Array<{ title: string }> }).items.map((g) => g.title);
    },
  };
}
