/// <reference types="mocha" />
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, memoryStore } from '@rm-kit/sdk';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { type Me, meOf, PEOPLE, rmServer, tokenFor, until } from '../test-support/server.js';
import '../feedback-form/feedback-form.js';
import '../pair-card/pair-card.js';
import '../session-log/session-log.js';
import './provider.js';
import type { RmFeedbackForm } from '../feedback-form/feedback-form.component.js';
import type { RmPairCard } from '../pair-card/pair-card.component.js';
import type { RmSessionLog } from '../session-log/session-log.component.js';
import type { RmProvider } from './provider.component.js';

// The log's virtual list reports a benign "ResizeObserver loop" error (see session-log.test.ts).
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const text = (el: Element | null | undefined) =>
  (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
/** The pair the kit calls current: an active one, else a paused one, else one to confirm. */
const currentOf = (me: Me) =>
  ['active', 'paused', 'proposed'].map((status) => me.pairs.find((p) => p.status === status)).find(Boolean);

const THREE = html`<rm-pair-card></rm-pair-card><rm-session-log></rm-session-log><rm-feedback-form></rm-feedback-form>`;

function elementsIn(provider: Element) {
  return {
    card: provider.querySelector('rm-pair-card') as RmPairCard,
    log: provider.querySelector('rm-session-log') as RmSessionLog,
    form: provider.querySelector('rm-feedback-form') as RmFeedbackForm,
  };
}

/** The card shows a pair, not its skeleton nor a state. */
const cardShown = (card: RmPairCard) =>
  Boolean($(card, '[part~="card"]:not(.skeleton-card):not(.state-card)'));

/**
 * The shortest embedding: `<rm-pair-card>`, `<rm-session-log>` and `<rm-feedback-form>`
 * without a pair-id, inside a provider that asks the page for its token.
 */
describe('one tag: the elements without a pair-id, and the provider with getToken', () => {
  let url: string;
  let giulia: string;
  let luca: string;
  let giuliaPair: string;
  let lucaPair: string;

  before(async () => {
    url = await rmServer();
    [giulia, luca] = await Promise.all([tokenFor(PEOPLE.giulia), tokenFor(PEOPLE.luca)]);
    const [giuliaMe, lucaMe] = await Promise.all([meOf(PEOPLE.giulia), meOf(PEOPLE.luca)]);
    giuliaPair = currentOf(giuliaMe)?.id ?? '';
    lucaPair = currentOf(lucaMe)?.id ?? '';
    expect(giuliaPair).to.match(/^par_/);
    expect(lucaPair).to.match(/^par_/);
  });

  it("shows the signed-in person's current pair in the card, the log and the feedback form", async () => {
    const provider = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} .getToken=${() => giulia}>${THREE}</rm-provider>`,
    );
    const { card, log, form } = elementsIn(provider);
    // What the same elements show given the pair's id, to compare with.
    const given = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} token=${giulia}>
        <rm-session-log pair-id=${giuliaPair}></rm-session-log>
        <rm-feedback-form pair-id=${giuliaPair}></rm-feedback-form>
      </rm-provider>`,
    );
    const byId = elementsIn(given);

    await until(() => cardShown(card), 10_000);
    expect(text(card)).to.include('Giulia Rossi');
    expect(text(card)).to.include('Marco Rinaldi');
    expect(card.pairId, 'the lookup leaves pair-id to the page').to.equal('');

    // The sessions loaded (the virtual list renders only those in view, and the second log is below it).
    const sessions = (el: RmSessionLog) => el.data.sessions.map((session) => session.id).join();
    await until(() => Boolean($(log, '[part="item"]')) && sessions(byId.log) !== '', 10_000);
    expect(sessions(log)).to.equal(sessions(byId.log));

    const heading = (el: RmFeedbackForm) => $(el, 'h2')?.textContent?.trim() ?? '';
    await until(() => heading(form) !== '' && heading(byId.form) !== '', 10_000);
    expect(heading(form)).to.equal(heading(byId.form));
    expect(text(form)).to.equal(text(byId.form));
  });

  it("renders the README's one-tag markup as written", async () => {
    // The dev server serves the repository, README included.
    const readme = await (await fetch('/packages/elements/README.md')).text();
    const block = readme.split('<!-- one-tag')[1]?.split('```html')[1]?.split('```')[0] ?? '';
    expect(block).to.include('<rm-pair-card></rm-pair-card>');
    const page = await fixture<HTMLDivElement>(html`<div></div>`);
    // The kit is already loaded here: the markup without its script tag, on this test's server.
    page.innerHTML = block
      .replace(/<script[^>]*><\/script>/, '')
      .replaceAll('https://mentoring.contoso.com', url);
    const provider = page.querySelector('rm-provider') as RmProvider;
    provider.getToken = () => giulia;
    const { card, log, form } = elementsIn(provider);
    await until(() => cardShown(card) && Boolean($(log, '[part="item"]')) && Boolean($(form, 'h2')), 10_000);
    expect(text(card)).to.include('Marco Rinaldi');
  });

  it('looks the pair up once for all the elements sharing a client', async () => {
    const asked: string[] = [];
    const client = createClient({
      baseUrl: url,
      token: giulia,
      store: memoryStore(),
      syncIntervalMs: 0,
      fetch: (input, init) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return fetch(input, init);
      },
    });
    const meReads = () => asked.filter((path) => path === '/v1/me').length;
    // The elements read /v1/me for themselves too (who the viewer is): count those first.
    const withIds = await fixture<RmProvider>(
      html`<rm-provider .client=${client}>
        <rm-pair-card pair-id=${giuliaPair}></rm-pair-card>
        <rm-session-log pair-id=${giuliaPair}></rm-session-log>
        <rm-feedback-form pair-id=${giuliaPair}></rm-feedback-form>
      </rm-provider>`,
    );
    const settled = (provider: Element) => {
      const { card, log, form } = elementsIn(provider);
      return cardShown(card) && Boolean($(log, '[part="item"]')) && Boolean($(form, 'h2'));
    };
    await until(() => settled(withIds), 10_000);
    const ownReads = meReads();
    withIds.remove();

    asked.length = 0;
    const withoutIds = await fixture<RmProvider>(
      html`<rm-provider .client=${client}>${THREE}${THREE}</rm-provider>`,
    );
    await until(() => settled(withoutIds), 10_000);
    await until(() => [...withoutIds.querySelectorAll('rm-pair-card')].every(cardShown), 10_000);
    // The client sends a read asked while the same one is on its way only once, so how many of
    // the elements' own reads went out depends on timing: at most what they asked with ids.
    expect(meReads(), 'six elements, one lookup').to.be.at.most(ownReads * 2 + 1);
    client.close();
  });

  it('says plainly that a person in no pair is in none, in English and in Italian', async () => {
    const chiara = await tokenFor(PEOPLE.chiara);
    const english = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} token=${chiara}>${THREE}</rm-provider>`,
    );
    const italian = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} token=${chiara} locale="it">${THREE}</rm-provider>`,
    );
    for (const [provider, sentence] of [
      [english, 'You are not in a mentoring pair at the moment.'],
      [italian, 'Al momento non fai parte di una coppia di mentoring.'],
    ] as const) {
      for (const el of Object.values(elementsIn(provider))) {
        await until(() => $(el, '[part~="empty"]')?.textContent?.trim() === sentence, 10_000);
        expect($(el, '[part~="error"]'), el.localName).to.equal(null);
        await expect(el).to.be.accessible();
      }
    }
  });

  it('shows a failed lookup as a failed load, and "Try again" finds the pair', async () => {
    const server = failingUntilRecovered();
    const client = createClient({
      baseUrl: url,
      token: giulia,
      store: memoryStore(),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      fetch: server.fetch,
    });
    const provider = await fixture<RmProvider>(html`<rm-provider .client=${client}>${THREE}</rm-provider>`);
    const { card, log, form } = elementsIn(provider);
    for (const el of [card, log, form]) {
      await until(() => Boolean($(el, '[part="retry"]')), 10_000);
      expect(text(el)).to.include('Something went wrong while loading this.');
    }
    server.recover();
    for (const el of [card, log, form]) $(el, '[part="retry"]')?.click();
    await until(() => cardShown(card), 10_000);
    await until(() => Boolean($(log, '[part="item"]')) && Boolean($(form, 'h2')), 10_000);
    expect(text(card)).to.include('Marco Rinaldi');
    client.close();
  });

  it('asks getToken for each request and uses the token it gives, also once it changes', async () => {
    let token = giulia;
    let calls = 0;
    const getToken = async () => {
      calls++;
      return token;
    };
    const provider = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} .getToken=${getToken}><rm-pair-card></rm-pair-card></rm-provider>`,
    );
    const card = provider.querySelector('rm-pair-card') as RmPairCard;
    await until(() => cardShown(card), 10_000);
    expect(calls).to.be.greaterThan(0);
    const before = calls;

    // A refreshed token (here: another person's, to tell them apart). Luca's pair is his
    // alone to read: shown only if the new token is the one sent.
    token = luca;
    card.pairId = lucaPair;
    await until(() => text(card).includes('Luca Esposito'), 10_000);
    expect(calls).to.be.greaterThan(before);
    expect(text(card)).to.not.include('could not be found');
  });

  it('prefers getToken over token, and a client over both', async () => {
    const withBoth = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} token="not-a-token" .getToken=${() => giulia}>
        <rm-pair-card></rm-pair-card>
      </rm-provider>`,
    );
    const card = withBoth.querySelector('rm-pair-card') as RmPairCard;
    await until(() => cardShown(card), 10_000);
    expect(text(card)).to.include('Giulia Rossi');

    let asked = false;
    const client = createClient({ baseUrl: url, token: giulia, store: memoryStore(), syncIntervalMs: 0 });
    const withClient = await fixture<RmProvider>(
      html`<rm-provider
        base-url=${url}
        .client=${client}
        .getToken=${() => {
          asked = true;
          return luca;
        }}
        ><rm-pair-card></rm-pair-card
      ></rm-provider>`,
    );
    const clientCard = withClient.querySelector('rm-pair-card') as RmPairCard;
    await until(() => cardShown(clientCard), 10_000);
    expect(text(clientCard)).to.include('Giulia Rossi');
    expect(asked).to.equal(false);
    client.close();
  });
});
