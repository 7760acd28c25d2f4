/** The network failing between us and PostgreSQL: nothing the request did wrong. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL saying it cannot serve now: class 08 (connection exception), 53300 (too many
 * connections), 57P01-57P03 (shutting down, crashed, starting up).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53300|57P0[123])$/;

/** What pg and pg-pool throw, without a code, when a connection is lost, never made, or the pool has ended. */
const UNAVAILABLE_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

function causes(error: unknown): Error[] {
  const found: Error[] = [];
  for (let e = error; e instanceof Error && found.length < 5; e = e.cause) found.push(e);
  return found;
}

function codeOf(error: Error): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Whether an error means the database is out of reach (down, restarting, failing over,
 * the network between), so the request may succeed if sent again shortly: 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = codeOf(e);
    if (code && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    return UNAVAILABLE_MESSAGES.some((message) => e.message.startsWith(message));
  });
}

/**
 * An error from the database driver, for a log line: its code and message. pg's errors
 * come with a stack trace through the driver and a dozen protocol fields, mostly empty:
 * hundreds of bytes to kilobytes per line, once per pooled connection in an outage, and
 * nothing an operator acts on beyond these two.
 */
export function describeDatabaseError(error: unknown): { code?: string; message: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = codeOf(error);
  // Node reports a refused connection to every address of a name as an AggregateError with no message.
  const message =
    error.message ||
    (error instanceof AggregateError ? error.errors.map((e) => String(e?.message ?? e)).join('; ') : '');
  return { ...(code ? { code } : {}), message };
}

/** A database URL fit for a log line: the password, if any, is not. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.split('@').at(-1) ?? '';
  }
}
