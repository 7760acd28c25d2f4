import type { Context } from 'hono';
import { setForEveryAnswer } from './answer-headers.js';
import type { AppEnv } from './env.js';

/**
 * The security headers of every answer but a page's: Hono's secureHeaders as this server
 * used it (its defaults, a policy that lets an answer load and frame nothing, and
 * Cross-Origin-Resource-Policy open, since the API is meant to be read from intranet
 * pages of other origins), written out so that they are set before anything answers.
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

/** Sets them before anything answers (see setForEveryAnswer). */
export function setSecurityHeaders(c: Context<AppEnv>): void {
  for (const [name, value] of API_SECURITY_HEADERS) setForEveryAnswer(c, name, value);
}

/**
 * Sets them once answered on an answer made without them, or with a policy of its own: an API
 * answer never loads or frames anything. Only without Node's response (see everyAnswer): under
 * Node they are on its response already, and no API route sets a policy of its own; looking at
 * the answer's headers to make sure would turn the plain record of a JSON answer (see
 * json-answer.ts) into a web `Headers` object again.
 */
export function completeSecurityHeaders(c: Context<AppEnv>): void {
  if (c.res.headers.get('Content-Security-Policy') === API_POLICY) return;
  for (const [name, value] of API_SECURITY_HEADERS) c.res.headers.set(name, value);
}
