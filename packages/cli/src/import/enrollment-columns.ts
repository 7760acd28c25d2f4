import { DEFAULT_TOPICS, type EnrollmentCreate, type Program } from '@rm-kit/core';
import { type ColumnNames, type FieldRow, listCell, normalized, numberCell } from '../csv/columns.js';

/** The columns `import enrollments` reads; the first name of each is the one the help and errors show. */
export const ENROLLMENT_COLUMNS = {
  email: ['email', 'e-mail', 'mail', 'email address', 'indirizzo email', 'posta elettronica'],
  externalId: ['externalId', 'external id', 'object id', 'entra id', 'id esterno'],
  role: ['role', 'ruolo'],
  topics: ['topics', 'temi', 'argomenti'],
  capacity: ['capacity', 'capacità', 'numero di coppie'],
  motivation: ['motivation', 'motivazione'],
  languages: ['languages', 'session languages', 'lingue'],
  availability: ['availability', 'disponibilità'],
  status: ['status', 'stato'],
} as const satisfies ColumnNames<string>;

export type EnrollmentField = keyof typeof ENROLLMENT_COLUMNS;

export const ENROLLMENT_REQUIRED: readonly (readonly EnrollmentField[])[] = [
  ['email', 'externalId'],
  ['role'],
  ['topics'],
];

/**
 * A topic as HR writes it: its key, or its label in English or Italian ("Strumenti di IA"),
 * among the default topics and the program's own.
 */
export function topicKeys(program: Pick<Program, 'customTopics'>): (written: string) => string {
  const byLabel = new Map<string, string>();
  for (const topic of [...DEFAULT_TOPICS, ...program.customTopics]) {
    byLabel.set(normalized(topic.key), topic.key);
    byLabel.set(normalized(topic.labels.en), topic.key);
    byLabel.set(normalized(topic.labels.it), topic.key);
  }
  return (written) => byLabel.get(normalized(written)) ?? written;
}

/** The fields of one row as `enrollmentCreateSchema` takes them (it checks them). */
export function enrollmentInput(
  row: FieldRow<EnrollmentField>,
  personId: string,
  topicKey: (written: string) => string,
): Record<keyof EnrollmentCreate, unknown> {
  const f = row.fields;
  return {
    personId,
    role: f.role?.toLowerCase(),
    topics: listCell(f.topics)?.map(topicKey),
    capacity: numberCell(f.capacity),
    motivation: f.motivation,
    languages: listCell(f.languages),
    availability: listCell(f.availability)?.map((slot) => slot.toLowerCase()),
    status: f.status?.toLowerCase(),
  };
}
