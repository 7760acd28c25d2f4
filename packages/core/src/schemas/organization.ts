import * as z from 'zod';
import { idOf } from '../ids.js';
import { localeSchema } from '../topics.js';
import { DEFAULT_MIN_AGGREGATE_GROUP } from '../vocabulary.js';
import { storedFields } from './common.js';

const minAggregateGroupSize = z
  .int()
  .min(2)
  .max(50)
  .describe('Feedback is shown to admins only as aggregates over at least this many answers');

export const organizationSettingsSchema = z.strictObject({
  minAggregateGroupSize: minAggregateGroupSize.default(DEFAULT_MIN_AGGREGATE_GROUP),
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
    settings: z.strictObject({ minAggregateGroupSize }).partial(),
  })
  .partial();
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;
