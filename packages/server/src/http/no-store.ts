import type { Context } from 'hono';
import { setForEveryAnswer } from './answer-headers.js';
import type { AppEnv } from './env.js';

/**
 * Every answer of the API is someone's own (their notes, their feedback, who they are),
 * or an error about their request: no browser, proxy or CDN may keep a copy. Set before
 * anything answers, so errors carry it too.
 */
export function noStore(c: Context<AppEnv>): void {
  setForEveryAnswer(c, 'Cache-Control', 'no-store');
}
