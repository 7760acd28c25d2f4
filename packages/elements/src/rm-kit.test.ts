/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { meOf, PEOPLE, rmServer, tokenFor, until } from './test-support/server.js';

const text = (el: Element | null) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const settledEnrollment = (el: Element | null) =>
  Boolean(el?.shadowRoot?.querySelector('[part~="form"], [part~="application"], [part~="empty"], .apply'));

// rm-kit.js as a page loads it: the markup is there before the script runs.
describe('rm-kit.js on a page that already holds a match board and an enrolment form', () => {
  let page: HTMLElement;

  before(async () => {
    const url = await rmServer();
    const token = await tokenFor(PEOPLE.giulia);
    const programId = (await meOf(PEOPLE.giulia)).pairs[0]?.programId ?? '';
    page = document.createElement('main');
    page.innerHTML = `<rm-provider base-url="${url}" token="${token}">
      <rm-match-board program-id="${programId}"></rm-match-board>
      <rm-enrollment-form></rm-enrollment-form>
    </rm-provider>`;
    document.body.append(page);
    await import('./rm-kit.js');
  });

  after(() => page.remove());

  it('defines and renders both, and leaves the feedback form the page does not show unloaded', async () => {
    await until(() =>
      Boolean(customElements.get('rm-match-board') && customElements.get('rm-enrollment-form')),
    );
    const board = page.querySelector('rm-match-board');
    const form = page.querySelector('rm-enrollment-form');
    // Giulia is no admin of her program: the board asked the server and says so.
    await until(() => text(board).includes('You do not have access to this.'), 10_000);
    await until(() => settledEnrollment(form), 10_000);
    expect(text(form)).to.not.equal('');
    expect(customElements.get('rm-feedback-form')).to.equal(undefined);
  });

  it('upgrades a feedback form a script created before its definition loaded', async () => {
    const form = document.createElement('rm-feedback-form');
    expect(customElements.get('rm-feedback-form')).to.equal(undefined);
    page.append(form);
    await customElements.whenDefined('rm-feedback-form');
    expect(form).to.be.instanceOf(customElements.get('rm-feedback-form') as CustomElementConstructor);
    await until(() => text(form).includes('<rm-provider base-url='));
  });
});
