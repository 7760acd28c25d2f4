import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Config } from '../../config.js';
import type { AppEnv } from '../../http/env.js';
import { EMBED_SCRIPT, type EmbedSignIn, embedPage, SIGNED_IN_PAGE } from './embed.page.js';
import { frameAncestorsSource } from './frame-ancestors.js';

const PAGE_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The identity provider the page signs in with: the one whose tokens the server trusts. */
function signInOf(config: Config): EmbedSignIn | null {
  if (!config.RMKIT_ISSUER || !config.RMKIT_AUDIENCE) return null;
  return {
    issuer: config.RMKIT_ISSUER.replace(/\/+$/, ''),
    // v2 tokens carry the client id as their audience; an api:// URI names the same registration.
    clientId: config.RMKIT_AUDIENCE.replace(/^api:\/\//, ''),
  };
}

/**
 * `GET /embed/pair`: the signed-in person's current pair as a page of its own, for
 * SharePoint's Embed web part (an iframe). Only this page may be framed, and only by
 * the origins in RMKIT_FRAME_ANCESTORS (CSP `frame-ancestors`, with no X-Frame-Options to
 * contradict it); every other answer keeps `frame-ancestors 'none'` or `'self'`. The kit
 * itself comes from `/rm-kit.js`, so RMKIT_STATIC_DIRS must serve the bundle.
 */
export function registerEmbed(app: OpenAPIHono<AppEnv>, config: Config) {
  const signIn = signInOf(config);
  const page = embedPage(signIn);
  const connect = signIn ? `'self' ${new URL(signIn.issuer).origin}` : "'self'";
  const policy = [
    "default-src 'self'",
    "img-src 'self' data:",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
    `frame-ancestors ${frameAncestorsSource(config.RMKIT_FRAME_ANCESTORS)}`,
  ].join('; ');

  app.get('/embed/pair', (c) => c.html(page, 200, { ...PAGE_HEADERS, 'Content-Security-Policy': policy }));
  app.get('/embed/embed.js', (c) =>
    c.body(EMBED_SCRIPT, 200, { ...PAGE_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' }),
  );
  app.get('/embed/signed-in', (c) =>
    c.html(SIGNED_IN_PAGE, 200, {
      ...PAGE_HEADERS,
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    }),
  );
}
