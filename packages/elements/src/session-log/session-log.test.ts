/// <reference types="mocha" />
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { Session } from '@rm-kit/core';
import { createClient, indexedDbStore, memoryStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { meOf, PEOPLE, rmServer, sent, stopServer, tokenFor, until } from '../test-support/server.js';
import '../provider/provider.js';
import type { RmSessionLog } from './session-log.js';
import './session-log.js';
import { revealSession } from './reveal-in-list.js';

const tag = (what: string) => `${what}-${crypto.randomUUID().slice(0, 8)}`;
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

// The virtualizer measures items with a ResizeObserver and may resize them in its callback;
// Chromium then reports a benign "ResizeObserver loop" error that Lit's maintainers advise
// tests to ignore (lit/lit#3154). Every other error still fails the test.
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

describe('<rm-session-log>', () => {
  let url: string;
  let pairId: string;
  let programId: string;
  const tokens: Record<string, string> = {};
  const clients: RmClient[] = [];

  function clientAs(person: keyof typeof PEOPLE, options: { store?: string; fetch?: typeof fetch } = {}) {
    const client = createClient({
      baseUrl: url,
      token: tokens[person] ?? '',
      store: indexedDbStore(options.store ?? `rm-kit-test-${crypto.randomUUID()}`),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    clients.push(client);
    return client;
  }

  const root = (el: RmSessionLog) => el.shadowRoot as ShadowRoot;
  const $ = <T extends Element = HTMLElement>(el: RmSessionLog, selector: string) =>
    root(el).querySelector<T>(selector);
  const items = (el: RmSessionLog) => [...root(el).querySelectorAll<HTMLElement>('[part="item"]')];
  const settled = (el: RmSessionLog) => () => Boolean($(el, '[part="item"], [part="empty"], [part="error"]'));

  async function mount(client: RmClient | undefined, pair = pairId, lang?: string): Promise<RmSessionLog> {
    const el = lang
      ? ((
          await fixture(
            html`<div lang=${lang}><rm-session-log .client=${client} pair-id=${pair}></rm-session-log></div>`,
          )
        ).firstElementChild as RmSessionLog)
      : await fixture<RmSessionLog>(
          html`<rm-session-log .client=${client} pair-id=${pair}></rm-session-log>`,
        );
    await until(settled(el), 8000);
    return el;
  }

  /** Scrolls the virtual list until a session showing `text` is rendered, as a user scrolls to find it. */
  async function findItem(el: RmSessionLog, text: string, timeoutMs = 8000): Promise<HTMLElement> {
    const deadline = Date.now() + timeoutMs;
    // The list renders what is in the window's viewport: bring the element there first.
    el.scrollIntoView({ block: 'start' });
    const scroller = $(el, '[part="scroller"]');
    if (scroller) scroller.scrollTop = 0;
    while (Date.now() < deadline) {
      const found = items(el).find((li) => li.textContent?.includes(text));
      if (found) return found;
      const list = $(el, '[part="scroller"]');
      if (list) {
        const before = list.scrollTop;
        list.scrollTop += list.clientHeight * 0.8;
        await frame();
        await frame();
        // At the end without it: start again from the top, as newer sessions arrive there,
        // and let the virtualizer render the top before looking.
        if (list.scrollTop === before) {
          list.scrollTop = 0;
          await frame();
          await frame();
        }
      } else {
        await frame();
      }
    }
    throw new Error(`No session showing "${text}"`);
  }

  /** Logs a session through the form: opens it, fills when (a `datetime-local` value) and the summary, sends it. */
  async function logThroughForm(el: RmSessionLog, when: string, summary: string) {
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    const whenField = $<HTMLInputElement>(el, '#f-when') as HTMLInputElement;
    whenField.value = when;
    whenField.dispatchEvent(new Event('input'));
    const area = $<HTMLTextAreaElement>(el, '#f-summary') as HTMLTextAreaElement;
    area.value = summary;
    area.dispatchEvent(new Event('input'));
    ($(el, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();
  }

  const announced = (el: RmSessionLog) =>
    $(el, '[role="status"][aria-live="polite"]')?.textContent?.trim() ?? '';

  async function serverSessions(summary: string): Promise<Session[]> {
    const reader = clientAs('giulia');
    const found: Session[] = [];
    for await (const session of reader.sessions.list(pairId, { limit: 100 })) {
      if (session.summary === summary) found.push(session);
    }
    return found;
  }

  async function logDirectly(person: keyof typeof PEOPLE, summary: string, actionItem?: string) {
    return clientAs(person).sessions.create(pairId, {
      status: 'held',
      occurredAt: new Date().toISOString(),
      durationMinutes: 30,
      format: 'video',
      topics: ['ai-tools'],
      summary,
      actionItems: actionItem ? [{ text: actionItem, owner: 'mentee' }] : [],
    });
  }

  before(async () => {
    url = await rmServer();
    for (const person of Object.keys(PEOPLE) as (keyof typeof PEOPLE)[])
      tokens[person] = await tokenFor(PEOPLE[person]);
    const [giulia, marco] = await Promise.all([meOf(PEOPLE.giulia), meOf(PEOPLE.marco)]);
    const pair = giulia.pairs.find((p) => p.menteeId === marco.person.id);
    expect(pair, 'the seeded pair of Giulia and Marco').to.exist;
    pairId = pair?.id ?? '';
    programId = pair?.programId ?? '';
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
    // The form keeps drafts in localStorage: each test starts with none.
    localStorage.clear();
  });

  after(() => rmServer());

  it('renders the seeded sessions newest first, saying plainly whether the mentor or the mentee owns each action item', async () => {
    const el = await mount(clientAs('giulia'));
    // Giulia and Marco both speak Italian: the seed writes their sessions in Italian.
    const first = await findItem(el, 'Sistemato con Giulia il profilo LinkedIn del CFO');
    expect(first.textContent).to.include('In person');
    expect(first.textContent).to.include('Agreed action items · visible to both of you');
    const publish = [...first.querySelectorAll('.action')].find((a) =>
      a.textContent?.includes('Pubblicare il post'),
    );
    const share = [...first.querySelectorAll('.action')].find((a) =>
      a.textContent?.includes('Segnalare tre profili di CFO'),
    );
    expect(publish?.querySelector('.owner')?.textContent?.trim()).to.equal('Mentee');
    expect(share?.querySelector('.owner')?.textContent?.trim()).to.equal('Mentor');
    expect(publish?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked).to.equal(true);
    expect(first.textContent).to.include('Personal branding');

    // Newest first: every rendered session is no later than the one above it.
    const scroller = $(el, '[part="scroller"]') as HTMLElement;
    scroller.scrollTop = 0;
    await frame();
    await frame();
    const times = items(el)
      .sort((a, b) => Number(a.getAttribute('aria-posinset')) - Number(b.getAttribute('aria-posinset')))
      .map((li) => Date.parse(li.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect(times.length).to.be.greaterThan(2);
    for (let i = 1; i < times.length; i++) expect(times[i]).to.be.at.most(times[i - 1] as number);
    const planned = await findItem(el, 'Agenda: rivedere la nota sull’uso dell’IA');
    expect(planned.textContent).to.include('Planned');
  });

  it('logs a held session through the form by keyboard, and the server has it exactly once', async () => {
    const summary = tag('keyboard');
    const el = await mount(clientAs('giulia'));
    const toggle = $(el, '#log-toggle') as HTMLButtonElement;
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => Boolean($(el, '[part="form"]')));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await until(() => root(el).activeElement?.getAttribute('value') === 'held');

    const tabTo = async (check: (active: Element | null) => boolean) => {
      for (let i = 0; i < 40 && !check(root(el).activeElement); i++) await sendKeys({ press: 'Tab' });
      expect(check(root(el).activeElement), 'reached by Tab').to.equal(true);
    };
    await tabTo((a) => a?.getAttribute('value') === 'ai-tools');
    await sendKeys({ press: 'Space' });
    await tabTo((a) => a?.id === 'f-summary');
    await sendKeys({ type: summary });
    await tabTo((a) => a?.id === 'f-ai-add');
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).activeElement?.id.endsWith('-text') === true);
    await sendKeys({ type: `Try it at the board, ${summary}` });

    const logged = oneEvent(el, 'rm-session-logged');
    await sendKeys({ press: 'Enter' });
    const { detail } = await logged;
    expect(detail.pending).to.equal(false);
    expect(detail.session.summary).to.equal(summary);

    await until(() => announced(el) === 'Session saved');
    expect($(el, '[part="form"]')).to.equal(null);
    await until(() => root(el).activeElement?.getAttribute('data-session-id') === detail.session.id);
    expect(root(el).activeElement?.textContent).to.include(summary);

    const onServer = await serverSessions(summary);
    expect(onServer).to.have.length(1);
    expect(onServer[0]?.status).to.equal('held');
    expect(onServer[0]?.topics).to.deep.equal(['ai-tools']);
    expect(onServer[0]?.actionItems.map((a) => [a.text, a.owner, a.done])).to.deep.equal([
      [`Try it at the board, ${summary}`, 'mentee', false],
    ]);
  });

  it('closes the form on Escape and gives focus back to the button that opened it', async () => {
    const el = await mount(clientAs('giulia'));
    const toggle = $(el, '#log-toggle') as HTMLButtonElement;
    toggle.click();
    await until(() => Boolean($(el, '[part="form"]')));
    ($(el, '#f-summary') as HTMLTextAreaElement).focus();
    await sendKeys({ press: 'Escape' });
    await until(() => !$(el, '[part="form"]'));
    await until(() => root(el).activeElement === toggle);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it("shows the schema's issues beside their fields and focuses the first invalid one", async () => {
    const el = await mount(clientAs('giulia'));
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    const set = (selector: string, value: string) => {
      const input = $(el, selector) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    set('#f-when', '');
    set('#f-duration', '0');
    ($(el, '#f-ai-add') as HTMLButtonElement).click();
    await el.updateComplete;
    const rowText = $(el, '.action-row input[type="text"]') as HTMLInputElement;
    let requests = 0;
    el.addEventListener('rm-session-logged', () => requests++);
    ($(el, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();

    await until(() => root(el).activeElement?.id === 'f-when');
    const when = $(el, '#f-when') as HTMLInputElement;
    expect(when.getAttribute('aria-invalid')).to.equal('true');
    expect(when.getAttribute('aria-describedby')).to.include('f-when-error');
    expect($(el, '#f-when-error')?.textContent).to.equal('Enter the date and time.');
    expect($(el, '#f-duration')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-duration-error')?.textContent).to.include('between 1 and 480');
    expect(rowText.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${rowText.id}-error`)?.textContent).to.include('Write what needs doing');
    expect(requests).to.equal(0);
    await expect(el).to.be.accessible();

    // Planning needs a date too, and says so in the planned words.
    ($(el, 'input[name="status"][value="planned"]') as HTMLInputElement).click();
    await el.updateComplete;
    expect($(el, 'label[for="f-when"]')?.textContent).to.equal('When it is planned');
  });

  it('ticks an action item off and the server has it done', async () => {
    const summary = tag('tick');
    const actionItem = `Write the AI-use note ${summary}`;
    const created = sent(await logDirectly('giulia', summary, actionItem));
    const el = await mount(clientAs('giulia'));
    const item = await findItem(el, summary);
    const box = item.querySelector<HTMLInputElement>('.action input[type="checkbox"]') as HTMLInputElement;
    expect(box.checked).to.equal(false);
    expect(item.querySelector('.action .owner')?.textContent?.trim()).to.equal('Mentee');

    const toggled = oneEvent(el, 'rm-action-item-toggled');
    box.click();
    const { detail } = await toggled;
    expect(detail).to.include({ done: true, pending: false, itemId: created.actionItems[0]?.id });
    await until(() => announced(el) === `Action item done: ${actionItem}`);

    const onServer = await clientAs('marco').sessions.get(created.id);
    expect(onServer.actionItems[0]).to.include({ text: actionItem, done: true });
    expect(onServer.version).to.equal(created.version + 1);
  });

  it('saves a private note that its author reads back and the partner never sees', async () => {
    const summary = tag('note');
    const text = `Ask about the budget committee ${summary}`;
    const created = await logDirectly('giulia', summary);
    const el = await mount(clientAs('giulia'));
    const item = await findItem(el, summary);
    (item.querySelector('.disclosure') as HTMLButtonElement).click();
    await until(() => Boolean(item.querySelector('[part="note"] textarea')));
    expect(item.querySelector('[part="note"]')?.textContent).to.include(
      'Only you can see it: not the other person, not the program’s HR leads.',
    );
    const area = item.querySelector('[part="note"] textarea') as HTMLTextAreaElement;
    await until(() => root(el).activeElement === area);
    await sendKeys({ type: text });
    const saved = oneEvent(el, 'rm-note-saved');
    (item.querySelector('[part="note"] button[type="submit"]') as HTMLButtonElement).click();
    const { detail } = await saved;
    expect(detail.note.text).to.equal(text);
    expect(detail.pending).to.equal(false);
    await until(() => announced(el) === 'Private note saved');

    const mine = await clientAs('giulia').notes.page(created.id);
    expect(mine.items.map((n) => n.text)).to.deep.equal([text]);

    el.remove();
    const partner = await mount(clientAs('marco'));
    const theirs = await findItem(partner, summary);
    (theirs.querySelector('.disclosure') as HTMLButtonElement).click();
    await until(() => Boolean(theirs.querySelector('[part="note"] textarea')));
    expect((theirs.querySelector('[part="note"] textarea') as HTMLTextAreaElement).value).to.equal('');
    expect(root(partner).innerHTML).not.to.include(text);
  });

  it('shows a session logged while the server is down as waiting to be sent, then confirms it after a restart', async function () {
    // Stopping and restarting the server takes seconds of its own on a busy machine.
    this.timeout(20_000);
    const summary = tag('offline');
    const client = clientAs('giulia');
    const el = await mount(client);
    try {
      await stopServer();
      ($(el, '#log-toggle') as HTMLButtonElement).click();
      await until(() => Boolean($(el, '[part="form"]')));
      const area = $(el, '#f-summary') as HTMLTextAreaElement;
      area.value = summary;
      area.dispatchEvent(new Event('input'));
      const logged = oneEvent(el, 'rm-session-logged');
      ($(el, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();
      const { detail } = await logged;
      expect(detail.pending).to.equal(true);
      await until(() => announced(el) === 'Saved offline: it will be sent when you are back online');
      const waiting = await findItem(el, summary);
      expect(waiting.querySelector('[part="badge"]')?.textContent).to.equal('Waiting to be sent');
      await until(() => root(el).activeElement === waiting).catch(() => undefined);
      expect(root(el).activeElement).to.equal(waiting);
    } finally {
      await rmServer();
    }
    await client.sync();
    await until(() => {
      const item = items(el).find((li) => li.textContent?.includes(summary));
      return Boolean(
        item && !item.querySelector('[part="badge"]') && !item.dataset.sessionId?.startsWith('pending_'),
      );
    }, 8000);
    expect(await serverSessions(summary)).to.have.length(1);
  });

  it('focuses a session logged below the view of a live log, which the list draws anew around it', async () => {
    const el = await mount(clientAs('giulia'));
    await until(() => Boolean($(el, '[part="live"]')), 8000);
    // Older than the sessions in view and a few more: it goes in below the fold.
    for (const month of ['09', '08']) {
      const summary = tag(`below the view ${month}`);
      await logThroughForm(el, `2026-${month}-02T10:00`, summary);
      await until(() => root(el).activeElement?.textContent?.includes(summary) === true);
      expect(Number(root(el).activeElement?.getAttribute('aria-posinset')), 'its place').to.be.greaterThan(3);
    }
  });

  it('shows a session Marco logs from another client in Giulia’s open log, without a reload', async () => {
    const summary = tag('live');
    const el = await mount(clientAs('giulia'));
    await until(() => Boolean($(el, '[part="live"]')), 8000);
    expect($(el, '[part="live"]')?.textContent).to.include('Live');
    await logDirectly('marco', summary);
    await findItem(el, summary, 8000);
  });

  it('puts the server’s copy of a session logged offline in its place, never both at once', async function () {
    this.timeout(20_000);
    const summary = tag('sent-once');
    let mode: 'pass' | 'offline' | 'hold' = 'pass';
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const creating = (input: RequestInfo | URL) =>
      /\/v1\/pairs\/[^/]+\/sessions$/.test(input instanceof Request ? input.url : String(input));
    // Offline (the SDK's probe of the server fails too, as with a lost network), then a server
    // that has written the session and answers the outbox late: the stream tells the log of
    // the new session before the outbox hears of it.
    const client = clientAs('giulia', {
      fetch: async (input, init) => {
        if (mode === 'pass' || !creating(input)) return fetch(input, init);
        if (mode === 'offline') throw new TypeError('Failed to fetch');
        const answer = await fetch(input, init);
        await released;
        return answer;
      },
    });
    const el = await mount(client);
    await until(() => Boolean($(el, '[part="live"]')), 8000);
    mode = 'offline';
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    const area = $(el, '#f-summary') as HTMLTextAreaElement;
    area.value = summary;
    area.dispatchEvent(new Event('input'));
    const logged = oneEvent(el, 'rm-session-logged');
    ($(el, '[part="form"] button[type="submit"]') as HTMLButtonElement).click();
    expect((await logged).detail.pending).to.equal(true);
    const shown = () => items(el).filter((li) => li.textContent?.includes(summary));
    await until(() => shown().length === 1);

    let most = 0;
    const count = new MutationObserver(() => {
      most = Math.max(most, shown().length);
    });
    count.observe(root(el), { childList: true, subtree: true });
    mode = 'hold';
    const syncing = client.sync();
    try {
      await until(() => shown().some((li) => !li.dataset.sessionId?.startsWith('pending_')), 8000);
      // Time for a second copy to show, were one coming.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shown()).to.have.length(1);
      expect(shown()[0]?.querySelector('[part="badge"]')).to.equal(null);
      expect(announced(el)).to.equal('A session saved offline has been sent');
    } finally {
      release();
      await syncing;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    count.disconnect();
    expect(most).to.equal(1);
    expect(shown()).to.have.length(1);
    expect(await serverSessions(summary)).to.have.length(1);
  });

  it('says "Offline", not "Live", while the browser is offline, in Italian too', async () => {
    const el = await mount(clientAs('giulia'), pairId, 'it');
    await until(() => Boolean($(el, '[part="live"]')), 8000);
    expect($(el, '[part="live"]')?.textContent?.trim()).to.equal('In tempo reale');
    // The stream stays open for a while after the network goes: the browser's word decides.
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      window.dispatchEvent(new Event('offline'));
      await until(() => Boolean($(el, '[part="connection"]')));
      expect($(el, '[part="live"]')).to.equal(null);
      expect($(el, '[part="connection"]')?.textContent?.trim()).to.equal('Offline');
      expect($(el, '[part="connection"]')?.title).to.equal(
        'Sei offline: le modifiche dell’altra persona compariranno quando tornerai online',
      );
      await expect(el).to.be.accessible();
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      window.dispatchEvent(new Event('online'));
    }
    await until(() => Boolean($(el, '[part="live"]')));
    expect($(el, '[part="connection"]')).to.equal(null);
  });

  it('says it is reconnecting while the live stream is down, and "Live" once it is back', async function () {
    this.timeout(30_000);
    const el = await mount(clientAs('giulia'));
    await until(() => Boolean($(el, '[part="live"]')), 8000);
    try {
      await stopServer();
      await until(() => $(el, '[part="connection"]')?.textContent?.trim() === 'Reconnecting…', 8000);
      expect($(el, '[part="live"]')).to.equal(null);
    } finally {
      await rmServer();
    }
    await until(() => Boolean($(el, '[part="live"]')), 20_000);
  });

  it('hides private notes while presenting, and shows them again after', async () => {
    const el = await mount(clientAs('giulia'));
    const first = items(el).find((li) => li.querySelector('.disclosure')) as HTMLElement;
    (first.querySelector('.disclosure') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="note"]:not([hidden])')));

    const presenting = $(el, '[part="presenting"]') as HTMLButtonElement;
    expect(presenting.getAttribute('aria-pressed')).to.equal('false');
    presenting.click();
    await el.updateComplete;
    await frame();
    expect(presenting.getAttribute('aria-pressed')).to.equal('true');
    expect(el.hasAttribute('presenting')).to.equal(true);
    expect($(el, '[part="note"]')).to.equal(null);
    expect($(el, '.disclosure')).to.equal(null);
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    expect($(el, '#f-note')).to.equal(null);

    presenting.click();
    await el.updateComplete;
    expect(el.hasAttribute('presenting')).to.equal(false);
    expect($(el, '#f-note')).not.to.equal(null);
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '.disclosure')));
  });

  it('speaks Italian under lang="it"', async () => {
    const el = await mount(clientAs('giulia'), pairId, 'it');
    expect($(el, '#title')?.textContent).to.equal('Sessioni');
    expect($(el, '#log-toggle')?.textContent?.trim()).to.equal('Aggiungi una sessione');
    const seeded = await findItem(el, 'Sistemato con Giulia il profilo LinkedIn del CFO');
    expect(seeded.textContent).to.include('Di persona');
    expect(seeded.textContent).to.include('Svolta');
    expect(seeded.textContent).to.include('Azioni concordate · visibili a entrambi');
    expect(seeded.querySelector('.owner')?.textContent?.trim()).to.equal('Mentee');
    expect(seeded.querySelector('.disclosure')?.textContent).to.include('Nota privata');
    const planned = await findItem(el, 'Agenda: rivedere la nota sull’uso dell’IA');
    expect(planned.textContent).to.include('In programma');
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    expect($(el, '[part="form"]')?.textContent).to.include('Strumenti di IA');
    expect($(el, '#f-summary-hint')?.textContent).to.include('Visibile a entrambi');
    expect($(el, '#f-note-hint')?.textContent).to.include('Solo tu puoi vederla');
    // The native field speaks the browser's language; the line under it speaks the element's.
    const when = $(el, '#f-when') as HTMLInputElement;
    when.value = '2026-10-01T18:17';
    when.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '#f-when-hint')?.textContent?.trim()).to.equal('giovedì 1 ottobre 2026 alle ore 18:17');
    expect(when.getAttribute('aria-describedby')).to.include('f-when-hint');
    // Who takes an action item on: the people by name, their role beside it.
    ($(el, '#f-ai-add') as HTMLButtonElement).click();
    await el.updateComplete;
    const owners = [...root(el).querySelectorAll<HTMLOptionElement>('.action-row select option')];
    expect(owners.map((o) => o.textContent?.trim())).to.deep.equal([
      'Giulia Rossi (mentor)',
      'Marco Rinaldi (mentee)',
    ]);
  });

  it('shows an offline copy, says from when, and replaces it once the server is back', async function () {
    this.timeout(30_000);
    const store = `rm-kit-test-${crypto.randomUUID()}`;
    (await mount(clientAs('giulia', { store }))).remove();
    // The SDK stores what it read for reading offline once the page is idle after drawing it.
    const kept = indexedDbStore(store);
    for (let i = 0; i < 200 && (await kept.entries('cache:')).length === 0; i++) await frame();
    let el: RmSessionLog;
    try {
      await stopServer();
      el = await mount(clientAs('giulia', { store }));
      await until(() => Boolean($(el, '[part="offline"]')));
      expect($(el, '[part="offline"]')?.textContent).to.include('You are offline');
      expect($(el, '[part="offline"]')?.textContent).to.include('Offline copy, as of');
      expect(items(el).length).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    } finally {
      await rmServer();
    }
    // The live stream reconnects (with backoff) and the element reads the log again.
    await until(() => !$(el, '[part="offline"]') && Boolean($(el, '[part="live"]')), 20_000);
    expect(items(el).length).to.be.greaterThan(0);
  });

  it('passes axe when loaded, with a note open', async () => {
    const el = await mount(clientAs('giulia'));
    const first = items(el).find((li) => li.querySelector('.disclosure')) as HTMLElement;
    (first.querySelector('.disclosure') as HTMLButtonElement).click();
    await until(() => Boolean(first.querySelector('[part="note"] textarea')));
    await expect(el).to.be.accessible();
    ($(el, '#log-toggle') as HTMLButtonElement).click();
    await until(() => Boolean($(el, '[part="form"]')));
    await expect(el).to.be.accessible();
  });

  it('says a new pair has no sessions yet, and passes axe', async () => {
    const admin = clientAs('chiara');
    const suffix = crypto.randomUUID().slice(0, 8);
    const person = async (role: string, careerStage: 'early' | 'executive') =>
      sent(
        await admin.people.create({
          email: `${role}-${suffix}@contoso.example`,
          displayName: `Test ${role} ${suffix}`,
          department: role === 'mentor' ? 'Marketing' : 'Finance',
          careerStage,
          locale: 'en',
        }),
      );
    const mentor = await person('mentor', 'early');
    const mentee = await person('mentee', 'executive');
    const pair = await admin.pairs.create(programId, {
      mentorId: mentor.id,
      menteeId: mentee.id,
      status: 'active',
      // Two people with no enrolment, made active at once: an admin's override.
      override: true,
    });
    tokens.fresh = await tokenFor(mentor.email);
    const el = await mount(clientAs('fresh' as keyof typeof PEOPLE), pair.id);
    expect($(el, '[part="empty"]')?.textContent).to.equal('No sessions yet. Add the first one.');
    expect($(el, '#log-toggle')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a way to try again, and passes axe', async () => {
    let failures = 1;
    const flaky: typeof fetch = (input, init) => {
      if (failures > 0 && String(input).includes('/sessions')) {
        failures--;
        return Promise.resolve(
          new Response(
            JSON.stringify({ error: { code: 'internal', message: 'Boom', requestId: 'req_test' } }),
            {
              status: 500,
              headers: { 'Content-Type': 'application/json' },
            },
          ),
        );
      }
      return fetch(input, init);
    };
    const errors: string[] = [];
    const el = await fixture<RmSessionLog>(
      html`<rm-session-log
        .client=${clientAs('giulia', { fetch: flaky })}
        pair-id=${pairId}
        @rm-error=${(e: CustomEvent<{ action: string }>) => errors.push(e.detail.action)}
      ></rm-session-log>`,
    );
    await until(settled(el), 8000);
    expect($(el, '[part="error"]')?.textContent).to.include('Something went wrong while loading this.');
    expect(errors).to.include('load');
    await expect(el).to.be.accessible();
    ($(el, '[part="retry"]') as HTMLButtonElement).click();
    await until(() => items(el).length > 0, 8000);
  });

  it('tells an admin the pair’s log is not theirs to read, and passes axe', async () => {
    const el = await mount(clientAs('chiara'));
    expect($(el, '[part="error"]')?.textContent).to.include(
      'This could not be found, or it is not shared with you.',
    );
    expect($(el, '[part="retry"]')).to.equal(null);
    expect($(el, '#log-toggle')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('asks for a connection when it has no client', async () => {
    const el = await fixture<RmSessionLog>(html`<rm-session-log pair-id=${pairId}></rm-session-log>`);
    expect($(el, '[part="error"]')?.textContent).to.include('put it inside <rm-provider');
  });

  it('works inside an <rm-provider>', async () => {
    const provider = await fixture(
      html`<rm-provider base-url=${url} token=${tokens.giulia ?? ''}><rm-session-log pair-id=${pairId}></rm-session-log></rm-provider>`,
    );
    const el = provider.querySelector('rm-session-log') as RmSessionLog;
    await until(settled(el), 8000);
    expect(items(el).length).to.be.greaterThan(0);
  });

  describe('a long log', () => {
    const PAIR = 'par_long';
    /** A server in memory that holds `count` sessions of one pair, for testing the rendering alone. */
    function memoryServer(count: number, honourLimit: boolean): typeof fetch {
      const start = Date.UTC(2026, 0, 1);
      const sessions: Session[] = Array.from({ length: count }, (_, i) => {
        const at = new Date(start - i * 3_600_000).toISOString();
        return {
          id: `ses_${String(count - i).padStart(6, '0')}`,
          orgId: 'org_memory',
          pairId: PAIR,
          status: 'held',
          scheduledAt: null,
          occurredAt: at,
          durationMinutes: 30 + (i % 4) * 15,
          format: 'video',
          topics: i % 3 ? ['ai-tools'] : ['social-media', 'personal-branding'],
          summary: `Session number ${count - i}${i % 5 ? '' : '. A longer summary that wraps onto a second line in a narrow column, so the items are of different heights.'}`,
          cancellationReason: null,
          actionItems:
            i % 2 ? [] : [{ id: `ai_${i}`, text: `Follow up ${count - i}`, owner: 'mentee', done: false }],
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
      });
      const json = (body: unknown, status = 200) =>
        Promise.resolve(
          new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
        );
      return (input, init) => {
        const request = new URL(String(input));
        if (request.pathname === `/v1/pairs/${PAIR}/sessions` && init?.method === 'POST') {
          const at = new Date().toISOString();
          const body = JSON.parse(String(init.body)) as Partial<Session>;
          return json(
            {
              scheduledAt: null,
              occurredAt: null,
              durationMinutes: null,
              format: 'video',
              topics: [],
              summary: '',
              actionItems: [],
              ...body,
              id: `ses_new_${crypto.randomUUID().slice(0, 8)}`,
              orgId: 'org_memory',
              pairId: PAIR,
              createdAt: at,
              updatedAt: at,
              version: 1,
            },
            201,
          );
        }
        if (request.pathname === `/v1/pairs/${PAIR}/sessions`) {
          const limit = honourLimit ? Number(request.searchParams.get('limit') ?? 25) : count;
          const from = Number(request.searchParams.get('cursor') ?? 0);
          const next = from + limit < count ? String(from + limit) : null;
          return json({ items: sessions.slice(from, from + limit), nextCursor: next });
        }
        if (request.pathname === '/v1/events') {
          return Promise.resolve(
            new Response(new ReadableStream(), { headers: { 'Content-Type': 'text/event-stream' } }),
          );
        }
        return json({ error: { code: 'not_found', message: 'Not found' } }, 404);
      };
    }

    function memoryClient(count: number, honourLimit: boolean) {
      const client = createClient({
        baseUrl: 'http://memory.test',
        token: 'memory',
        fetch: memoryServer(count, honourLimit),
        store: memoryStore(),
        syncIntervalMs: 0,
        retry: { maxRetries: 0 },
      });
      clients.push(client);
      return client;
    }

    it('keeps fewer than 100 of 10,000 sessions in the page, and scrolls to the oldest', async () => {
      const loads: number[] = [];
      const el = await fixture<RmSessionLog>(
        html`<rm-session-log
          .client=${memoryClient(10_000, false)}
          pair-id=${PAIR}
          @rm-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
        ></rm-session-log>`,
      );
      await until(() => items(el).length > 0, 8000);
      expect(loads).to.deep.equal([10_000]);
      expect(items(el).length).to.be.lessThan(100);
      expect(items(el)[0]?.textContent).to.include('Session number 10000');

      const scroller = $(el, '[part="scroller"]') as HTMLElement;
      for (
        let i = 0;
        i < 200 && !items(el).some((li) => li.textContent?.includes('Session number 1.'));
        i++
      ) {
        scroller.scrollTop = scroller.scrollHeight;
        await frame();
        await frame();
        expect(items(el).length).to.be.lessThan(100);
      }
      const oldest = items(el).find((li) => /Session number 1\b/.test(li.textContent ?? ''));
      expect(oldest, 'the oldest session, at the end').to.exist;
      expect(oldest?.getAttribute('aria-posinset')).to.equal('10000');
      expect(oldest?.getAttribute('aria-setsize')).to.equal('10000');
    });

    it('draws only the sessions in view after a jump far down, and those around them once the list is still', async () => {
      const el = await fixture<RmSessionLog>(
        html`<rm-session-log .client=${memoryClient(10_000, false)} pair-id=${PAIR}></rm-session-log>`,
      );
      await until(() => items(el).length > 0, 8000);
      const scroller = $(el, '[part="scroller"]') as HTMLElement;
      const inView = () => {
        const view = scroller.getBoundingClientRect();
        return items(el).filter((li) => {
          const box = li.getBoundingClientRect();
          return box.bottom > view.top && box.top < view.bottom;
        });
      };
      // Two frames after its first render, the list draws the sessions beyond the view too.
      await until(() => items(el).length > inView().length + 3, 2000);
      const around = items(el).length;

      scroller.scrollTop = scroller.scrollHeight / 2;
      await frame();
      await frame();
      const shown = inView();
      expect(shown.length, 'sessions in view after the jump').to.be.greaterThan(0);
      expect(items(el).length, 'sessions drawn: those in view').to.be.at.most(shown.length + 1);

      await until(() => items(el).length > shown.length + 3, 2000);
      expect(items(el).length, 'sessions drawn once still').to.be.at.least(around - 2);
    });

    it('lays out its first sessions of 10,000 as it shows the list, without waiting for a frame', async () => {
      // Measured with nothing but microtasks after the sessions arrive: no frame is drawn
      // in between, so a list that waits for one (to measure itself) has no session yet.
      let laidOut: { count: number; height: number } | undefined;
      const measure = async (el: RmSessionLog) => {
        await el.updateComplete;
        for (let i = 0; i < 3; i++) await Promise.resolve();
        laidOut = { count: items(el).length, height: items(el)[0]?.getBoundingClientRect().height ?? 0 };
      };
      const el = await fixture<RmSessionLog>(
        html`<rm-session-log
          .client=${memoryClient(10_000, false)}
          pair-id=${PAIR}
          @rm-load=${(e: Event) => void measure(e.target as RmSessionLog)}
        ></rm-session-log>`,
      );
      await until(() => laidOut !== undefined, 8000);
      expect(laidOut?.count, 'sessions in the list').to.be.greaterThan(0).and.lessThan(20);
      expect(laidOut?.height, 'the first session’s height').to.be.greaterThan(0);
      expect(items(el)[0]?.textContent).to.include('Session number 10000');
    });

    it('brings a session logged far down a long log into view and focuses it', async () => {
      const el = await fixture<RmSessionLog>(
        html`<rm-session-log .client=${memoryClient(300, false)} pair-id=${PAIR}></rm-session-log>`,
      );
      await until(() => items(el).length > 0, 8000);
      // Held before all but the last fifty sessions: it goes in at index 250, far below the fold.
      const held = new Date(Date.UTC(2026, 0, 1) - 249.5 * 3_600_000);
      const summary = tag('far down');
      await logThroughForm(
        el,
        new Date(held.getTime() - held.getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
        summary,
      );

      await until(() => root(el).activeElement?.textContent?.includes(summary) === true);
      const focused = root(el).activeElement as HTMLElement;
      expect(focused.getAttribute('aria-posinset')).to.equal('251');
      const scroller = $(el, '[part="scroller"]') as HTMLElement;
      const inView = () => {
        const shown = scroller.getBoundingClientRect();
        const item = focused.getBoundingClientRect();
        return item.top >= shown.top - 1 && item.bottom <= shown.bottom + 1;
      };
      // The virtualizer moves it as it measures its neighbours, over a few frames: it follows.
      await until(inView, 2000).catch(() => undefined);
      const shown = scroller.getBoundingClientRect();
      const item = focused.getBoundingClientRect();
      expect(item.top, 'the session, inside the scrolled list').to.be.at.least(shown.top - 1);
      expect(item.bottom).to.be.at.most(shown.bottom + 1);
      expect(items(el).length, 'its neighbours, rendered around it').to.be.greaterThan(1);
    });

    it('reaches a session anywhere in thousands, even right after a jump far from it', async () => {
      const count = 3000;
      const el = await fixture<RmSessionLog>(
        html`<rm-session-log .client=${memoryClient(count, false)} pair-id=${PAIR}></rm-session-log>`,
      );
      await until(() => items(el).length > 0, 8000);
      const scroller = $(el, '[part="scroller"]') as HTMLElement;
      // Sessions far apart, each revealed a frame after the list was dragged elsewhere (the
      // virtualizer has not yet drawn the sessions where the view now is), after the newest.
      const trips = [
        { from: 0, to: 0 },
        { from: 0.9, to: 867 },
        { from: 0.1, to: 2265 },
        { from: 0.5, to: 161 },
        { from: 0.3, to: 1931 },
        { from: 0.7, to: 996 },
      ];
      const missed: number[] = [];
      for (const { from, to } of trips) {
        scroller.scrollTop = scroller.scrollHeight * from;
        await frame();
        const id = `ses_${String(count - to).padStart(6, '0')}`;
        const find = () => root(el).querySelector<HTMLElement>(`[data-session-id="${id}"]`);
        let shown: HTMLElement | undefined;
        await revealSession(el.renderRoot, to, count, find, (item) => {
          shown = item;
          item.focus({ preventScroll: true });
        });
        if (shown?.dataset.sessionId !== id) missed.push(to);
      }
      expect(missed, 'sessions never reached').to.deep.equal([]);
    });

    it('loads older pages as the list scrolls towards its end', async () => {
      const loads: number[] = [];
      const el = await fixture<RmSessionLog>(
        html`<rm-session-log
          .client=${memoryClient(130, true)}
          pair-id=${PAIR}
          @rm-load=${(e: CustomEvent<{ count: number }>) => loads.push(e.detail.count)}
        ></rm-session-log>`,
      );
      await until(() => items(el).length > 0, 8000);
      expect(loads[0]).to.equal(50);
      expect(items(el)[0]?.getAttribute('aria-setsize')).to.equal('-1');
      const scroller = $(el, '[part="scroller"]') as HTMLElement;
      for (
        let i = 0;
        i < 200 && !items(el).some((li) => /Session number 1\b/.test(li.textContent ?? ''));
        i++
      ) {
        scroller.scrollTop = scroller.scrollHeight;
        await frame();
        await frame();
      }
      expect(loads).to.deep.equal([50, 100, 130]);
      expect(items(el).some((li) => /Session number 1\b/.test(li.textContent ?? ''))).to.equal(true);
      expect($(el, '.older')).to.equal(null);
    });
  });
});
