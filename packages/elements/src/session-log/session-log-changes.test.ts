/// <reference types="mocha" />
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Session, SessionCreate } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { meOf, PEOPLE, rmServer, sent, stopServer, tokenFor, until } from '../test-support/server.js';
import type { RmSessionLog } from './session-log.js';
import './session-log.js';

const tag = (what: string) => `${what}-${crypto.randomUUID().slice(0, 8)}`;
const WEEK = 7 * 24 * 3_600_000;
/** Weeks ago, so the shared pair's last and next sessions, which other files check, stay as they are. */
const weeksAgo = (weeks: number) => new Date(Date.now() - weeks * WEEK - Math.random() * 3_600_000);

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

describe('<rm-session-log>: changing a session, its feedback and drafts', function () {
  // Each test walks a whole change through the real server and the log's lazy modules, and
  // the shared pair's log grows with every file that runs before this one.
  this.timeout(30_000);

  let url: string;
  let pairId: string;
  const tokens: Record<string, string> = {};
  const clients: RmClient[] = [];

  function clientAs(person: keyof typeof PEOPLE) {
    const client = createClient({
      baseUrl: url,
      token: tokens[person] ?? '',
      store: indexedDbStore(`rm-kit-test-${crypto.randomUUID()}`),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
    });
    clients.push(client);
    return client;
  }

  const root = (el: RmSessionLog) => el.shadowRoot as ShadowRoot;
  const $ = <T extends Element = HTMLElement>(el: RmSessionLog | Element, selector: string) =>
    ((el as RmSessionLog).shadowRoot ?? el).querySelector<T>(selector);
  const items = (el: RmSessionLog) => [...root(el).querySelectorAll<HTMLElement>('[part="item"]')];
  const announced = (el: RmSessionLog) =>
    $(el, '[role="status"][aria-live="polite"]')?.textContent?.trim() ?? '';
  const press = (el: Element | null, text: string) => {
    const button = [...(el?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === text);
    if (!button) throw new Error(`No button "${text}"`);
    button.click();
  };
  const type = (field: HTMLInputElement | HTMLTextAreaElement | null, value: string) => {
    if (!field) throw new Error('No field to type in');
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };

  async function mount(client: RmClient, lang?: string): Promise<RmSessionLog> {
    const host = await fixture(
      html`<div lang=${lang ?? 'en'}><rm-session-log .client=${client} pair-id=${pairId}></rm-session-log></div>`,
    );
    const el = host.firstElementChild as RmSessionLog;
    await until(() => Boolean($(el, '[part="scroller"], [part="empty"], [part="error"]')), 8000);
    return el;
  }

  /** The session, scrolled into the virtual list's view as a user would: down, half a view at a time. */
  async function itemOf(el: RmSessionLog, session: Session, timeoutMs = 8000): Promise<HTMLElement> {
    const deadline = Date.now() + timeoutMs;
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // The list renders what is in the window's viewport: bring it there (a form may be above it).
    ($(el, '[part="scroller"]') ?? el).scrollIntoView({ block: 'start' });
    const scroller = $(el, '[part="scroller"]');
    while (Date.now() < deadline) {
      const found = items(el).find((li) => li.dataset.sessionId === session.id);
      if (found) return found;
      if (scroller) {
        // At the end, older pages load as they would for a user who reached it; if none
        // come, start again from the top.
        const before = scroller.scrollTop;
        scroller.scrollTop += Math.max(scroller.clientHeight / 2, 100);
        await frame();
        await frame();
        if (scroller.scrollTop === before) scroller.scrollTop = 0;
      }
      await frame();
    }
    throw new Error(`Session ${session.id} is not shown`);
  }

  const item = (el: RmSessionLog, id: string) => $(el, `[data-session-id="${id}"]`) as HTMLElement;

  /** A session's button, once the module with the session's actions has arrived (when the browser is idle). */
  async function toolOf(el: RmSessionLog, session: Session, panel: 'manage' | 'feedback') {
    const toggle = () => $<HTMLButtonElement>(el, `#${panel}-${CSS.escape(session.id)}-toggle`);
    const deadline = Date.now() + 10_000;
    // Keeps the session in view meanwhile: on a busy machine the browser is idle late.
    while (!toggle()) {
      if (Date.now() > deadline) throw new Error(`No ${panel} button on session ${session.id}`);
      await itemOf(el, session);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return toggle() as HTMLButtonElement;
  }

  async function openManage(el: RmSessionLog, session: Session) {
    const panel = () => $(el, `#manage-${CSS.escape(session.id)} .manage`) as HTMLElement;
    const deadline = Date.now() + 15_000;
    // A click on a button the virtual list re-renders at that moment is lost: click again.
    while (!panel()) {
      if (Date.now() > deadline) throw new Error(`The Change panel of ${session.id} did not open`);
      const toggle = await toolOf(el, session, 'manage');
      if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
      const clicked = Date.now();
      while (!panel() && Date.now() - clicked < 2000) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }
    return panel;
  }

  async function create(body: SessionCreate): Promise<Session> {
    return sent(await clientAs('giulia').sessions.create(pairId, body));
  }

  const planned = (summary: string) =>
    create({ status: 'planned', scheduledAt: weeksAgo(6).toISOString(), format: 'video', summary });
  const held = (summary: string) =>
    create({ status: 'held', occurredAt: weeksAgo(7).toISOString(), format: 'video', summary });
  const onServer = (id: string) => clientAs('giulia').sessions.get(id);

  before(async () => {
    url = await rmServer();
    for (const person of Object.keys(PEOPLE) as (keyof typeof PEOPLE)[])
      tokens[person] = await tokenFor(PEOPLE[person]);
    const [giulia, marco] = await Promise.all([meOf(PEOPLE.giulia), meOf(PEOPLE.marco)]);
    pairId = giulia.pairs.find((p) => p.menteeId === marco.person.id)?.id ?? '';
    expect(pairId).to.match(/^par_/);
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
    localStorage.clear();
  });

  // Whatever a test did to the server, the next test file finds it running.
  after(() => rmServer());

  it('edits a session in the form, prefilled, and the server has the change', async () => {
    const summary = tag('edit');
    const session = await held(summary);
    const el = await mount(clientAs('giulia'));
    const manage = await openManage(el, session);
    await expect(el).to.be.accessible();
    press(manage(), 'Edit details');
    await until(() => Boolean($(el, '[part="form"]')));
    expect($(el, '#form-title')?.textContent).to.equal('Edit the session');
    const area = $<HTMLTextAreaElement>(el, '#f-summary');
    expect(area?.value).to.equal(summary);
    expect($<HTMLInputElement>(el, 'input[name="status"]:checked')?.value).to.equal('held');
    await expect(el).to.be.accessible();

    type(area, `${summary} and a better plan`);
    const changed = oneEvent(el, 'rm-session-changed');
    ($(el, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();
    const { detail } = await changed;
    expect(detail).to.include({ change: 'edited', pending: false });
    await until(() => announced(el) === 'Changes saved');
    expect($(el, '[part="form"]')).to.equal(null);
    const saved = await onServer(session.id);
    expect(saved).to.include({ summary: `${summary} and a better plan`, version: 2, status: 'held' });
  });

  it('reschedules a planned session, marks it held, and then offers its feedback', async () => {
    const session = await planned(tag('plan'));
    const el = await mount(clientAs('giulia'));
    let manage = await openManage(el, session);
    press(manage(), 'Reschedule');
    await until(() => root(el).activeElement?.id === `m-${session.id}-when`);
    const newDate = weeksAgo(5);
    newDate.setSeconds(0, 0);
    const when = $<HTMLInputElement>(el, `#m-${session.id}-when`);
    type(
      when,
      `${newDate.getFullYear()}-${String(newDate.getMonth() + 1).padStart(2, '0')}-${String(newDate.getDate()).padStart(2, '0')}T${String(newDate.getHours()).padStart(2, '0')}:${String(newDate.getMinutes()).padStart(2, '0')}`,
    );
    await expect(el).to.be.accessible();
    press(manage(), 'Save the new date');
    await until(() => announced(el) === 'Session rescheduled');
    expect(Date.parse((await onServer(session.id)).scheduledAt ?? '')).to.equal(newDate.getTime());

    manage = await openManage(el, session);
    press(manage(), 'Mark as held');
    await until(() => root(el).activeElement?.id === `m-${session.id}-when`);
    // It was planned in the past: it took place as planned.
    const heldChanged = oneEvent(el, 'rm-session-changed');
    press(manage().querySelector('form'), 'Mark as held');
    expect((await heldChanged).detail.change).to.equal('held');
    await until(() => announced(el) === 'Session marked as held');
    const nowHeld = await onServer(session.id);
    expect(nowHeld).to.include({ status: 'held', occurredAt: newDate.toISOString(), version: 3 });
    const li = await itemOf(el, session);
    expect(li.querySelector('.badge.status')?.textContent).to.equal('Held');
    expect((await toolOf(el, session, 'feedback')).textContent?.trim()).to.equal('Give feedback');
  });

  it('cancels a planned session with a reason that both people read', async () => {
    const session = await planned(tag('cancel'));
    const el = await mount(clientAs('giulia'));
    const manage = await openManage(el, session);
    press(manage(), 'Cancel session');
    await until(() => root(el).activeElement?.id === `m-${session.id}-reason`);
    type($(el, `#m-${session.id}-reason`) as HTMLTextAreaElement, 'Marco is at the board meeting in Milan');
    await expect(el).to.be.accessible();
    press(manage(), 'Cancel the session');
    await until(() => announced(el) === 'Session cancelled');
    const li = await itemOf(el, session);
    expect(li.querySelector('.badge.status')?.textContent).to.equal('Cancelled');
    expect(li.textContent).to.include('Why it was cancelled: Marco is at the board meeting in Milan');
    expect(await onServer(session.id)).to.include({
      status: 'cancelled',
      cancellationReason: 'Marco is at the board meeting in Milan',
    });

    el.remove();
    const marcos = await mount(clientAs('marco'), 'it');
    const his = await itemOf(marcos, session);
    expect(his.textContent).to.include('Motivo dell’annullamento: Marco is at the board meeting in Milan');
    expect(his.querySelector('.badge.status')?.textContent).to.equal('Annullata');
  });

  it('deletes a session for both only after asking, and Escape keeps it', async () => {
    const session = await held(tag('delete'));
    const el = await mount(clientAs('giulia'));
    const manage = await openManage(el, session);
    press(manage(), 'Delete');
    await until(() => root(el).activeElement?.classList.contains('question') === true);
    expect(manage().textContent).to.include('Delete this session for both of you?');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !manage().querySelector('.question'));
    expect(items(el).some((li) => li.dataset.sessionId === session.id)).to.equal(true);

    press(manage(), 'Delete');
    await until(() => Boolean(manage().querySelector('.question')));
    const deleted = oneEvent(el, 'rm-session-changed');
    press(manage(), 'Delete the session');
    expect((await deleted).detail).to.include({ change: 'deleted', pending: false });
    await until(() => announced(el) === 'Session deleted');
    expect(el.data.sessions.some((s) => s.id === session.id)).to.equal(false);
    const gone = await onServer(session.id).then(
      () => 'still there',
      (error: Error) => error.name,
    );
    expect(gone).to.equal('RmNotFoundError');
  });

  it('gives session feedback from the session, then shows it as given', async () => {
    const session = await held(tag('feedback'));
    const el = await mount(clientAs('giulia'));
    const toggle = await toolOf(el, session, 'feedback');
    expect(item(el, session.id).querySelector('.given')).to.equal(null);
    expect(toggle.textContent?.trim()).to.equal('Give feedback');
    toggle.click();
    await until(() => Boolean(item(el, session.id).querySelector('rm-feedback-form')));
    const form = item(el, session.id).querySelector('rm-feedback-form') as HTMLElement & {
      sessionId: string;
    };
    expect(form.sessionId).to.equal(session.id);
    const radio = (name: string, value: number) =>
      form.shadowRoot?.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`);
    await until(() => Boolean(radio('usefulness', 4)));
    await expect(el).to.be.accessible();
    radio('usefulness', 4)?.click();
    radio('trust', 5)?.click();
    radio('preparation', 4)?.click();
    radio('recommend', 9)?.click();
    const submitted = oneEvent(el, 'rm-feedback-submitted');
    form.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    expect((await submitted).detail.feedback.sessionId).to.equal(session.id);
    await until(
      () => item(el, session.id).querySelector('.given')?.textContent?.includes('Feedback given') === true,
    );
    expect($(item(el, session.id), `#feedback-${session.id}-toggle`)?.textContent?.trim()).to.equal(
      'Your feedback',
    );
    await expect(el).to.be.accessible();

    // Another tab of Giulia's sees it too, from what it reads.
    el.remove();
    const other = await mount(clientAs('giulia'));
    await toolOf(other, session, 'feedback');
    await until(() => Boolean(item(other, session.id)?.querySelector('.given')));
  });

  it('keeps a draft through Escape and a reload, restores it with a way to discard it', async () => {
    const summary = tag('draft');
    let el = await mount(clientAs('giulia'));
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    type($(el, '#f-summary') as HTMLTextAreaElement, summary);
    type($(el, '#f-note') as HTMLTextAreaElement, 'Ask about the budget');
    ($(el, '#f-summary') as HTMLTextAreaElement).focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '[part="form"]'));

    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    expect($<HTMLTextAreaElement>(el, '#f-summary')?.value).to.equal(summary);
    expect($(el, '.draft-restored')?.textContent).to.include('Draft restored');

    // A reload: a new page, a new log, the same browser.
    el.remove();
    el = await mount(clientAs('giulia'));
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    expect($<HTMLTextAreaElement>(el, '#f-summary')?.value).to.equal(summary);
    expect($<HTMLTextAreaElement>(el, '#f-note')?.value).to.equal('Ask about the budget');
    await until(() => announced(el).startsWith('Draft restored'));
    await expect(el).to.be.accessible();

    press($(el, '.draft-restored'), 'Discard draft');
    await until(() => $<HTMLTextAreaElement>(el, '#f-summary')?.value === '');
    expect($(el, '.draft-restored')).to.equal(null);
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => !$(el, '[part="form"]'));
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    expect($<HTMLTextAreaElement>(el, '#f-summary')?.value).to.equal('');
  });

  it('says that Marco changed the session meanwhile, shows his version and keeps the edit (412)', async () => {
    const summary = tag('conflict');
    const session = await held(summary);
    const el = await mount(clientAs('giulia'));
    const manage = await openManage(el, session);
    press(manage(), 'Edit details');
    await until(() => Boolean($(el, '[part="form"]')));
    type($(el, '#f-summary') as HTMLTextAreaElement, `${summary}, as Giulia wrote it`);

    sent(await clientAs('marco').sessions.update(session, { summary: `${summary}, as Marco wrote it` }));
    ($(el, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '#form-notice')));
    expect($(el, '#form-notice')?.textContent).to.equal(
      'Marco Rinaldi changed this session meanwhile; here is the current version. Check it and try again.',
    );
    expect(root(el).activeElement?.id).to.equal('form-notice');
    expect($<HTMLTextAreaElement>(el, '#f-summary')?.value).to.equal(`${summary}, as Giulia wrote it`);
    const li = await itemOf(el, session);
    await until(() => li.querySelector('.summary')?.textContent === `${summary}, as Marco wrote it`);
    await expect(el).to.be.accessible();

    // Saving again applies her edit on top of his version.
    ($(el, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();
    await until(() => announced(el) === 'Changes saved');
    expect(await onServer(session.id)).to.include({ summary: `${summary}, as Giulia wrote it`, version: 3 });
  });

  it('keeps a change made while the server is down as waiting, and it arrives once when back', async function () {
    this.timeout(20_000);
    const session = await planned(tag('offline'));
    const client = clientAs('giulia');
    const el = await mount(client);
    // Opening the panel once online fetches its module, as the idle preload does on a page.
    const manage = await openManage(el, session);
    try {
      await stopServer();
      press(manage(), 'Cancel session');
      await until(() => Boolean($(el, `#m-${session.id}-reason`)));
      type($(el, `#m-${session.id}-reason`) as HTMLTextAreaElement, 'Travelling');
      const changed = oneEvent(el, 'rm-session-changed');
      press(manage(), 'Cancel the session');
      expect((await changed).detail).to.include({ change: 'cancelled', pending: true });
      await until(
        () => announced(el) === 'Session cancelled offline: the change will be sent when you are back online',
      );
      const li = await itemOf(el, session);
      expect(li.querySelector('[part="badge"]')?.textContent).to.equal('Waiting to be sent');
      expect(li.querySelector('.badge.status')?.textContent).to.equal('Cancelled');
      await expect(el).to.be.accessible();
    } finally {
      await rmServer();
    }
    await client.sync();
    await until(() => !item(el, session.id)?.querySelector('[part="badge"]'), 8000);
    await client.sync();
    expect(await onServer(session.id)).to.include({
      status: 'cancelled',
      cancellationReason: 'Travelling',
      version: 2,
    });
  });

  it('lays out an action item at 375 px without overlapping labels and with a usable text field', async () => {
    const host = await fixture(
      html`<div style="width: 375px"><rm-session-log .client=${clientAs('giulia')} pair-id=${pairId}></rm-session-log></div>`,
    );
    const el = host.firstElementChild as RmSessionLog;
    await until(() => Boolean($(el, '#log-toggle')), 8000);
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '#f-ai-add')));
    ($(el, '#f-ai-add') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '.action-row')));
    const row = $(el, '.action-row') as HTMLElement;
    const [textLabel, ownerLabel] = [...row.querySelectorAll('label')].map((l) => l.getBoundingClientRect());
    const text = (row.querySelector('input[type="text"]') as HTMLElement).getBoundingClientRect();
    const select = (row.querySelector('select') as HTMLElement).getBoundingClientRect();
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    expect(textLabel && ownerLabel && overlap(textLabel, ownerLabel), 'labels overlap').to.equal(false);
    expect(overlap(text, select), 'the text field and the select overlap').to.equal(false);
    expect(text.width).to.be.at.least(200);
    await expect(el).to.be.accessible();
  });
});
