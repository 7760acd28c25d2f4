/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { createClient, memoryStore, type RmClient, RmNetworkError } from '@rm-kit/sdk';
import { refusingServer, rmServer, setOffline, until } from '../test-support/server.js';
import '../pair-card/pair-card.js';
import type { RmPairCard } from '../pair-card/pair-card.component.js';

// A browser reports a refused origin (CORS) as it reports a lost network. The intranet
// developer who embeds the kit must be told which setting to change, not that they are offline.
describe('a server whose CORS settings refuse the page', () => {
  const clients: RmClient[] = [];
  const clientOf = (baseUrl: string) => {
    const client = createClient({
      baseUrl,
      token: 'any',
      store: memoryStore(),
      syncIntervalMs: 0,
      retry: { maxRetries: 0 },
    });
    clients.push(client);
    return client;
  };
  const errorOf = async (card: RmPairCard) => {
    await until(() => Boolean(card.shadowRoot?.querySelector('[part="error"]')), 8000);
    return card.shadowRoot?.querySelector('[part="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  };

  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  it('says the server refused this page, names the page and the setting, and passes axe', async () => {
    const card = await fixture<RmPairCard>(
      html`<rm-pair-card .client=${clientOf(await refusingServer())} pair-id="par_any"></rm-pair-card>`,
    );
    const said = await errorOf(card);
    expect(said).to.include(`The rm-kit server refused this page (${location.origin})`);
    expect(said).to.include('RMKIT_CORS_ORIGINS');
    expect(said).not.to.include('offline');
    await expect(card).to.be.accessible();
  });

  it('says so in Italian too', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div lang="it">
        <rm-pair-card .client=${clientOf(await refusingServer())} pair-id="par_any"></rm-pair-card>
      </div>`,
    );
    const said = await errorOf(page.querySelector('rm-pair-card') as RmPairCard);
    expect(said).to.include(`Il servizio rm-kit ha rifiutato questa pagina (${location.origin})`);
  });

  it('refuses a write at once instead of keeping it as if offline', async () => {
    const client = clientOf(await refusingServer());
    const refusal = await client.sessions.create('par_any', { status: 'held' }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).to.be.instanceOf(RmNetworkError);
    expect((refusal as RmNetworkError).code).to.equal('origin_refused');
    expect(await client.pendingWrites()).to.deep.equal([]);
  });

  it('still says offline when the network is what is gone', async () => {
    const client = clientOf(await rmServer());
    await setOffline(true);
    try {
      const card = await fixture<RmPairCard>(
        html`<rm-pair-card .client=${client} pair-id="par_any"></rm-pair-card>`,
      );
      expect(await errorOf(card)).to.include('You are offline');
    } finally {
      await setOffline(false);
    }
  });
});
