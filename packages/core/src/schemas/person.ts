import { idOf } from '../ids.js';
import { localeSchema } from '../topics.js';
import { CAREER_STAGES } from '../vocabulary.js';
import { z } from '../zod.js';
import { pageQuerySchema, storedFields } from './common.js';

export const careerStageSchema = z.enum(CAREER_STAGES);
export type CareerStage = z.infer<typeof careerStageSchema>;

/** A language someone can hold a session in, as a BCP 47 tag. */
export const languageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'Use a BCP 47 language tag such as "it" or "en-GB"');

/**
 * Time zones found valid so far. Asking Intl (a DateTimeFormat made for the zone) took a
 * quarter of the server's time on `GET /v1/me`, and every person answered is parsed with
 * this schema. Bounded, as Intl accepts every capitalisation of a zone's name.
 */
const validTimeZones = new Set<string>();
const KEPT_TIME_ZONES = 1000;

function isTimeZone(tz: string): boolean {
  if (validTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  if (validTimeZones.size < KEPT_TIME_ZONES) validTimeZones.add(tz);
  return true;
}

const timeZone = z.string().min(1).max(64).refine(isTimeZone, 'Use an IANA time zone such as "Europe/Rome"');

const personFields = {
  externalId: z
    .string()
    .min(1)
    .max(255)
    .nullable()
    .describe("The identity provider's subject (e.g. an Entra ID object id); null until first sign-in"),
  email: z.email().max(254),
  displayName: z.string().trim().min(1).max(120),
  title: z.string().trim().max(120).nullable().describe('Job title, e.g. "Chief Financial Officer"'),
  department: z
    .string()
    .trim()
    .max(120)
    .describe('Empty for someone who signed in before an admin or the HR import said where they work'),
  managerId: idOf('person')
    .nullable()
    .describe('Their manager: matching never pairs two people in one reporting line'),
  careerStage: careerStageSchema,
  locale: localeSchema,
  languages: z
    .array(languageTagSchema)
    .max(10)
    .describe('Languages they can hold a session in; shared languages raise the match score'),
  timeZone: timeZone.describe('IANA time zone, for scheduling and match fit'),
  photoUrl: z
    .url({
      protocol: /^https$/,
      error: "Use an https URL, on a host in the organisation's settings.photoHosts",
    })
    .max(2048)
    .nullable()
    .describe(
      "An https URL on a host in the organisation's settings.photoHosts (see photoUrlAllowed); the server refuses any other",
    ),
  isAdmin: z.boolean().describe('Runs programs for the organisation; never a reader of private data'),
};

/** Someone in the organisation, whether or not they take part in a program yet. */
export const personSchema = z
  .strictObject({
    id: idOf('person'),
    orgId: idOf('organization'),
    ...personFields,
    ...storedFields,
  })
  .describe('A person in the organisation');
export type Person = z.infer<typeof personSchema>;

const knownDepartment = personFields.department.min(1);

export const personCreateSchema = z.strictObject({
  ...personFields,
  department: knownDepartment,
  externalId: personFields.externalId.default(null),
  title: personFields.title.default(null),
  managerId: personFields.managerId.default(null),
  languages: personFields.languages.default([]),
  timeZone: personFields.timeZone.default('UTC'),
  photoUrl: personFields.photoUrl.default(null),
  isAdmin: personFields.isAdmin.default(false),
});
export type PersonCreate = z.input<typeof personCreateSchema>;

export const personUpdateSchema = z.strictObject({ ...personFields, department: knownDepartment }).partial();
export type PersonUpdate = z.infer<typeof personUpdateSchema>;

/** The filters of the people list. */
export const personListQuerySchema = pageQuerySchema.extend({
  department: personSchema.shape.department.optional().describe('Only people of this department'),
  careerStage: careerStageSchema.optional(),
  q: z.string().trim().min(1).max(120).optional().describe('Part of the display name or email, in any case'),
});
export type PersonListQuery = z.input<typeof personListQuerySchema>;
