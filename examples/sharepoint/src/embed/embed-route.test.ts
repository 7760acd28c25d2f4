import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { type Browser, chromium, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../scripts/chromium.mjs';
import { type RmServerProcess, startRmServer } from '../../../../scripts/rm-server-process.mjs';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const CLIENT_ID = 'rm-kit-embed-test';
/** Giulia Rossi, a seeded mentor: demo mode stores people with their email as externalId. */
const GIULIA = 'giulia.rossi@contoso.example';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const readBody = async (request: IncomingMessage) => {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
};

const sendJson = (response: ServerResponse, status: number, body: unknown, headers = {}) =>
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));

/**
 * An identity provider as Entra ID answers a single-page app: discovery, an authorize
 * endpoint that signs Giulia in at once (she has a session there), and a token endpoint
 * that redeems a code only with its PKCE verifier, from a page's origin (CORS), and signs
 * an access token shaped as Entra ID's for the rm-kit API.
 */
async function identityProvider() {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'embed-test', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  const redeemed: { origin: string | undefined; grant: string }[] = [];
  const settings = { expiresIn: 3600, refuseRefresh: false };
  let origin = '';
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const issuer = `${origin}/tenant/v2.0`;
    if (url.pathname === '/tenant/v2.0/.well-known/openid-configuration')
      return sendJson(
        response,
        200,
        {
          issuer,
          authorization_endpoint: `${origin}/tenant/oauth2/v2.0/authorize`,
          token_endpoint: `${origin}/tenant/oauth2/v2.0/token`,
          jwks_uri: `${origin}/keys`,
        },
        { 'Access-Control-Allow-Origin': '*' },
      );
    if (url.pathname === '/keys') return sendJson(response, 200, { keys: [jwk] });
    if (url.pathname === '/tenant/oauth2/v2.0/authorize') {
      const q = url.searchParams;
      if (q.get('client_id') !== CLIENT_ID || q.get('code_challenge_method') !== 'S256')
        return response.writeHead(400).end('bad request');
      const code = randomBytes(16).toString('hex');
      codes.set(code, { challenge: q.get('code_challenge') ?? '', redirectUri: q.get('redirect_uri') ?? '' });
      const back = new URL(q.get('redirect_uri') ?? '');
      back.search = new URLSearchParams({ code, state: q.get('state') ?? '' }).toString();
      return response.writeHead(302, { Location: back.href }).end();
    }
    if (url.pathname === '/tenant/oauth2/v2.0/token' && request.method === 'POST') {
      const form = new URLSearchParams(await readBody(request));
      const cors = { 'Access-Control-Allow-Origin': request.headers.origin ?? '*' };
      redeemed.push({ origin: request.headers.origin, grant: form.get('grant_type') ?? '' });
      if (form.get('grant_type') === 'refresh_token') {
        if (settings.refuseRefresh || !refreshTokens.has(form.get('refresh_token') ?? ''))
          return sendJson(response, 400, { error: 'invalid_grant', error_description: 'AADSTS700084' }, cors);
      } else {
        const issued = codes.get(form.get('code') ?? '');
        const verifier = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (!issued || issued.challenge !== verifier || issued.redirectUri !== form.get('redirect_uri'))
          return sendJson(response, 400, { error: 'invalid_grant' }, cors);
        codes.delete(form.get('code') ?? '');
      }
      const token = await new SignJWT({ oid: GIULIA, tid: 'contoso', name: 'Giulia Rossi', email: GIULIA })
        .setProtectedHeader({ alg: 'RS256', kid: 'embed-test' })
        .setSubject('pairwise-giulia')
        .setIssuer(issuer)
        .setAudience(CLIENT_ID)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      const refresh = randomBytes(16).toString('hex');
      refreshTokens.add(refresh);
      return sendJson(
        response,
        200,
        { token_type: 'Bearer', access_token: token, expires_in: settings.expiresIn, refresh_token: refresh },
        cors,
      );
    }
    response.writeHead(404).end();
  });
  origin = await listen(server);
  return {
    origin,
    issuer: `${origin}/tenant/v2.0`,
    redeemed,
    settings,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A SharePoint page with the Embed web part: an iframe of the rm-kit page. */
async function sharePointSite(frameUrl: () => string) {
  const server = createServer((request, response) => {
    if (request.url !== '/') return response.writeHead(404).end();
    response
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><iframe src="${frameUrl()}" title="Reverse mentoring" width="900" height="1200"></iframe></body></html>`,
      );
  });
  const origin = await listen(server);
  return { origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/**
 * The Embed route in real Chromium: SharePoint's page (another origin) frames
 * `/embed/pair`, the person signs in with the identity provider in a window of its own,
 * and the frame shows their pair; a site not in RMKIT_FRAME_ANCESTORS gets nothing.
 */
describe('the Embed route framed by a SharePoint page, in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'rm-kit-embed-'));
  const bundle = join(work, 'bundle');
  let idp: Awaited<ReturnType<typeof identityProvider>>;
  let server: RmServerProcess;
  let sharePoint: Awaited<ReturnType<typeof sharePointSite>>;
  let elsewhere: Awaited<ReturnType<typeof sharePointSite>>;
  let browser: Browser;
  let lang = '';
  const opened: Page[] = [];

  beforeAll(async () => {
    mkdirSync(bundle);
    execFileSync(
      'pnpm',
      ['exec', 'vite', 'build', '--outDir', bundle, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: join(root, 'packages/elements'), stdio: 'pipe' },
    );
    idp = await identityProvider();
    sharePoint = await sharePointSite(() => `${server.url}/embed/pair${lang}`);
    elsewhere = await sharePointSite(() => `${server.url}/embed/pair`);
    // Demo mode for its seeded pairs; its tokens are not used: the page signs in with the identity provider.
    server = await startRmServer({
      DATABASE_URL: `sqlite:${join(work, 'rm-kit.sqlite')}`,
      RMKIT_JWKS_URL: `${idp.origin}/keys`,
      RMKIT_ISSUER: idp.issuer,
      RMKIT_AUDIENCE: CLIENT_ID,
      RMKIT_STATIC_DIRS: bundle,
      RMKIT_FRAME_ANCESTORS: sharePoint.origin,
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  }, 120_000);

  afterEach(async () => {
    for (const page of opened.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await Promise.all([idp?.close(), sharePoint?.close(), elsewhere?.close()]);
    rmSync(work, { recursive: true, force: true });
  });

  async function open(site: { origin: string }) {
    const page = await browser.newPage();
    opened.push(page);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${site.origin}/`);
    return { page, errors, frame: page.frameLocator('iframe') };
  }

  /** Clicks "Sign in" in the frame; the sign-in window closes once it is back. */
  async function signIn(page: Page, frame: FrameLocator) {
    await expect.poll(() => frame.getByText('Sign in to see your mentoring pair.').count()).toBe(1);
    const popup = page.waitForEvent('popup');
    await frame.getByRole('button', { name: 'Sign in' }).click();
    const window = await popup;
    await expect.poll(() => window.isClosed(), { timeout: 10_000 }).toBe(true);
  }

  const pairShown = (frame: FrameLocator) =>
    expect
      .poll(() => frame.locator('rm-pair-card').getByText('Marco Rinaldi').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);

  it('signs the person in through a window of its own, then shows their pair in the frame', async () => {
    const { page, errors, frame } = await open(sharePoint);
    await signIn(page, frame);
    await pairShown(frame);
    await expect.poll(() => frame.locator('rm-session-log [part="item"]').count()).toBeGreaterThan(0);
    // The code was redeemed from the frame's origin, with the verifier of its challenge.
    expect(idp.redeemed).toEqual([{ origin: server.url, grant: 'authorization_code' }]);
    expect(errors).toEqual([]);

    // Signed in for the rest of the tab's life: a reload shows the pair without a click.
    await page.reload();
    await pairShown(frame);
    expect(idp.redeemed).toHaveLength(1);
  }, 60_000);

  it('renews an expiring token with the refresh token, and asks to sign in again once that is refused', async () => {
    // Each access token outlives the page's one-minute margin by a second.
    idp.settings.expiresIn = 61;
    try {
      const { page, errors, frame } = await open(sharePoint);
      await signIn(page, frame);
      await pairShown(frame);
      await new Promise((done) => setTimeout(done, 1_500));
      const before = idp.redeemed.length;
      await page.reload();
      await pairShown(frame);
      const renewals = idp.redeemed.slice(before);
      expect(renewals.length).toBeGreaterThan(0);
      expect(renewals).toContainEqual({ origin: server.url, grant: 'refresh_token' });
      expect(renewals.every((r) => r.grant === 'refresh_token')).toBe(true);
      expect(errors).toEqual([]);

      idp.settings.refuseRefresh = true;
      await new Promise((done) => setTimeout(done, 1_500));
      await page.reload();
      await expect
        .poll(() => frame.getByRole('button', { name: 'Sign in' }).count(), { timeout: 15_000 })
        .toBe(1);
      expect(await frame.locator('rm-pair-card').count()).toBe(0);
    } finally {
      idp.settings.expiresIn = 3600;
      idp.settings.refuseRefresh = false;
    }
  }, 60_000);

  it('speaks Italian with ?lang=it', async () => {
    lang = '?lang=it';
    try {
      const { frame } = await open(sharePoint);
      await expect
        .poll(() => frame.getByText('Accedi per vedere la tua coppia di mentoring.').count())
        .toBe(1);
      expect(await frame.getByRole('button', { name: 'Accedi' }).count()).toBe(1);
    } finally {
      lang = '';
    }
  }, 30_000);

  it('is refused by Chromium in a frame of a site not in RMKIT_FRAME_ANCESTORS', async () => {
    const { page, errors, frame } = await open(elsewhere);
    await expect.poll(() => errors.join('\n'), { timeout: 10_000 }).toMatch(/frame-ancestors/);
    expect(await frame.getByRole('button').count()).toBe(0);
    const embedded = page.frames().find((f) => f !== page.mainFrame());
    expect(
      await embedded?.evaluate(() => document.documentElement.dataset.issuer).catch(() => null),
    ).not.toBe(idp.issuer);
  }, 30_000);
});
