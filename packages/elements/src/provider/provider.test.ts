/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, memoryStore } from '@rm-kit/sdk';
import { meOf, PEOPLE, rmServer, tokenFor, until } from '../test-support/server.js';
import '../pair-card/pair-card.js';
import { RmProvider } from './provider.component.js';
import './provider.js';

const shadowText = (element: Element) => element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('<rm-provider>', () => {
  let url: string;
  let token: string;
  let pairId: string;

  before(async () => {
    url = await rmServer();
    token = await tokenFor(PEOPLE.giulia);
    pairId = (await meOf(PEOPLE.giulia)).pairs.find((p) => p.status === 'active')?.id ?? '';
  });

  it('connects the elements inside it to the server from base-url and token', async () => {
    const provider = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} token=${token}><rm-pair-card pair-id=${pairId}></rm-pair-card></rm-provider>`,
    );
    const card = provider.querySelector('rm-pair-card') as Element;
    await until(() => shadowText(card).includes('Giulia Rossi'), 10_000);
    expect(shadowText(card)).to.include('Mentor · early career');
  });

  it('reaches elements that asked before the provider itself was defined', async () => {
    // The page's markup is parsed, and the card asks for a client, before the script that
    // defines this provider has run: the kit's context root keeps the request until then.
    const wrapper = await fixture(
      html`<div><late-rm-provider base-url=${url} token=${token}><rm-pair-card pair-id=${pairId}></rm-pair-card></late-rm-provider></div>`,
    );
    const card = wrapper.querySelector('rm-pair-card') as Element;
    // Without its provider yet, the card asks for a connection.
    await until(() => shadowText(card).includes('This element needs a connection'));
    expect(shadowText(card)).to.not.include('Giulia Rossi');
    customElements.define('late-rm-provider', class extends RmProvider {});
    await until(() => shadowText(card).includes('Giulia Rossi'), 10_000);
  });

  it('prefers a client the app made itself, and sets the locale of everything inside', async () => {
    const client = createClient({ baseUrl: url, token, store: memoryStore(), syncIntervalMs: 0 });
    const provider = await fixture<RmProvider>(
      html`<rm-provider .client=${client} locale="it"><rm-pair-card pair-id=${pairId}></rm-pair-card></rm-provider>`,
    );
    const card = provider.querySelector('rm-pair-card') as Element;
    await until(() => shadowText(card).includes('Mentor · inizio carriera'), 10_000);
    client.close();
  });

  it('reads who is signed in once for elements that start one after another', async () => {
    const asked: string[] = [];
    const pageFetch = window.fetch;
    window.fetch = (input, init) => {
      asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return pageFetch(input, init);
    };
    try {
      const provider = await fixture<RmProvider>(
        html`<rm-provider base-url=${url} token=${token}><rm-pair-card pair-id=${pairId}></rm-pair-card></rm-provider>`,
      );
      const first = provider.querySelector('rm-pair-card') as Element;
      await until(() => shadowText(first).includes('Giulia Rossi'), 10_000);
      const meReads = asked.filter((path) => path === '/v1/me').length;
      expect(meReads).to.equal(1);
      // A page defines its other elements a moment later: they are given the same answers.
      const second = document.createElement('rm-pair-card');
      second.setAttribute('pair-id', pairId);
      provider.append(second);
      await until(() => shadowText(second).includes('Giulia Rossi'), 10_000);
      expect(asked.filter((path) => path === '/v1/me')).to.have.length(1);
      expect(asked.filter((path) => path === `/v1/pairs/${pairId}`)).to.have.length(1);
    } finally {
      window.fetch = pageFetch;
    }
  });

  it('lays out nothing of its own and passes axe', async () => {
    const provider = await fixture<RmProvider>(
      html`<rm-provider base-url=${url} token=${token}><p>Intranet content</p></rm-provider>`,
    );
    expect(getComputedStyle(provider).display).to.equal('contents');
    await expect(provider).to.be.accessible();
  });
});
