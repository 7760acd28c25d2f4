import { ERROR_STATUS, type ErrorBody, type ErrorCode, type Issue } from '@rm-kit/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { jsonOf } from './json-answer.js';

/**
 * An answer other than success, thrown from anywhere in a request and turned into the
 * contract's error body by the app's error handler.
 */
export class Problem extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { issues?: Issue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.code = code;
    this.issues = options.issues;
    this.headers = options.headers ?? {};
  }

  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

/** The same 404 for "does not exist" and "exists, but not for you", so ids leak nothing. */
export function notFound(what: string): Problem {
  return new Problem('not_found', `No ${what} with that id`);
}

export function forbidden(message: string): Problem {
  return new Problem('forbidden', message);
}

export function problemResponse(c: Context, problem: Problem): Response {
  const body: ErrorBody = {
    error: {
      code: problem.code,
      message: problem.message,
      requestId: c.get('requestId'),
      ...(problem.issues ? { issues: problem.issues } : {}),
    },
  };
  return c.body(jsonOf(body), problem.status, { ...problem.headers, 'Content-Type': 'application/json' });
}
