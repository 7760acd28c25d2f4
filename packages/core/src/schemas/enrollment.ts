import { AVAILABILITY_SLOTS } from '../availability.js';
import { idOf } from '../ids.js';
import { topicKeySchema } from '../topics.js';
import { ENROLLMENT_STATUSES, MAX_MENTOR_CAPACITY, PAIR_ROLES } from '../vocabulary.js';
import { z } from '../zod.js';
import { pageQuerySchema, storedFields } from './common.js';
import { languageTagSchema } from './person.js';

export const pairRoleSchema = z
  .enum(PAIR_ROLES)
  .describe('mentor = the junior who teaches; mentee = the senior who learns');
export type PairRole = z.infer<typeof pairRoleSchema>;

export const enrollmentStatusSchema = z.enum(ENROLLMENT_STATUSES);
export type EnrollmentStatus = z.infer<typeof enrollmentStatusSchema>;

export const availabilitySlotSchema = z
  .enum(AVAILABILITY_SLOTS)
  .describe('A half day of the working week (mon-am … fri-pm), in the person’s own time zone');

const enrollmentFields = {
  personId: idOf('person'),
  role: pairRoleSchema,
  topics: z
    .array(topicKeySchema)
    .min(1)
    .max(20)
    .describe(
      'For a mentor (junior): topics they can teach. For a mentee (senior): topics they want to learn',
    ),
  capacity: z
    .int()
    .min(1)
    .max(MAX_MENTOR_CAPACITY)
    .describe('How many pairs this person can take at once; always 1 for a mentee'),
  motivation: z.string().max(2000).describe('Why they signed up, in their own words'),
  languages: z
    .array(languageTagSchema)
    .max(10)
    .describe('Languages they can hold a session in, as BCP 47 tags; a shared one raises the match score'),
  availability: z
    .array(availabilitySlotSchema)
    .max(AVAILABILITY_SLOTS.length)
    .refine((slots) => new Set(slots).size === slots.length, 'Name each slot once')
    .describe('When they can usually meet; shared slots raise the match score'),
  status: enrollmentStatusSchema,
};

function checkCapacity(
  enrollment: { role?: PairRole | undefined; capacity?: number | undefined },
  ctx: z.core.$RefinementCtx<{ role?: PairRole | undefined; capacity?: number | undefined }>,
) {
  if (enrollment.role === 'mentee' && enrollment.capacity !== undefined && enrollment.capacity !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['capacity'],
      message: 'A mentee takes part in one pair at a time',
    });
  }
}

/** A person taking part in one program, on one side. */
export const enrollmentSchema = z
  .strictObject({
    id: idOf('enrollment'),
    orgId: idOf('organization'),
    programId: idOf('program'),
    ...enrollmentFields,
    ...storedFields,
  })
  .superRefine(checkCapacity)
  .describe('A person enrolled in a program as mentor (junior) or mentee (senior)');
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const enrollmentCreateSchema = z
  .strictObject({
    ...enrollmentFields,
    capacity: enrollmentFields.capacity.default(1),
    motivation: enrollmentFields.motivation.default(''),
    languages: enrollmentFields.languages
      .optional()
      .describe("Languages they can hold a session in; when left out, the person's own languages"),
    availability: enrollmentFields.availability.default([]),
    status: enrollmentStatusSchema.default('applied'),
  })
  .superRefine(checkCapacity);
export type EnrollmentCreate = z.input<typeof enrollmentCreateSchema>;

export const enrollmentUpdateSchema = z
  .strictObject({
    topics: enrollmentFields.topics,
    capacity: enrollmentFields.capacity,
    motivation: enrollmentFields.motivation,
    languages: enrollmentFields.languages,
    availability: enrollmentFields.availability,
    status: enrollmentStatusSchema,
  })
  .partial();
export type EnrollmentUpdate = z.infer<typeof enrollmentUpdateSchema>;

/** The filters of a program's enrolment list. */
export const enrollmentListQuerySchema = pageQuerySchema.extend({
  role: pairRoleSchema.optional(),
  status: enrollmentStatusSchema.optional(),
});
export type EnrollmentListQuery = z.input<typeof enrollmentListQuerySchema>;
