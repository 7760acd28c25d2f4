/// <reference types="mocha" />
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { newId } from '@rm-kit/core';
import { createClient, indexedDbStore, type RmClient } from '@rm-kit/sdk';
import { sendKeys } from '@web/test-runner-commands';
import { failingUntilRecovered } from '../test-support/failing-fetch.js';
import { meOf, PEOPLE, rmServer, sent, tokenFor, until } from '../test-support/server.js';
import './goal-list.js';
import type { RmGoalList } from './goal-list.component.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: RmGoalList) => el.shadowRoot as ShadowRoot;
const part = (el: RmGoalList, name: string) => shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: RmGoalList, name: string) => [
  ...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];
const goalNamed = (el: RmGoalList, title: string) =>
  parts(el, 'goal').find((goal) => text(goal.querySelector('.goal-title')) === title);
const announced = (el: RmGoalList) => text(part(el, 'status'));

/** Waits until the list shows goals or suggestions (or says it has none), not its skeleton. */
async function loaded(el: RmGoalList) {
  await until(
    () => !part(el, 'loading') && Boolean(part(el, 'goal') ?? part(el, 'template') ?? part(el, 'empty')),
  );
  await el.updateComplete;
}

describe('<rm-goal-list>', () => {
  let url: string;
  const clients: RmClient[] = [];
  let giuliaPair: string;
  let programId: string;

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

  /** A fresh goal of Marco's in his pair with Giulia, so each test changes its own. */
  async function freshGoal(title: string, commitments: string[] = []) {
    const marco = await clientFor(PEOPLE.marco);
    return sent(
      await marco.goals.create(giuliaPair, {
        title,
        topic: 'social-media',
        assessmentBefore: 2,
        commitments: commitments.map((c) => ({ text: c })),
      }),
    );
  }

  before(async () => {
    url = await rmServer();
    const [giulia, marco] = await Promise.all([meOf(PEOPLE.giulia), meOf(PEOPLE.marco)]);
    const pair = giulia.pairs.find((p) => p.menteeId === marco.person.id && p.status === 'active');
    giuliaPair = pair?.id ?? '';
    programId = pair?.programId ?? '';
    expect(giuliaPair).to.match(/^par_/);
  });

  afterEach(() => {
    fixtureCleanup();
    for (const client of clients.splice(0)) client.close();
  });

  it('shows the senior his goals with status, progress, his self-assessment and his commitments to tick off', async () => {
    const client = await clientFor(PEOPLE.marco);
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await loaded(el);
    const goal = goalNamed(el, 'Pubblicare su LinkedIn ogni due settimane per un trimestre');
    expect(goal, 'the seeded goal').to.not.equal(undefined);
    expect(text(goal)).to.include('Marco Rinaldi’s goal');
    expect(text(goal)).to.include('Personal branding');
    expect(goal?.querySelector<HTMLSelectElement>('[part~="goal-status"]')?.value).to.equal('in-progress');
    expect(goal?.querySelector<HTMLInputElement>('[part~="progress"]')?.value).to.equal('60');
    const [before, after] = goal?.querySelectorAll<HTMLSelectElement>('[part~="assessment"] select') ?? [];
    expect([before?.value, after?.value]).to.deep.equal(['2', '3']);
    const commitments = [...(goal?.querySelectorAll<HTMLInputElement>('[part~="commitment"] input') ?? [])];
    expect(commitments.map((c) => c.checked)).to.deep.equal([true, false]);
    expect(text(goal?.querySelector('[part~="commitments"]'))).to.include('What I will change');
    // The mentor's own goal: Marco reads it, with no commitments (those are the senior's).
    const giulias = goalNamed(el, 'Capire come si prendono le decisioni sul budget');
    expect(text(giulias)).to.include('Giulia Rossi’s goal');
    expect(giulias?.querySelector('[part~="commitments"]')).to.equal(null);
    expect(text(giulias?.querySelector('[part~="assessment"]'))).to.include('Where Giulia Rossi is on this');
    await expect(el).to.be.accessible();
  });

  it("shows the junior the senior's commitments and self-assessment to read, not to change", async () => {
    const client = await clientFor(PEOPLE.giulia);
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await loaded(el);
    const goal = goalNamed(el, 'Pubblicare su LinkedIn ogni due settimane per un trimestre');
    const commitments = goal?.querySelector('[part~="commitments"]');
    expect(text(commitments)).to.include('Marco Rinaldi’s commitments');
    expect(text(commitments)).to.include('Bloccare in agenda mezz’ora il venerdì per scrivere (Done)');
    expect(text(commitments)).to.include('Rispondere di persona ai commenti entro un giorno (To do)');
    expect(commitments?.querySelector('input')).to.equal(null);
    expect(text(goal?.querySelector('[part~="assessment"]'))).to.include('At the start: 2 of 5');
    await expect(el).to.be.accessible();
  });

  it('ticks a commitment off from the keyboard, stores it, and the junior sees it live', async () => {
    const title = `Write my own posts ${newId('request').slice(-6)}`;
    const created = await freshGoal(title, ['Draft on Fridays']);
    const marco = await clientFor(PEOPLE.marco);
    const giulia = await clientFor(PEOPLE.giulia);
    const wrapper = await fixture(html`<div>
      <rm-goal-list id="marco" .client=${marco} pair-id=${giuliaPair}></rm-goal-list>
      <rm-goal-list id="giulia" .client=${giulia} pair-id=${giuliaPair}></rm-goal-list>
    </div>`);
    const [mine, theirs] = [...wrapper.querySelectorAll<RmGoalList>('rm-goal-list')] as [
      RmGoalList,
      RmGoalList,
    ];
    await loaded(mine);
    await loaded(theirs);
    await until(() => theirs.live);
    const box = goalNamed(mine, title)?.querySelector<HTMLInputElement>('[part~="commitment"] input');
    box?.focus();
    await sendKeys({ press: 'Space' });
    await until(() => announced(mine) === 'Saved.');
    const stored = await marco.goals.get(created.id);
    expect(stored.commitments).to.deep.equal([{ ...created.commitments[0], done: true }]);
    await until(() => text(goalNamed(theirs, title)).includes('Draft on Fridays (Done)'), 10_000);
  });

  it('adds a commitment and a self-assessment now, keeping the other commitments', async () => {
    const title = `Answer comments ${newId('request').slice(-6)}`;
    const created = await freshGoal(title, ['Reply within a day']);
    const client = await clientFor(PEOPLE.marco);
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await loaded(el);
    const goal = goalNamed(el, title) as HTMLElement;
    const input = goal.querySelector<HTMLInputElement>(
      '[part~="commitments"] input[name="text"]',
    ) as HTMLInputElement;
    input.focus();
    await sendKeys({ type: 'Thank every commenter' });
    await sendKeys({ press: 'Enter' });
    await until(() => announced(el) === 'Saved.');
    const now = goal.querySelectorAll<HTMLSelectElement>(
      '[part~="assessment"] select',
    )[1] as HTMLSelectElement;
    now.value = '4';
    now.dispatchEvent(new Event('change'));
    await until(() => text(goalNamed(el, title)).includes('Thank every commenter'));
    const stored = await (async () => {
      for (let i = 0; i < 40; i++) {
        const g = await client.goals.get(created.id);
        if (g.assessmentAfter === 4) return g;
        await new Promise((r) => setTimeout(r, 50));
      }
      return client.goals.get(created.id);
    })();
    expect(stored.assessmentAfter).to.equal(4);
    expect(stored.commitments.map((c) => c.text)).to.deep.equal([
      'Reply within a day',
      'Thank every commenter',
    ]);
    expect(stored.commitments[0]?.id).to.equal(created.commitments[0]?.id);
  });

  it("starts a goal from one of the program's suggestions, by topic, and gives focus back to Add", async () => {
    const client = await clientFor(PEOPLE.giulia);
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await loaded(el);
    part(el, 'add')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => part(el, 'form') !== null);
    const form = part(el, 'form') as HTMLFormElement;
    const suggestion = form.querySelector('select') as HTMLSelectElement;
    expect(shadow(el).activeElement).to.equal(suggestion);
    expect([...suggestion.querySelectorAll('optgroup')].map((g) => g.label)).to.include('AI tools');
    const option = [...suggestion.options].find(
      (o) => o.text === 'Use an AI assistant for one recurring task',
    );
    suggestion.value = option?.value ?? '';
    suggestion.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(form.querySelector<HTMLInputElement>('input[name="title"]')?.value).to.equal(
      'Use an AI assistant for one recurring task',
    );
    expect(form.querySelector<HTMLSelectElement>('select[name="topic"]')?.value).to.equal('ai-tools');
    await expect(el).to.be.accessible();
    form.querySelector<HTMLButtonElement>('button.primary')?.click();
    await until(() => part(el, 'form') === null && announced(el) === 'Saved.');
    expect(shadow(el).activeElement).to.equal(part(el, 'add'));
    const goals = (await client.goals.page(giuliaPair, { limit: 100 })).items;
    expect(goals.at(-1)).to.include({
      title: 'Use an AI assistant for one recurring task',
      topic: 'ai-tools',
      owner: 'mentee',
    });
  });

  it('closes the new goal form on Escape, and asks for a title before sending', async () => {
    const client = await clientFor(PEOPLE.marco);
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await loaded(el);
    part(el, 'add')?.click();
    await until(() => part(el, 'form') !== null);
    part(el, 'form')?.querySelector<HTMLButtonElement>('button.primary')?.click();
    await until(() => announced(el) === 'Write the goal.');
    expect(shadow(el).activeElement?.getAttribute('name')).to.equal('title');
    await sendKeys({ press: 'Escape' });
    await until(() => part(el, 'form') === null);
    expect(shadow(el).activeElement).to.equal(part(el, 'add'));
  });

  it('queues a change while offline, shows it as waiting, and says so', async () => {
    const title = `Offline goal ${newId('request').slice(-6)}`;
    await freshGoal(title);
    let offline = false;
    const client = await clientFor(PEOPLE.marco, {
      fetch: (input, init) =>
        offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init),
    });
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await loaded(el);
    offline = true;
    const status = goalNamed(el, title)?.querySelector<HTMLSelectElement>(
      '[part~="goal-status"]',
    ) as HTMLSelectElement;
    status.value = 'in-progress';
    status.dispatchEvent(new Event('change'));
    await until(() => announced(el).startsWith('You are offline'));
    expect(text(goalNamed(el, title)?.querySelector('[part~="pending"]'))).to.equal('Waiting to be sent');
    expect((await client.pendingWrites('goals.update')).length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while loading, says what went wrong and loads again on "Try again"', async () => {
    const hanging = await clientFor(PEOPLE.marco, { fetch: () => new Promise<Response>(() => {}) });
    const waiting = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${hanging} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    expect(part(waiting, 'loading')?.getAttribute('aria-busy')).to.equal('true');
    await expect(waiting).to.be.accessible();

    const flaky = failingUntilRecovered();
    const client = await clientFor(PEOPLE.marco, { fetch: flaky.fetch });
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await until(() => part(el, 'error') !== null);
    expect(text(part(el, 'error'))).to.include('Something went wrong while loading this.');
    await expect(el).to.be.accessible();
    flaky.recover();
    part(el, 'retry')?.click();
    await loaded(el);
    expect(parts(el, 'goal').length).to.be.greaterThan(0);
  });

  it("never shows an admin a pair's goals: the pair is not found, with nothing to retry", async () => {
    const client = await clientFor(PEOPLE.chiara);
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list>`,
    );
    await until(() => part(el, 'error') !== null);
    expect(text(part(el, 'error'))).to.include('This could not be found, or it is not shared with you.');
    expect(part(el, 'retry')).to.equal(null);
    expect(part(el, 'goal')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("lets an admin add a program's suggestion in both languages and withdraw it", async () => {
    const client = await clientFor(PEOPLE.chiara);
    const el = await fixture<RmGoalList>(
      html`<rm-goal-list .client=${client} program-id=${programId}></rm-goal-list>`,
    );
    await loaded(el);
    expect(parts(el, 'template').map((t) => text(t.querySelector('.goal-title')))).to.include(
      'Publish a first post on LinkedIn',
    );
    const form = part(el, 'form') as HTMLFormElement;
    const unique = newId('request').slice(-6);
    (form.querySelector('input[name="en"]') as HTMLInputElement).value = `Mentor a colleague ${unique}`;
    (form.querySelector('input[name="it"]') as HTMLInputElement).value =
      `Fare da mentor a un collega ${unique}`;
    (form.querySelector('select[name="topic"]') as HTMLSelectElement).value = 'career';
    form.querySelector<HTMLButtonElement>('button.primary')?.click();
    await until(() => announced(el) === 'Suggestion added.');
    const added = parts(el, 'template').find((t) => text(t).includes(`Mentor a colleague ${unique}`));
    expect(text(added)).to.include('Career');
    await expect(el).to.be.accessible();
    const stored = (await client.goalTemplates.page(programId, { topic: 'career' })).items;
    expect(stored.map((t) => t.title)).to.deep.include({
      en: `Mentor a colleague ${unique}`,
      it: `Fare da mentor a un collega ${unique}`,
    });
    added?.querySelector<HTMLButtonElement>('[part~="withdraw"]')?.click();
    await until(() => announced(el) === 'Suggestion withdrawn.');
    expect(parts(el, 'template').some((t) => text(t).includes(unique))).to.equal(false);
  });

  it('speaks Italian and fits 375 px, with the form open', async () => {
    const client = await clientFor(PEOPLE.marco);
    const wrapper = await fixture(
      html`<div lang="it" style="width: 375px"><rm-goal-list .client=${client} pair-id=${giuliaPair}></rm-goal-list></div>`,
    );
    const el = wrapper.querySelector('rm-goal-list') as RmGoalList;
    await loaded(el);
    const goal = goalNamed(el, 'Pubblicare su LinkedIn ogni due settimane per un trimestre');
    expect(text(goal)).to.include('Obiettivo di Marco Rinaldi');
    expect(text(goal)).to.include('Che cosa cambierò');
    expect(text(goal)).to.include('A che punto sono');
    expect(text(part(el, 'add'))).to.equal('Aggiungi un obiettivo');
    part(el, 'add')?.click();
    await until(() => part(el, 'form') !== null);
    expect(text(part(el, 'form'))).to.include('Parti da un suggerimento');
    const right = el.getBoundingClientRect().right;
    for (const control of shadow(el).querySelectorAll('button, input, select')) {
      expect(control.getBoundingClientRect().right).to.be.at.most(right + 0.5);
    }
    await expect(el).to.be.accessible();
  });

  it('asks for a connection without a client, and for a pair-id without one', async () => {
    const bare = await fixture<RmGoalList>(html`<rm-goal-list pair-id=${giuliaPair}></rm-goal-list>`);
    expect(text(part(bare, 'error'))).to.include('put it inside <rm-provider base-url="…">');
    const client = await clientFor(PEOPLE.marco);
    const el = await fixture<RmGoalList>(html`<rm-goal-list .client=${client}></rm-goal-list>`);
    expect(text(part(el, 'empty'))).to.include('Set the pair-id attribute');
    await expect(el).to.be.accessible();
  });
});
