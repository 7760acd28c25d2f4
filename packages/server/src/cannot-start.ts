import pino from 'pino';

/**
 * A reason the server cannot start that the operator can act on (a setting, a database out
 * of reach, a port in use): logged as its message alone, since a stack trace would bury it.
 */
export class CannotStart extends Error {}

/**
 * One JSON line, like every other the server writes, so log collectors keep it; at any
 * log level, since the configuration that sets one may be what failed.
 */
export function logStartFailure(error: unknown): void {
  const logger = pino();
  if (error instanceof CannotStart) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'the server could not start');
}
