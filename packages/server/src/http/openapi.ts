import { z } from '@hono/zod-openapi';
import { ERROR_STATUS, type ErrorCode, errorBodySchema } from '@rm-kit/core';

/** A required JSON request body; without `required`, a request with no JSON body would skip validation. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    description,
    content: { 'application/json': { schema } },
  } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

const errorResponse = jsonResponse(errorBodySchema.meta({ id: 'Error' }), 'An error');

const DESCRIPTIONS: Partial<Record<number, string>> = {
  400: 'The request is malformed or a field is invalid; `issues` names each field',
  401: 'No token, or a token that is expired, for another audience or not valid here',
  403: 'You can see this, but not do that to it',
  404: 'Nothing with that id that you may see',
  409: 'A conflict with what is stored, or the same Idempotency-Key is still being processed',
  412: 'If-Match names a version that is no longer the current one',
  413: 'The body is larger than the server accepts',
  415: 'The body is not JSON: send it with Content-Type: application/json',
  422: 'The same Idempotency-Key was sent with a different body, or the change breaks a rule',
  429: 'Too many requests; wait for Retry-After seconds',
};

/** The error responses a route can give, documented with the shared error body. */
export function errorResponses(...statuses: number[]) {
  const always = [400, 401, 429];
  const all = [...new Set([...always, ...statuses])].sort();
  return Object.fromEntries(
    all.map((status) => [status, { ...errorResponse, description: DESCRIPTIONS[status] ?? 'An error' }]),
  );
}

/**
 * The error responses of a route that takes a body: those of `errorResponses`, and 413 (too
 * large) and 415 (not JSON), which any body can earn.
 */
export function bodyErrorResponses(...statuses: number[]) {
  return errorResponses(413, 415, ...statuses);
}

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .optional()
    .describe(
      'Any unique string (a UUID). A retry with the same key replays the first answer instead of writing again',
    ),
});

export const ifMatchHeaders = idempotencyHeaders.extend({
  'if-match': z
    .string()
    .optional()
    .describe('The ETag (version) you last read; the change is refused with 412 if someone changed it since'),
});

export function isErrorCode(code: string): code is ErrorCode {
  return code in ERROR_STATUS;
}

/** The path parameter `name`, typed by its own name so handlers read it without casts. */
export function pathId<N extends string>(name: N, schema: z.ZodString) {
  return z.object({ [name]: schema.openapi({ param: { name, in: 'path' } }) } as Record<N, z.ZodString>);
}
