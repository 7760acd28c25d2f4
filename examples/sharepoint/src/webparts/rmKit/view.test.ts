import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { AadTokenProvider } from '@microsoft/sp-http';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../../scripts/chromium.mjs';
import { type RmServerProcess, startRmServer } from '../../../../../scripts/rm-server-process.mjs';

/**
 * What the web part does in the page, in real Chromium: the same define files it imports,
 * and its modules (markup, theme, token callback, view), bundled as SharePoint's webpack
 * would; SharePoint's token provider is a stand-in handing out the demo server's tokens.
 */
const ENTRY = `
import '@rm-kit/elements/provider.js';
import '@rm-kit/elements/pair-card.js';
import '@rm-kit/elements/session-log.js';
import '@rm-kit/elements/feedback-form.js';
import { createTheme } from '@fluentui/theme';
import { webPartMarkup } from './markup.js';
import { kitTheme } from './theme.js';
import { entraTokenCallback } from './token.js';
import { showKit } from './view.js';
window.webPart = { createTheme, webPartMarkup, kitTheme, entraTokenCallback, showKit };
`;

type WebPartModules = {
  createTheme: typeof import('@fluentui/theme').createTheme;
  webPartMarkup: typeof import('./markup.js').webPartMarkup;
  kitTheme: typeof import('./theme.js').kitTheme;
  entraTokenCallback: typeof import('./token.js').entraTokenCallback;
  showKit: typeof import('./view.js').showKit;
};
type TestWindow = Window & {
  webPart: WebPartModules;
  asked: string[];
  shown: ReturnType<WebPartModules['showKit']>;
  getToken: () => Promise<string>;
};

const SURFACE = 'rgb(253, 246, 227)';
const DARK_SURFACE = 'rgb(27, 26, 25)';

describe('the web part in a SharePoint page, in Chromium', () => {
  let server: RmServerProcess;
  let site: { origin: string; close(): Promise<void> };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const bundled = await build({
      stdin: { contents: ENTRY, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const script = bundled.outputFiles[0]?.text ?? '';
    const http = createServer((request, response) => {
      if (request.url === '/web-part.js')
        return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
      response
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/web-part.js"></script></head><body><div id="web-part"></div></body></html>',
        );
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    site = {
      origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
      close: () => new Promise((done) => http.close(() => done())),
    };
    server = await startRmServer({ DATABASE_URL: 'sqlite::memory:', RMKIT_CORS_ORIGINS: site.origin });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.goto(`${site.origin}/`);
    await page.waitForFunction(() => 'webPart' in window);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  /** The background the pair card's shadow root paints. */
  const cardBackground = () =>
    page.evaluate(() => {
      const card = document.querySelector('rm-pair-card')?.shadowRoot?.querySelector('[part~="card"]');
      return card ? getComputedStyle(card).backgroundColor : '';
    });

  it("shows the signed-in person's pair with SharePoint's token for the API, in the site's colours", async () => {
    await page.evaluate(async (serverUrl) => {
      const w = window as unknown as TestWindow;
      const { createTheme, webPartMarkup, kitTheme, entraTokenCallback, showKit } = w.webPart;
      w.asked = [];
      const provider = {
        getToken: async (resource: string) => {
          w.asked.push(resource);
          const answer = await fetch(`${serverUrl}/demo/token`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ email: 'giulia.rossi@contoso.example' }),
          });
          return ((await answer.json()) as { token: string }).token;
        },
      };
      w.getToken = entraTokenCallback(
        { getTokenProvider: async () => provider as unknown as AadTokenProvider },
        'api://rm-kit',
      );
      const site = createTheme({
        palette: { themePrimary: '#8764b8', white: '#fdf6e3', neutralPrimary: '#2b2b2b' },
      });
      w.shown = showKit(
        document.getElementById('web-part') as HTMLElement,
        { markup: webPartMarkup(serverUrl, 'en'), theme: kitTheme(site), getToken: w.getToken },
        undefined,
      );
    }, server.url);

    await expect
      .poll(() => page.locator('rm-pair-card').getByText('Marco Rinaldi').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    const asked = await page.evaluate(() => (window as unknown as TestWindow).asked);
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked)).toEqual(new Set(['api://rm-kit']));
    expect(await cardBackground()).toBe(SURFACE);
    expect(await page.locator('rm-provider').getAttribute('theme')).toBe('light');
  }, 60_000);

  it('follows a dark section, then a page with no theme, keeping the same elements', async () => {
    const before = await page.locator('rm-pair-card').elementHandle();
    const show = (dark: boolean | null) =>
      page.evaluate(
        ([serverUrl, dark]) => {
          const w = window as unknown as TestWindow;
          const { createTheme, webPartMarkup, kitTheme, showKit } = w.webPart;
          const theme =
            dark === null
              ? undefined
              : createTheme({
                  palette: { themePrimary: '#6bb8ff', white: '#1b1a19', neutralPrimary: '#ffffff' },
                  isInverted: dark,
                });
          w.shown = showKit(
            document.getElementById('web-part') as HTMLElement,
            {
              markup: webPartMarkup(serverUrl as string, 'en'),
              theme: kitTheme(theme),
              getToken: w.getToken,
            },
            w.shown,
          );
        },
        [server.url, dark] as const,
      );

    await show(true);
    expect(await page.locator('rm-provider').getAttribute('theme')).toBe('dark');
    await expect.poll(cardBackground).toBe(DARK_SURFACE);
    expect(await before?.evaluate((card) => card.isConnected)).toBe(true);

    await show(null);
    expect(await page.locator('rm-provider').getAttribute('theme')).toBeNull();
    await expect.poll(cardBackground).not.toBe(DARK_SURFACE);
    expect(
      await page.evaluate(() => document.querySelector('rm-provider')?.getAttribute('style') ?? ''),
    ).toBe('');
    expect(await page.locator('rm-pair-card').getByText('Marco Rinaldi').count()).toBeGreaterThan(0);
    expect(await before?.evaluate((card) => card.isConnected)).toBe(true);
  }, 60_000);
});
