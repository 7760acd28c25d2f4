import type { ErrorBody, ErrorCode, Issue } from '@rm-kit/core';

export interface RmErrorInit {
  status: number;
  code: ErrorCode | 'network_error' | 'timeout' | 'aborted' | 'origin_refused';
  message: string;
  requestId?: string | undefined;
  issues?: Issue[] | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

/**
 * Every error the SDK throws. Branch on the subclass or on `code`, never on `message`.
 * `issues` are the server's: the field path and message of each thing it refused (a 409
 * of a publish names the pair at fault, `['pairs', 1, 'menteeId']`); empty when it named none.
 */
export class RmError extends Error {
  readonly status: number;
  readonly code: RmErrorInit['code'];
  readonly requestId: string | undefined;
  readonly issues: Issue[];

  constructor(init: RmErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.issues = init.issues ?? [];
  }
}

/** What a call aborted by its caller's signal rejects with. */
export function abortedError(cause: unknown): RmError {
  return new RmError({ status: 0, code: 'aborted', message: 'The request was aborted', cause });
}

/** 400/422: the body broke the contract or a rule. `issues` names each field. */
export class RmValidationError extends RmError {}

/** 401: no token, or one that expired or is not valid for this API. */
export class RmUnauthorizedError extends RmError {}

/** 403: you can see it, but may not do that. */
export class RmForbiddenError extends RmError {}

/** 404: nothing with that id that you may see. */
export class RmNotFoundError extends RmError {}

/** 409: a conflict, such as a second answer to the same session, or a key still in flight. */
export class RmConflictError extends RmError {}

/** 412: someone changed the entity since you read it; read it again. */
export class RmPreconditionError extends RmError {}

/** 429: too many requests; `retryAfter` says how many seconds to wait. */
export class RmRateLimitError extends RmError {
  readonly retryAfter: number;
  constructor(init: RmErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter ?? 1;
  }
}

/**
 * The server could not be reached, or did not answer in time; or (`code: 'origin_refused'`)
 * it answered but its CORS settings refused the page's origin, which no retry will change.
 */
export class RmNetworkError extends RmError {}

/** The server refused the page's origin: a setting to fix, not a network to wait for. */
export function isOriginRefused(error: unknown): boolean {
  return error instanceof RmNetworkError && error.code === 'origin_refused';
}

/** The server failed (5xx). */
export class RmServerError extends RmError {}

const BY_STATUS: Record<number, typeof RmError> = {
  400: RmValidationError,
  401: RmUnauthorizedError,
  403: RmForbiddenError,
  404: RmNotFoundError,
  409: RmConflictError,
  412: RmPreconditionError,
  422: RmValidationError,
  429: RmRateLimitError,
};

/** The typed error for an HTTP error response and its contract body. */
export function errorFromResponse(
  status: number,
  body: ErrorBody | null,
  retryAfter: number | undefined,
): RmError {
  const Type = BY_STATUS[status] ?? (status >= 500 ? RmServerError : RmError);
  return new Type({
    status,
    code: body?.error.code ?? (status >= 500 ? 'internal' : 'bad_request'),
    message: body?.error.message ?? `The server answered ${status}`,
    requestId: body?.error.requestId,
    issues: body?.error.issues,
    retryAfter,
  });
}

/**
 * Whether trying again later may succeed: the network, a timeout, a key still in flight,
 * rate limiting, a server failure. Anything else is an answer that will not change.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof RmError)) return false;
  if (error instanceof RmNetworkError) return !isOriginRefused(error);
  if (error.status === 409) return error.code === 'idempotency_key_in_use';
  return error.status === 408 || error.status === 429 || error.status >= 500;
}
