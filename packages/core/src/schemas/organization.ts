import { idOf } from '../ids.js';
import { localeSchema } from '../topics.js';
import { DEFAULT_MIN_AGGREGATE_GROUP } from '../vocabulary.js';
import { z } from '../zod.js';
import { storedFields } from './common.js';

const minAggregateGroupSize = z
  .int()
  .min(2)
  .max(50)
  .describe('Feedback is shown to admins only as aggregates over at least this many answers');

/** A host name as the URL parser writes it (lower case, punycode): no scheme, port, path or wildcard. */
const photoHost = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'Use a host name such as "photos.example.com": no scheme, port, path or wildcard',
  );

const photoHosts = z
  .array(photoHost)
  .max(100)
  .describe(
    "The hosts a person's photoUrl may point to (https only, each host matched exactly); empty: no photos. " +
      "A partner's browser loads the photo, telling its host when and from where they looked, so only hosts " +
      'the organisation trusts. Removing a host clears the photos stored on it.',
  );

export const organizationSettingsSchema = z.strictObject({
  minAggregateGroupSize: minAggregateGroupSize.default(DEFAULT_MIN_AGGREGATE_GROUP),
  photoHosts: photoHosts.default([]),
});

/** The tenant. Every other row carries its `orgId`, and nothing crosses between organisations. */
export const organizationSchema = z
  .strictObject({
    id: idOf('organization'),
    name: z.string().min(1).max(120),
    defaultLocale: localeSchema,
    settings: organizationSettingsSchema,
    ...storedFields,
  })
  .describe('An organisation (tenant) running reverse-mentoring programs');
export type Organization = z.infer<typeof organizationSchema>;

export const organizationUpdateSchema = z
  .strictObject({
    name: organizationSchema.shape.name,
    defaultLocale: localeSchema,
    // Without defaults: a setting left out of an update keeps its stored value.
    settings: z.strictObject({ minAggregateGroupSize, photoHosts }).partial(),
  })
  .partial();
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;
