import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type RmClient } from './client.js';
import { RmForbiddenError } from './errors.js';
import { memoryStore } from './store.js';
import { demoServer, demoToken, MENTOR, type RmServerProcess } from './test-support/server.js';

const ADMIN = 'chiara.ferri@contoso.example';

describe("a program's dashboard through the SDK, against the reference server", () => {
  let server: RmServerProcess;
  const clients: RmClient[] = [];
  const as = async (email: string) => {
    const client = createClient({
      baseUrl: server.url,
      token: await demoToken(server.url, email),
      store: memoryStore(),
      syncIntervalMs: 0,
    });
    clients.push(client);
    return client;
  };
  let admin: RmClient;
  let digitalBridge: string;

  beforeAll(async () => {
    server = await demoServer();
    admin = await as(ADMIN);
    digitalBridge = (await admin.programs.page({ status: 'active' })).items[0]?.id ?? '';
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it("reads the seeded program's dashboard, with the pair whose mentee cancelled twice at risk", async () => {
    const dashboard = await admin.reports.dashboard(digitalBridge);
    const francesca = dashboard.pairRows.find((row) => row.menteeName === 'Francesca Galli');
    expect(francesca).toMatchObject({
      cancelledInARow: 2,
      atRisk: true,
      atRiskReasons: ['no-recent-session', 'two-cancellations'],
    });
    expect(dashboard.pairRows.some((row) => row.atRiskReasons.includes('low-trust'))).toBe(false);
    expect(dashboard.sessionsPerWeek.reduce((n, week) => n + week.held, 0)).toBeGreaterThan(5);

    const atRisk = await admin.pairs.page({ programId: digitalBridge, atRisk: 'true' });
    expect(atRisk.items.map((pair) => pair.id)).toContain(francesca?.pairId);
  });

  it('downloads the pairs as CSV text, with ; and a byte order mark for Excel in Italian', async () => {
    const csv = await admin.reports.dashboardCsv(digitalBridge, { delimiter: 'semicolon', bom: 'true' });
    expect(csv.startsWith('\uFEFFpairId;mentorName;menteeName;')).toBe(true);
    expect(csv).toMatch(
      /;Luca Esposito;Francesca Galli;active;.*;2;true;no-recent-session two-cancellations\r\n/,
    );
  });

  it('refuses a mentor with a typed error', async () => {
    const mentor = await as(MENTOR);
    await expect(mentor.reports.dashboard(digitalBridge)).rejects.toBeInstanceOf(RmForbiddenError);
    await expect(mentor.reports.dashboardCsv(digitalBridge)).rejects.toBeInstanceOf(RmForbiddenError);
  });
});
