import type {
  AvailabilitySlot,
  Enrollment,
  EnrollmentCreate,
  EnrollmentUpdate,
  PairRole,
  Person,
} from '@rm-kit/core';
import { MAX_MENTOR_CAPACITY } from '@rm-kit/core/vocabulary';
import type { EnrollmentFormKey } from './enrollment-form.strings.js';

/** The contract's limits the form checks before sending, so most mistakes are said at once. */
export const LIMITS = { topics: 20, languages: 10, motivation: 2000, capacity: MAX_MENTOR_CAPACITY } as const;

/** What the form holds while someone fills it in. */
export interface Draft {
  role: PairRole | null;
  topics: string[];
  capacity: number;
  languages: string[];
  availability: AvailabilitySlot[];
  motivation: string;
}

export type Field = keyof Draft;
export const FIELDS: Field[] = ['role', 'topics', 'capacity', 'languages', 'availability', 'motivation'];
export type FieldErrors = Partial<Record<Field, EnrollmentFormKey>>;

/** A new application: the person's own languages ticked, the rest empty. */
export function emptyDraft(person: Person): Draft {
  return {
    role: null,
    topics: [],
    capacity: 1,
    languages: [...person.languages],
    availability: [],
    motivation: '',
  };
}

/** An application sent before, to change. */
export function draftOf(enrollment: Enrollment): Draft {
  return {
    role: enrollment.role,
    topics: [...enrollment.topics],
    capacity: enrollment.capacity,
    languages: [...enrollment.languages],
    availability: [...enrollment.availability],
    motivation: enrollment.motivation,
  };
}

/** What is wrong with a draft, field by field, before it goes anywhere. */
export function draftErrors(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.role) errors.role = 'error.role';
  if (draft.topics.length === 0) errors.topics = 'error.topics';
  else if (draft.topics.length > LIMITS.topics) errors.topics = 'error.tooManyTopics';
  if (
    draft.role === 'mentor' &&
    !(Number.isInteger(draft.capacity) && draft.capacity >= 1 && draft.capacity <= LIMITS.capacity)
  ) {
    errors.capacity = 'error.capacity';
  }
  if (draft.languages.length > LIMITS.languages) errors.languages = 'error.languages';
  if (draft.motivation.length > LIMITS.motivation) errors.motivation = 'error.motivation';
  return errors;
}

/** The body of `POST /v1/programs/{programId}/enrollments` for a checked draft. */
export function createBody(draft: Draft, personId: string): EnrollmentCreate {
  const role = draft.role ?? 'mentee';
  return {
    personId,
    role,
    topics: draft.topics,
    capacity: role === 'mentor' ? draft.capacity : 1,
    languages: draft.languages,
    availability: draft.availability,
    motivation: draft.motivation.trim(),
  };
}

/** The change of `PATCH /v1/enrollments/{id}`: what the form lets a person change. */
export function changesOf(draft: Draft): EnrollmentUpdate {
  return {
    topics: draft.topics,
    ...(draft.role === 'mentor' ? { capacity: draft.capacity } : {}),
    languages: draft.languages,
    availability: draft.availability,
    motivation: draft.motivation.trim(),
  };
}

/** What a field's issue says, in the form's words: the server's own are English only. */
const FIELD_ERROR: Record<Field, EnrollmentFormKey> = {
  role: 'error.role',
  topics: 'error.topics',
  capacity: 'error.capacity',
  languages: 'error.languages',
  availability: 'error.other',
  motivation: 'error.motivation',
};

/** The server's issues, beside the fields they name. */
export function serverErrors(issues: { path: (string | number)[] }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = FIELDS.find((f) => f === issue.path[0]);
    if (field) errors[field] ??= FIELD_ERROR[field];
  }
  return errors;
}
