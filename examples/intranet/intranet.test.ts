import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { type RmServerProcess, startRmServer } from '../../scripts/rm-server-process.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
/**
 * Serves the example page as `pnpm start` does, for the tests of one describe block: the
 * kit's bundle built from source into a scratch folder, the real server on a fresh SQLite
 * file, and a headless Chromium with a profile of its own, all gone after the block.
 */
function servedIntranetPage(scratchPrefix: string) {
  const work = mkdtempSync(join(tmpdir(), scratchPrefix));
  let server: RmServerProcess;
  let browser: BrowserContext;
  const opened: Page[] = [];

  beforeAll(async () => {
    await build({
      entryPoints: [join(root, 'packages/elements/src/rm-kit.ts')],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      outdir: join(work, 'bundle'),
      conditions: ['source'],
      tsconfig: join(root, 'packages/elements/tsconfig.json'),
      logLevel: 'silent',
    });
    server = await startRmServer({
      DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`,
      RMKIT_STATIC_DIRS: [join(root, 'examples/intranet'), join(work, 'bundle')].join(','),
    });
    browser = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }, 60_000);

  // Each page holds its live-event stream open, and Chromium opens at most six connections
  // to one host over HTTP/1.1: pages left open by earlier tests would starve a later one.
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  return {
    get url() {
      return server.url;
    },
    newPage: async () => {
      const page = await browser.newPage();
      opened.push(page);
      return page;
    },
  };
}

/**
 * The example intranet page, as `pnpm start` serves it: the kit's bundle from one script
 * tag, on a page whose Content-Security-Policy is `default-src 'self'` (no inline scripts
 * or styles, no eval), in real Chromium against the real server.
 */
describe('the example intranet page under a strict Content-Security-Policy', () => {
  const intranet = servedIntranetPage('rm-kit-intranet-');

  it('renders the card, the log and the form, logs a session, and breaks no CSP rule', async () => {
    const page = await intranet.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // A failed request (a missing favicon, say) shows in the console as an error too.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const response = await page.goto(`${intranet.url}/?as=giulia.rossi@contoso.example&lang=it`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");

    const card = page.locator('rm-pair-card');
    await expect
      .poll(() => card.getByText('Mentor · inizio carriera').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => card.getByText('Mentee · dirigente').count()).toBeGreaterThan(0);
    const log = page.locator('rm-session-log');
    await expect.poll(() => log.locator('[part~="item"]').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    await expect
      .poll(() => page.locator('rm-feedback-form').getByText('Feedback di metà percorso').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    // The shortest embedding: the card, the log and the form name no pair, and show Giulia's current one.
    const ids = await page
      .locator('rm-pair-card, rm-session-log, rm-feedback-form')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('pair-id') ?? ''));
    expect(ids).toEqual(['', '', '']);

    // Sending the form loads the validation chunk (core's schemas, zod): also under the CSP.
    await log.getByRole('button', { name: 'Aggiungi una sessione' }).click();
    const summary = `Provato Copilot sul budget ${Date.now()}`;
    await log.getByLabel('Riepilogo', { exact: true }).fill(summary);
    await log.getByRole('button', { name: /Salva/ }).click();
    await expect.poll(() => log.getByText(summary).count(), { timeout: 10_000 }).toBe(1);

    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('gives the pair’s calendar link from the session log, under the CSP, to a feed of the seeded sessions', async () => {
    const page = await intranet.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(`${intranet.url}/?as=giulia.rossi@contoso.example&lang=en`);
    const log = page.locator('rm-session-log');
    await log.getByRole('button', { name: 'Add to calendar' }).click();
    const dialog = log.getByRole('dialog', { name: 'Add your sessions to a calendar' });
    await dialog.locator('#feed-pair').getByRole('button', { name: 'Make a link' }).click();
    const link = dialog.getByLabel('Link for your calendar app');
    await expect.poll(() => link.inputValue(), { timeout: 10_000 }).toMatch(/\.ics$/);

    // As a calendar app fetches it: no token, no page.
    const feed = await fetch(await link.inputValue());
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await feed.text();
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThan(2);
    expect(text).toContain('SUMMARY:Mentoring · Marco Rinaldi');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  }, 60_000);

  it('opens in demo mode as a seeded mentor, with the page’s own words in the chosen language', async () => {
    const page = await intranet.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const whoAmI: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/v1/me') whoAmI.push(request.url());
    });
    await page.goto(`${intranet.url}/`);
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 15_000 })
      .toBe('Viewing as Giulia Rossi.');
    expect(await page.locator('#person').inputValue()).toBe('giulia.rossi@contoso.example');
    await expect
      .poll(() => page.locator('rm-pair-card').getByText('Mentor · early career').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    // The page read who is signed in through the client it gave the elements, which the card
    // was given: every employee's page asks it once, not once for the page and once for the kit.
    expect(whoAmI).toHaveLength(1);

    await page.locator('#language').selectOption('it');
    await expect
      .poll(() => page.locator('#status').textContent())
      .toBe('Stai vedendo la pagina come Giulia Rossi.');
    expect(await page.getByText('Visualizza come').count()).toBe(1);
    expect(await page.locator('#person option:checked').textContent()).toBe('Giulia Rossi (mentor)');
    await expect
      .poll(() => page.locator('rm-pair-card').getByText('Mentor · inizio carriera').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    // Secondary text meets WCAG AA (4.5:1) against the page.
    const [fg, bg] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('.hint') as Element).color,
      getComputedStyle(document.body).backgroundColor,
    ]);
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the example intranet page shows each person what is theirs to do', () => {
  const intranet = servedIntranetPage('rm-kit-intranet-views-');

  /** A fresh page that records what the page logs as an error, a CSP violation among them. */
  async function watchedPage() {
    const page = await intranet.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    return { page, errors };
  }

  /**
   * The mentor's page in Italian, once her log shows sessions; with the errors it leaves
   * uncaught (its console's are expected where a test takes the network away).
   */
  async function giuliasPage() {
    const page = await intranet.newPage();
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await page.goto(`${intranet.url}/?as=giulia.rossi@contoso.example&lang=it`);
    const log = page.locator('rm-session-log');
    await expect.poll(() => log.locator('[part="item"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    return { page, log, uncaught };
  }

  /** Chooses `email` in the picker, which says `said` and goes back to Giulia's page. */
  async function chooseAndKeepGiulia(page: Page, email: string, said: string) {
    await page.selectOption('#person', email);
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toBe(said);
    expect(await page.locator('#person').inputValue()).toBe('giulia.rossi@contoso.example');
  }

  /** The seeded people not removed, as the page's picker lists them. */
  async function demoPeople() {
    const answer = await fetch(`${intranet.url}/demo/people`);
    return (await answer.json()).items as { id: string; email: string; name: string; roles: string[] }[];
  }

  /** A demo token for a seeded person, as the page's picker asks it. */
  async function demoToken(email: string): Promise<string> {
    const answer = await fetch(`${intranet.url}/demo/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    return (await answer.json()).token;
  }

  it('the admin sees a match board for each running program, the one taking applications first', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${intranet.url}/?as=chiara.ferri@contoso.example`);
    const boards = page.locator('rm-match-board');
    await expect.poll(() => boards.count(), { timeout: 15_000 }).toBeGreaterThan(1);
    await expect.poll(() => boards.first().locator('[part~="run"]').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => boards.first().locator('.badge.program').textContent()).toBe('Enrolling');
    expect(await page.locator('rm-pair-card').count()).toBe(0);
    // Matching runs, and its proposals show, under the page's Content-Security-Policy.
    await boards.first().locator('[part~="run"]').click();
    await expect
      .poll(() => boards.first().locator('[part~="proposal"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('the admin finds a person to export or erase, and everyone can download their own data', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${intranet.url}/?as=chiara.ferri@contoso.example`);
    const people = page.locator('rm-person-data[view="people"]');
    await people.getByLabel('Find a person by name or email').fill('Marco Rinaldi', { timeout: 15_000 });
    await people.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() => people.getByRole('button', { name: 'Erase Marco Rinaldi' }).count(), { timeout: 15_000 })
      .toBe(1);
    await page.goto(`${intranet.url}/?as=giulia.rossi@contoso.example&lang=it`);
    const mine = page.locator('rm-person-data[view="mine"]');
    await expect
      .poll(() => mine.getByRole('button', { name: 'Scarica i miei dati' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await page.locator('rm-person-data[view="people"]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it("a mentor sees the pair's goals with the senior's commitments, and the admin the program's suggested goals", async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${intranet.url}/?as=giulia.rossi@contoso.example`);
    const goals = page.locator('rm-goal-list');
    await expect
      .poll(() => goals.getByText('Marco Rinaldi’s commitments').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await goals.getByText('Bloccare in agenda mezz’ora il venerdì per scrivere').count()).toBe(1);
    expect(await goals.getByText('At the start: 2 of 5').count()).toBe(1);

    await page.goto(`${intranet.url}/?as=chiara.ferri@contoso.example&lang=it`);
    const suggested = page.locator('rm-goal-list').getByText('Pubblicare un primo post su LinkedIn');
    await expect.poll(() => suggested.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('rm-goal-list [part~="goal"]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it("the admin sees each program's dashboard above its match board, with the seeded program's numbers", async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${intranet.url}/?as=chiara.ferri@contoso.example`);
    const dashboards = page.locator('rm-program-dashboard');
    const boards = page.locator('rm-match-board');
    // The admin's page is drawn once /v1/me and the programs are in: a board per program.
    await expect.poll(() => boards.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => dashboards.count(), { timeout: 15_000 }).toBe(await boards.count());
    // Each dashboard comes right before the board of its own program.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('rm-program-dashboard, rm-match-board')].map(
        (node) => `${node.localName} ${node.getAttribute('program-id')}`,
      ),
    );
    for (let i = 0; i < order.length; i += 2) {
      expect(order[i]?.replace('rm-program-dashboard', '')).toBe(order[i + 1]?.replace('rm-match-board', ''));
    }
    const running = dashboards.filter({ hasText: 'Digital Bridge' });
    await expect
      .poll(() => running.locator('[part~="risk-pair"]').first().textContent(), { timeout: 15_000 })
      .toMatch(/Luca Esposito with Francesca Galli[\s\S]*the last two sessions were cancelled/);
    // The weeks' chart is drawn under the page's Content-Security-Policy, and reads as a table too.
    const weeks = running.locator('[data-chart="weeks"]');
    expect(await weeks.locator('svg rect').count()).toBeGreaterThan(3);
    await weeks.locator('[part~="table-toggle"]').click();
    await expect.poll(() => weeks.locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    expect(errors).toEqual([]);
  }, 60_000);

  it('the admin adds a webhook below the match boards and sees its secret once, in Italian', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${intranet.url}/?as=chiara.ferri@contoso.example&lang=it`);
    const settings = page.locator('rm-webhook-settings');
    await expect.poll(() => settings.getByText('Aggiungi un webhook').count(), { timeout: 15_000 }).toBe(1);
    // After every board.
    expect(
      await page.evaluate(() => {
        const boards = document.querySelectorAll('rm-match-board');
        const settings = document.querySelector('rm-webhook-settings');
        const last = boards[boards.length - 1];
        return Boolean(
          settings && last && last.compareDocumentPosition(settings) & Node.DOCUMENT_POSITION_FOLLOWING,
        );
      }),
    ).toBe(true);
    const details = settings.locator('details');
    if ((await details.getAttribute('open')) === null)
      await settings.getByText('Aggiungi un webhook').click();
    await settings.getByLabel('Indirizzo (URL)').fill('https://relay.contoso.example/rm-kit');
    await settings.getByLabel('Descrizione (facoltativa)').fill('Canale HR su Teams');
    await settings.getByRole('button', { name: 'Aggiungi webhook' }).click();
    const secret = settings.getByLabel('Codice segreto di firma', { exact: true });
    await expect.poll(() => secret.inputValue(), { timeout: 15_000 }).toMatch(/^whsec_/);
    await settings.getByRole('button', { name: 'L’ho copiato' }).click();
    await expect.poll(() => secret.count()).toBe(0);
    expect(await settings.getByText('https://relay.contoso.example/rm-kit').count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('keeps the page shown, and says why, when another person cannot be fetched while offline', async () => {
    const { page, log, uncaught } = await giuliasPage();
    // The server goes away: the next person's demo token and page cannot be fetched.
    await page.route('**/demo/token', (route) => route.abort('internetdisconnected'));
    await page.route('**/v1/**', (route) => route.abort('internetdisconnected'));
    await chooseAndKeepGiulia(
      page,
      'marco.rinaldi@contoso.example',
      'Sei offline: potrai cambiare persona quando tornerai online. Stai ancora vedendo la pagina come Giulia Rossi.',
    );
    expect(await log.count()).toBe(1);
    expect(uncaught, 'errors the page left uncaught').toEqual([]);
  }, 60_000);

  it('says that a person removed since the page loaded is gone, or that the server failed, not that the page is offline', async () => {
    const { page, log, uncaught } = await giuliasPage();
    // HR removes a colleague in no pair while the page is open, its picker still listing them.
    const removed = (await demoPeople()).find(
      (p) => p.roles.length === 0 && p.email !== 'paolo.ricci@contoso.example',
    );
    if (!removed) throw new Error('the demo seed has nobody else in no pair');
    const gone = await fetch(`${intranet.url}/v1/people/${removed.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${await demoToken('chiara.ferri@contoso.example')}` },
    });
    expect(gone.status).toBe(204);

    await chooseAndKeepGiulia(
      page,
      removed.email,
      `${removed.name} non è più tra i dati di prova. Stai ancora vedendo la pagina come Giulia Rossi.`,
    );
    expect(await page.locator(`#person option[value="${removed.email}"]`).count(), 'still offered').toBe(0);
    expect(await log.count()).toBe(1);

    // A server that answers, but fails: its status, and a try again.
    await page.route('**/demo/token', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'Down for maintenance' } }),
      }),
    );
    await chooseAndKeepGiulia(
      page,
      'marco.rinaldi@contoso.example',
      'Il server non è riuscito a mostrare la pagina di Marco Rinaldi (errore 503): riprova. Stai ancora vedendo la pagina come Giulia Rossi.',
    );
    expect(uncaught, 'errors the page left uncaught').toEqual([]);
  }, 60_000);

  it('someone in no pair sees the enrolment form, in Italian too', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${intranet.url}/?as=paolo.ricci@contoso.example&lang=it`);
    const form = page.locator('rm-enrollment-form');
    await expect
      .poll(() => form.getByText('Mentee · senior, impari tu').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await form.getByRole('button', { name: 'Invia la candidatura' }).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('the mentee of a proposed pair sees what it waits for, and can agree to it', async () => {
    const { page, errors } = await watchedPage();
    await page.goto(`${intranet.url}/?as=elena.moretti@contoso.example`);
    const card = page.locator('rm-pair-card');
    await expect
      .poll(() => card.getByRole('button', { name: 'Agree to this pair' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await card.getByText('Before this pair starts').count()).toBe(1);
    // Nothing to log or answer before the pair starts.
    expect(await page.locator('rm-session-log, rm-feedback-form').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
  it('a mentor in a paused pair also sees a new pair to confirm, and can accept its charter', async () => {
    const { page, errors } = await watchedPage();
    const people = await demoPeople();
    const idOf = (email: string) => people.find((person) => person.email === email)?.id;
    const auth = {
      Authorization: `Bearer ${await demoToken('chiara.ferri@contoso.example')}`,
      'Content-Type': 'application/json',
    };
    const programs = (await (await fetch(`${intranet.url}/v1/programs`, { headers: auth })).json()).items as {
      id: string;
      status: string;
    }[];
    const enrolling = programs.find((program) => program.status === 'enrolling');
    const made = await fetch(`${intranet.url}/v1/programs/${enrolling?.id}/pairs`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        mentorId: idOf('sofia.romano@contoso.example'),
        menteeId: idOf('marco.rinaldi@contoso.example'),
      }),
    });
    expect(made.status).toBe(201);

    await page.goto(`${intranet.url}/?as=sofia.romano@contoso.example`);
    const proposed = page.locator('rm-pair-card', { hasText: 'Marco Rinaldi' });
    await expect
      .poll(() => proposed.getByRole('button', { name: 'Accept the charter' }).count(), { timeout: 15_000 })
      .toBe(1);
    // Her paused pair is still there, below.
    const paused = page.locator('rm-pair-card', { hasText: 'Sarah Collins' }).getByText('Status: Paused');
    await expect.poll(() => paused.count(), { timeout: 10_000 }).toBe(1);
    await proposed.getByRole('button', { name: 'Accept the charter' }).click();
    await expect
      .poll(() => proposed.getByText('You accepted the charter.').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('reloaded while the mentoring server cannot be reached, shows the pair from what the device kept', async () => {
    const page = await intranet.newPage();
    await page.goto(`${intranet.url}/?as=giulia.rossi@contoso.example`);
    const card = page.locator('rm-pair-card');
    await expect.poll(() => card.getByText('Marco Rinaldi').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The kit keeps its last answers on the device once the browser is idle after showing them
    // (the SDK's read cache): the reload below comes after that, as a person's would.
    // What the device keeps: each answer by the URL it answered.
    const kept = () =>
      page.evaluate(
        () =>
          new Promise<Record<string, unknown>>((resolve) => {
            const open = indexedDB.open('rm-kit');
            open.onerror = () => resolve({});
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('kv')) {
                db.close();
                return resolve({});
              }
              const store = db.transaction('kv').objectStore('kv');
              const keys = store.getAllKeys();
              const values = store.getAll();
              values.onsuccess = () => {
                db.close();
                const answers: Record<string, unknown> = {};
                values.result.forEach((read: { json?: string; value?: unknown }, i) => {
                  const key = String(keys.result[i]);
                  if (!key.startsWith('cache:') || !key.includes(':v1/')) return;
                  answers[key.slice(key.indexOf(':v1/') + 1)] =
                    read.json === undefined ? read.value : JSON.parse(read.json);
                });
                resolve(answers);
              };
            };
          }),
      );
    // Everything the card reads for the pair it shows, Giulia's with Marco: not just any pair's,
    // as the page's other elements read pairs of their own.
    const cardKept = (answers: Record<string, unknown>) => {
      const byPath = (pattern: RegExp) => Object.keys(answers).filter((key) => pattern.test(key));
      const marco = byPath(/^v1\/people\/[^/?]+\?$/)
        .map((key) => answers[key] as { id: string; displayName: string })
        .find((person) => person.displayName === 'Marco Rinaldi');
      const pair = byPath(/^v1\/pairs\/[^/?]+\?$/)
        .map((key) => answers[key] as { id: string; mentorId: string; menteeId: string; programId: string })
        .find((p) => marco && (p.menteeId === marco.id || p.mentorId === marco.id));
      if (!pair) return false;
      return [
        'v1/me?',
        `v1/pairs/${pair.id}?`,
        `v1/pairs/${pair.id}/progress?`,
        `v1/programs/${pair.programId}?`,
        `v1/people/${pair.mentorId}?`,
        `v1/people/${pair.menteeId}?`,
      ].every((key) => key in answers);
    };
    await expect.poll(async () => cardKept(await kept()), { timeout: 10_000 }).toBe(true);
    // The intranet's own page and its sign-in answer; the kit's API does not.
    await page.route('**/v1/**', (route) => route.abort('internetdisconnected'));
    await page.reload();
    await expect
      .poll(() => card.getByText(/^You are offline/).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    // What the cards showed goes with a failure: this failed once in CI, and did not again here.
    await expect
      .poll(() => card.getByText('Marco Rinaldi').count(), { timeout: 10_000 })
      .toBeGreaterThan(0)
      .catch(async (error: Error) => {
        const shown = await card.evaluateAll((cards) =>
          cards.map((c) => c.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 400)),
        );
        throw new Error(`${error.message}\nThe pair cards showed: ${JSON.stringify(shown)}`);
      });
    expect(await page.locator('rm-session-log').count()).toBe(1);
    expect(await page.locator('#status').textContent()).toBe('Viewing as Giulia Rossi.');
  }, 60_000);
});

describe('the example intranet page shares the pairs’ successes', () => {
  const intranet = servedIntranetPage('rm-kit-intranet-stories-');

  it('shows everyone the published stories on the home page, and a mentor the pair’s own stories', async () => {
    const page = await intranet.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${intranet.url}/?as=luca.esposito@contoso.example&lang=it`);
    const home = page.locator('section.stories rm-stories');
    await expect
      .poll(() => home.getByRole('heading', { name: 'Il CFO che risponde ai commenti' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await page.getByRole('heading', { name: 'Storie di successo' }).count()).toBe(1);
    // What waits for approval, and drafts, are on nobody's home page.
    expect(await home.getByText('R&D measures its carbon footprint').count()).toBe(0);

    await page.goto(`${intranet.url}/?as=giulia.rossi@contoso.example`);
    const own = page.locator('rm-stories[pair-id]');
    await expect
      .poll(() => own.getByText('Marco Rinaldi has not agreed yet.').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await own.getByRole('button', { name: 'Write a story' }).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the admin the story waiting for approval, and publishes it for the home page', async () => {
    const page = await intranet.newPage();
    await page.goto(`${intranet.url}/?as=chiara.ferri@contoso.example`);
    const queue = page.locator('rm-stories').locator('[part~="queue"]');
    const waiting = queue.locator('article', { hasText: 'R&D measures its carbon footprint' });
    await expect.poll(() => waiting.count(), { timeout: 15_000 }).toBe(1);
    await waiting.getByRole('button', { name: 'Approve and publish' }).click();
    await page.locator('rm-stories').locator('dialog [part~="confirm"]').click();
    await expect.poll(() => waiting.count(), { timeout: 10_000 }).toBe(0);

    await page.goto(`${intranet.url}/?as=luca.esposito@contoso.example`);
    await expect
      .poll(
        () =>
          page
            .locator('rm-stories')
            .getByRole('heading', { name: 'R&D measures its carbon footprint' })
            .count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(1);
  }, 60_000);
});

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
