import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * Sets a header that every answer to this request carries, whatever makes it: a route, a
 * refusal, a replayed write, a preflight. Under the Node server it goes on Node's response
 * before anything answers, and Node writes it out with the answer's own headers; a header
 * the answer sets itself (the calendar feed's `Cache-Control`) wins. Set through Hono, the
 * twenty headers of an API answer went into a web `Headers` object and were copied out of it
 * again for Node, an eighth of the time of `GET /v1/pairs/{id}`. A test calling
 * `app.request()` has no Node response: there the header goes to Hono, and everyAnswer
 * completes an answer made without it.
 */
export function setForEveryAnswer(c: Context<AppEnv>, name: string, value: string): void {
  const outgoing = c.env?.outgoing;
  if (outgoing) outgoing.setHeader(name, value);
  else c.header(name, value);
}
