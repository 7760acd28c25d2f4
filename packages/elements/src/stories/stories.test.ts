/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import type { Story } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { meOf, PEOPLE, rmServer, sent, setOffline, tokenFor, until } from '../test-support/server.js';
import './stories.js';
import type { RmStories } from './stories.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: RmStories) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RmStories, selector: string) =>
  shadow(el).querySelector<T>(selector);
const button = (el: RmStories, label: string, within: ParentNode = shadow(el)) =>
  [...within.querySelectorAll('button')].find((b) => text(b) === label) as HTMLButtonElement;
const card = (el: RmStories, title: string) =>
  [...shadow(el).querySelectorAll('article')].find(
    (a) => text(a.querySelector('h3')) === title,
  ) as HTMLElement;
const announced = (el: RmStories) => text($(el, '[role="status"][aria-live="polite"]'));
const settled = (el: RmStories) => () => !$(el, '[part~="loading"]') && Boolean(shadow(el).children.length);

describe('<rm-stories>', () => {
  let url: string;
  let giuliaPair: string;
  const clients: RmClient[] = [];

  async function clientFor(email: string, options: { fetch?: typeof fetch } = {}) {
    const client = createClient({
      baseUrl: url,
      token: await tokenFor(email),
      store: indexedDbStore(`rm-kit-test-${crypto.randomUUID()}`),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...options,
    });
    clients.push(client);
    return client;
  }

  async function mount(client: RmClient, pairId = '', lang = 'en') {
    const wrapper = await fixture(
      html`<div lang=${lang}><rm-stories .client=${client} pair-id=${pairId}></rm-stories></div>`,
    );
    const el = wrapper.querySelector('rm-stories') as RmStories;
    await until(settled(el), 8000);
    await el.updateComplete;
    return el;
  }

  /** A story of Giulia and Marco's pair, written by Giulia, agreed to by whom `agreed` names. */
  async function story(title: string, agreed: ('giulia' | 'marco')[] = []): Promise<Story> {
    let current = sent(
      await (await clientFor(PEOPLE.giulia)).stories.create(giuliaPair, {
        title,
        text: 'Marco now answers the comments under his posts himself.',
        language: 'en',
        quote: { text: 'A profile opens conversations.', by: 'mentee' },
      }),
    );
    for (const who of agreed) current = sent(await (await clientFor(PEOPLE[who])).stories.agree(current));
    return current;
  }

  const tag = () => crypto.randomUUID().slice(0, 6);

  before(async () => {
    url = await rmServer();
    giuliaPair = (await meOf(PEOPLE.giulia)).pairs.find((p) => p.status === 'active')?.id ?? '';
  });

  afterEach(async () => {
    fixtureCleanup();
    for (const client of clients.splice(0)) client.close();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the organisation’s published stories as cards, each in its own language, and nothing to approve', async () => {
    const el = await mount(await clientFor(PEOPLE.luca));
    const italian = card(el, 'Il CFO che risponde ai commenti');
    expect(italian, 'the seeded Italian story').to.exist;
    expect(italian.querySelector('[lang]')?.getAttribute('lang')).to.equal('it');
    expect(text(italian)).to.include('Marco Rinaldi');
    expect(text(italian)).to.include('Chief Financial Officer');
    expect(text(italian)).to.include('— Marco Rinaldi');
    expect(card(el, 'Our CTO now runs his own pipeline review')).to.exist;
    // The story waiting for approval and Giulia's draft are for nobody's home page yet.
    expect(card(el, 'R&D measures its carbon footprint')).to.equal(undefined);
    expect($(el, '[part~="heading"]')).to.equal(null);
    expect(shadow(el).querySelectorAll('button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows the skeleton while loading, and an error with Try again that recovers', async () => {
    const trouble = failingUntilRecovered();
    let answer = () => {};
    const asked = new Promise<void>((resolve) => {
      answer = resolve;
    });
    // The server answers only once the skeleton was seen, and then as a server in trouble.
    const slow: typeof fetch = async (input, init) => {
      await asked;
      return trouble.fetch(input, init);
    };
    const wrapper = await fixture(
      html`<div><rm-stories .client=${await clientFor(PEOPLE.luca, { fetch: slow })}></rm-stories></div>`,
    );
    const el = wrapper.querySelector('rm-stories') as RmStories;
    await until(() => $(el, '[part~="loading"]') !== null);
    await expect(el).to.be.accessible();
    answer();
    await until(() => $(el, '[part~="error"]') !== null);
    await expect(el).to.be.accessible();
    trouble.recover();
    $(el, '[part~="retry"]')?.click();
    await until(() => card(el, 'Il CFO che risponde ai commenti') !== undefined);
  });

  it('lets the admin approve a story both agreed to, by keyboard through the dialog, and everyone reads it', async () => {
    const title = `Approved by keyboard ${tag()}`;
    await story(title, ['giulia', 'marco']);
    const el = await mount(await clientFor(PEOPLE.chiara));
    expect(text($(el, '#queue-heading'))).to.equal('Waiting for your approval');
    const waiting = card(el, title);
    expect(waiting, 'in the queue').to.exist;
    await expect(el).to.be.accessible();
    button(el, 'Approve and publish', waiting).focus();
    await sendKeys({ press: 'Enter' });
    const dialog = () => $<HTMLDialogElement>(el, 'dialog');
    await until(() => dialog()?.open === true);
    expect(text(dialog())).to.include('Everyone in the organisation will read it');
    await expect(el).to.be.accessible();
    // The safe answer has focus: Tab to the confirming button.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el) === 'The story is published.');
    expect(shadow(el).activeElement?.id).to.equal('queue-heading');
    const published = card(el, title);
    expect(published.closest('[part~="queue"]')).to.equal(null);
    const everyone = await (await clientFor(PEOPLE.luca)).stories.page();
    expect(everyone.items.map((s) => s.title)).to.include(title);
  });

  it('lets the admin return a story with a note that only the pair reads', async () => {
    const title = `Returned ${tag()}`;
    const written = await story(title, ['giulia', 'marco']);
    const el = await mount(await clientFor(PEOPLE.chiara));
    button(el, 'Return with a note', card(el, title)).click();
    await until(() => $(el, 'textarea[name="note"]') !== null);
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('note');
    await sendKeys({ type: 'Please leave out the follower figures.' });
    await expect(el).to.be.accessible();
    button(el, 'Return to the pair').click();
    await until(() => announced(el) === 'The story is back with the pair, with your note.');
    expect(card(el, title)).to.equal(undefined);
    const read = await (await clientFor(PEOPLE.marco)).stories.get(written.id);
    expect(read).to.deep.include({
      status: 'returned',
      returnNote: 'Please leave out the follower figures.',
    });
  });

  it('lets a member write a story by keyboard, agree to it, and shows the partner’s agreement', async () => {
    const el = await mount(await clientFor(PEOPLE.giulia), giuliaPair);
    await expect(el).to.be.accessible();
    button(el, 'Write a story').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.getAttribute('name') === 'title');
    const title = `Written by keyboard ${tag()}`;
    await sendKeys({ type: title });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Marco explains the quarter in plain words.' });
    await expect(el).to.be.accessible();
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await until(() => announced(el) === 'Story saved.');
    const saved = card(el, title);
    expect(text(saved)).to.include('Draft');
    expect(text(saved)).to.include('Marco Rinaldi has not agreed yet.');
    expect(shadow(el).activeElement?.textContent).to.equal(title);
    button(el, 'Agree to publish', saved).click();
    await until(() => announced(el) === 'You agreed to publish the story.');
    expect(text(card(el, title))).to.include('You agreed to publish this version.');

    const marco = await mount(await clientFor(PEOPLE.marco), giuliaPair);
    expect(text(card(marco, title))).to.include('Giulia Rossi agreed to publish this version.');
    await expect(marco).to.be.accessible();
  });

  it('warns before a change that withdraws the other side’s agreement, and the server withdraws it', async () => {
    const title = `Edited ${tag()}`;
    const written = await story(title, ['giulia']);
    const el = await mount(await clientFor(PEOPLE.marco), giuliaPair);
    button(el, 'Edit', card(el, title)).click();
    await until(() => $(el, 'form') !== null);
    expect(text($(el, 'form'))).to.include(
      'Saving a change withdraws the agreement of Giulia Rossi, who will be asked to agree again.',
    );
    const field = $<HTMLInputElement>(el, 'input[name="title"]');
    if (!field) throw new Error('no title field');
    field.value = `${title} (Marco’s words)`;
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await until(() => announced(el) === 'Story saved.');
    expect(text(card(el, `${title} (Marco’s words)`))).to.include('Giulia Rossi has not agreed yet.');
    const read = await (await clientFor(PEOPLE.giulia)).stories.get(written.id);
    expect(read.agreedAt.mentor).to.equal(null);
  });

  it('says when a pair has no story yet', async () => {
    const luca = await meOf(PEOPLE.luca);
    const pairId = luca.pairs[0]?.id ?? '';
    const el = await mount(await clientFor(PEOPLE.luca), pairId);
    expect(text($(el, '[part~="empty"]'))).to.include('You have not written a story yet.');
    await expect(el).to.be.accessible();
  });

  it('keeps an agreement given offline as waiting, and it arrives once back online', async () => {
    const title = `Offline ${tag()}`;
    const written = await story(title);
    const client = await clientFor(PEOPLE.marco);
    const el = await mount(client, giuliaPair);
    try {
      await setOffline(true);
      button(el, 'Agree to publish', card(el, title)).click();
      await until(() => announced(el).startsWith('You are offline'));
      await expect(el).to.be.accessible();
      await setOffline(false);
      await client.sync();
      await until(() => text(card(el, title)).includes('You agreed to publish this version.'));
      const read = await (await clientFor(PEOPLE.giulia)).stories.get(written.id);
      expect(read.agreedAt.mentee).to.be.a('string');
    } finally {
      await setOffline(false);
    }
  });

  it('speaks Italian and fits 375 px', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await mount(await clientFor(PEOPLE.giulia), giuliaPair, 'it');
    expect(text(button(el, 'Scrivi una storia'))).to.equal('Scrivi una storia');
    const draft = card(el, 'Dall’intelligenza artificiale al consiglio di amministrazione');
    expect(text(draft)).to.include('Bozza');
    expect(text(draft)).to.include('Marco Rinaldi non ha ancora dato il consenso.');
    expect(text(draft)).to.include('Hai dato il consenso alla pubblicazione di questa versione.');
    const box = el.getBoundingClientRect();
    expect(box.width).to.be.at.most(375);
    for (const node of shadow(el).querySelectorAll('button, article, h3')) {
      expect(node.getBoundingClientRect().right, text(node)).to.be.at.most(box.right + 0.5);
    }
    await expect(el).to.be.accessible();
    const home = await mount(await clientFor(PEOPLE.chiara), '', 'it');
    expect(text($(home, '#queue-heading'))).to.equal('In attesa della tua approvazione');
    for (const node of shadow(home).querySelectorAll('button, article')) {
      expect(node.getBoundingClientRect().right, text(node)).to.be.at.most(
        home.getBoundingClientRect().right + 0.5,
      );
    }
    await expect(home).to.be.accessible();
  });
});
