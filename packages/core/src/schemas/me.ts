import { z } from '../zod.js';
import { organizationSchema } from './organization.js';
import { pairSchema } from './pair.js';
import { personSchema } from './person.js';

export const CALLER_ROLES = ['admin', 'mentor', 'mentee', 'service'] as const;
export const callerRoleSchema = z
  .enum(CALLER_ROLES)
  .describe(
    "admin: runs programs for the organisation; mentor: the junior who teaches, in at least one pair; mentee: the senior who learns, in at least one pair; service: a service token, acting with an admin's reach",
  );
export type CallerRole = z.infer<typeof callerRoleSchema>;

/** Who the caller is, in one request: what a widget needs to decide what to show. */
export const meSchema = z
  .strictObject({
    person: personSchema.nullable().describe('You; null when the caller is a service token'),
    organization: organizationSchema
      .pick({ id: true, name: true, defaultLocale: true })
      .describe('The organisation you belong to'),
    roles: z.array(callerRoleSchema).describe('Every role you hold; mentor and mentee come from your pairs'),
    pairs: z.array(pairSchema).describe('The pairs you are in, on either side'),
    demo: z.boolean().describe('True when the server runs in demo mode, with seeded people and demo tokens'),
    apiVersion: z.string().min(1).describe('The version of the API the server speaks'),
  })
  .describe('The caller, their organisation, roles and pairs');
export type Me = z.infer<typeof meSchema>;
