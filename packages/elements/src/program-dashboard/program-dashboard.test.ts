/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { PEOPLE, rmServer, tokenFor, until } from '../test-support/server.js';
import './program-dashboard.js';
import type { RmProgramDashboard } from './program-dashboard.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: RmProgramDashboard, selector: string) =>
  (el.shadowRoot as ShadowRoot).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: RmProgramDashboard, selector: string) => [
  ...(el.shadowRoot as ShadowRoot).querySelectorAll<T>(selector),
];
const part = (el: RmProgramDashboard, name: string) => $(el, `[part~="${name}"]`);
const parts = (el: RmProgramDashboard, name: string) => $$(el, `[part~="${name}"]`);
const chart = (el: RmProgramDashboard, id: string) => $(el, `[data-chart="${id}"]`) as HTMLElement;

describe('<rm-program-dashboard>', () => {
  let url: string;
  let admin: RmClient;
  /** Digital Bridge, the demo's running program. */
  let programId: string;
  const clients: RmClient[] = [];

  function clientWith(token: string, options: { fetch?: typeof fetch } = {}) {
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

  async function mount(options: { lang?: string; width?: number; client?: RmClient; id?: string } = {}) {
    const wrapper = await fixture(
      html`<div lang=${options.lang ?? 'en'} style=${options.width ? `width: ${options.width}px` : ''}>
        <rm-program-dashboard .client=${options.client ?? admin} program-id=${options.id ?? programId}></rm-program-dashboard>
      </div>`,
    );
    const el = wrapper.querySelector('rm-program-dashboard') as RmProgramDashboard;
    await until(() => Boolean(part(el, 'dashboard') ?? part(el, 'error') ?? part(el, 'empty')), 10000);
    await el.updateComplete;
    return el;
  }

  before(async () => {
    url = await rmServer();
    admin = clientWith(await tokenFor(PEOPLE.chiara));
    programId = (await admin.programs.page({ status: 'active' })).items[0]?.id ?? '';
  });
  after(() => {
    for (const client of clients) client.close();
  });

  it("shows the seeded program's figures, and the pair whose mentee cancelled twice at risk with its reasons in words", async () => {
    const el = await mount();
    expect(text($(el, 'h2'))).to.equal('Digital Bridge 2026');
    const figures = parts(el, 'figure').map(text);
    expect(figures.find((f) => f.startsWith('Match rate'))).to.match(/^Match rate \d+%/);
    // Matteo's pair is at risk for its members (low trust), never in the admin's count.
    expect(figures.find((f) => f.startsWith('Pairs at risk'))).to.match(/^Pairs at risk 1 /);
    const risky = parts(el, 'risk-pair').map(text);
    expect(risky.find((r) => r.includes('Francesca Galli'))).to.include(
      'Luca Esposito with Francesca Galli no session for over 4 weeks and the last two sessions were cancelled',
    );
    // Trust is the members' own: the admin's list never says it.
    expect(text(part(el, 'at-risk'))).to.not.include('low trust in recent feedback');
    expect(text(chart(el, 'cancellations'))).to.include('2 in a row');

    // Each chart has its text alternative: the weeks' drawing is labelled by its summary.
    const weeks = chart(el, 'weeks').querySelector('svg');
    const summary = chart(el, 'weeks').querySelector(`#${weeks?.getAttribute('aria-labelledby')}`);
    expect(weeks?.getAttribute('role')).to.equal('img');
    expect(text(summary)).to.match(/^Over \d+ weeks: sessions held \d+, cancelled \d+\./);
    expect(parts(el, 'chart')).to.have.length(6);
    await expect(el).to.be.accessible();
  });

  it('shows a chart as a table from the keyboard, and the drawing again', async () => {
    const el = await mount();
    const toggle = chart(el, 'weeks').querySelector<HTMLButtonElement>('[part~="table-toggle"]');
    toggle?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => chart(el, 'weeks').querySelector('table') !== null);
    expect(toggle?.getAttribute('aria-pressed')).to.equal('true');
    const rows = chart(el, 'weeks').querySelectorAll('tbody tr');
    expect(rows.length).to.equal((await admin.reports.dashboard(programId)).sessionsPerWeek.length);
    expect([...chart(el, 'weeks').querySelectorAll('thead th')].map(text)).to.deep.equal([
      'Week of',
      'Held',
      'Cancelled',
    ]);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await until(() => chart(el, 'weeks').querySelector('table') === null);
    expect(chart(el, 'weeks').querySelector('svg')).to.not.equal(null);
  });

  it('keeps both tables when two charts are switched at once, before the table part has arrived', async () => {
    const el = await mount();
    for (const id of ['topics', 'pairs'])
      chart(el, id).querySelector<HTMLButtonElement>('[part~="table-toggle"]')?.click();
    await until(() =>
      Boolean(chart(el, 'topics').querySelector('table') && chart(el, 'pairs').querySelector('table')),
    );
    expect(text(chart(el, 'topics').querySelector('thead'))).to.include('Mentees who want it');
  });

  it('exports the pairs as a CSV file with ; and a byte order mark in Italian', async () => {
    const el = await mount({ lang: 'it' });
    const clicked: HTMLAnchorElement[] = [];
    const click = HTMLAnchorElement.prototype.click;
    // The browser's download is the one part a test cannot watch: the link it follows is kept.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      (part(el, 'export') as HTMLButtonElement).click();
      await until(() => clicked.length > 0, 10000);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    const [link] = clicked;
    expect(link?.download).to.match(/^digital-bridge-2026-coppie-\d{4}-\d\d-\d\d\.csv$/);
    const bytes = new Uint8Array(await (await fetch(link?.href ?? '')).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split('\r\n')[0]).to.equal(
      'pairId;mentorName;menteeName;status;startedOn;sessionsHeld;sessionsCancelled;sessionsPlanned;lastHeldAt;cancelledInARow;atRisk;atRiskReasons',
    );
    expect(csv).to.match(
      /;Luca Esposito;Francesca Galli;active;[^\r]*;2;true;no-recent-session two-cancellations\r\n/,
    );
    await until(
      () => text($(el, '[role="status"][aria-live="polite"]')) === 'Il file CSV è stato scaricato.',
    );
  });

  it('speaks Italian at 375 px, with nothing wider than the screen', async () => {
    const el = await mount({ lang: 'it', width: 375 });
    expect(text(part(el, 'export'))).to.equal('Esporta in CSV');
    expect(text($(el, '#risk-title'))).to.equal('Coppie a rischio');
    expect(text(part(el, 'at-risk'))).to.include(
      'Luca Esposito con Francesca Galli nessuna sessione da oltre 4 settimane e le ultime due sessioni sono state annullate',
    );
    expect(text(chart(el, 'weeks'))).to.match(/In \d+ settimane: sessioni svolte \d+, annullate \d+\./);
    const box = el.getBoundingClientRect();
    for (const node of $$(el, 'button, li, svg, p, h3')) {
      const r = node.getBoundingClientRect();
      if (r.width === 0) continue;
      expect(r.right, node.outerHTML.slice(0, 80)).to.be.at.most(box.right + 0.5);
    }
    await expect(el).to.be.accessible();
  });

  it('lays the charts out in two columns at 1280 px', async () => {
    const el = await mount({ width: 1280 });
    const [cancellations, pairs] = [chart(el, 'cancellations'), chart(el, 'pairs')];
    expect(cancellations.getBoundingClientRect().top).to.equal(pairs.getBoundingClientRect().top);
    expect(chart(el, 'weeks').getBoundingClientRect().width).to.be.greaterThan(1000);
  });

  describe('states', () => {
    it('shows a skeleton while it loads', async () => {
      const client = clientWith(await tokenFor(PEOPLE.chiara), {
        fetch: () => new Promise<Response>(() => {}),
      });
      const el = await fixture<RmProgramDashboard>(
        html`<rm-program-dashboard .client=${client} program-id=${programId}></rm-program-dashboard>`,
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
      await until(() => part(el, 'dashboard') !== null);
    });

    it('tells a mentor they have no access, and says what is missing without a program-id', async () => {
      const el = await mount({ client: clientWith(await tokenFor(PEOPLE.giulia)) });
      expect(text(part(el, 'error'))).to.include('You do not have access to this.');
      expect(part(el, 'retry')).to.equal(null);
      await expect(el).to.be.accessible();
      const empty = await mount({ id: '' });
      expect(text(part(empty, 'empty'))).to.include('Set the program-id attribute');
      await expect(empty).to.be.accessible();
    });

    it('says so, in words, when a new program has no sessions, cancellations or feedback yet', async () => {
      const program = await admin.programs.create({
        name: 'Empty cohort',
        startsOn: '2026-01-05',
        endsOn: '2026-12-18',
        status: 'enrolling',
        topics: ['ai-tools'],
      });
      const el = await mount({ id: (program as { id: string }).id });
      expect(text(part(el, 'at-risk'))).to.include('No pair is at risk.');
      expect(text(chart(el, 'weeks'))).to.include('No session has been held or cancelled yet.');
      expect(text(chart(el, 'feedback'))).to.include('Averages appear once at least 3 answers');
      expect(
        parts(el, 'figure')
          .map(text)
          .find((f) => f.startsWith('Match rate')),
      ).to.include('not yet');
      await expect(el).to.be.accessible();
    });
  });
});
