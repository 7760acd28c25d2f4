import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The security headers of every answer but a page's: Hono's secureHeaders as this server
 * used it (its defaults, a policy that lets an answer load and frame nothing, and
 * Cross-Origin-Resource-Policy open, since the API is meant to be read from intranet
 * pages of other origins), written out so that they are set before the handler answers.
 */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
const API_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', API_POLICY],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/** Pages (the reference at /docs, the demo page, static files) set their own, looser policy. */
export const isPage = (path: string) =>
  !path.startsWith('/v1/') && !path.startsWith('/demo/') && path !== '/openapi.json';

/** Sets them before the handler runs, so the answer is built with them. */
export function setSecurityHeaders(c: Context<AppEnv>): void {
  for (const [name, value] of API_SECURITY_HEADERS) c.header(name, value);
}

/**
 * Sets them on an answer made without them (see everyAnswer), or with a policy of its own:
 * an API answer never loads or frames anything, whatever made it.
 */
export function completeSecurityHeaders(c: Context<AppEnv>): void {
  if (c.res.headers.get('Content-Security-Policy') === API_POLICY) return;
  for (const [name, value] of API_SECURITY_HEADERS) c.res.headers.set(name, value);
}
