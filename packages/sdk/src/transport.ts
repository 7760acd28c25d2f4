import type { ErrorBody } from '@rm-kit/core';
import { keepAnswerText } from './cache.js';
import { abortedError, errorFromResponse, isTransient, RmNetworkError, RmRateLimitError } from './errors.js';

export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  maxRetries: number;
  /** The first wait; each retry doubles it, up to `maxDelayMs` (defaults 300 ms and 5 s). */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface TransportOptions {
  baseUrl: string;
  getToken: () => string | Promise<string>;
  fetch: typeof fetch;
  retry: RetryPolicy;
  timeoutMs: number;
  locale?: string | undefined;
  /**
   * Told when what a read answers may have changed: as a write (POST, PATCH, DELETE) is sent
   * and once it is answered or fails, and as a live event or a stream's reset arrives.
   */
  onChange?: () => void;
}

export interface RequestOptions {
  /** Sent as Idempotency-Key; the SDK makes one for every unsafe call unless you pass your own. */
  idempotencyKey?: string;
  /** The version you last read: sent as If-Match, so a stale change is refused with 412. */
  ifMatch?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Overrides the client's retry policy for this call (e.g. `{ maxRetries: 0 }`). */
  retry?: Partial<RetryPolicy>;
}

export interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** A text answer (an export) instead of JSON: the body is returned as it came. */
  accept?: 'text/csv';
}

const UNSAFE = new Set(['POST', 'PATCH', 'DELETE']);

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Full jitter: a random wait up to the capped exponential delay, so retrying clients spread out. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.random() * cap;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function urlOf(baseUrl: string, request: Request): string {
  const url = new URL(request.path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/**
 * One HTTP exchange with the API, as a good SDK does it: a token on every call, an
 * idempotency key on every unsafe one (the same key on every retry), a timeout, and
 * retries with capped exponential backoff and jitter on what may succeed later.
 */
export async function send<T>(
  transport: TransportOptions,
  request: Request,
  options: RequestOptions = {},
): Promise<T> {
  const policy = { ...transport.retry, ...options.retry };
  const headers: Record<string, string> = { Accept: request.accept ?? 'application/json' };
  if (transport.locale) headers['Accept-Language'] = transport.locale;
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const write = UNSAFE.has(request.method);
  if (write) headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  const url = urlOf(transport.baseUrl, request);
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (write) transport.onChange?.();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        return await attemptOnce<T>(transport, url, request.method, { ...headers }, body, options);
      } catch (error) {
        if (options.signal?.aborted || !isTransient(error) || attempt >= policy.maxRetries) throw error;
        const wait =
          error instanceof RmRateLimitError ? error.retryAfter * 1000 : backoffDelay(attempt, policy);
        // A server that asks for a longer pause than we would ever wait gets the error now:
        // the outbox keeps the write and tries again later, instead of holding every write.
        if (wait > policy.maxDelayMs) throw error;
        try {
          await sleep(wait, options.signal);
        } catch (cause) {
          throw abortedError(cause);
        }
      }
    }
  } finally {
    if (write) transport.onChange?.();
  }
}

async function attemptOnce<T>(
  transport: TransportOptions,
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  options: RequestOptions,
): Promise<T> {
  headers.Authorization = `Bearer ${await transport.getToken()}`;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? transport.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const init: RequestInit = { method, headers, ...(body === undefined ? {} : { body }), signal };
  let response: Response;
  try {
    response = await transport.fetch(url, init);
  } catch (cause) {
    if (options.signal?.aborted) {
      throw abortedError(cause);
    }
    const timedOut = timeout.aborted;
    if (timedOut || !(await answersWithoutCors(transport, url, signal))) {
      throw new RmNetworkError({
        status: 0,
        code: timedOut ? 'timeout' : 'network_error',
        message: timedOut ? 'The server did not answer in time' : 'The server could not be reached',
        cause,
      });
    }
    // The server is there. Ask once more (a write keeps its idempotency key): a connection
    // that dropped as the server restarted goes through now, a refused origin fails again.
    response = await transport.fetch(url, init).catch((again: unknown) => {
      throw options.signal?.aborted
        ? abortedError(again)
        : new RmNetworkError({
            status: 0,
            code: 'origin_refused',
            message: `The server answered, but refused this page's origin (${globalThis.location?.origin}): add it to the server's RMKIT_CORS_ORIGINS`,
            cause: again,
          });
    });
  }
  if (response.status === 204) return undefined as T;
  let text: string;
  try {
    // An export keeps its byte order mark (Excel needs it), which text() would take off.
    text =
      headers.Accept === 'application/json'
        ? await readText(response)
        : new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  } catch (cause) {
    if (options.signal?.aborted) throw abortedError(cause);
    throw new RmNetworkError({
      status: 0,
      code: timeout.aborted ? 'timeout' : 'network_error',
      message: 'The connection dropped before the whole answer arrived',
      cause,
    });
  }
  if (response.ok && headers.Accept !== 'application/json') return text as T;
  const parsed: unknown = text ? safeJson(text) : null;
  if (response.ok) {
    if (typeof parsed === 'object' && parsed !== null) keepAnswerText(parsed, text);
    return parsed as T;
  }
  const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
  throw errorFromResponse(response.status, isErrorBody(parsed) ? parsed : null, retryAfter);
}

/** An answer longer than this (in UTF-16 units) is parsed a turn of the page later. */
const LONG_ANSWER = 64 * 1024;

/**
 * The answer's text. A long answer, its bytes already at hand, was read without a pause,
 * and parsing it holds the page as long again: first the page handles what came meanwhile
 * (other answers, a click). Read whole by `text()` rather than decoded a piece at a time from
 * its bytes: the pieces, joined, were parsed more slowly, and the garbage they left was
 * collected while the list waited (10,000 sessions, 4.5 MB, read and parsed after a
 * collection in Chromium: median 27 ms with `text()`, 35 ms in 64 kB pieces).
 */
async function readText(response: Response): Promise<string> {
  const text = await response.text();
  if (text.length > LONG_ANSWER) await nextTurn();
  return text;
}

/** A turn of the page's event loop after the tasks waiting now; unlike a timer, not held back in a hidden tab. */
function nextTurn(): Promise<void> {
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Whether the server answers a request that needs no CORS permission. A browser reports a
 * refused origin (CORS) exactly as it reports a lost network: a TypeError and nothing else.
 * A `no-cors` request gets an opaque answer when the server is there, so a request that
 * fails while its probe gets one was refused by the server's CORS settings (or a network
 * policy in between), and saying "offline" would send the page's developer the wrong way.
 * Only in a browser: elsewhere there is no CORS.
 */
async function answersWithoutCors(transport: TransportOptions, url: string, signal: AbortSignal) {
  if (typeof document === 'undefined') return false;
  try {
    await transport.fetch(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', signal });
    return true;
  } catch {
    return false;
  }
}

/** Retry-After in seconds, whether the server sent seconds or an HTTP date. */
function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value;
}
