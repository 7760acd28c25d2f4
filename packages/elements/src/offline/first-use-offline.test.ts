/// <reference types="mocha" />
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { meOf, PEOPLE, rmServer, sent, setOffline, tokenFor, until } from '../test-support/server.js';
import '../feedback-form/feedback-form.js';
import '../session-log/session-log.js';
import type { RmFeedbackForm } from '../feedback-form/feedback-form.component.js';
import { feedbackFormStrings } from '../feedback-form/feedback-form.strings.js';
import type { RmSessionLog } from '../session-log/session-log.component.js';

// The log's virtualizer makes Chromium report a benign "ResizeObserver loop" (see session-log.test.ts).
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

// Its own file, so its page has never loaded the form, the note panel or the checks:
// it is a page a user has just opened, as the kit's offline promise is about.
describe('a page opened online, then used offline', () => {
  let url: string;
  let pairId: string;
  let client: RmClient;

  before(async () => {
    // The test page loads every module as its own file: Chromium's default of 250 resource
    // timing entries fills up, and later fetches (the idle preloads below) would go unlisted.
    performance.setResourceTimingBufferSize(5000);
    url = await rmServer();
    const giulia = await meOf(PEOPLE.giulia);
    pairId = giulia.pairs.find((p) => p.status === 'active')?.id ?? '';
    client = createClient({
      baseUrl: url,
      token: await tokenFor(PEOPLE.giulia),
      store: indexedDbStore(`rm-kit-first-use-${crypto.randomUUID()}`),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
    });
  });

  after(async () => {
    await setOffline(false);
    client.close();
  });

  const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
    el.shadowRoot?.querySelector<T>(selector) as T;
  /** Whether the page has fetched a module, as the browser's resource timing lists it. */
  const fetched = (path: string) =>
    performance.getEntriesByType('resource').some((entry) => entry.name.includes(path));

  it('logs a session and sends feedback with the network gone, shows both as waiting, and sends each once when it is back', async function () {
    // A whole visit: load, the idle preloads (up to 10 s on a busy machine), offline use, sync.
    this.timeout(30_000);
    const summary = `first use offline ${crypto.randomUUID()}`;
    const held = sent(
      await client.sessions.create(pairId, {
        status: 'held',
        occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
        summary: `feedback target ${summary}`,
      }),
    );
    const page = await fixture<HTMLDivElement>(html`<div>
      <rm-session-log .client=${client} pair-id=${pairId}></rm-session-log>
      <rm-feedback-form .client=${client} session-id=${held.id}></rm-feedback-form>
    </div>`);
    const log = page.querySelector('rm-session-log') as RmSessionLog;
    const form = page.querySelector('rm-feedback-form') as RmFeedbackForm;
    await until(
      () => Boolean($(log, '[part="item"]')) && Boolean($(form, 'input[name="usefulness"]')),
      10_000,
    );
    // What the actions will need arrives once the browser is idle after the first render.
    await until(
      () =>
        fetched('session-log-form') &&
        fetched('feedback-writer') &&
        fetched('feedback-summary') &&
        fetched('core/src/checks/session') &&
        fetched('core/src/checks/feedback'),
      10_000,
    );
    // The elements started those fetches; importing the same modules here only waits until
    // each has arrived with everything it imports.
    await Promise.all([
      import('../session-log/session-log-form.js'),
      import('../session-log/session-log-note.js'),
      import('../feedback-form/feedback-writer.js'),
      import('../feedback-form/feedback-summary.js'),
      import('@rm-kit/core/checks/session'),
      import('@rm-kit/core/checks/feedback'),
    ]);

    await setOffline(true);
    try {
      ($(log, '#log-toggle') as HTMLButtonElement).click();
      await until(() => Boolean($(log, '[part="form"]')));
      // Held weeks ago: other test files read the pair's "last session", which today would change.
      const when = $<HTMLInputElement>(log, '#f-when');
      const weeksAgo = new Date(Date.now() - 29 * 86_400_000);
      when.value = new Date(weeksAgo.getTime() - weeksAgo.getTimezoneOffset() * 60_000)
        .toISOString()
        .slice(0, 16);
      when.dispatchEvent(new Event('input'));
      const area = $<HTMLTextAreaElement>(log, '#f-summary');
      area.value = summary;
      area.dispatchEvent(new Event('input'));
      ($(log, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();
      // The log brings the new session into view and focuses it, waiting to be sent.
      await until(() => Boolean(log.shadowRoot?.activeElement?.matches('[part="item"].is-pending')));
      expect(log.shadowRoot?.activeElement?.textContent).to.include(summary);
      // Confirmed on screen, not only to screen readers.
      const status = $(log, '[part="status"]');
      expect(status.textContent).to.equal('Saved offline: it will be sent when you are back online');
      expect(status.getBoundingClientRect().height).to.be.greaterThan(1);

      for (const name of ['usefulness', 'trust', 'preparation']) {
        ($(form, `input[name="${name}"][value="4"]`) as HTMLInputElement).click();
      }
      ($(form, 'input[name="recommend"][value="9"]') as HTMLInputElement).click();
      ($(form, '[part="submit"]') as HTMLButtonElement).click();
      await until(() => Boolean($(form, '[part="done"] .badge.pending')));
      // Confirmed on screen by the heading the focus moves to, once (not again in the status line).
      const heading = $(form, '.done-heading');
      expect(heading.textContent).to.include(feedbackFormStrings.en.thanksOffline);
      expect(heading.getBoundingClientRect().height).to.be.greaterThan(1);
      expect(form.shadowRoot?.activeElement).to.equal(heading);
    } finally {
      await setOffline(false);
    }
    // Still waiting (nothing is sent before sync): axe, whose own module loads on first use,
    // checks the waiting state now that it can load.
    await expect(log).to.be.accessible();
    await expect(form).to.be.accessible();

    await client.sync();
    await until(
      () => !$(log, '[part="item"].is-pending') && !$(form, '[part="done"] .badge.pending'),
      10_000,
    );
    const reader = createClient({ baseUrl: url, token: await tokenFor(PEOPLE.giulia), syncIntervalMs: 0 });
    const sessions = [];
    for await (const session of reader.sessions.list(pairId, { limit: 100 })) {
      if (session.summary === summary) sessions.push(session);
    }
    expect(sessions).to.have.length(1);
    const answers = (await reader.feedback.page(pairId, { sessionId: held.id })).items;
    expect(answers.map((answer) => answer.recommend)).to.deep.equal([9]);
    reader.close();
  });
});
