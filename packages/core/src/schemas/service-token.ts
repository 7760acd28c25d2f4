import { idOf } from '../ids.js';
import { z } from '../zod.js';
import { instantSchema } from './common.js';

const tokenName = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .describe('What the token is for, so an admin knows which one to revoke, e.g. "HR reporting export"');

/** A credential for a script or another server, acting for the organisation with an admin's reach. */
export const serviceTokenSchema = z
  .strictObject({
    id: idOf('serviceToken'),
    name: tokenName,
    createdAt: instantSchema,
    lastUsedAt: instantSchema.nullable().describe('When a request last came with it; null if never used'),
    revokedAt: instantSchema
      .nullable()
      .describe('When it was revoked; a revoked token is refused with 401 on every call'),
  })
  .describe('A service token, without its secret value');
export type ServiceToken = z.infer<typeof serviceTokenSchema>;

export const serviceTokenCreateSchema = z.strictObject({ name: tokenName });
export type ServiceTokenCreate = z.infer<typeof serviceTokenCreateSchema>;

/** The answer to a create: the only time the token's value is ever shown. */
export const serviceTokenCreatedSchema = z
  .strictObject({
    id: idOf('serviceToken'),
    name: tokenName,
    token: z
      .string()
      .min(1)
      .describe('Send as "Authorization: Bearer <token>". Shown only now: only a hash of it is stored'),
    createdAt: instantSchema,
  })
  .describe('A new service token, with its value');
export type ServiceTokenCreated = z.infer<typeof serviceTokenCreatedSchema>;
