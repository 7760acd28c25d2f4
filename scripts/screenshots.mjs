// `pnpm screenshots`: the screenshots in docs/images, taken again. A tool for looking at
// the elements, not a test: it runs the built kit as `pnpm start` serves it (the reference
// server in demo mode, the example intranet page, the shipped bundle), opens the page as
// Giulia Rossi, a seeded mentor, and captures each element by its own box, and the whole
// page, in English and Italian, light and dark, on a phone (375 px) and a desktop (1280 px).
// Then the page as four other seeded people, for the elements they see: Paolo Ricci, in no
// pair (the enrolment form); Elena Moretti, the mentee of a proposed pair (the card's consent
// flow); Chiara Ferri, the admin (the match board of the program taking applications,
// with matching run, the running program's dashboard, the webhook settings with the seeded webhook's
// delivery log open, and the people part of `<rm-person-data>` with a search made); Marco
// Rinaldi, a mentee (the goal list with his commitments to tick off); and Giulia's own "my
// data" at the bottom of her page, with the intranet home's published stories and her
// pair's own; Chiara also sees the success stories waiting for approval.
// Names: <element>-<lang>-<theme>-<width>.png, and intranet-<lang>-<theme>-<width>.png; the
// session log's "Add to calendar" dialog, a modal, as the screen shows it:
// session-log-calendar-<lang>-<theme>-<width>.png. RMKIT_SCREENSHOTS_DIR takes them elsewhere
// than docs/images (to look at them without touching the committed set).
// `pnpm build` runs first (see package.json).
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { startRmServer } from './rm-server-process.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.env.RMKIT_SCREENSHOTS_DIR ?? join(root, 'docs/images');
const ELEMENTS = ['pair-card', 'goal-list', 'session-log', 'feedback-form'];
/**
 * The page as someone, and the element they see there: shot name, person, element, and
 * which of its kind on the page when there are several (`selector`).
 */
const VIEWS = [
  { shot: 'enrollment-form', as: 'paolo.ricci@contoso.example', element: 'enrollment-form' },
  { shot: 'pair-card-proposed', as: 'elena.moretti@contoso.example', element: 'pair-card' },
  { shot: 'match-board', as: 'chiara.ferri@contoso.example', element: 'match-board' },
  { shot: 'person-data', as: 'chiara.ferri@contoso.example', element: 'person-data[view="people"]' },
  { shot: 'person-data-mine', as: 'giulia.rossi@contoso.example', element: 'person-data[view="mine"]' },
  { shot: 'goal-list-mentee', as: 'marco.rinaldi@contoso.example', element: 'goal-list' },
  { shot: 'program-dashboard', as: 'chiara.ferri@contoso.example', element: 'program-dashboard' },
  { shot: 'webhook-settings', as: 'chiara.ferri@contoso.example', element: 'webhook-settings' },
  {
    shot: 'stories',
    as: 'giulia.rossi@contoso.example',
    element: 'stories',
    selector: 'rm-stories:not([pair-id])',
  },
  {
    shot: 'stories-pair',
    as: 'giulia.rossi@contoso.example',
    element: 'stories',
    selector: 'rm-stories[pair-id]',
  },
  { shot: 'stories-approval', as: 'chiara.ferri@contoso.example', element: 'stories' },
];
const LANGUAGES = ['en', 'it'];
const THEMES = ['light', 'dark'];
const WIDTHS = [375, 1280];
/**
 * Whether every element has rendered its content: defined, its words loaded (an element
 * renders nothing until then), no skeleton or busy state left, and the session log with a
 * few sessions laid out by its virtualizer (rendered and placed, one under the other).
 * Runs in the page.
 */
function rendered(elements) {
  return elements.every((name) => {
    const root = document.querySelector(`rm-${name}`)?.shadowRoot;
    if (name.startsWith('person-data')) return !!root?.querySelector('[part~="base"]');
    if (!root?.firstElementChild) return false;
    if (root.querySelector('[part~="loading"], .skeleton, [aria-busy="true"]')) return false;
    // The card with its life-cycle part, a module fetched when the browser is idle (pause, consent).
    if (name === 'pair-card') return !!root.querySelector('[part~="life"], [part~="consent"]');
    if (name === 'feedback-form') return !!root.querySelector('[part~="base"]');
    if (name === 'goal-list') return !!root.querySelector('[part~="goal"], [part~="template"]');
    if (name === 'enrollment-form') return !!root.querySelector('[part~="form"], [part~="application"]');
    // The board once matching has run (the shot clicks "Run matching" first).
    if (name === 'match-board') return !!root.querySelector('[part~="proposal"]');
    if (name === 'program-dashboard') return !!root.querySelector('[part~="figures"]');
    // The seeded webhook with its delivery log open (the shot opens it first).
    if (name === 'webhook-settings') return !!root.querySelector('[part~="delivery"]');
    // Every one of them on the page (the home page's and the pair's), with its stories or its empty sentence.
    if (name === 'stories') {
      return [...document.querySelectorAll('rm-stories')].every((stories) =>
        stories.shadowRoot?.querySelector('[part~="list"], [part~="empty"]'),
      );
    }
    // The sessions' Change buttons come in a module loaded when the browser is idle.
    if (!root.querySelector('[part~="item"] button[id^="manage-"]')) return false;
    const boxes = [...root.querySelectorAll('[part~="item"]')].map((item) => item.getBoundingClientRect());
    return (
      boxes.length >= 3 &&
      boxes.every((box, i) => box.height > 0 && (i === 0 || box.top >= boxes[i - 1].bottom))
    );
  });
}

