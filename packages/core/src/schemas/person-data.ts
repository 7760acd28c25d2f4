import { idOf } from '../ids.js';
import { z } from '../zod.js';
import { calendarFeedSchema } from './calendar-feed.js';
import { instantSchema } from './common.js';
import { enrollmentSchema } from './enrollment.js';
import { feedbackSchema } from './feedback.js';
import { goalSchema } from './goal.js';
import { pairSchema } from './pair.js';
import { personSchema } from './person.js';
import { privateNoteSchema } from './private-note.js';
import { sessionSchema } from './session.js';
import { storySchema } from './story.js';

/**
 * Each kind of data kept about a person, one key each. The private sections (what only
 * the person may read: the logs and goals of their pairs, their notes and answers) are
 * absent from an admin's export, as they are from every other view an admin has.
 */
export const personDataSectionsSchema = z.strictObject({
  enrollments: z.array(enrollmentSchema).describe('Their enrolments, motivation included'),
  pairs: z.array(pairSchema).describe('The pairs they are or were in, as they see them'),
  sessions: z.array(sessionSchema).optional().describe("Their pairs' sessions (the person's export only)"),
  goals: z.array(goalSchema).optional().describe("Their pairs' goals (the person's export only)"),
  privateNotes: z.array(privateNoteSchema).optional().describe("Their own notes (the person's export only)"),
  feedback: z
    .array(feedbackSchema)
    .optional()
    .describe("Their own answers, never the other person's (the person's export only)"),
  stories: z
    .array(storySchema)
    .optional()
    .describe("Their pairs' success stories, in every state (the person's export only)"),
  calendarFeeds: z
    .array(calendarFeedSchema)
    .optional()
    .describe("Their links to calendar feeds, without the secret (the person's export only)"),
});
export type PersonDataSections = z.infer<typeof personDataSectionsSchema>;
export type PersonDataSection = keyof PersonDataSections;

/** Everything rm-kit stores about one person, as one JSON document (GDPR articles 15 and 20). */
export const personDataSchema = z
  .strictObject({
    format: z.literal('rm-kit.person-data/1').describe('What this document is, and its version'),
    scope: z
      .enum(['self', 'admin'])
      .describe("self: the person's own export, complete; admin: what an admin may read about them"),
    person: personSchema,
    organization: z.strictObject({ id: idOf('organization'), name: z.string() }),
    sections: personDataSectionsSchema,
  })
  .describe('The data kept about one person');
export type PersonData = z.infer<typeof personDataSchema>;

/** An erasure must be asked for in words: a stray POST with an empty body erases nobody. */
export const personErasureRequestSchema = z.strictObject({
  confirm: z.literal('erase').describe('Must be "erase": erasure cannot be undone'),
});
export type PersonErasureRequest = z.infer<typeof personErasureRequestSchema>;

/** What an erasure did; asked again, the same record with nothing more removed. */
export const personErasureSchema = z
  .strictObject({
    personId: idOf('person'),
    erasedAt: instantSchema,
    erasedBy: z
      .string()
      .describe('The id of the admin (a person id) or service token (a token id) who erased them'),
    removed: z
      .strictObject({
        privateNotes: z.int().min(0),
        feedbackTexts: z.int().min(0).describe('Answers whose free text was cleared; their ratings stay'),
        enrollmentMotivations: z.int().min(0),
      })
      .describe('What this request removed: all zero when the person was already erased'),
  })
  .describe('The record of an erasure, without the identity it removed');
export type PersonErasure = z.infer<typeof personErasureSchema>;
