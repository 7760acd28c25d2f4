/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import './rm-kit.js';
import { meOf, PEOPLE, rmServer, tokenFor, until } from './test-support/server.js';

const text = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

// rm-kit.js on a page that shows none of its lazily defined elements at first.
describe('rm-kit.js with elements added after it ran', () => {
  let provider: HTMLElement;

  before(async () => {
    provider = document.createElement('rm-provider');
    provider.setAttribute('base-url', await rmServer());
    provider.setAttribute('token', await tokenFor(PEOPLE.giulia));
    document.body.append(provider);
  });

  after(() => provider.remove());

  it('fetches none of them until the page uses one', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const tag of [
      'rm-match-board',
      'rm-enrollment-form',
      'rm-feedback-form',
      'rm-goal-list',
      'rm-person-data',
      'rm-stories',
    ])
      expect(customElements.get(tag), tag).to.equal(undefined);
  });

  it('defines a match board created by a script, with its program set before the definition loaded', async () => {
    const board = document.createElement('rm-match-board') as HTMLElement & { programId?: string };
    board.programId = (await meOf(PEOPLE.giulia)).pairs[0]?.programId;
    provider.append(board);
    await customElements.whenDefined('rm-match-board');
    expect(board).to.be.instanceOf(customElements.get('rm-match-board') as CustomElementConstructor);
    await until(() => text(board).includes('You do not have access to this.'), 10_000);
  });

  it('defines an enrolment form put in the page with markup, inside another element', async () => {
    const section = document.createElement('section');
    section.innerHTML = '<div><rm-enrollment-form></rm-enrollment-form></div>';
    provider.append(section);
    const form = section.querySelector('rm-enrollment-form');
    await until(
      () => Boolean(form?.shadowRoot?.querySelector('[part~="form"], [part~="empty"], .apply')),
      10_000,
    );
    expect(text(form)).to.not.equal('');
  });

  it("defines a goal list put in the page with its pair, which shows the pair's goals", async () => {
    const list = document.createElement('rm-goal-list');
    list.setAttribute(
      'pair-id',
      (await meOf(PEOPLE.giulia)).pairs.find((p) => p.status === 'active')?.id ?? '',
    );
    provider.append(list);
    await until(() => Boolean(list.shadowRoot?.querySelector('[part~="goal"]')), 10_000);
    expect(text(list)).to.include('Marco Rinaldi’s goal');
  });

  it('defines the stories of an intranet home page once the page shows them', async () => {
    const stories = document.createElement('rm-stories');
    provider.append(stories);
    await customElements.whenDefined('rm-stories');
    await until(() => Boolean(stories.shadowRoot?.querySelector('[part~="list"], [part~="empty"]')), 10_000);
    expect(text(stories)).to.include('Il CFO che risponde ai commenti');
  });

  it('loads a feedback form that page code waits for before making one', async () => {
    const Form = await customElements.whenDefined('rm-feedback-form');
    expect(Form).to.equal(customElements.get('rm-feedback-form'));
  });
});
