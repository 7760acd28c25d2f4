import { idOf } from '../ids.js';
import { DEFAULT_MATCH_WEIGHTS, type MatchWeights } from '../matching/types.js';
import { topicKeySchema, topicSchema } from '../topics.js';
import {
  DEFAULT_CADENCE_DAYS,
  DEFAULT_SESSION_MINUTES,
  DEFAULT_TOPICS,
  type Locale,
  PROGRAM_STATUSES,
} from '../vocabulary.js';
import { z } from '../zod.js';
import { calendarDateSchema, pageQuerySchema, storedFields } from './common.js';

export const programStatusSchema = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof programStatusSchema>;

const DEFAULT_TOPIC_KEYS: string[] = DEFAULT_TOPICS.map((t) => t.key);

const CHARTER_MAX = 10000;
const charterText = z.string().max(CHARTER_MAX);

/** The charter in every locale; a reader gets their own, else the first one written (`textIn`). */
export const charterSchema = z
  .strictObject({ en: charterText, it: charterText })
  .describe(
    'The pair charter both sides accept (confidentiality, cadence, mutual respect), per language; an empty string is a language it is not written in, and a reader then gets the first language it is written in (en, then it)',
  );
export type Charter = z.infer<typeof charterSchema>;

/**
 * The charter as a create or update body may give it: some of its languages (an update
 * changes only those), or, as before it was per language, one plain text, which the
 * server files under the organisation's default locale.
 */
export const charterInputSchema = z
  .union([charterText, charterSchema.partial()])
  .describe(
    "The charter per language (an update changes only the languages given), or one plain text, kept as the organisation's default language",
  );
export type CharterInput = z.infer<typeof charterInputSchema>;

/** A charter as stored, from what a body gave and what was there before. */
export function charterFrom(input: CharterInput, defaultLocale: Locale, current?: Charter): Charter {
  const base = current ?? { en: '', it: '' };
  return typeof input === 'string' ? { ...base, [defaultLocale]: input } : { ...base, ...input };
}

const weight = z.int().min(0).max(10);

/** How much each part of the match score counts, 0 (ignored) to 10. */
export const matchWeightsSchema = z
  .strictObject({
    topics: weight.describe('Topics the mentor offers that the mentee wants'),
    crossDepartment: weight.describe('A mentor and a mentee from different departments'),
    language: weight.describe('A language both speak'),
    availability: weight.describe('Half days when both can meet'),
  })
  .describe('How much each part of the match score counts, 0 (ignored) to 10');

const someWeight = (weights: MatchWeights) => Object.values(weights).some((w) => w > 0);

/** How a program's pairs are proposed. */
export const programMatchingSchema = z
  .strictObject({
    weights: matchWeightsSchema.refine(someWeight, 'At least one criterion must count'),
    separateDepartments: z
      .boolean()
      .describe('Never pair a mentor and a mentee of one department (people with no department aside)'),
  })
  .describe(
    "How the program's pairs are proposed: the score's weights and the hard rules beyond reporting lines",
  );
export type ProgramMatching = z.infer<typeof programMatchingSchema>;

/** A new program's matching settings: core's default weights, departments not kept apart. */
export function defaultProgramMatching(): ProgramMatching {
  return { weights: { ...DEFAULT_MATCH_WEIGHTS }, separateDepartments: false };
}

/** A change to the matching settings: the weights given replace those, the rest stay. */
export const programMatchingUpdateSchema = z
  .strictObject({
    weights: matchWeightsSchema.partial(),
    separateDepartments: programMatchingSchema.shape.separateDepartments,
  })
  .partial();
export type ProgramMatchingUpdate = z.infer<typeof programMatchingUpdateSchema>;

/** The matching settings after an update, from what the body gave and what was there. */
export function matchingFrom(change: ProgramMatchingUpdate, current: ProgramMatching): ProgramMatching {
  return {
    weights: { ...current.weights, ...change.weights },
    separateDepartments: change.separateDepartments ?? current.separateDepartments,
  };
}

const programFields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().max(4000),
  topics: z
    .array(topicKeySchema)
    .min(1)
    .max(40)
    .describe('Keys of the topics this program offers: default keys or keys of customTopics'),
  customTopics: z
    .array(topicSchema)
    .max(40)
    .describe("The program's own topics, beyond the default catalogue, with en and it labels"),
  startsOn: calendarDateSchema,
  endsOn: calendarDateSchema,
  cadenceDays: z.int().min(1).max(90).describe('How often a pair is expected to meet, in days'),
  sessionMinutes: z.int().min(5).max(480).describe('Default length of a session'),
  status: programStatusSchema,
  charter: charterSchema,
  matching: programMatchingSchema,
};

type ProgramShape = {
  topics?: string[] | undefined;
  customTopics?: { key: string }[] | undefined;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
};

/** Cross-field rules that hold for a whole program and for any create body. */
function checkProgram(program: ProgramShape, ctx: z.core.$RefinementCtx<ProgramShape>) {
  if (program.startsOn && program.endsOn && program.endsOn < program.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'A program cannot end before it starts' });
  }
  const custom = program.customTopics ?? [];
  custom.forEach((topic, i) => {
    if (DEFAULT_TOPIC_KEYS.includes(topic.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['customTopics', i, 'key'],
        message: `"${topic.key}" is a default topic already`,
      });
    }
  });
  if (program.topics) {
    const known = new Set([...DEFAULT_TOPIC_KEYS, ...custom.map((t) => t.key)]);
    program.topics.forEach((key, i) => {
      if (!known.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i],
          message: `Unknown topic "${key}": add it to customTopics with its labels`,
        });
      }
    });
  }
}

/** A cohort of pairs with shared dates, topics, cadence and charter. */
export const programSchema = z
  .strictObject({
    id: idOf('program'),
    orgId: idOf('organization'),
    ...programFields,
    ...storedFields,
  })
  .superRefine(checkProgram)
  .describe('A reverse-mentoring program (one cohort)');
export type Program = z.infer<typeof programSchema>;

export const programCreateSchema = z
  .strictObject({
    ...programFields,
    description: programFields.description.default(''),
    topics: programFields.topics.default(DEFAULT_TOPIC_KEYS),
    customTopics: programFields.customTopics.default([]),
    cadenceDays: programFields.cadenceDays.default(DEFAULT_CADENCE_DAYS),
    sessionMinutes: programFields.sessionMinutes.default(DEFAULT_SESSION_MINUTES),
    status: programStatusSchema.default('draft'),
    charter: charterInputSchema.default(''),
    matching: programMatchingSchema.default(defaultProgramMatching),
  })
  .superRefine(checkProgram);
export type ProgramCreate = z.input<typeof programCreateSchema>;

/**
 * Partial update. Rules spanning fields are checked again by the server on the merged
 * program, because a body alone may hold only one side of them.
 */
export const programUpdateSchema = z
  .strictObject({ ...programFields, charter: charterInputSchema, matching: programMatchingUpdateSchema })
  .partial();
export type ProgramUpdate = z.infer<typeof programUpdateSchema>;

/** Which status may follow which: forward one step, or straight to closed. */
export function canMoveProgram(from: ProgramStatus, to: ProgramStatus): boolean {
  if (from === to) return true;
  if (to === 'closed') return true;
  return PROGRAM_STATUSES.indexOf(to) === PROGRAM_STATUSES.indexOf(from) + 1;
}

/** The filters of the program list. */
export const programListQuerySchema = pageQuerySchema.extend({ status: programStatusSchema.optional() });
export type ProgramListQuery = z.input<typeof programListQuerySchema>;
