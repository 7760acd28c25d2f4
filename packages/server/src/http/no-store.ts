import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * Every answer of the API is someone's own (their notes, their feedback, who they are),
 * or an error about their request: no browser, proxy or CDN may keep a copy. Set before
 * the handler runs, so the answer is built with it (and errors too).
 */
export function noStore(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'no-store');
}
