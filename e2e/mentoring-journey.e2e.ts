import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, test as base, expect, type Locator, type Page } from '@playwright/test';
import type { Me, Session } from '../packages/core/src/index.ts';
import { type StartedServer, startServer } from './started-server.ts';
import { type Language, WORDS } from './words.ts';

const SHOTS = fileURLToPath(new URL('../test-results/e2e/', import.meta.url));
const PEOPLE = {
  admin: 'chiara.ferri@contoso.example',
  /** In no pair: the demo's newcomer, a senior who enrols to learn (the mentee). */
  newcomer: 'paolo.ricci@contoso.example',
};
/** The demo's addresses are the names, e.g. Sofia Romano's is sofia.romano@contoso.example. */
const emailOf = (name: string) => `${name.toLowerCase().replace(' ', '.')}@contoso.example`;

const test = base.extend<{ server: StartedServer; opened: Page[] }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture takes from this pattern.
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  /** Every person's page; when the test fails, each as it was then, in the test's output folder. */
  // biome-ignore lint/correctness/noEmptyPattern: as above.
  opened: async ({}, use, testInfo) => {
    const pages: Page[] = [];
    await use(pages);
    if (testInfo.status === testInfo.expectedStatus) return;
    for (const [i, page] of pages.entries())
      await page
        .screenshot({ path: testInfo.outputPath(`page-${i + 1}.png`), fullPage: true, timeout: 10_000 })
        .catch(() => undefined);
  },
});

