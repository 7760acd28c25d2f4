import type { BlockList } from 'node:net';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { clientAddress } from './client-address.js';
import type { AppEnv } from './env.js';

/** Polled every few seconds by load balancers: at info they would bury every other line. */
const PROBES = new Set(['/healthz', '/readyz']);

/** A calendar feed's path is its secret: whoever reads the log must not be able to subscribe. */
const loggedPath = (path: string) => path.replace(/^\/v1\/calendar\/[^/]+$/, '/v1/calendar/(secret)');

/**
 * One structured line per request, written once it is answered (see everyAnswer): never
 * bodies, tokens or secrets, which may hold private notes. An event stream gets a second
 * line when it closes, with how long it was open.
 */
export function requestLog(logger: Logger, trustedProxies: BlockList) {
  return (c: Context<AppEnv>, started: number, eventStream: boolean): void => {
    const caller = c.get('caller');
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: loggedPath(c.req.path),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      caller: caller ? (caller.personId ?? caller.kind) : undefined,
      client: clientAddress(
        c.env?.incoming?.socket.remoteAddress,
        c.req.header('X-Forwarded-For'),
        trustedProxies,
      ),
    };
    if (PROBES.has(c.req.path)) logger.debug(line, 'request');
    else logger.info(line, 'request');

    const outgoing = c.env?.outgoing;
    if (outgoing && eventStream) {
      outgoing.once('close', () =>
        logger.info({ ...line, ms: Math.round(performance.now() - started) }, 'stream closed'),
      );
    }
  };
}