const work = mkdtempSync(join(tmpdir(), 'rm-kit-screenshots-'));
// As `pnpm start` serves it, on a fresh demo seed in a temporary SQLite file, on a free port.
const staticDirs = [join(root, 'examples/intranet'), join(root, 'packages/elements/dist/bundle')];
// The shots load Giulia's page a few dozen times a minute, more than a person's rate limit
// allows (a 429 leaves an element in its error state, and its shot waits forever).
const server = await startRmServer(
  {
    DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`,
    RMKIT_STATIC_DIRS: staticDirs.join(','),
    RMKIT_RATE_LIMIT: '100000',
  },
  { built: true },
);
try {
  // One set, in one naming: the old shots go, so none is left from an earlier layout.
  mkdirSync(out, { recursive: true });
  for (const file of readdirSync(out)) if (file.endsWith('.png')) rmSync(join(out, file));
  for (const lang of LANGUAGES) {
    // The browser speaks the page's language too, as an Italian reader's would: native
    // controls (a date field) follow the browser, not the page.
    const browser = await chromium.launchPersistentContext(join(work, `profile-${lang}`), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: lang === 'it' ? 'it-IT' : 'en-GB',
      timezoneId: 'Europe/Rome',
    });
    try {
      for (const theme of THEMES) {
        for (const width of WIDTHS) {
          // A persistent context's pages take no options: the viewport is set on the page.
          const page = await browser.newPage();
          await page.setViewportSize({ width, height: 900 });
          // The page's own parameters: the same as choosing the person, language and theme
          // in its pickers, on a fresh page each time.
          await page.goto(`${server.url}/?as=giulia.rossi@contoso.example&lang=${lang}&theme=${theme}`);
          const file = (name) => join(out, `${name}-${lang}-${theme}-${width}.png`);
          const ready = (names) => page.waitForFunction(rendered, names, { timeout: 30_000 });
          // Each element on screen before its shot: the session log's virtualizer renders
          // sessions only while the log is in view (on a phone, below the card and the form).
          // The card and the form first, as the log's place depends on their height.
          await ready(['pair-card', 'feedback-form']);
          // Text in its final font, so no shot catches a fallback font's line breaks.
          await page.evaluate(() => document.fonts.ready.then(() => true));
          for (const name of ELEMENTS) {
            const element = page.locator(`rm-${name}`);
            await element.scrollIntoViewIfNeeded();
            await ready([name]);
            await element.screenshot({ path: file(name), animations: 'disabled' });
          }
          // A link made in the dialog: at once when there is none, after asking when one is on.
          const calendar = page.locator('rm-session-log dialog[part~="calendar"]');
          await page.locator('rm-session-log [part~="calendar-button"]').click();
          await calendar.locator('#feed-mine button').first().waitFor();
          await calendar.locator('#feed-pair button').first().click();
          await calendar.locator('#feed-pair input, #feed-pair button.danger').first().waitFor();
          if (await calendar.locator('#feed-pair button.danger').count())
            await calendar.locator('#feed-pair button.danger').click();
          await calendar.locator('#feed-pair input').waitFor();
          await page.screenshot({ path: file('session-log-calendar'), animations: 'disabled' });
          await page.keyboard.press('Escape');
          // The whole page, loaded again in a viewport as tall as the page so that all of it
          // is in view (the virtualizer does not render again on a mere resize).
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          await page.setViewportSize({ width, height });
          await page.reload();
          await ready(ELEMENTS);
          await page.evaluate(() => document.fonts.ready.then(() => true));
          await page.screenshot({ path: file('intranet'), fullPage: true, animations: 'disabled' });
          await page.close();
          for (const view of VIEWS) {
            const other = await browser.newPage();
            await other.setViewportSize({ width, height: 900 });
            await other.goto(`${server.url}/?as=${view.as}&lang=${lang}&theme=${theme}`);
            // The admin's dashboard of the running program: the one with sessions to show.
            const element =
              view.element === 'program-dashboard'
                ? other.locator('rm-program-dashboard').filter({ hasText: 'Digital Bridge' })
                : other.locator(view.selector ?? `rm-${view.element}`).first();
            if (view.element === 'match-board') {
              await element.locator('[part~="run"]').click();
            }
            if (view.shot === 'person-data') {
              await element.locator('#q').fill('Rossi');
              await element.locator('[part~="search"] button').click();
              await element.locator('[part~="person"]').first().waitFor();
            }
            if (view.element === 'webhook-settings') {
              await element.locator('[part~="toggle-log"]').first().click();
            }
            await other.waitForFunction(rendered, [view.element], { timeout: 30_000 });
            await other.evaluate(() => document.fonts.ready.then(() => true));
            await element.screenshot({ path: file(view.shot), animations: 'disabled' });
            await other.close();
          }
          console.log(`${lang} ${theme} ${width}px`);
        }
      }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
