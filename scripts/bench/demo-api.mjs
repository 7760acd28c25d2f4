/**
 * The few calls the browser benches make to a demo-mode rm-kit server from Node, over HTTP
 * as any client would: a seeded person's token, their pairs, and a pair's sessions.
 */

export async function demoToken(baseUrl, email) {
  const response = await fetch(`${baseUrl}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!response.ok) throw new Error(`No demo token for ${email}: ${response.status}`);
  return (await response.json()).token;
}

export async function api(baseUrl, token, path, init = {}) {
  const response = await fetch(`${baseUrl}/v1${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

/** The person's active pair. */
export async function activePair(baseUrl, token) {
  const me = await api(baseUrl, token, '/me');
  const pair = me.pairs.find((p) => p.status === 'active');
  if (!pair) throw new Error('The demo person has no active pair');
  return pair;
}

/** Every session of a pair, read page by page (100 at a time, the most the API gives). */
export async function allSessions(baseUrl, token, pairId) {
  const sessions = [];
  let cursor = '';
  do {
    const page = await api(
      baseUrl,
      token,
      `/pairs/${pairId}/sessions?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    sessions.push(...page.items);
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return sessions;
}

/**
 * Creates `count` held sessions through the API, `concurrency` requests at a time, one hour
 * apart going back from `newest`, so that no two share a time and the log's order is certain.
 */
export async function createSessions(
  baseUrl,
  token,
  pairId,
  count,
  { concurrency = 8, newest = Date.now() } = {},
) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      await api(baseUrl, token, `/pairs/${pairId}/sessions`, {
        method: 'POST',
        body: JSON.stringify({
          status: 'held',
          occurredAt: new Date(newest - (n + 1) * 3_600_000).toISOString(),
          durationMinutes: 45,
          topics: ['ai-tools'],
          summary: `Bench session ${n + 1}: tried a tool together and agreed what to try next`,
        }),
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
