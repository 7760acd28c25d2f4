/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import type { CareerStage, EnrollmentStatus, MatchConstraint, Pair, PairRole, Program } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { PEOPLE, rmServer, sent, stopServer, tokenFor, until } from '../test-support/server.js';
import './match-board.js';
import type { RmMatchBoard } from './match-board.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: RmMatchBoard) => el.shadowRoot as ShadowRoot;
const $ = <T extends Element = HTMLElement>(el: RmMatchBoard, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: RmMatchBoard, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const part = (el: RmMatchBoard, name: string) => $(el, `[part~="${name}"]`);
const parts = (el: RmMatchBoard, name: string) => $$(el, `[part~="${name}"]`);
const announced = (el: RmMatchBoard) => text($(el, '[role="status"][aria-live="polite"]'));

interface Member {
  key: string;
  name: string;
  department: string;
  stage: CareerStage;
  role: PairRole;
  status: EnrollmentStatus;
  topics: string[];
  /** Whose report this person is: a reporting line matching must never pair across. */
  manager?: string;
}

/**
 * A program of its own for each test, with people new to the organisation: two accepted
 * mentors (one place each) and three accepted mentees, so matching leaves one mentee out;
 * a mentor and the mentee she reports to, both still under review; and a declined mentee.
 */
const COHORT: Member[] = [
  {
    key: 'ada',
    name: 'Ada Ferri',
    department: 'IT',
    stage: 'early',
    role: 'mentor',
    status: 'accepted',
    topics: ['ai-tools', 'social-media'],
  },
  {
    key: 'bea',
    name: 'Bea Longo',
    department: 'Marketing',
    stage: 'early',
    role: 'mentor',
    status: 'accepted',
    topics: ['sustainability', 'ai-tools'],
  },
  {
    key: 'carlo',
    name: 'Carlo Neri',
    department: 'Sales',
    stage: 'senior',
    role: 'mentee',
    status: 'accepted',
    topics: ['ai-tools'],
  },
  {
    key: 'dora',
    name: 'Dora Sala',
    department: 'Finance',
    stage: 'executive',
    role: 'mentee',
    status: 'accepted',
    topics: ['sustainability'],
  },
  {
    key: 'ezio',
    name: 'Ezio Riva',
    department: 'Legal',
    stage: 'senior',
    role: 'mentee',
    status: 'accepted',
    topics: ['social-media'],
  },
  {
    key: 'fabio',
    name: 'Fabio Conti',
    department: 'Operations',
    stage: 'senior',
    role: 'mentee',
    status: 'applied',
    topics: ['ai-tools'],
  },
  {
    key: 'gina',
    name: 'Gina Moro',
    department: 'Operations',
    stage: 'early',
    role: 'mentor',
    status: 'applied',
    topics: ['ai-tools'],
    manager: 'fabio',
  },
  {
    key: 'hugo',
    name: 'Hugo Villa',
    department: 'HR',
    stage: 'senior',
    role: 'mentee',
    status: 'declined',
    topics: ['ai-tools'],
  },
];

describe('<rm-match-board>', () => {
  let url: string;
  let admin: RmClient;
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

  async function cohort() {
    const tag = crypto.randomUUID().slice(0, 8);
    const program = sent(
      await admin.programs.create({
        name: `Board ${tag}`,
        startsOn: '2027-01-11',
        endsOn: '2027-12-17',
        status: 'enrolling',
        topics: ['ai-tools', 'social-media', 'sustainability', 'leadership'],
      }),
    ) as Program;
    const ids: Record<string, string> = {};
    // Managers first, so their reports can name them.
    for (const member of [...COHORT].sort(
      (a, b) => Number(Boolean(a.manager)) - Number(Boolean(b.manager)),
    )) {
      const person = sent(
        await admin.people.create({
          email: `${member.key}.${tag}@contoso.example`,
          displayName: member.name,
          department: member.department,
          careerStage: member.stage,
          locale: 'en',
          managerId: member.manager ? ids[member.manager] : null,
        }),
      );
      ids[member.key] = person.id;
      sent(
        await admin.enrollments.create(program.id, {
          personId: person.id,
          role: member.role,
          topics: member.topics,
          status: member.status,
        }),
      );
    }
    return { program, ids };
  }

  async function mount(
    programId: string,
    options: { lang?: string; width?: number; client?: RmClient } = {},
  ) {
    const client = options.client ?? admin;
    const wrapper = await fixture(
      html`<div lang=${options.lang ?? 'en'} style=${options.width ? `width: ${options.width}px` : ''}>
        <rm-match-board .client=${client} program-id=${programId}></rm-match-board>
      </div>`,
    );
    const el = wrapper.querySelector('rm-match-board') as RmMatchBoard;
    await until(() => Boolean($(el, '[part~="board"], [part~="error"], [part~="empty"]')), 10000);
    await el.updateComplete;
    return el;
  }

  async function runMatching(el: RmMatchBoard) {
    (part(el, 'run') as HTMLButtonElement).click();
    await until(() => $(el, '.proposals-title') !== null, 10000);
  }

  async function constraints(programId: string): Promise<MatchConstraint[]> {
    return (await admin.matching.constraints.page(programId, { limit: 100 })).items;
  }

  async function pairsOf(programId: string): Promise<Pair[]> {
    return (await admin.pairs.page({ programId, limit: 100 })).items;
  }

  before(async () => {
    url = await rmServer();
    admin = createClient({
      baseUrl: url,
      token: await tokenFor(PEOPLE.chiara),
      store: indexedDbStore(`rm-kit-test-${crypto.randomUUID()}`),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
    });
  });

  afterEach(() => {
    fixtureCleanup();
    for (const client of clients.splice(0)) client.close();
  });

  after(() => admin.close());

  it('lists the applications, those under review first, and accepts and declines them by keyboard', async () => {
    const { program, ids } = await cohort();
    const el = await mount(program.id);
    expect(text($(el, '#board-title'))).to.equal(program.name);
    expect(text(part(el, 'applications'))).to.include('Waiting for a decision (2)');
    const reviewed = parts(el, 'application').filter((card) => text(card).includes('Under review'));
    expect(reviewed.map((card) => text(card.querySelector('.name')))).to.deep.equal([
      'Fabio Conti',
      'Gina Moro',
    ]);
    // The inversion, said on each card.
    expect(text(reviewed[1])).to.include('Mentor · early career');
    expect(text(reviewed[0])).to.include('Mentee · senior');
    await expect(el).to.be.accessible();

    const accept = reviewed[1]?.querySelector('[part~="accept"]') as HTMLButtonElement;
    expect(accept.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Accept Gina Moro');
    const changed = oneEvent(el, 'rm-enrollment-changed');
    accept.focus();
    await sendKeys({ press: 'Enter' });
    expect((await changed).detail).to.include({ status: 'accepted', change: 'accepted', pending: false });
    await until(() => announced(el) === 'Application accepted: Gina Moro.');
    const decline = parts(el, 'decline-application')[0] as HTMLButtonElement;
    decline.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el) === 'Application declined: Fabio Conti.');
    expect(text(part(el, 'applications'))).to.not.include('Waiting for a decision');

    const statuses = Object.fromEntries(
      (await admin.enrollments.page(program.id, { limit: 100 })).items.map((e) => [e.personId, e.status]),
    );
    expect(statuses[ids.gina as string]).to.equal('accepted');
    expect(statuses[ids.fabio as string]).to.equal('declined');
    await expect(el).to.be.accessible();
  });

  it('runs matching and shows each proposal with its score and reasons, the fairness figures and who is left out', async () => {
    const { program } = await cohort();
    const el = await mount(program.id);
    const run = part(el, 'run') as HTMLButtonElement;
    expect(text(run)).to.equal('Run matching');
    run.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '.proposals-title') !== null, 10000);
    expect(text($(el, '.proposals-title'))).to.equal('Proposed pairs (2)');
    expect(root(el).activeElement).to.equal($(el, '.proposals-title'));
    await until(() => announced(el) === 'Proposed pairs: 2.');

    const proposals = parts(el, 'proposal');
    expect(proposals).to.have.length(2);
    for (const proposal of proposals) {
      expect(text(proposal)).to.match(/Match: \d{1,3}%/);
      expect(text(proposal)).to.include('Mentor · early career');
      expect(proposal.querySelectorAll('.reasons li').length).to.be.greaterThan(0);
    }
    const fairness = text($(el, '.fairness'));
    expect(fairness).to.match(/Total score \d\.\d\d/);
    expect(fairness).to.match(/Average match \d{1,3}%/);
    expect(fairness).to.match(/Lowest match \d{1,3}%/);
    // Two mentors with one place each, three mentees: one is left out, and told why.
    const leftOut = part(el, 'unmatched') as HTMLElement;
    expect(leftOut.querySelectorAll('li')).to.have.length(1);
    expect(text(leftOut)).to.match(/Mentee · (senior|executive)\): \S/);
    expect(text(part(el, 'run'))).to.equal('Run matching again');
    // Nothing is stored until published.
    expect(await pairsOf(program.id)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('pins, bans and swaps proposals, running matching again each time, and removes a pin', async () => {
    const { program } = await cohort();
    const el = await mount(program.id);
    await runMatching(el);
    const first = parts(el, 'proposal')[0] as HTMLElement;
    const mentee = first.dataset.mentee as string;
    const pin = first.querySelector('[part~="pin"]') as HTMLButtonElement;
    pin.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el).startsWith('Pinned:'));
    const pinned = $(el, `[part~="proposal"][data-mentee="${mentee}"]`) as HTMLElement;
    expect(text(pinned.querySelector('.badge.pinned'))).to.equal('Pinned');
    expect(pinned.querySelector('[part~="pin"]')?.getAttribute('aria-pressed')).to.equal('true');
    expect((await constraints(program.id)).map((c) => c.kind)).to.deep.equal(['pin']);
    expect(text(part(el, 'constraints'))).to.match(/Pinned: .+ with .+/);

    // Ban the other proposal: matching runs again without it.
    const other = parts(el, 'proposal').find((p) => p.dataset.mentee !== mentee) as HTMLElement;
    const banned = other.dataset.mentee as string;
    const mentorOfBanned = text(other.querySelector('.side.mentor .name'));
    (other.querySelector('[part~="ban"]') as HTMLButtonElement).click();
    await until(() => announced(el).startsWith('Excluded:'));
    const again = $(el, `[part~="proposal"][data-mentee="${banned}"]`);
    if (again) expect(text(again.querySelector('.side.mentor .name'))).to.not.equal(mentorOfBanned);
    expect((await constraints(program.id)).map((c) => c.kind).sort()).to.deep.equal(['ban', 'pin']);
    await expect(el).to.be.accessible();

    // Remove the ban and the pin: back to where it started.
    for (const left of [1, 0]) {
      (parts(el, 'remove')[0] as HTMLButtonElement).click();
      await until(
        () =>
          parts(el, 'remove').length === left && part(el, 'run')?.getAttribute('aria-disabled') === 'false',
        10000,
      );
    }
    expect(text(part(el, 'constraints'))).to.include('No pins or bans.');
    expect(await constraints(program.id)).to.deep.equal([]);

    // Swap: two proposals chosen, their mentees exchanged and pinned.
    await until(() => parts(el, 'proposal').length === 2);
    const [a, b] = parts(el, 'proposal').map((p) => ({
      mentor: text(p.querySelector('.side.mentor .name')),
      mentee: text(p.querySelector('.side.mentee .name')),
      box: p.querySelector('.swap-pick') as HTMLInputElement,
    }));
    if (!a || !b) throw new Error('two proposals');
    expect(text($(el, '.swap-bar'))).to.equal('Select two pairs to swap their mentees.');
    a.box.click();
    b.box.click();
    await until(() => part(el, 'swap') !== null);
    (part(el, 'swap') as HTMLButtonElement).click();
    await until(() => announced(el) === 'Swapped: matching ran again with the two new pairs pinned.', 10000);
    const now = parts(el, 'proposal').map((p) => [
      text(p.querySelector('.side.mentor .name')),
      text(p.querySelector('.side.mentee .name')),
    ]);
    expect(now).to.deep.include.members([
      [a.mentor, b.mentee],
      [b.mentor, a.mentee],
    ]);
    expect((await constraints(program.id)).filter((c) => c.kind === 'pin')).to.have.length(2);
  });

  it('makes a pair by hand, and says in words why the server refused one', async () => {
    const { program, ids } = await cohort();
    const el = await mount(program.id);
    const choose = async (role: 'mentor' | 'mentee', personId: string) => {
      const select = $(el, `#hand-${role}`) as HTMLSelectElement;
      select.value = personId;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    const submit = () => (part(el, 'make-pair') as HTMLButtonElement).click();
    const refusal = () => text($(el, '.failure[data-section="hand"] .error-text'));
    // The form comes with the board's rounds part, fetched once the board is shown.
    await until(() => part(el, 'make-pair') !== null);

    submit();
    await until(() => refusal() === 'Choose a mentor and a mentee.');

    // An application under review: not without an override.
    await choose('mentor', ids.gina as string);
    await choose('mentee', ids.carlo as string);
    submit();
    await until(() => refusal().startsWith('This pair cannot be made'));
    expect(refusal()).to.include(
      'both need an accepted application in these roles, unless you record an override.',
    );
    expect($(el, '.failure[data-section="hand"]')).to.equal(root(el).activeElement);
    await expect(el).to.be.accessible();

    // An override does not cross a reporting line: Gina reports to Fabio.
    await choose('mentee', ids.fabio as string);
    ($(el, 'input[name="override"]') as HTMLInputElement).click();
    submit();
    await until(() => refusal() === 'This pair cannot be made: same reporting line.');

    // Two accepted people: made, and listed as a pair to confirm.
    ($(el, 'input[name="override"]') as HTMLInputElement).click();
    await choose('mentor', ids.ada as string);
    await choose('mentee', ids.ezio as string);
    const made = oneEvent(el, 'rm-pair-changed');
    submit();
    expect((await made).detail).to.include({ change: 'created', status: 'proposed', pending: false });
    await until(() => announced(el) === 'Pair made: Ada Ferri with Ezio Riva.');
    const row = parts(el, 'pair')[0] as HTMLElement;
    expect(text(row)).to.include('Ada Ferri with Ezio Riva');
    expect(text(row)).to.include('To be confirmed');
    expect(text(row)).to.include('Mentee not agreed yet');
    expect(text(row)).to.include('Charters accepted: 0 of 2');

    // The same mentee again, with the other mentor: a place taken.
    await choose('mentor', ids.bea as string);
    await choose('mentee', ids.ezio as string);
    submit();
    await until(() => refusal().startsWith('This pair cannot be made'));
    expect(refusal()).to.include('Ezio Riva is in a pair of this program already.');
    expect(await pairsOf(program.id)).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('publishes the proposals after a confirmation, and lists the pairs to confirm', async () => {
    const { program } = await cohort();
    const el = await mount(program.id);
    await runMatching(el);
    const publish = part(el, 'publish') as HTMLButtonElement;
    expect(text(publish)).to.equal('Publish the proposed pairs (2)');
    publish.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    expect(text($(el, 'dialog'))).to.include('Pairs to publish: 2.');
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Not yet');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => $(el, 'dialog') === null);
    expect(await pairsOf(program.id)).to.have.length(0);

    publish.click();
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    const published = oneEvent(el, 'rm-pairs-published');
    (part(el, 'confirm') as HTMLButtonElement).click();
    const { detail } = await published;
    expect(detail.pairs).to.have.length(2);
    await until(() => announced(el) === 'Pairs published: 2.');
    expect(parts(el, 'pair').map((row) => text(row.querySelector('[part~="pair-status"]')))).to.deep.equal([
      'To be confirmed',
      'To be confirmed',
    ]);
    expect(part(el, 'proposal')).to.equal(null);
    const onServer = await pairsOf(program.id);
    expect(onServer.map((p) => p.status)).to.deep.equal(['proposed', 'proposed']);
    expect(onServer.every((p) => p.matchScore !== null && p.matchReasons.length > 0)).to.equal(true);

    // Everyone accepted is paired or left out: matching now proposes nothing more for the two mentors.
    await runMatching(el);
    expect(text($(el, '.proposals-title'))).to.equal('Proposed pairs (0)');
    await expect(el).to.be.accessible();
  });

  it('says which proposal took a place meanwhile when a publish is refused (409), from the refusal alone', async () => {
    const { program, ids } = await cohort();
    const el = await mount(program.id);
    await runMatching(el);
    const proposed = parts(el, 'proposal').map((p) => p.dataset.mentee as string);
    // Meanwhile another admin pairs the second proposal's mentee with the mentor under review.
    const taken = proposed[1] as string;
    sent(
      await admin.pairs.create(program.id, { mentorId: ids.gina as string, menteeId: taken, override: true }),
    );
    const mentee = text($(el, `[part~="proposal"][data-mentee="${taken}"] .side.mentee .name`));
    (part(el, 'publish') as HTMLButtonElement).click();
    await until(() => ($(el, 'dialog') as HTMLDialogElement | null)?.open === true);
    (part(el, 'confirm') as HTMLButtonElement).click();
    const refusal = () => text($(el, '.failure[data-section="matching"] .error-text'));
    await until(() => refusal().startsWith('Nothing was published.'), 10000);
    expect(refusal()).to.include(`with ${mentee}: ${mentee} is in a pair of this program already.`);
    expect((await pairsOf(program.id)).map((p) => p.menteeId)).to.deep.equal([taken]);
    await expect(el).to.be.accessible();
  });

  it('speaks Italian at 375 px, with nothing wider than the screen', async () => {
    const { program } = await cohort();
    const el = await mount(program.id, { lang: 'it', width: 375 });
    expect(text(part(el, 'applications'))).to.include('Candidature');
    expect(text(part(el, 'applications'))).to.include('Da valutare (2)');
    expect(text(part(el, 'run'))).to.equal('Calcola l’abbinamento');
    await runMatching(el);
    expect(text($(el, '.proposals-title'))).to.equal('Coppie proposte (2)');
    expect(text(part(el, 'proposal'))).to.match(/Compatibilità: \d{1,3}%/);
    expect(text(part(el, 'proposal'))).to.include('Mentor · inizio carriera');
    expect(text(part(el, 'publish'))).to.equal('Pubblica le coppie proposte (2)');
    expect(text(part(el, 'hand-pair'))).to.include('Crea una coppia a mano');
    const box = el.getBoundingClientRect();
    for (const node of $$(el, 'button, select, label, .card, .row')) {
      const r = node.getBoundingClientRect();
      if (r.width === 0) continue;
      expect(r.right, node.outerHTML.slice(0, 80)).to.be.at.most(box.right + 0.5);
    }
    await expect(el).to.be.accessible();
  });

  it('proposes pairs for the demo program taking applications, with reasons in Italian and who is left out', async () => {
    let seeded: Program | undefined;
    for await (const program of admin.programs.list({ status: 'enrolling' })) {
      if (!program.name.startsWith('Board ')) seeded ??= program;
    }
    if (!seeded) throw new Error('the demo seeds a program taking applications');
    const el = await mount(seeded.id, { lang: 'it' });
    expect(text(part(el, 'applications'))).to.match(/Da valutare \(\d+\)/);
    await runMatching(el);
    const proposals = parts(el, 'proposal');
    expect(proposals.length).to.be.greaterThan(1);
    const reasons = proposals.flatMap((p) => [...p.querySelectorAll('.reasons li')].map(text));
    // Reasons in the page's language: the Italian of core's matching.
    expect(
      reasons.some((r) => /^Offre \d+ de[il] \d+ temi richiesti/.test(r) || r.startsWith('Reparti diversi')),
    ).to.equal(true);
    expect(reasons.join(' ')).to.not.match(/\b(Offers|Different departments|Both speak)\b/);
    expect(text(part(el, 'unmatched'))).to.not.equal('');
    await expect(el).to.be.accessible();
  });

  describe('states', () => {
    it('shows a skeleton while it loads', async () => {
      const client = clientWith(await tokenFor(PEOPLE.chiara), {
        fetch: () => new Promise<Response>(() => {}),
      });
      const el = await fixture<RmMatchBoard>(
        html`<rm-match-board .client=${client} program-id="prg_00000000000000000000000000"></rm-match-board>`,
      );
      await until(() => part(el, 'loading') !== null);
      await expect(el).to.be.accessible();
    });

    it('says what went wrong and loads again on "Try again"', async () => {
      const { program } = await cohort();
      const flaky = failingUntilRecovered();
      const client = clientWith(await tokenFor(PEOPLE.chiara), { fetch: flaky.fetch });
      const el = await mount(program.id, { client });
      expect(text(part(el, 'error'))).to.include('Something went wrong while loading this.');
      await expect(el).to.be.accessible();
      flaky.recover();
      (part(el, 'retry') as HTMLButtonElement).click();
      await until(() => part(el, 'board') !== null);
    });

    it('tells someone who is not an admin that the board is not for them', async () => {
      const { program } = await cohort();
      const el = await mount(program.id, { client: clientWith(await tokenFor(PEOPLE.giulia)) });
      expect(text(part(el, 'error'))).to.include('You do not have access to this.');
      expect(part(el, 'retry')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('asks for a program-id, and for a connection', async () => {
      const empty = await fixture<RmMatchBoard>(html`<rm-match-board .client=${admin}></rm-match-board>`);
      expect(text(part(empty, 'empty'))).to.include('Set the program-id attribute');
      await expect(empty).to.be.accessible();
      const unconnected = await fixture<RmMatchBoard>(
        html`<rm-match-board program-id="prg_x"></rm-match-board>`,
      );
      expect(text(part(unconnected, 'error'))).to.include('put it inside <rm-provider base-url="…">');
      await expect(unconnected).to.be.accessible();
    });

    it('shows the offline copy with a notice when the server is down', async () => {
      const { program } = await cohort();
      const client = clientWith(await tokenFor(PEOPLE.chiara));
      await mount(program.id, { client });
      fixtureCleanup();
      await stopServer();
      try {
        const el = await mount(program.id, { client });
        expect(text(part(el, 'notice'))).to.include('You are offline.');
        expect(text(part(el, 'applications'))).to.include('Ada Ferri');
        await expect(el).to.be.accessible();
      } finally {
        await rmServer();
      }
    });
  });
});
