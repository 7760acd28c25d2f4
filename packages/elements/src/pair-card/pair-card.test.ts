/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { newId, type Pair, type PairProgress } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { meOf, PEOPLE, rmServer, sent, stopServer, tokenFor, until } from '../test-support/server.js';
import './pair-card.js';
import '../provider/provider.js';
import type { RmPairCard } from './pair-card.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: RmPairCard) => el.shadowRoot as ShadowRoot;
const part = (el: RmPairCard, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const partIn = (root: ParentNode | null, name: string) =>
  root?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const parts = (el: RmPairCard, name: string) => [
  ...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

/** Waits until the card shows a pair, not its skeleton. */
async function loaded(el: RmPairCard) {
  await until(() => Boolean(shadow(el).querySelector('[part~="card"]:not(.skeleton-card):not(.state-card)')));
  await el.updateComplete;
}

describe('<rm-pair-card>', () => {
  let url: string;
  const clients: RmClient[] = [];
  const tokens = new Map<string, string>();
  let giuliaPair: string;
  let lucaPair: string;
  let proposedPair: string;
  let programId: string;

  /** A client of its own, with a store of its own, as one signed-in person. */
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

  before(async () => {
    url = await rmServer();
    const [giulia, marco, luca] = await Promise.all([
      meOf(PEOPLE.giulia),
      meOf(PEOPLE.marco),
      meOf(PEOPLE.luca),
    ]);
    const withMarco = giulia.pairs.find((p) => p.menteeId === marco.person.id && p.status === 'active');
    giuliaPair = withMarco?.id ?? '';
    programId = withMarco?.programId ?? '';
    lucaPair = luca.pairs.find((p) => p.mentorId === luca.person.id && p.status === 'active')?.id ?? '';
    const admin = await clientFor(PEOPLE.chiara);
    const proposed: Pair[] = [];
    for await (const pair of admin.pairs.list({ status: 'proposed', programId })) {
      if (pair.startedOn === null && pair.charterAcceptedAt.mentor === null) proposed.push(pair);
    }
    proposedPair = proposed[0]?.id ?? '';
    expect(giuliaPair).to.match(/^par_/);
    expect(lucaPair).to.match(/^par_/);
    expect(proposedPair).to.match(/^par_/);
  });

  afterEach(() => {
    fixtureCleanup();
    for (const client of clients.splice(0)) client.close();
  });

  describe('with seeded data', () => {
    it('shows both people with their role and career stage said plainly, and the topics', async () => {
      const client = await clientFor(PEOPLE.giulia);
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${client} pair-id=${giuliaPair}></rm-pair-card>`,
      );
      await loaded(el);

      const mentor = part(el, 'mentor');
      const mentee = part(el, 'mentee');
      expect(text(mentor)).to.include('Giulia Rossi');
      expect(text(mentor)).to.include('Mentor · early career');
      expect(text(mentee)).to.include('Marco Rinaldi');
      expect(text(mentee)).to.include('Chief Financial Officer');
      expect(text(mentee)).to.include('Mentee · executive');
      // Seeded without photos: initials in a circle, hidden from screen readers (the name follows).
      expect(text(partIn(mentor, 'avatar'))).to.equal('GR');
      expect(partIn(mentee, 'avatar')?.getAttribute('aria-hidden')).to.equal('true');

      const topics = parts(el, 'topic').map(text);
      expect(topics).to.include.members(['Social media', 'Personal branding', 'AI tools']);
      expect(text(part(el, 'status'))).to.include('Active');
      expect(text(part(el, 'charter'))).to.include('Charter accepted by both');
      expect(part(el, 'accept')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('draws the progress the server reports: sessions held of expected, adherence, goals, last and next session', async () => {
      const client = await clientFor(PEOPLE.giulia);
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${client} pair-id=${giuliaPair}></rm-pair-card>`,
      );
      await loaded(el);
      const progress: PairProgress = await (await clientFor(PEOPLE.chiara)).pairs.progress(giuliaPair);

      const shown = text(part(el, 'progress'));
      expect(progress.sessionsExpected).to.be.greaterThan(0);
      expect(shown).to.include(
        progress.sessionsHeld > progress.sessionsExpected
          ? `Sessions held: ${progress.sessionsHeld} (expected: ${progress.sessionsExpected})`
          : `Sessions held: ${progress.sessionsHeld} of ${progress.sessionsExpected}`,
      );
      expect(shown).to.include(`Session regularity: ${Math.round(progress.cadenceAdherence * 100)}%`);
      expect(shown).to.include(
        progress.goalsInPlay === 0
          ? 'No goals yet'
          : `Goals achieved: ${progress.goalsAchieved} of ${progress.goalsInPlay}`,
      );
      expect(shown).to.match(/Last session (\d+ (days|weeks?|months?) ago|last week|yesterday)/);
      if (progress.nextSessionAt) expect(shown).to.match(/Next session (in \d+ \w+|tomorrow|next week)/);
      expect(shadow(el).querySelector('.last time')?.getAttribute('datetime')).to.equal(
        progress.lastSessionAt,
      );

      // The ring: an SVG attribute, never an inline style (pages with a strict CSP).
      const value = shadow(el).querySelector('[part~="ring"] .ring-value');
      expect(value).to.be.instanceOf(SVGCircleElement);
      expect(value?.getAttribute('stroke-dasharray')).to.equal(
        `${Math.round(progress.cadenceAdherence * 100)} 100`,
      );
      expect(shadow(el).querySelector('[style]')).to.equal(null);
    });

    it('shows an at-risk badge with its reason in words for Luca’s quiet pair, and none for Giulia’s', async () => {
      const luca = await clientFor(PEOPLE.luca);
      const quiet = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${luca} pair-id=${lucaPair}></rm-pair-card>`,
      );
      await loaded(quiet);
      // The program meets every 14 days: at risk after twice that.
      expect(text(part(quiet, 'risk'))).to.equal(
        '! At risk: no session for over 4 weeks and the last two sessions were cancelled',
      );
      // Trust counts only the answers this viewer may read, so the card says the verdict is theirs.
      const why = shadow(quiet).getElementById(part(quiet, 'risk')?.getAttribute('aria-describedby') ?? '');
      expect(text(why)).to.include('on the feedback you may read');
      expect(text(part(quiet, 'mentor'))).to.include('Luca Esposito');
      await expect(quiet).to.be.accessible();

      const giulia = await clientFor(PEOPLE.giulia);
      const healthy = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${giulia} pair-id=${giuliaPair}></rm-pair-card>`,
      );
      await loaded(healthy);
      expect(part(healthy, 'risk')).to.equal(null);
    });

    it('does not flag a paused pair as at risk for its missing sessions', async () => {
      const admin = await clientFor(PEOPLE.chiara);
      const paused: Pair[] = [];
      for await (const pair of admin.pairs.list({ status: 'paused', programId })) paused.push(pair);
      const pairId = paused[0]?.id ?? '';
      const progress = await admin.pairs.progress(pairId);
      expect(progress.lastSessionAt).to.be.a('string');
      expect(Date.now() - Date.parse(progress.lastSessionAt ?? '')).to.be.greaterThan(28 * 86_400_000);
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${admin} pair-id=${pairId}></rm-pair-card>`,
      );
      await loaded(el);
      expect(text(part(el, 'status'))).to.include('Paused');
      expect(part(el, 'risk')).to.equal(null);
    });

    it('lets the admin see any pair: a proposed one says what it waits for, with no action of theirs', async () => {
      const admin = await clientFor(PEOPLE.chiara);
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${admin} pair-id=${proposedPair}></rm-pair-card>`,
      );
      await loaded(el);
      await until(() => part(el, 'consent') !== null);
      expect(text(part(el, 'status'))).to.include('To be confirmed');
      // Nothing to count before it starts: what it waits for instead.
      expect(part(el, 'progress')).to.equal(null);
      const consent = text(part(el, 'consent'));
      expect(consent).to.include('Before this pair starts');
      expect(consent).to.match(/Waiting for .+ to agree to this pair\./);
      expect(consent).to.match(/Waiting for .+ to accept the charter\./);
      // The admin has no side to agree or accept, and does not decline for the members.
      expect(part(el, 'accept')).to.equal(null);
      expect(part(el, 'consent-button')).to.equal(null);
      expect(part(el, 'decline')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('fits the compact variant on one line, with a small ring and an at-risk dot that says why', async () => {
      const luca = await clientFor(PEOPLE.luca);
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${luca} pair-id=${lucaPair} variant="compact"></rm-pair-card>`,
      );
      await loaded(el);
      const card = part(el, 'card') as HTMLElement;
      expect(text(card)).to.include('Luca Esposito');
      expect(text(card)).to.include('Francesca Galli');
      expect(text(part(el, 'status'))).to.include('Active');
      expect(part(el, 'progress')).to.equal(null);
      expect(parts(el, 'avatar')).to.have.length(2);
      expect(part(el, 'risk')?.getAttribute('aria-label')).to.match(
        /^At risk: no session for over 4 weeks and the last two sessions were cancelled\. Based on the sessions and on the feedback you may read/,
      );
      const ring = part(el, 'ring') as unknown as SVGElement;
      expect(ring.getBoundingClientRect().height).to.be.lessThan(40);
      // One line: every piece sits within a single row as tall as its avatars.
      const box = card.getBoundingClientRect();
      expect(box.height).to.be.lessThan(64);
      for (const child of card.children) {
        const r = child.getBoundingClientRect();
        if (r.height === 0 || child.classList.contains('visually-hidden')) continue;
        expect(r.top).to.be.at.least(box.top);
        expect(r.bottom).to.be.at.most(box.bottom);
      }
      await expect(el).to.be.accessible();
    });

    it('speaks Italian under lang="it"', async () => {
      const client = await clientFor(PEOPLE.giulia);
      const wrapper = await fixture(
        html`<div lang="it"><rm-pair-card .client=${client} pair-id=${giuliaPair}></rm-pair-card></div>`,
      );
      const el = wrapper.querySelector('rm-pair-card') as RmPairCard;
      await loaded(el);
      expect(text(part(el, 'mentor'))).to.include('Mentor · inizio carriera');
      expect(text(part(el, 'mentee'))).to.include('Mentee · dirigente');
      expect(text(part(el, 'status'))).to.include('Attiva');
      expect(parts(el, 'topic').map(text)).to.include('Strumenti di IA');
      expect(text(part(el, 'progress'))).to.match(/Sessioni svolte: \d+ (su \d+|\(previste: \d+\))/);
      expect(text(part(el, 'progress'))).to.include('Ultima sessione');
      expect(text(part(el, 'charter'))).to.include('Patto accettato da entrambi');
      // Accepted, and still there to re-read, in Italian.
      const charter = shadow(el).querySelector('details.charter-text') as HTMLDetailsElement;
      expect(text(charter.querySelector('summary'))).to.equal('Leggi il patto di mentoring');
      expect(text(charter.querySelector('p'))).to.match(/^Il nostro patto di mentoring 1\. Riservatezza\./);
      await expect(el).to.be.accessible();
    });

    it('follows the provider it sits in', async () => {
      const token = await tokenFor(PEOPLE.marco);
      const wrapper = await fixture(
        html`<rm-provider base-url=${url} token=${token}>
          <rm-pair-card pair-id=${giuliaPair}><button slot="actions">Open session log</button></rm-pair-card>
        </rm-provider>`,
      );
      const el = wrapper.querySelector('rm-pair-card') as RmPairCard;
      await loaded(el);
      expect(text(part(el, 'mentee'))).to.include('Marco Rinaldi');
      expect(part(el, 'actions')?.hidden).to.equal(false);
      await expect(el).to.be.accessible();
    });
  });

  describe('states', () => {
    it('shows a skeleton shaped like the card while it loads', async () => {
      const client = await clientFor(PEOPLE.giulia, { fetch: () => new Promise<Response>(() => {}) });
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${client} pair-id=${giuliaPair}></rm-pair-card>`,
      );
      const loading = part(el, 'loading');
      expect(loading?.getAttribute('aria-busy')).to.equal('true');
      expect(text(loading)).to.include('Loading…');
      expect(shadow(el).querySelector('.skeleton-avatar')).to.not.equal(null);
      expect(shadow(el).querySelector('.skeleton-ring')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says what went wrong and loads again on "Try again"', async () => {
      const flaky = failingUntilRecovered();
      const client = await clientFor(PEOPLE.giulia, { fetch: flaky.fetch });
      const errors: string[] = [];
      const wrapper = await fixture(
        html`<div @rm-error=${(e: CustomEvent<{ action: string }>) => errors.push(e.detail.action)}>
          <rm-pair-card .client=${client} pair-id=${giuliaPair}></rm-pair-card>
        </div>`,
      );
      const el = wrapper.querySelector('rm-pair-card') as RmPairCard;
      await until(() => part(el, 'error') !== null);
      expect(text(part(el, 'error'))).to.include('Something went wrong while loading this.');
      expect(errors).to.deep.equal(['load']);
      await expect(el).to.be.accessible();

      flaky.recover();
      (part(el, 'retry') as HTMLButtonElement).click();
      await loaded(el);
      expect(text(part(el, 'mentor'))).to.include('Giulia Rossi');
    });

    it('says plainly that a pair of someone else cannot be found, with nothing to retry', async () => {
      const luca = await clientFor(PEOPLE.luca);
      for (const id of [giuliaPair, newId('pair')]) {
        const el = await fixture<RmPairCard>(
          html`<rm-pair-card .client=${luca} pair-id=${id}></rm-pair-card>`,
        );
        await until(() => part(el, 'error') !== null);
        expect(text(part(el, 'error'))).to.include('This could not be found, or it is not shared with you.');
        expect(part(el, 'retry')).to.equal(null);
        expect(text(shadow(el))).to.not.include('Giulia');
        await expect(el).to.be.accessible();
      }
    });

    it('asks for a connection when it has no client', async () => {
      const el = await fixture<RmPairCard>(html`<rm-pair-card pair-id=${giuliaPair}></rm-pair-card>`);
      expect(text(part(el, 'error'))).to.include('put it inside <rm-provider base-url="…">');
      await expect(el).to.be.accessible();
    });

    it('without pair-id, says so to a person who is in no pair', async () => {
      const client = await clientFor(PEOPLE.chiara);
      const el = await fixture<RmPairCard>(html`<rm-pair-card .client=${client}></rm-pair-card>`);
      await until(() => part(el, 'empty') !== null);
      expect(text(part(el, 'empty'))).to.equal('You are not in a mentoring pair at the moment.');
      await expect(el).to.be.accessible();
    });

    it('shows the cached card with an offline notice when the server is down', async () => {
      const client = await clientFor(PEOPLE.giulia);
      const online = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${client} pair-id=${giuliaPair}></rm-pair-card>`,
      );
      await loaded(online);
      expect(part(online, 'notice')).to.equal(null);
      fixtureCleanup();
      await stopServer();
      try {
        const el = await fixture<RmPairCard>(
          html`<rm-pair-card .client=${client} pair-id=${giuliaPair}></rm-pair-card>`,
        );
        await loaded(el);
        expect(text(part(el, 'notice'))).to.include('You are offline.');
        expect(text(part(el, 'notice'))).to.include('Offline copy, as of');
        expect(text(part(el, 'mentor'))).to.include('Giulia Rossi');
        expect(text(part(el, 'mentee'))).to.include('Mentee · executive');
        await expect(el).to.be.accessible();
      } finally {
        await rmServer();
      }
    });
  });

  describe('the charter, on a fresh pair', () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const mentorEmail = `nadia.verdi.${tag}@contoso.example`;
    const menteeEmail = `ettore.neri.${tag}@contoso.example`;
    let pairId: string;
    /** The mentee's photo as stored: on a host the organisation allows, as the server requires. */
    const storedPhotoUrl = `https://photos.contoso.example/ettore-neri-${tag}.svg`;
    /** The image the page loads instead: the test has no https host to serve a photo from. */
    const photoUrl = new URL('/packages/elements/node_modules/lit/logo.svg', location.origin).href;
    /** A client's network on which the photo host is played by the test page's own server. */
    const photoHostServedLocally: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!res.headers.get('Content-Type')?.includes('json')) return res;
      const body = (await res.text()).replaceAll(storedPhotoUrl, photoUrl);
      return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    };

    before(async () => {
      const admin = await clientFor(PEOPLE.chiara);
      sent(await admin.organization.update({ settings: { photoHosts: ['photos.contoso.example'] } }));
      const mentor = await admin.people.create({
        email: mentorEmail,
        displayName: 'Nadia Verdi',
        title: 'Junior Data Analyst',
        department: 'Finance',
        careerStage: 'early',
        locale: 'en',
      });
      const mentee = await admin.people.create({
        email: menteeEmail,
        displayName: 'Ettore Neri',
        title: 'Head of Procurement',
        department: 'Operations',
        careerStage: 'senior',
        locale: 'en',
        photoUrl: storedPhotoUrl,
      });
      const pair = sent(
        await admin.pairs.create(programId, {
          mentorId: mentor.id,
          menteeId: mentee.id,
          topics: ['ai-tools', 'sustainability'],
          status: 'active',
          // Two people with no enrolment, made active at once: an admin's override.
          override: true,
        }),
      );
      pairId = pair.id;
      expect(pair.charterAcceptedAt).to.deep.equal({ mentor: null, mentee: null });
    });

    it('accepts the charter by keyboard for the viewer’s side, and the server has it', async () => {
      const client = await clientFor(mentorEmail);
      let loads = 0;
      const wrapper = await fixture(
        html`<div @rm-load=${() => loads++}>
          <rm-pair-card .client=${client} pair-id=${pairId}></rm-pair-card>
        </div>`,
      );
      const el = wrapper.querySelector('rm-pair-card') as RmPairCard;
      await loaded(el);
      expect(loads).to.equal(1);
      expect(text(part(el, 'mentor'))).to.include('Mentor · early career');
      expect(text(part(el, 'mentee'))).to.include('Mentee · senior');
      expect(text(part(el, 'charter'))).to.include('Waiting for both to accept the charter');
      expect(text(part(el, 'charter'))).to.include('Read the mentoring charter');
      const accept = part(el, 'accept') as HTMLButtonElement;
      expect(text(accept)).to.equal('Accept the charter');
      await expect(el).to.be.accessible();

      accept.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => text(part(el, 'charter')).includes('Waiting for the mentee to accept the charter'));
      await until(() => loads >= 2);
      expect(part(el, 'accept')).to.equal(null);
      expect(shadow(el).activeElement?.classList.contains('charter-status')).to.equal(true);
      expect(text(shadow(el).querySelector('[role="status"][aria-live="polite"]'))).to.equal(
        'You accepted the charter.',
      );

      const check = await (await clientFor(PEOPLE.chiara)).pairs.get(pairId);
      expect(check.charterAcceptedAt.mentor).to.be.a('string');
      expect(check.charterAcceptedAt.mentee).to.equal(null);
      // What was agreed to can still be read after accepting.
      const charter = shadow(el).querySelector('details.charter-text') as HTMLDetailsElement;
      expect(text(charter.querySelector('summary'))).to.equal('Read the mentoring charter');
      expect(text(charter.querySelector('p'))).to.match(/^Our pair charter 1\. Confidentiality\./);
      await expect(el).to.be.accessible();
    });

    it('shows the mentee’s photo with its alt text, and the initials when a photo cannot load', async () => {
      const client = await clientFor(menteeEmail, { fetch: photoHostServedLocally });
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${client} pair-id=${pairId}></rm-pair-card>`,
      );
      await loaded(el);
      const photo = partIn(part(el, 'mentee'), 'avatar') as HTMLImageElement;
      expect(photo.tagName).to.equal('IMG');
      expect(photo.alt).to.equal('Photo of Ettore Neri');
      expect(photo.getAttribute('src')).to.equal(photoUrl);
      expect(text(partIn(part(el, 'mentor'), 'avatar'))).to.equal('NV');
      // The viewer is the mentee, who has not accepted yet.
      expect(text(part(el, 'accept'))).to.equal('Accept the charter');
      await expect(el).to.be.accessible();

      const admin = await clientFor(PEOPLE.chiara, { fetch: photoHostServedLocally });
      const broken = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${admin} pair-id=${pairId}></rm-pair-card>`,
      );
      await loaded(broken);
      const person = part(broken, 'mentee') as HTMLElement;
      const img = person.querySelector('img') as HTMLImageElement;
      img.src = 'data:image/png;base64,AAAA';
      await until(() => person.querySelector('img') === null);
      expect(text(partIn(person, 'avatar'))).to.equal('EN');
    });

    it('refreshes progress live when the partner sets a goal', async () => {
      const viewer = await clientFor(menteeEmail);
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${viewer} pair-id=${pairId}></rm-pair-card>`,
      );
      await loaded(el);
      expect(text(part(el, 'progress'))).to.include('No goals yet');
      // The change must happen once the card hears the live stream.
      await until(() => el.live);

      const partner = await clientFor(mentorEmail);
      await partner.goals.create(pairId, { title: `Try an AI meeting summary ${tag}`, topic: 'ai-tools' });
      await until(() => text(part(el, 'progress')).includes('Goals achieved: 0 of 1'));
    });

    it('keeps an acceptance made offline waiting, and confirms it once it is sent', async () => {
      const client = await clientFor(menteeEmail);
      const el = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${client} pair-id=${pairId}></rm-pair-card>`,
      );
      await loaded(el);
      expect(text(part(el, 'charter'))).to.include('Waiting for the mentee to accept the charter');
      await stopServer();
      try {
        (part(el, 'accept') as HTMLButtonElement).focus();
        await sendKeys({ press: 'Space' });
        await until(() => text(part(el, 'charter')).includes('Waiting to be sent'));
        expect(text(part(el, 'charter'))).to.include('Charter accepted by both');
        expect(part(el, 'accept')).to.equal(null);
        expect(text(shadow(el).querySelector('[aria-live="polite"]'))).to.include(
          'will be sent when you are back online',
        );
        await expect(el).to.be.accessible();
      } finally {
        await rmServer();
      }
      await client.sync();
      await until(() => !text(part(el, 'charter')).includes('Waiting to be sent'));
      expect(text(part(el, 'charter'))).to.include('Charter accepted by both');
      const check = await (await clientFor(PEOPLE.chiara)).pairs.get(pairId);
      expect(check.charterAcceptedAt.mentee).to.be.a('string');
    });
  });
  describe('consent, decline and pause, on fresh pairs', () => {
    /** Two new people, a junior mentor and a senior mentee, with their pair made by an admin's override. */
    async function freshPair(status: 'proposed' | 'active') {
      const tag = crypto.randomUUID().slice(0, 8);
      const admin = await clientFor(PEOPLE.chiara);
      const mentorEmail = `irene.sala.${tag}@contoso.example`;
      const menteeEmail = `bruno.villa.${tag}@contoso.example`;
      const [mentor, mentee] = await Promise.all([
        admin.people.create({
          email: mentorEmail,
          displayName: 'Irene Sala',
          department: 'IT',
          careerStage: 'early',
          locale: 'en',
        }),
        admin.people.create({
          email: menteeEmail,
          displayName: 'Bruno Villa',
          department: 'Sales',
          careerStage: 'executive',
          locale: 'en',
        }),
      ]);
      const pair = sent(
        await admin.pairs.create(programId, {
          mentorId: sent(mentor).id,
          menteeId: sent(mentee).id,
          topics: ['ai-tools'],
          status,
          override: true,
        }),
      );
      return { pairId: pair.id, mentorEmail, menteeEmail };
    }

    async function cardFor(email: string, pairId: string, lang?: string) {
      const client = await clientFor(email);
      const wrapper = await fixture(
        lang
          ? html`<div lang=${lang}><rm-pair-card .client=${client} pair-id=${pairId}></rm-pair-card></div>`
          : html`<div><rm-pair-card .client=${client} pair-id=${pairId}></rm-pair-card></div>`,
      );
      const el = wrapper.querySelector('rm-pair-card') as RmPairCard;
      await loaded(el);
      // The life-cycle part comes in a module of its own: at once for a proposed pair, else when idle.
      await until(() => Boolean(part(el, 'consent') ?? part(el, 'life') ?? part(el, 'ended')));
      return el;
    }

    const announced = (el: RmPairCard) =>
      text(shadow(el).querySelector('[role="status"][aria-live="polite"]'));

    it('the mentee agrees and both accept the charter by keyboard, and the pair becomes active', async () => {
      const { pairId, mentorEmail, menteeEmail } = await freshPair('proposed');
      const mentee = await cardFor(menteeEmail, pairId);
      expect(text(part(mentee, 'status'))).to.include('To be confirmed');
      expect(text(part(mentee, 'consent'))).to.include('You have not agreed to this pair yet.');
      expect(text(part(mentee, 'consent'))).to.include('Waiting for Irene Sala to accept the charter.');
      await expect(mentee).to.be.accessible();

      const changes: string[] = [];
      mentee.addEventListener('rm-pair-changed', (e) => changes.push(e.detail.change));
      const accepted: unknown[] = [];
      mentee.addEventListener('rm-charter-accepted', (e) => accepted.push(e.detail));
      (part(mentee, 'consent-button') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => text(part(mentee, 'consent')).includes('You agreed to this pair.'));
      expect(part(mentee, 'consent-button')).to.equal(null);
      expect(changes).to.deep.equal(['consented']);
      expect(shadow(mentee).activeElement?.classList.contains('consent-status')).to.equal(true);
      (part(mentee, 'accept') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => text(part(mentee, 'consent')).includes('You accepted the charter.'));
      expect(text(part(mentee, 'status'))).to.include('To be confirmed');
      // The page hears of it: the mentee's side, and the pair still waiting for the mentor.
      expect(accepted).to.deep.equal([{ pairId, side: 'mentee', status: 'proposed', pending: false }]);
      expect(changes).to.deep.equal(['consented']);
      await expect(mentee).to.be.accessible();

      // The mentor sees what is left: their own acceptance.
      fixtureCleanup();
      const mentor = await cardFor(mentorEmail, pairId);
      expect(text(part(mentor, 'consent'))).to.include('Bruno Villa agreed to this pair.');
      expect(text(part(mentor, 'consent'))).to.include('You have not accepted the charter yet.');
      expect(part(mentor, 'consent-button')).to.equal(null);
      const mentorEvents: string[] = [];
      mentor.addEventListener('rm-charter-accepted', (e) =>
        mentorEvents.push(`charter:${e.detail.side}:${e.detail.status}:${e.detail.pending}`),
      );
      mentor.addEventListener('rm-pair-changed', (e) =>
        mentorEvents.push(`pair:${e.detail.change}:${e.detail.status}:${e.detail.pending}`),
      );
      (part(mentor, 'accept') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Space' });
      await until(() => text(part(mentor, 'status')).includes('Active'));
      // The last step: the mentor's acceptance, then the pair that started with it.
      expect(mentorEvents).to.deep.equal(['charter:mentor:active:false', 'pair:started:active:false']);
      await until(
        () =>
          announced(mentor) === 'The pair has started.' || announced(mentor) === 'You accepted the charter.',
      );
      expect(part(mentor, 'consent')).to.equal(null);
      expect(text(part(mentor, 'charter'))).to.include('Charter accepted by both');
      expect(text(part(mentor, 'progress'))).to.include('No sessions due yet');
      await expect(mentor).to.be.accessible();

      const check = await (await clientFor(PEOPLE.chiara)).pairs.get(pairId);
      expect(check.status).to.equal('active');
      expect(check.menteeConsentedAt).to.be.a('string');
      expect(check.startedOn).to.be.a('string');
    });

    it('fills the ring with the sessions held before any was due, and never reads "1/0"', async () => {
      const { pairId, mentorEmail } = await freshPair('active');
      const mentorClient = await clientFor(mentorEmail);
      sent(
        await mentorClient.sessions.create(pairId, {
          status: 'held',
          occurredAt: new Date().toISOString(),
          durationMinutes: 45,
          format: 'video',
          topics: ['ai-tools'],
          summary: 'A first session, before the first one was due',
          actionItems: [],
        }),
      );
      const el = await cardFor(mentorEmail, pairId);
      await until(() => text(part(el, 'progress')).includes('Sessions held: 1'));
      const ring = part(el, 'ring');
      expect(text(ring)).to.equal('1');
      expect(text(ring)).to.not.include('/');
      expect(
        shadow(el).querySelector('[part~="ring"] .ring-value')?.getAttribute('stroke-dasharray'),
      ).to.equal('100 100');
    });

    it('lets the mentor decline after a dialog that asks no reason; the mentee reads that it ended, not who ended it', async () => {
      const { pairId, mentorEmail, menteeEmail } = await freshPair('proposed');
      const mentor = await cardFor(mentorEmail, pairId);
      // The mentor has nothing to agree to: consent is the mentee's.
      expect(part(mentor, 'consent-button')).to.equal(null);
      const decline = part(mentor, 'decline') as HTMLButtonElement;
      decline.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => (shadow(mentor).querySelector('dialog') as HTMLDialogElement | null)?.open === true);
      const dialog = shadow(mentor).querySelector('dialog') as HTMLDialogElement;
      expect(text(dialog)).to.include('Decline this pair?');
      expect(text(dialog)).to.include('Bruno Villa will see that the pair has ended, not who ended it');
      // No reason is asked: nothing to type.
      expect(dialog.querySelector('textarea, input')).to.equal(null);
      expect(shadow(mentor).activeElement?.textContent?.trim()).to.equal('Keep the pair');
      await expect(mentor).to.be.accessible();

      await sendKeys({ press: 'Escape' });
      await until(() => shadow(mentor).querySelector('dialog') === null);
      expect(text(part(mentor, 'status'))).to.include('To be confirmed');

      decline.click();
      await until(() => (shadow(mentor).querySelector('dialog') as HTMLDialogElement | null)?.open === true);
      (shadow(mentor).querySelector('[part~="confirm"]') as HTMLButtonElement).click();
      await until(() => part(mentor, 'ended') !== null);
      expect(text(part(mentor, 'status'))).to.include('Ended early');
      expect(text(part(mentor, 'ended'))).to.match(/^This pair ended early \(.+\)\.$/);
      expect(shadow(mentor).activeElement).to.equal(part(mentor, 'ended'));
      await expect(mentor).to.be.accessible();

      fixtureCleanup();
      const mentee = await cardFor(menteeEmail, pairId);
      expect(text(part(mentee, 'status'))).to.include('Ended early');
      expect(text(part(mentee, 'ended'))).to.match(/^This pair ended early/);
      expect(text(part(mentee, 'card'))).to.not.match(/Irene Sala (ended|declined)|by the mentor/);
      expect(part(mentee, 'decline')).to.equal(null);
      const asMentee = await (await clientFor(menteeEmail)).pairs.get(pairId);
      expect(asMentee.status).to.equal('dissolved');
      expect(asMentee.endedBy).to.equal(null);
    });

    it('pauses and resumes an active pair, keeping focus on the button', async () => {
      const { pairId, menteeEmail } = await freshPair('active');
      const el = await cardFor(menteeEmail, pairId);
      const pause = part(el, 'pause') as HTMLButtonElement;
      expect(text(pause)).to.equal('Pause the pair');
      pause.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => text(part(el, 'status')).includes('Paused'));
      expect(text(part(el, 'life'))).to.include('no sessions are expected meanwhile');
      await until(() => text(part(el, 'pause')) === 'Resume the pair');
      expect(shadow(el).activeElement).to.equal(part(el, 'pause'));
      await until(() => announced(el) === 'The pair is paused.');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await until(() => text(part(el, 'status')).includes('Active'));
      const check = await (await clientFor(PEOPLE.chiara)).pairs.get(pairId);
      expect(check.status).to.equal('active');
    });

    it('speaks Italian in the consent flow and its dialog, and fits 375 px', async () => {
      const { pairId, menteeEmail } = await freshPair('proposed');
      const client = await clientFor(menteeEmail);
      const wrapper = await fixture(
        html`<div lang="it" style="width: 375px"><rm-pair-card .client=${client} pair-id=${pairId}></rm-pair-card></div>`,
      );
      const el = wrapper.querySelector('rm-pair-card') as RmPairCard;
      await loaded(el);
      await until(() => part(el, 'consent') !== null);
      const consent = text(part(el, 'consent'));
      expect(consent).to.include('Prima che la coppia inizi');
      expect(consent).to.include('Non hai ancora confermato l’abbinamento.');
      expect(consent).to.include('In attesa che Irene Sala accetti il patto.');
      expect(text(part(el, 'consent-button'))).to.equal('Conferma l’abbinamento');
      expect(text(part(el, 'decline'))).to.equal('Rifiuta l’abbinamento');
      const box = el.getBoundingClientRect();
      for (const button of shadow(el).querySelectorAll('button')) {
        expect(button.getBoundingClientRect().right).to.be.at.most(box.right + 0.5);
      }
      (part(el, 'decline') as HTMLButtonElement).click();
      await until(() => (shadow(el).querySelector('dialog') as HTMLDialogElement | null)?.open === true);
      expect(text(shadow(el).querySelector('dialog'))).to.include('Vuoi rifiutare l’abbinamento?');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
    });
  });
});