/** Each person in a browser profile of their own, on the example page in the language under test. */
async function open(
  browser: Browser,
  opened: Page[],
  server: StartedServer,
  lang: Language,
  email: string,
): Promise<Page> {
  const context = await browser.newContext({ locale: lang === 'it' ? 'it-IT' : 'en-GB' });
  const page = await context.newPage();
  opened.push(page);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/?as=${email}&lang=${lang}`);
  expect(errors).toEqual([]);
  return page;
}

/** The figure a program dashboard shows under a label, as the admin reads it. */
function figure(page: Page, label: string): Locator {
  return page
    .locator('rm-program-dashboard', { hasText: 'Green Leaders' })
    .locator('[part~="figure"]', { has: page.getByText(label, { exact: true }) })
    .locator('.figure-value');
}

/** The sessions a person of the pair reads from the API, with this summary. */
async function sessionsWithSummary(server: StartedServer, email: string, summary: string): Promise<number> {
  const answer = await fetch(`${server.url}/demo/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const { token } = (await answer.json()) as { token: string };
  const get = async <T>(path: string) =>
    (await (
      await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as T;
  const me = await get<Me>('/v1/me');
  const pair = me.pairs.find((p) => p.status === 'active');
  const sessions = await get<{ items: Session[] }>(`/v1/pairs/${pair?.id}/sessions`);
  return sessions.items.filter((s) => s.summary === summary).length;
}

for (const lang of ['en', 'it'] as const) {
  test(`a newcomer enrols, is matched and starts; the mentor logs a session offline; the mentee answers it live (${lang})`, async ({
    browser,
    server,
    opened,
  }) => {
    const w = WORDS[lang];
    const folder = `${SHOTS}${lang}`;
    mkdirSync(folder, { recursive: true });
    let shots = 0;
    const shot = async (what: Page | Locator, name: string) => {
      shots += 1;
      await what.screenshot({ path: `${folder}/${String(shots).padStart(2, '0')}-${name}.png` });
    };

    const admin = await open(browser, opened, server, lang, PEOPLE.admin);
    const before = await test.step('the admin reads the program dashboard', async () => {
      await expect(figure(admin, w.activePairs)).toHaveText(/^\d+$/);
      await shot(admin.locator('rm-program-dashboard').first(), 'admin-dashboard-before');
      return {
        applications: Number(await figure(admin, w.applications).textContent()),
        activePairs: Number(await figure(admin, w.activePairs).textContent()),
      };
    });

    const mentee = await open(browser, opened, server, lang, PEOPLE.newcomer);
    await test.step('a person in no pair enrols in the program taking applications', async () => {
      const form = mentee.locator('rm-enrollment-form');
      await form.getByText(w.asMentee).click();
      for (const topic of w.topics) await form.getByRole('checkbox', { name: topic }).check();
      await shot(form, 'newcomer-enrols');
      await form.getByRole('button', { name: w.apply }).click();
      await expect(form.getByText(w.underReview)).toBeAttached();
      await shot(form, 'newcomer-applied');
    });

    // The early-career colleague matching proposes for him: Federica Greco and Sofia Romano (who has
    // a paused pair of her own) score the same for him, and either may come first.
    const mentorName =
      await test.step('the admin accepts the application, runs matching and publishes', async () => {
        await admin.reload();
        const board = admin.locator('rm-match-board', { hasText: 'Green Leaders' });
        await board.getByRole('button', { name: w.accept }).click();
        await board.getByRole('button', { name: w.run }).click();
        await expect(board.getByText(w.proposed)).toBeVisible();
        const proposal = board.locator('[part~="proposal"]', { hasText: 'Paolo Ricci' });
        const name = (await proposal.locator('.name').first().textContent())?.trim() ?? '';
        expect(['Federica Greco', 'Sofia Romano']).toContain(name);
        await shot(proposal, 'admin-proposal');
        await board.getByRole('button', { name: w.publish }).click();
        await board.getByRole('dialog').getByRole('button', { name: w.confirmPublish, exact: true }).click();
        await expect(board.getByText(w.published).first()).toBeAttached();
        await shot(board.locator('[part~="pairs"]').or(board).first(), 'admin-published');
        return name;
      });

    await test.step('the mentee (the senior) agrees to the pair and accepts the charter', async () => {
      await mentee.reload();
      const card = mentee.locator('rm-pair-card');
      await card.getByRole('button', { name: w.consent }).click();
      await expect(card.getByText(w.consented).first()).toBeVisible();
      await card.getByRole('button', { name: w.acceptCharter }).click();
      await expect(card.getByText(w.charterAccepted).first()).toBeVisible();
      await shot(card, 'mentee-agrees');
    });

    const mentor = await open(browser, opened, server, lang, emailOf(mentorName));
    await test.step('the mentor (the junior) accepts the charter, and the pair starts', async () => {
      const card = mentor.locator('rm-pair-card', { hasText: 'Paolo Ricci' });
      await card.getByRole('button', { name: w.acceptCharter }).click();
      await expect(card.getByText(w.active)).toBeVisible();
      await expect(card.getByText(w.bothAccepted)).toBeVisible();
      await shot(card, 'mentor-accepts-charter');
    });

    const menteeLog = mentee.locator('rm-session-log');
    const log = mentor.locator('rm-session-log');
    const mine = log.locator('[part~="item"]', { hasText: w.sessionSummary });
    await test.step('the mentor logs a session while offline', async () => {
      // Both pages load their pair's log while online; the mentee's stays open, live.
      await mentee.reload();
      await expect(menteeLog.getByRole('button', { name: w.addSession })).toBeVisible();
      // The log fetches its form and the form's checks once the page is idle, so that logging
      // works offline: a network lost before that moment finds no form to open.
      const formReady = Promise.all(
        [/\/session-log-later-[\w-]+\.js$/, /\/form-checks-[\w-]+\.js$/].map((chunk) =>
          mentor.waitForResponse((response) => chunk.test(response.url())),
        ),
      );
      await mentor.reload();
      await formReady;
      // The current pair's card comes last, after any other pair still to confirm.
      await expect(mentor.locator('rm-pair-card').last()).toContainText('Paolo Ricci');
      await mentor.context().setOffline(true);
      await log.getByRole('button', { name: w.addSession }).click();
      await log.getByLabel(w.summary, { exact: true }).fill(w.sessionSummary);
      await log.getByRole('button', { name: w.saveSession }).click();
      await expect(log.getByText(w.savedOffline)).toBeVisible();
      await expect(mine).toHaveCount(1);
      await expect(mine).toContainText(w.waiting);
      await shot(log, 'mentor-logs-offline');
    });

    await test.step('the mentor reloads while the mentoring server is still out of reach', async () => {
      // Without a service worker a page cannot reload with no network at all: the device is
      // back on the intranet, but every request to the kit's API still fails.
      await mentor.context().route('**/v1/**', (route) => route.abort('internetdisconnected'));
      await mentor.context().setOffline(false);
      await mentor.reload();
      await expect(log.getByText(w.offline).first()).toBeVisible();
      await expect(mine).toHaveCount(1);
      await expect(mine).toContainText(w.waiting);
      await expect(menteeLog.getByText(w.sessionSummary)).toHaveCount(0);
      await shot(mentor, 'mentor-reloads-unreachable');
    });

    await test.step('back online, the session is sent once, and the mentee sees it live', async () => {
      await mentor.context().unrouteAll();
      // The client retries on its own (every 15 s, and at once on the browser's "online").
      await expect(log.locator('[part~="item"]', { hasText: w.waiting })).toHaveCount(0, { timeout: 30_000 });
      await expect(mine).toHaveCount(1);
      await expect(mine).toContainText(w.held);
      expect(await sessionsWithSummary(server, emailOf(mentorName), w.sessionSummary)).toBe(1);
      await shot(log, 'mentor-back-online');
      // The mentee's page was never reloaded.
      await expect(menteeLog.locator('[part~="item"]', { hasText: w.sessionSummary })).toHaveCount(1);
      await shot(menteeLog, 'mentee-sees-it-live');
    });

    await test.step('the mentee answers the feedback on the session', async () => {
      const session = menteeLog.locator('[part~="item"]', { hasText: w.sessionSummary });
      await session.getByText(w.giveFeedback).click();
      for (const [field, value] of [
        ['usefulness', 5],
        ['trust', 5],
        ['preparation', 4],
        ['recommend', 9],
      ] as const)
        await session.locator(`input[name="${field}"][value="${value}"]`).check();
      await shot(session, 'mentee-feedback');
      // The open form is taller than the log's scroll box: shooting the session scrolls the
      // page past the log, and the log's virtual list takes its sessions out of the page while
      // it is out of view. Back in view, the session (and its form, answers kept) is there again.
      await menteeLog.scrollIntoViewIfNeeded();
      await session.getByRole('button', { name: w.sendFeedback }).click();
      await expect(session.getByText(w.thanks).first()).toBeVisible();
      await shot(session, 'mentee-feedback-sent');
    });

    await test.step("the admin's program dashboard has changed", async () => {
      await admin.reload();
      await expect(figure(admin, w.activePairs)).toHaveText(String(before.activePairs + 1));
      await expect(figure(admin, w.applications)).toHaveText(String(before.applications + 1));
      await shot(admin.locator('rm-program-dashboard').first(), 'admin-dashboard-after');
    });
    expect(await sessionsWithSummary(server, PEOPLE.newcomer, w.sessionSummary)).toBe(1);
  });
}
