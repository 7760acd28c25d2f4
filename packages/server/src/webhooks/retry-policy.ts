import type { AttemptOutcome } from './deliveries.store.js';
import type { AttemptResult } from './send-attempt.js';

export interface RetryRules {
  maxAttempts: number;
  /** The wait after the first failed attempt; each next one doubles it. */
  baseMs: number;
}

/** No wait grows past this, however many attempts the operator allows. */
const MAX_WAIT_MS = 6 * 3_600_000;

/**
 * Exponential backoff with jitter: the n-th wait is base·2^(n-1), capped, then a random
 * point in its upper half, so receivers that failed together are not all retried together.
 * A receiver's Retry-After (429, 503) is honoured when it asks for longer.
 */
export function waitBefore(attempt: number, rules: RetryRules, retryAfterSeconds: number | null): number {
  const exponential = Math.min(MAX_WAIT_MS, rules.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + Math.random() * (exponential / 2);
  const asked = retryAfterSeconds === null ? 0 : Math.min(MAX_WAIT_MS, retryAfterSeconds * 1000);
  return Math.max(jittered, asked);
}

/** Whether a status is worth another attempt: the receiver is down or overloaded. */
const retryable = (status: number) => status >= 500 || status === 429 || status === 408;

/**
 * What an attempt means for the delivery: done on 2xx; tried again later on a network error,
 * a timeout, 5xx, 408 or 429, until `maxAttempts`; failed at once otherwise (a redirect, which
 * is never followed, any other 4xx, an address or scheme refused), since another attempt
 * would get the same.
 */
export function outcomeOf(result: AttemptResult, attempts: number, rules: RetryRules): AttemptOutcome {
  if (result.kind === 'answered' && result.status >= 200 && result.status < 300) {
    return { kind: 'succeeded', responseStatus: result.status };
  }
  if (result.kind === 'refused') return { kind: 'failed', responseStatus: null, error: result.error };
  const responseStatus = result.kind === 'answered' ? result.status : null;
  let error: string;
  if (result.kind === 'network') error = result.error;
  else if (result.status >= 300 && result.status < 400)
    error = `Answered ${result.status} (a redirect${result.location ? ` to ${result.location}` : ''}), which is never followed: give the final URL`;
  else error = `Answered ${result.status}`;
  const again = result.kind === 'network' || retryable(result.status);
  if (!again) return { kind: 'failed', responseStatus, error };
  if (attempts >= rules.maxAttempts) {
    return { kind: 'failed', responseStatus, error: `${error}; gave up after ${attempts} attempts` };
  }
  const retryAfterSeconds = result.kind === 'answered' ? result.retryAfterSeconds : null;
  const at = new Date(Date.now() + waitBefore(attempts, rules, retryAfterSeconds)).toISOString();
  return { kind: 'retry', responseStatus, error, at };
}
