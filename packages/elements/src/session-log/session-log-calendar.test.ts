/// <reference types="mocha" />
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, memoryStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { meOf, PEOPLE, rmServer, tokenFor, until } from '../test-support/server.js';
import type { RmSessionLog } from './session-log.js';
import './session-log.js';

// The log's virtual list reports a benign "ResizeObserver loop" error (see session-log.test.ts).
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

describe('<rm-session-log> Add to calendar', () => {
  let url: string;
  let pairId: string;
  const clients: RmClient[] = [];

  async function clientAs(person: keyof typeof PEOPLE, fetch?: typeof globalThis.fetch) {
    const client = createClient({
      baseUrl: url,
      token: await tokenFor(PEOPLE[person]),
      store: memoryStore(),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...(fetch ? { fetch } : {}),
    });
    clients.push(client);
    return client;
  }

  const root = (el: RmSessionLog) => el.shadowRoot as ShadowRoot;
  const $ = <T extends Element = HTMLElement>(el: RmSessionLog, selector: string) =>
    root(el).querySelector<T>(selector);
  const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const dialog = (el: RmSessionLog) => $<HTMLDialogElement>(el, 'dialog[part="calendar"]');
  const feed = (el: RmSessionLog, scope: 'pair' | 'mine') => $(el, `#feed-${scope}`);
  const button = (el: RmSessionLog, scope: 'pair' | 'mine', label: string) =>
    [...(feed(el, scope)?.querySelectorAll('button') ?? [])].find((b) => text(b) === label) as
      | HTMLButtonElement
      | undefined;
  const linkOf = (el: RmSessionLog, scope: 'pair' | 'mine') =>
    feed(el, scope)?.querySelector<HTMLInputElement>('input')?.value ?? '';
  const announced = (el: RmSessionLog) =>
    $(el, '[role="status"][aria-live="polite"]')?.textContent?.trim() ?? '';

  async function mount(client: RmClient, lang = 'en'): Promise<RmSessionLog> {
    const wrapper = await fixture(
      html`<div lang=${lang}><rm-session-log .client=${client} pair-id=${pairId}></rm-session-log></div>`,
    );
    const el = wrapper.firstElementChild as RmSessionLog;
    await until(() => Boolean($(el, '[part="calendar-button"]')), 8000);
    return el;
  }

  /**
   * Opens the dialog as a keyboard user does, and waits for both links to be read. The
   * dialog is a part fetched on the first open (with its words in the page's language), which
   * takes longer than a render when the browser tests share two cores.
   */
  async function open(el: RmSessionLog) {
    $(el, '[part="calendar-button"]')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => dialog(el)?.open === true, 15_000);
    await until(() => !root(el).querySelector('dialog [role="status"]'), 15_000);
  }

  before(async () => {
    url = await rmServer();
    const [giulia, marco] = await Promise.all([meOf(PEOPLE.giulia), meOf(PEOPLE.marco)]);
    pairId = giulia.pairs.find((p) => p.menteeId === marco.person.id)?.id ?? '';
    // Each test starts with no links: another run may have left some on the shared server.
    const client = await clientAs('giulia');
    await client.calendar.turnOffPairLink(pairId);
    await client.calendar.turnOffMyLink();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await setViewport({ width: 800, height: 600 });
  });

  it('makes a link to the pair’s feed that a calendar app opens, by keyboard, and gives focus back on Escape', async () => {
    const el = await mount(await clientAs('giulia'));
    await open(el);
    expect(root(el).activeElement?.closest('dialog')).to.equal(dialog(el));
    expect(text(dialog(el))).to.include('Add your sessions to a calendar');
    expect(text(feed(el, 'pair'))).to.include('No link yet.');
    expect(text(dialog(el))).to.include('Outlook');
    expect(text(dialog(el))).to.include('Google Calendar');
    await expect(el).to.be.accessible();

    button(el, 'pair', 'Make a link')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => linkOf(el, 'pair') !== '');
    const link = linkOf(el, 'pair');
    expect(link).to.match(new RegExp(`^${url}/v1/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(root(el).activeElement?.tagName).to.equal('INPUT');
    expect(text(feed(el, 'pair'))).to.include('shown only this once');
    expect(announced(el)).to.equal('New link made');
    await expect(el).to.be.accessible();

    // A calendar app sends no token.
    const ics = await fetch(link);
    expect(ics.status).to.equal(200);
    const body = await ics.text();
    expect(body).to.include('BEGIN:VEVENT');
    expect(body).to.include('Mentoring · Marco Rinaldi');

    // What reaches the clipboard, read as it is written (reading it back needs a permission).
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    let copied = '';
    clipboard.writeText = (value: string) => {
      copied = value;
      return write(value);
    };
    button(el, 'pair', 'Copy link')?.click();
    await until(() => announced(el) !== 'New link made');
    clipboard.writeText = write;
    const input = feed(el, 'pair')?.querySelector('input') as HTMLInputElement;
    if (announced(el) === 'Link copied') expect(copied).to.equal(link);
    else {
      // No clipboard here: the link is selected, for the user to copy.
      expect(announced(el)).to.equal('Select the link and copy it.');
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([0, link.length]);
    }

    await sendKeys({ press: 'Escape' });
    await until(() => !dialog(el));
    expect(root(el).activeElement?.getAttribute('part')).to.equal('calendar-button');
  });

  it('replaces a link after asking, and the old one stops working; then turns it off', async () => {
    const client = await clientAs('giulia');
    const first = await client.calendar.newPairLink(pairId);
    const el = await mount(client);
    await open(el);
    expect(text(feed(el, 'pair'))).to.include('The link is on. Made on:');
    expect(feed(el, 'pair')?.querySelector('input')).to.equal(null);

    button(el, 'pair', 'New link')?.click();
    await until(() => text(feed(el, 'pair')).includes('The current one stops working'));
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Keep the link');
    await expect(el).to.be.accessible();
    button(el, 'pair', 'Make a new link')?.click();
    await until(() => linkOf(el, 'pair') !== '');
    const second = linkOf(el, 'pair');
    expect(second).not.to.equal(first.url);
    expect((await fetch(first.url)).status).to.equal(404);
    expect((await fetch(second)).status).to.equal(200);

    button(el, 'pair', 'Turn off')?.click();
    await until(() => text(feed(el, 'pair')).includes('Calendars that use it stop updating'));
    button(el, 'pair', 'Turn off the link')?.click();
    await until(() => text(feed(el, 'pair')).includes('No link yet.'));
    expect(announced(el)).to.equal('Link turned off');
    expect((await fetch(second)).status).to.equal(404);
    expect((await client.calendar.pairFeed(pairId)).active).to.equal(false);
  });

  it('makes a link to all of the viewer’s sessions, which holds the pair’s', async () => {
    const client = await clientAs('marco');
    const el = await mount(client);
    await open(el);
    expect(text(feed(el, 'mine'))).to.include('The sessions of every pair you are in');
    button(el, 'mine', 'Make a link')?.click();
    await until(() => linkOf(el, 'mine') !== '');
    const body = await (await fetch(linkOf(el, 'mine'))).text();
    expect(body).to.include('Mentoring · Giulia Rossi');
    await client.calendar.turnOffMyLink();
  });

  it('says so when a link cannot be read or changed', async () => {
    const refusing: typeof fetch = (input, init) =>
      String(input).includes('calendar-feed')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : globalThis.fetch(input, init);
    const el = await mount(await clientAs('giulia', refusing));
    $(el, '[part="calendar-button"]')?.click();
    await until(() => text(feed(el, 'pair')).includes('could not be changed'));
    expect(feed(el, 'pair')?.querySelector('[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('speaks Italian and fits a 375 px screen', async () => {
    await setViewport({ width: 375, height: 740 });
    const el = await mount(await clientAs('giulia'), 'it');
    expect(text($(el, '[part="calendar-button"]'))).to.equal('Aggiungi al calendario');
    await open(el);
    expect(text(dialog(el))).to.include('Aggiungi le sessioni a un calendario');
    expect(text(feed(el, 'pair'))).to.include('Nessun link per ora.');
    button(el, 'pair', 'Crea il link')?.click();
    await until(() => linkOf(el, 'pair') !== '');
    expect(text(feed(el, 'pair'))).to.include('Copialo ora: per sicurezza viene mostrato solo questa volta.');
    const box = dialog(el)?.getBoundingClientRect() as DOMRect;
    expect(box.left).to.be.at.least(0);
    expect(box.right).to.be.at.most(375);
    for (const control of dialog(el)?.querySelectorAll('button, input') ?? []) {
      expect(control.getBoundingClientRect().right, text(control)).to.be.at.most(box.right + 0.5);
    }
    await expect(el).to.be.accessible();
    const client = clients[0] as RmClient;
    await client.calendar.turnOffPairLink(pairId);
  });
});
