/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import type { Enrollment, Program } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { PEOPLE, rmServer, sent, stopServer, tokenFor, until } from '../test-support/server.js';
import './enrollment-form.js';
import type { RmEnrollmentForm } from './enrollment-form.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: RmEnrollmentForm) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RmEnrollmentForm, selector: string) =>
  root(el).querySelector<T>(selector);
const part = (el: RmEnrollmentForm, name: string) => $(el, `[part~="${name}"]`);
const announced = (el: RmEnrollmentForm) => text($(el, '[role="status"][aria-live="polite"]'));
const settled = (el: RmEnrollmentForm) => () =>
  Boolean($(el, '[part~="form"], [part~="application"], [part~="empty"], [part~="error"], .closed, .apply'));

describe('<rm-enrollment-form>', () => {
  let url: string;
  let admin: RmClient;
  let open: Program;
  let active: Program;
  const clients: RmClient[] = [];
  const tokens = new Map<string, string>();

  async function clientFor(email: string, options: { fetch?: typeof fetch } = {}) {
    let token = tokens.get(email);
    if (!token) {
      token = await tokenFor(email);
      tokens.set(email, token);
    }
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
  }

  /** Someone new in the organisation, with no application yet. */
  async function newcomer(name: string, stage: 'early' | 'senior' = 'early') {
    const tag = crypto.randomUUID().slice(0, 8);
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}.${tag}@contoso.example`;
    const person = await admin.people.create({
      email,
      displayName: name,
      department: stage === 'early' ? 'Finance' : 'Operations',
      careerStage: stage,
      locale: 'en',
      languages: ['it', 'en'],
    });
    return { email, id: sent(person).id };
  }

  async function mount(client: RmClient, programId = open.id, lang?: string) {
    const wrapper = await fixture(
      lang
        ? html`<div lang=${lang}>
            <rm-enrollment-form .client=${client} program-id=${programId}></rm-enrollment-form>
          </div>`
        : html`<div><rm-enrollment-form .client=${client} program-id=${programId}></rm-enrollment-form></div>`,
    );
    const el = wrapper.querySelector('rm-enrollment-form') as RmEnrollmentForm;
    await until(settled(el), 8000);
    await el.updateComplete;
    return el;
  }

  async function serverEnrollment(personId: string): Promise<Enrollment | undefined> {
    for await (const enrollment of admin.enrollments.list(open.id)) {
      if (enrollment.personId === personId) return enrollment;
    }
    return undefined;
  }

  /** Tabs forward until `check` holds for the focused control, as a keyboard user would. */
  async function tabTo(el: RmEnrollmentForm, check: (active: Element | null) => boolean) {
    for (let i = 0; i < 60 && !check(root(el).activeElement); i++) await sendKeys({ press: 'Tab' });
    expect(check(root(el).activeElement), 'reached by Tab').to.equal(true);
  }

  before(async () => {
    url = await rmServer();
    // The admin's client lives for the whole file: the tests' own clients close after each.
    admin = await clientFor(PEOPLE.chiara);
    clients.splice(clients.indexOf(admin), 1);
    const programs: Program[] = [];
    for await (const program of admin.programs.list()) programs.push(program);
    active = programs.find((p) => p.status === 'active') as Program;
    expect(active, 'an active program').to.exist;
    // A program of the file's own to apply to, so the demo's stays as seeded for other tests.
    open = sent(
      await admin.programs.create({
        name: `Open doors ${crypto.randomUUID().slice(0, 8)}`,
        startsOn: '2027-03-01',
        endsOn: '2027-12-17',
        status: 'enrolling',
        topics: ['ai-tools', 'social-media', 'sustainability', 'career'],
      }),
    );
  });

  afterEach(() => {
    fixtureCleanup();
    for (const client of clients.splice(0)) client.close();
  });

  after(() => admin.close());

  it('applies as a mentor by keyboard only, and the server has exactly that application', async () => {
    const me = await newcomer('Irene Sala');
    const el = await mount(await clientFor(me.email));
    expect(text(part(el, 'program'))).to.include(open.name);
    await expect(el).to.be.accessible();

    const first = $(el, 'input[name="role"][value="mentor"]') as HTMLInputElement;
    first.focus();
    await sendKeys({ press: 'Space' });
    await until(() => first.checked);
    // The capacity question appears for a mentor only.
    await until(() => $(el, '#ef-capacity') !== null);
    const topic = open.topics[0] as string;
    await tabTo(el, (a) => a?.getAttribute('value') === topic);
    await sendKeys({ press: 'Space' });
    await tabTo(el, (a) => a?.id === 'ef-capacity');
    await sendKeys({ press: 'ArrowUp' });
    await tabTo(el, (a) => a?.getAttribute('value') === 'tue-pm');
    await sendKeys({ press: 'Space' });
    await tabTo(el, (a) => a?.id === 'ef-motivation');
    await sendKeys({ type: 'I run our climate workshop.' });
    await tabTo(el, (a) => a?.getAttribute('part') === 'submit');
    const changed = oneEvent(el, 'rm-enrollment-changed');
    await sendKeys({ press: 'Enter' });
    const { detail } = await changed;
    expect(detail).to.include({ programId: open.id, status: 'applied', change: 'applied', pending: false });

    await until(() => part(el, 'application') !== null);
    expect(text(part(el, 'status'))).to.include('Under review');
    expect(text(part(el, 'application'))).to.include('Mentor · early career, you teach');
    await until(() => announced(el) === 'Application sent.');
    expect(root(el).activeElement?.classList.contains('application-title')).to.equal(true);
    await expect(el).to.be.accessible();

    const onServer = await serverEnrollment(me.id);
    expect(onServer?.role).to.equal('mentor');
    expect(onServer?.topics).to.deep.equal([topic]);
    expect(onServer?.capacity).to.equal(2);
    expect(onServer?.motivation).to.equal('I run our climate workshop.');
    // The person's own languages come ticked; the half day chosen is the only one.
    expect(onServer?.languages).to.deep.equal(['it', 'en']);
    expect(onServer?.availability).to.deep.equal(['tue-pm']);
    expect(text(part(el, 'application'))).to.include('Usually free Tuesday afternoon');
  });

  it('says what is missing beside each question and focuses the first', async () => {
    const me = await newcomer('Bruno Villa', 'senior');
    const el = await mount(await clientFor(me.email));
    (part(el, 'submit') as HTMLButtonElement).click();
    await until(() => $(el, '#ef-role-error') !== null);
    expect(text($(el, '#ef-role-error'))).to.equal('Choose whether you take part as mentor or as mentee.');
    expect(text($(el, '#ef-topics-error'))).to.equal('Choose at least one topic.');
    expect(root(el).activeElement?.getAttribute('name')).to.equal('role');
    await until(() => announced(el) === 'There are 2 answers to check.');
    await expect(el).to.be.accessible();
    // Nothing reached the server.
    expect(await serverEnrollment(me.id)).to.equal(undefined);
  });

  it('changes an application under review, and withdraws it after asking, in a dialog that Escape dismisses', async () => {
    const me = await newcomer('Carla Neri', 'senior');
    const client = await clientFor(me.email);
    const topic = open.topics[0] as string;
    const other = open.topics[1] as string;
    sent(await client.enrollments.create(open.id, { personId: me.id, role: 'mentee', topics: [topic] }));
    const el = await mount(client);
    expect(text(part(el, 'application'))).to.include('Mentee · senior, you learn');

    (part(el, 'edit') as HTMLButtonElement).click();
    await until(() => part(el, 'form') !== null);
    expect(text(part(el, 'form'))).to.include('Change your application');
    const box = $(el, `input[name="topics"][value="${other}"]`) as HTMLInputElement;
    box.click();
    (part(el, 'submit') as HTMLButtonElement).click();
    await until(() => announced(el) === 'Changes saved.');
    expect((await serverEnrollment(me.id))?.topics).to.have.members([topic, other]);

    const withdraw = part(el, 'withdraw') as HTMLButtonElement;
    withdraw.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(text(dialog)).to.include('Withdraw your application?');
    // The safe answer has the focus.
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Keep my application');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, 'dialog') === null);
    expect((await serverEnrollment(me.id))?.status).to.equal('applied');
    await until(() => root(el).activeElement === part(el, 'withdraw'));

    await sendKeys({ press: 'Enter' });
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    (part(el, 'confirm') as HTMLButtonElement).click();
    await until(() => text(part(el, 'status')).includes('Withdrawn'));
    expect(text(part(el, 'application'))).to.include('To take part after all, ask the program’s HR leads.');
    expect(part(el, 'withdraw')).to.equal(null);
    expect(part(el, 'edit')).to.equal(null);
    expect((await serverEnrollment(me.id))?.status).to.equal('withdrawn');
    await expect(el).to.be.accessible();
  });

  it('shows an accepted application without changes, and still lets it be withdrawn', async () => {
    const me = await newcomer('Dario Costa');
    const client = await clientFor(me.email);
    const enrollment = sent(
      await client.enrollments.create(open.id, {
        personId: me.id,
        role: 'mentor',
        topics: open.topics.slice(0, 2),
      }),
    );
    sent(await admin.enrollments.update(enrollment, { status: 'accepted' }));
    const el = await mount(client);
    expect(text(part(el, 'status'))).to.include('Accepted');
    expect(text(part(el, 'application'))).to.include('Once the pairs are proposed');
    expect(part(el, 'edit')).to.equal(null);
    expect(part(el, 'withdraw')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks Italian at 375 px, with every choice inside the screen', async () => {
    const me = await newcomer('Elisa Ferrari');
    const client = await clientFor(me.email);
    const wrapper = await fixture(
      html`<div lang="it" style="width: 375px">
        <rm-enrollment-form .client=${client} program-id=${open.id}></rm-enrollment-form>
      </div>`,
    );
    const el = wrapper.querySelector('rm-enrollment-form') as RmEnrollmentForm;
    await until(settled(el), 8000);
    ($(el, 'input[name="role"][value="mentor"]') as HTMLInputElement).click();
    await until(() => $(el, '#ef-capacity') !== null);
    const form = text(part(el, 'form'));
    expect(form).to.include('Mentor · inizio carriera, insegni tu');
    expect(form).to.include('Mentee · senior, impari tu');
    expect(form).to.include('Temi che puoi insegnare');
    expect(form).to.include('Quanti mentee puoi seguire contemporaneamente?');
    expect(form).to.include('Quando sei di solito disponibile');
    expect(text(part(el, 'submit'))).to.equal('Invia la candidatura');
    expect($(el, 'input[value="mon-am"]')?.closest('label')?.textContent?.trim()).to.equal('Lunedì mattina');
    const box = el.getBoundingClientRect();
    for (const control of root(el).querySelectorAll('label, button, textarea, input')) {
      const r = control.getBoundingClientRect();
      if (r.width === 0) continue;
      expect(r.right, control.outerHTML.slice(0, 60)).to.be.at.most(box.right + 0.5);
    }
    await expect(el).to.be.accessible();
  });

  it('keeps an application sent offline waiting, and sends it once when the server is back', async () => {
    const me = await newcomer('Fabio Greco', 'senior');
    const client = await clientFor(me.email);
    const el = await mount(client);
    ($(el, 'input[name="role"][value="mentee"]') as HTMLInputElement).click();
    ($(el, `input[name="topics"][value="${open.topics[0]}"]`) as HTMLInputElement).click();
    await stopServer();
    try {
      (part(el, 'submit') as HTMLButtonElement).click();
      await until(() => part(el, 'application') !== null, 10000);
      expect(text(part(el, 'application'))).to.include('Waiting to be sent');
      expect(text(part(el, 'application'))).to.include(
        'You are offline: it will be sent when you are back online.',
      );
      await until(() => announced(el).includes('will be sent when you are back online'));
      await expect(el).to.be.accessible();
    } finally {
      await rmServer();
    }
    const changed = oneEvent(el, 'rm-enrollment-changed');
    await client.sync();
    expect((await changed).detail.pending).to.equal(false);
    await until(() => !text(part(el, 'application')).includes('Waiting to be sent'));
    expect(text(part(el, 'status'))).to.include('Under review');
    const onServer: Enrollment[] = [];
    for await (const enrollment of admin.enrollments.list(open.id)) {
      if (enrollment.personId === me.id) onServer.push(enrollment);
    }
    expect(onServer).to.have.length(1);
  });

  describe('states', () => {
    it('says a program no longer open is closed to a newcomer', async () => {
      const me = await newcomer('Gaia Bruno');
      const el = await mount(await clientFor(me.email), active.id);
      expect(text($(el, '.closed'))).to.equal('Enrolment for this program has closed.');
      expect(part(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lists the programs open for enrolment without a program-id', async () => {
      const me = await newcomer('Ugo Riva');
      const client = await clientFor(me.email);
      const wrapper = await fixture(
        html`<div><rm-enrollment-form .client=${client}></rm-enrollment-form></div>`,
      );
      const el = wrapper.querySelector('rm-enrollment-form') as RmEnrollmentForm;
      await until(settled(el), 8000);
      const titles = [...root(el).querySelectorAll('[part~="program"] h2')].map(text);
      expect(titles).to.include(open.name);
      expect(titles).to.not.include(active.name);
      await expect(el).to.be.accessible();
    });

    it('says plainly when no program is open for enrolment', async () => {
      const me = await newcomer('Hugo Sala');
      // The organisation's programs, as a server with none open would list them.
      const noneOpen: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        if (!String(input instanceof Request ? input.url : input).includes('/v1/programs?')) return res;
        return new Response(JSON.stringify({ items: [], nextCursor: null }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      };
      const client = await clientFor(me.email, { fetch: noneOpen });
      const wrapper = await fixture(
        html`<div><rm-enrollment-form .client=${client}></rm-enrollment-form></div>`,
      );
      const el = wrapper.querySelector('rm-enrollment-form') as RmEnrollmentForm;
      await until(settled(el), 8000);
      expect(text(part(el, 'empty'))).to.equal('No program is open for enrolment right now.');
      await expect(el).to.be.accessible();
    });

    it('shows a skeleton while it loads', async () => {
      const client = await clientFor(PEOPLE.giulia, { fetch: () => new Promise<Response>(() => {}) });
      const el = await fixture<RmEnrollmentForm>(
        html`<rm-enrollment-form .client=${client} program-id=${open.id}></rm-enrollment-form>`,
      );
      await until(() => part(el, 'loading') !== null);
      expect(part(el, 'loading')?.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('says what went wrong and loads again on "Try again"', async () => {
      const flaky = failingUntilRecovered();
      const client = await clientFor(PEOPLE.giulia, { fetch: flaky.fetch });
      const el = await fixture<RmEnrollmentForm>(
        html`<rm-enrollment-form .client=${client} program-id=${open.id}></rm-enrollment-form>`,
      );
      await until(() => part(el, 'error') !== null);
      expect(text(part(el, 'error'))).to.include('Something went wrong while loading this.');
      await expect(el).to.be.accessible();
      flaky.recover();
      (part(el, 'retry') as HTMLButtonElement).click();
      await until(() => part(el, 'program') !== null);
    });

    it('asks for a connection when it has no client', async () => {
      const el = await fixture<RmEnrollmentForm>(html`<rm-enrollment-form></rm-enrollment-form>`);
      expect(text(part(el, 'error'))).to.include('put it inside <rm-provider base-url="…">');
      await expect(el).to.be.accessible();
    });

    it('shows the offline copy with a notice when the server is down', async () => {
      const me = await newcomer('Ines Moro');
      const client = await clientFor(me.email);
      await mount(client);
      fixtureCleanup();
      await stopServer();
      try {
        const el = await mount(client);
        expect(text(part(el, 'notice'))).to.include('You are offline.');
        expect(text(part(el, 'program'))).to.include(open.name);
        await expect(el).to.be.accessible();
      } finally {
        await rmServer();
      }
    });
  });
});
