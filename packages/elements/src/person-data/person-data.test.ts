/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import type { PersonData } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { meOf, PEOPLE, rmServer, sent, tokenFor, until } from '../test-support/server.js';
import './person-data.js';
import type { RmPersonData } from './person-data.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: RmPersonData) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RmPersonData, selector: string) =>
  root(el).querySelector<T>(selector);
const part = (el: RmPersonData, name: string) => $(el, `[part~="${name}"]`);
const settled = (el: RmPersonData) => () => Boolean($(el, '[part~="base"], [part~="error"]'));

describe('<rm-person-data>', () => {
  let url: string;
  let admin: RmClient;
  const clients: RmClient[] = [];
  /** The files the element saved, as the browser was handed them. */
  const saved: Blob[] = [];
  const createObjectURL = URL.createObjectURL;

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

  async function mount(client: RmClient, lang?: string) {
    const wrapper = await fixture(
      html`<div lang=${lang ?? 'en'} style=${lang === 'it' ? 'width: 375px' : ''}>
        <rm-person-data .client=${client}></rm-person-data>
      </div>`,
    );
    const el = wrapper.querySelector('rm-person-data') as RmPersonData;
    await until(settled(el), 8000);
    await el.updateComplete;
    return el;
  }

  /** Someone new, so erasing them leaves the demo's people to the other test files. */
  async function newcomer(name: string) {
    const tag = crypto.randomUUID().slice(0, 8);
    return sent(
      await admin.people.create({
        email: `${name.toLowerCase().replace(/\s+/g, '.')}.${tag}@contoso.example`,
        displayName: `${name} ${tag}`,
        department: 'Finance',
        careerStage: 'senior',
        locale: 'it',
      }),
    );
  }

  async function search(el: RmPersonData, q: string) {
    const input = $(el, '#q') as HTMLInputElement;
    input.focus();
    input.value = q;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await until(() => !($(el, '[part~="search"] button') as HTMLButtonElement).disabled, 8000);
    await el.updateComplete;
  }

  async function lastSaved(): Promise<PersonData> {
    await until(() => saved.length > 0);
    return JSON.parse(await (saved.at(-1) as Blob).text()) as PersonData;
  }

  before(async () => {
    url = await rmServer();
    admin = await clientFor(PEOPLE.chiara);
    clients.splice(clients.indexOf(admin), 1);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      if (blob instanceof Blob) saved.push(blob);
      return createObjectURL(blob);
    };
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    fixtureCleanup();
    saved.length = 0;
    for (const client of clients.splice(0)) client.close();
  });

  after(() => {
    URL.createObjectURL = createObjectURL;
    admin.close();
  });

  it('lets a mentor download her own data by keyboard, and shows her no people part', async () => {
    const giulia = await meOf(PEOPLE.giulia);
    const el = await mount(await clientFor(PEOPLE.giulia));
    expect(text(part(el, 'mine'))).to.include('your private notes and your own feedback answers');
    expect(part(el, 'people')).to.equal(null);
    await expect(el).to.be.accessible();
    el.view = 'people';
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.equal('You do not have access to this.');
    el.view = 'all';
    await el.updateComplete;
    const exported = oneEvent(el, 'rm-data-exported');
    for (let i = 0; i < 10 && root(el).activeElement !== part(el, 'download'); i++) {
      await sendKeys({ press: 'Tab' });
    }
    await sendKeys({ press: 'Enter' });
    const { detail } = await exported;
    expect(detail).to.include({ personId: giulia.person.id, scope: 'self' });
    expect(detail.fileName).to.match(/^rm-kit-my-data-\d{4}-\d\d-\d\d\.json$/);
    const data = await lastSaved();
    expect(data.person.email).to.equal(PEOPLE.giulia);
    expect(data.sections.sessions?.length).to.be.greaterThan(0);
    for (const note of data.sections.privateNotes ?? []) expect(note.authorId).to.equal(giulia.person.id);
    for (const answer of data.sections.feedback ?? []) expect(answer.authorId).to.equal(giulia.person.id);
    await until(() => part(el, 'result') !== null);
    expect(text(part(el, 'result'))).to.equal(`Your data was downloaded as ${detail.fileName}.`);
    await expect(el).to.be.accessible();
  });

  it('lets an admin find a person and save what admins may read about them as a file, never shown', async () => {
    const el = await mount(await clientFor(PEOPLE.chiara));
    expect(part(el, 'people')).to.not.equal(null);
    await search(el, 'Marco Rinaldi');
    const rows = root(el).querySelectorAll('[part~="person"]');
    expect(rows.length).to.equal(1);
    expect(text(rows[0])).to.include(PEOPLE.marco);
    await expect(el).to.be.accessible();
    (part(el, 'export') as HTMLButtonElement).click();
    const data = await lastSaved();
    expect(data.scope).to.equal('admin');
    expect(Object.keys(data.sections).sort()).to.deep.equal(['enrollments', 'pairs']);
    await until(() => part(el, 'result') !== null);
    expect(text(part(el, 'result'))).to.include('The data of Marco Rinaldi was downloaded as rm-kit-person-');
    expect(text(root(el))).to.not.include('"sections"');
    await search(el, 'nobody-by-this-name');
    expect(text(part(el, 'people'))).to.include('Nobody matches “nobody-by-this-name”.');
  });

  it('erases a person only once their name is typed, and says what was removed', async () => {
    const person = await newcomer('Vittoria Gallo');
    const el = await mount(await clientFor(PEOPLE.chiara));
    await search(el, person.displayName);
    const erase = part(el, 'erase') as HTMLButtonElement;
    erase.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(text(dialog.querySelector('h2'))).to.equal(`Erase ${person.displayName}?`);
    expect(text(dialog)).to.include('Former participant');
    expect(root(el).activeElement?.id).to.equal('typed');
    const confirm = part(el, 'confirm') as HTMLButtonElement;
    expect(confirm.disabled).to.equal(true);
    await expect(el).to.be.accessible();

    // Escape keeps them, and focus goes back to the button that asked.
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, 'dialog') === null);
    expect(root(el).activeElement).to.equal(erase);
    expect((await admin.people.get(person.id)).displayName).to.equal(person.displayName);

    await sendKeys({ press: 'Enter' });
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    await sendKeys({ type: 'Vittoria' });
    await el.updateComplete;
    expect(text($(el, '#typed-hint'))).to.equal('The name does not match yet.');
    expect((part(el, 'confirm') as HTMLButtonElement).disabled).to.equal(true);
    await sendKeys({ type: person.displayName.slice('Vittoria'.length) });
    await el.updateComplete;
    expect((part(el, 'confirm') as HTMLButtonElement).disabled).to.equal(false);
    const erased = oneEvent(el, 'rm-person-erased');
    await sendKeys({ press: 'Enter' });
    const { detail } = await erased;
    expect(detail.erasure.personId).to.equal(person.id);
    await until(() => text(part(el, 'result')).startsWith('Erased'));
    expect(text(part(el, 'result'))).to.equal(
      `Erased: ${person.displayName}. Private notes deleted: 0. Feedback answers cleared of their text: 0. Applications cleared of their motivation: 0.`,
    );
    expect(root(el).activeElement).to.equal(part(el, 'result'));
    expect(root(el).querySelectorAll('[part~="person"]').length).to.equal(0);
    expect((await admin.people.page({ q: person.displayName })).items).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('speaks Italian at 375 px, with every control inside the screen', async () => {
    await setViewport({ width: 375, height: 800 });
    const person = await newcomer('Ludovica Neri');
    const el = await mount(await clientFor(PEOPLE.chiara), 'it');
    expect(text(part(el, 'mine'))).to.include('I tuoi dati');
    expect(text(part(el, 'download'))).to.equal('Scarica i miei dati');
    expect(text(part(el, 'people'))).to.include('Dati delle persone');
    await search(el, person.displayName);
    expect(text(part(el, 'export'))).to.equal('Esporta');
    (part(el, 'erase') as HTMLButtonElement).click();
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(text(dialog.querySelector('h2'))).to.equal(`Vuoi cancellare ${person.displayName}?`);
    expect(text(dialog)).to.include('«Ex partecipante»');
    expect(text(part(el, 'confirm'))).to.equal('Cancella definitivamente');
    // The element within its 375 px column, the dialog within the 375 px screen.
    const right = Math.max(el.getBoundingClientRect().right, window.innerWidth);
    for (const control of root(el).querySelectorAll('button, input, label')) {
      const r = control.getBoundingClientRect();
      if (r.width === 0) continue;
      expect(r.right, control.outerHTML.slice(0, 60)).to.be.at.most(right + 0.5);
    }
    await expect(el).to.be.accessible();
  });

  it('shows an error with Try again while the server fails, and loads once it answers', async () => {
    const trouble = failingUntilRecovered();
    const el = await mount(await clientFor(PEOPLE.giulia, { fetch: trouble.fetch }));
    expect(part(el, 'error')).to.not.equal(null);
    await expect(el).to.be.accessible();
    trouble.recover();
    (part(el, 'retry') as HTMLButtonElement).click();
    await until(() => part(el, 'download') !== null, 8000);
    expect(text(part(el, 'download'))).to.equal('Download my data');
  });
});
