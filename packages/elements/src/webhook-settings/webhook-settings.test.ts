/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { Webhook } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { PEOPLE, rmServer, sent, tokenFor, until } from '../test-support/server.js';
import './webhook-settings.js';
import type { RmWebhookSettings } from './webhook-settings.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: RmWebhookSettings) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RmWebhookSettings, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: RmWebhookSettings, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const part = (el: RmWebhookSettings, name: string) => $(el, `[part~="${name}"]`);
const parts = (el: RmWebhookSettings, name: string) => $$(el, `[part~="${name}"]`);
const announced = (el: RmWebhookSettings) => text($(el, '[role="status"][aria-live="polite"]'));
const cardOf = (el: RmWebhookSettings, url: string) =>
  parts(el, 'webhook').find((card) => text(card.querySelector('.url')) === url);
const button = (card: Element | undefined, name: string) =>
  card?.querySelector(`[part~="${name}"]`) as HTMLButtonElement;

describe('<rm-webhook-settings>', () => {
  let url: string;
  let admin: RmClient;
  const clients: RmClient[] = [];
  const clientWith = (token: string, options: { fetch?: typeof fetch } = {}) => {
    const client = createClient({
      baseUrl: url,
      token,
      store: indexedDbStore(`rm-kit-test-${crypto.randomUUID()}`),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...options,
    });
    clients.push(client);
    return client;
  };
  /** A URL of the test's own: https, on a name that resolves to loopback, which deliveries refuse. */
  const uniqueUrl = () => `https://localhost/hooks/${crypto.randomUUID().slice(0, 8)}`;
  const subscribe = async (body: Partial<Webhook> = {}) =>
    sent(await admin.webhooks.create({ url: uniqueUrl(), events: ['session.held'], ...body }));

  async function mount(options: { lang?: string; width?: number; client?: RmClient } = {}) {
    const wrapper = await fixture(
      html`<div lang=${options.lang ?? 'en'} style=${options.width ? `width: ${options.width}px` : ''}>
        <rm-webhook-settings .client=${options.client ?? admin}></rm-webhook-settings>
      </div>`,
    );
    const el = wrapper.querySelector('rm-webhook-settings') as RmWebhookSettings;
    await until(() => Boolean($(el, '.webhooks, [part~="empty"], [part~="error"]')), 10000);
    await el.updateComplete;
    return el;
  }

  async function removeAll() {
    for (const webhook of (await admin.webhooks.page({ limit: 100 })).items)
      await admin.webhooks.remove(webhook);
  }

  before(async () => {
    url = await rmServer();
    admin = clientWith(await tokenFor(PEOPLE.chiara));
  });

  afterEach(() => fixtureCleanup());
  after(() => {
    for (const client of clients.splice(0)) client.close();
  });

  it('says there is none yet and opens the form to add one, by keyboard, showing the secret once', async () => {
    await removeAll();
    const el = await mount();
    expect(text(part(el, 'empty'))).to.equal(
      'No webhooks yet. Add one to send program events to another system.',
    );
    expect(($(el, 'details') as HTMLDetailsElement).open).to.equal(true);
    await expect(el).to.be.accessible();

    const address = uniqueUrl();
    ($(el, '#url') as HTMLInputElement).focus();
    await sendKeys({ type: address });
    // Leave out feedback: Tab to its box and untick it with Space.
    const boxes = $$<HTMLInputElement>(el, 'input[name="events"]');
    boxes[1]?.focus();
    await sendKeys({ press: 'Space' });
    ($(el, '#description') as HTMLInputElement).focus();
    await sendKeys({ type: 'HR channel in Teams' });
    await sendKeys({ press: 'Enter' });

    await until(() => part(el, 'secret') !== null);
    const secret = $<HTMLInputElement>(el, '#secret-value');
    expect(secret?.value).to.match(/^whsec_.{40,}$/);
    expect(root(el).activeElement).to.equal(secret);
    expect(text($(el, '#secret-title'))).to.equal(`Signing secret for ${address}`);
    await until(() => announced(el) === 'Webhook added.');
    await expect(el).to.be.accessible();

    (part(el, 'copy') as HTMLButtonElement).click();
    await until(() =>
      ['Secret copied.', 'The secret could not be copied: select it and copy it yourself.'].includes(
        announced(el),
      ),
    );
    (part(el, 'secret-done') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(part(el, 'secret')).to.equal(null);
    expect(root(el).innerHTML).to.not.include(secret?.value ?? 'never');

    const card = cardOf(el, address);
    expect(text(card?.querySelector('[part~="webhook-status"]'))).to.equal('Active');
    expect(text(card?.querySelector('.description'))).to.equal('HR channel in Teams');
    expect([...(card?.querySelectorAll('.events li') ?? [])].map(text)).to.deep.equal([
      'Session held',
      'Pair at risk',
      'Pairs proposed',
      'Story published',
    ]);
    const stored = (await admin.webhooks.page({ limit: 100 })).items.find((w) => w.url === address);
    expect(stored?.events).to.deep.equal([
      'session.held',
      'pair.at-risk',
      'match.published',
      'story.published',
    ]);
  });

  it('refuses an address that is not https, and no event at all, on the fields themselves', async () => {
    await subscribe();
    const el = await mount();
    ($(el, 'details summary') as HTMLElement).click();
    await el.updateComplete;
    ($(el, '#url') as HTMLInputElement).value = 'http://hooks.example.com/rm-kit';
    for (const box of $$<HTMLInputElement>(el, 'input[name="events"]')) box.checked = false;
    (part(el, 'create') as HTMLButtonElement).click();
    await el.updateComplete;
    expect($(el, '#url')?.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#url-error'))).to.equal(
      'This address cannot receive webhooks: use a public https address.',
    );
    expect(text($(el, '#events-error'))).to.equal('Choose at least one event.');
    expect(root(el).activeElement).to.equal($(el, '#url'));
    await expect(el).to.be.accessible();
  });

  it('pauses and resumes a webhook, and deletes it only once confirmed', async () => {
    const webhook = await subscribe();
    const el = await mount();
    button(cardOf(el, webhook.url), 'pause').click();
    await until(() => announced(el) === 'Webhook paused: nothing is sent until you resume it.');
    expect(text(cardOf(el, webhook.url)?.querySelector('[part~="webhook-status"]'))).to.equal('Paused');
    expect(button(cardOf(el, webhook.url), 'ping').disabled).to.equal(true);
    button(cardOf(el, webhook.url), 'resume').click();
    await until(() => announced(el) === 'Webhook resumed.');
    expect(sent(await admin.webhooks.get(webhook.id)).active).to.equal(true);

    button(cardOf(el, webhook.url), 'delete').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'dialog') !== null);
    expect(text($(el, '#confirm-body'))).to.include(webhook.url);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'dialog') === null);
    expect(cardOf(el, webhook.url)).to.not.equal(undefined);

    button(cardOf(el, webhook.url), 'delete').click();
    await until(() => part(el, 'confirm') !== null);
    (part(el, 'confirm') as HTMLButtonElement).click();
    await until(() => announced(el) === 'Webhook deleted.');
    expect(cardOf(el, webhook.url)).to.equal(undefined);
    expect((await admin.webhooks.page({ limit: 100 })).items.map((w) => w.id)).to.not.include(webhook.id);
  });

  it('sends a test and shows it in the delivery log as not delivered, with why, and sends it again', async () => {
    const webhook = await subscribe();
    const el = await mount();
    button(cardOf(el, webhook.url), 'ping').click();
    await until(() => announced(el) === 'Test sent: it appears in the delivery log within a few seconds.');
    const card = () => cardOf(el, webhook.url);
    expect(button(card(), 'toggle-log').getAttribute('aria-expanded')).to.equal('true');
    await until(() => card()?.querySelector('[part~="delivery"]') !== null);
    // The server refuses loopback at delivery time: the log says so within its poll.
    await until(() => {
      if (text(card()?.querySelector('[part~="delivery-status"]')) !== 'Not delivered') {
        button(card(), 'refresh').click();
        return false;
      }
      return true;
    }, 15000);
    const entry = card()?.querySelector('[part~="delivery"]');
    expect(text(entry)).to.include('Test');
    expect(text(entry)).to.include('Attempts: 1 · No answer');
    expect(text(entry?.querySelector('[lang="en"]'))).to.match(/loopback address/);
    await expect(el).to.be.accessible();

    button(entry ?? undefined, 'redeliver').click();
    await until(() => announced(el) === 'Delivery queued again.');
    await until(() => (card()?.querySelectorAll('[part~="delivery"]').length ?? 0) === 2);
    button(card(), 'toggle-log').click();
    await el.updateComplete;
    expect(card()?.querySelector('[part~="log"]')).to.equal(null);
  });

  it('replaces the secret once confirmed, and shows the new one once', async () => {
    const webhook = await subscribe();
    const el = await mount();
    button(cardOf(el, webhook.url), 'rotate').click();
    await until(() => part(el, 'confirm') !== null);
    expect(text($(el, '#confirm-title'))).to.equal('Replace the signing secret?');
    (part(el, 'confirm') as HTMLButtonElement).click();
    await until(() => part(el, 'secret') !== null);
    const rotated = $<HTMLInputElement>(el, '#secret-value')?.value;
    expect(rotated).to.match(/^whsec_/);
    expect(rotated).to.not.equal(webhook.secret);
    expect(sent(await admin.webhooks.get(webhook.id)).secretRotatedAt).to.not.equal(null);
  });

  it('speaks Italian at 375 px, with nothing wider than the screen', async () => {
    const webhook = await subscribe({ description: 'Canale HR su Teams' });
    const el = await mount({ lang: 'it', width: 375 });
    expect(text($(el, 'h2'))).to.equal('Webhook');
    expect(text($(el, 'details summary'))).to.equal('Aggiungi un webhook');
    const card = cardOf(el, webhook.url);
    expect(text(card?.querySelector('[part~="webhook-status"]'))).to.equal('Attivo');
    expect(text(button(card, 'ping'))).to.equal('Invia una prova');
    button(card, 'toggle-log').click();
    await until(() => card?.querySelector('[part~="log"]') !== null);
    expect(text(button(card, 'toggle-log'))).to.equal('Nascondi gli invii');
    ($(el, 'details summary') as HTMLElement).click();
    await el.updateComplete;
    expect(text($(el, 'legend'))).to.equal('Eventi');
    // A long address, whose secret then shows: both wrap within the screen.
    ($(el, '#url') as HTMLInputElement).value = `${uniqueUrl()}/${'percorso'.repeat(8)}`;
    (part(el, 'create') as HTMLButtonElement).click();
    await until(() => part(el, 'secret') !== null);
    expect(text($(el, '.secret p'))).to.equal(
      'Copialo ora e consegnalo a chi gestisce il destinatario: non verrà più mostrato.',
    );
    const box = el.getBoundingClientRect();
    for (const node of $$(el, 'button, input, label, h3, p, .webhook, .url, .badge')) {
      const r = node.getBoundingClientRect();
      if (r.width === 0) continue;
      expect(r.right, node.outerHTML.slice(0, 80)).to.be.at.most(box.right + 0.5);
    }
    await expect(el).to.be.accessible();
  });

  describe('states', () => {
    it('shows a skeleton while it loads', async () => {
      const client = clientWith(await tokenFor(PEOPLE.chiara), {
        fetch: () => new Promise<Response>(() => {}),
      });
      const el = await fixture<RmWebhookSettings>(
        html`<rm-webhook-settings .client=${client}></rm-webhook-settings>`,
      );
      await until(() => part(el, 'loading') !== null);
      await expect(el).to.be.accessible();
    });

    it('says what went wrong and loads again on "Try again"', async () => {
      const flaky = failingUntilRecovered();
      const el = await mount({ client: clientWith(await tokenFor(PEOPLE.chiara), { fetch: flaky.fetch }) });
      expect(text(part(el, 'error'))).to.include('Something went wrong while loading this.');
      await expect(el).to.be.accessible();
      flaky.recover();
      (part(el, 'retry') as HTMLButtonElement).click();
      await until(() => $(el, '.webhooks, [part~="empty"]') !== null);
    });

    it('tells someone who is not an admin that the settings are not for them', async () => {
      const el = await mount({ client: clientWith(await tokenFor(PEOPLE.giulia)) });
      expect(text(part(el, 'error'))).to.include('You do not have access to this.');
      expect(part(el, 'retry')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('asks for a connection', async () => {
      const el = await fixture<RmWebhookSettings>(html`<rm-webhook-settings></rm-webhook-settings>`);
      expect(text(part(el, 'error'))).to.include('put it inside <rm-provider base-url="…">');
      await expect(el).to.be.accessible();
    });
  });
});
