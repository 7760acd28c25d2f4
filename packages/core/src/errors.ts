import { z } from './zod.js';

/**
 * Every error the API can answer with, and its HTTP status. Clients branch on `code`,
 * never on `message` (which is for people and may change).
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_in_use: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]];
export const errorCodeSchema = z.enum(ERROR_CODES);

export const issueSchema = z.strictObject({
  path: z
    .array(z.union([z.string(), z.int()]))
    .describe('Where in the request the problem is, e.g. ["actionItems", 0, "text"]'),
  message: z.string(),
});
export type Issue = z.infer<typeof issueSchema>;

/** The body of every non-2xx response. */
export const errorBodySchema = z
  .strictObject({
    error: z.strictObject({
      code: errorCodeSchema,
      message: z.string(),
      requestId: z.string().optional().describe('Quote it when reporting a problem; it is in the server log'),
      issues: z.array(issueSchema).optional().describe('One entry per invalid field'),
    }),
  })
  .describe('An error');
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns zod's issues into the contract's `{ path, message }` list. */
export function issuesFrom(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}
