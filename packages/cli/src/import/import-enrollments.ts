import { type Enrollment, type EnrollmentUpdate, enrollmentCreateSchema } from '@rm-kit/core';
import type { RmClient } from '@rm-kit/sdk';
import { collect } from '../collect.js';
import { mapColumns } from '../csv/columns.js';
import { readCsv } from '../csv/read-csv.js';
import { progress } from '../progress.js';
import {
  ENROLLMENT_COLUMNS,
  ENROLLMENT_REQUIRED,
  type EnrollmentField,
  enrollmentInput,
  topicKeys,
} from './enrollment-columns.js';
import type { ImportOptions, ImportResult } from './import-report.js';
import { duplicates, type RowIssue, schemaIssues } from './row-issues.js';
import { type RowWrite, rowKey, sent, writeRows } from './write-rows.js';

/** The fields `--update` changes, each only when the file has its column. */
const UPDATABLE = [
  'topics',
  'capacity',
  'motivation',
  'languages',
  'availability',
  'status',
] as const satisfies readonly (keyof EnrollmentUpdate)[];

interface EnrollmentRow {
  line: number;
  body: ReturnType<typeof enrollmentCreateSchema.parse>;
}

/**
 * `rm-kit import enrollments --program`: each row names a person already there (by email or
 * externalId) and their side; every row checked (core's schema, the program's topics, the
 * same person twice) before anything is written. Someone already enrolled is skipped, or
 * updated with `update`.
 */
export async function importEnrollments(
  client: RmClient,
  programId: string,
  options: ImportOptions,
  warn: (message: string) => void,
): Promise<ImportResult> {
  const mapped = mapColumns(readCsv(options.bytes, options), ENROLLMENT_COLUMNS, ENROLLMENT_REQUIRED);
  if (mapped.ignored.length > 0) warn(`Columns not read: ${mapped.ignored.join(', ')}`);
  const { headerOf } = mapped;
  const columnOf = (field: string): string => {
    if (field === 'personId') return headerOf.email ?? headerOf.externalId ?? field;
    return headerOf[field as EnrollmentField] ?? field;
  };
  const program = await client.programs.get(programId);
  const [people, enrolled] = await Promise.all([
    collect(client.people.list()),
    collect(client.enrollments.list(program.id)),
  ]);
  const byEmail = new Map(people.map((person) => [person.email.toLowerCase(), person.id]));
  const byExternalId = new Map(
    people.flatMap((person) => (person.externalId ? [[person.externalId, person.id] as const] : [])),
  );
  const enrolledAs = new Map(enrolled.map((enrollment) => [enrollment.personId, enrollment]));
  const topicKey = topicKeys(program);
  const offered = new Set(program.topics);

  const issues: RowIssue[] = [];
  const rows: EnrollmentRow[] = [];
  for (const row of mapped.rows) {
    const { email, externalId } = row.fields;
    const personId = email
      ? byEmail.get(email.toLowerCase())
      : externalId
        ? byExternalId.get(externalId)
        : undefined;
    if (!personId) {
      const field = email ? columnOf('email') : columnOf('externalId');
      const message =
        email || externalId ? 'No one has this on the server: import people first' : 'Say who enrols';
      issues.push({ line: row.line, field, message });
      continue;
    }
    const parsed = enrollmentCreateSchema.safeParse(enrollmentInput(row, personId, topicKey));
    if (!parsed.success) {
      issues.push(...schemaIssues(row.line, parsed.error, columnOf));
      continue;
    }
    const notOffered = parsed.data.topics.flatMap((topic, index) =>
      offered.has(topic)
        ? []
        : [
            {
              line: row.line,
              field: `${columnOf('topics')} (item ${index + 1})`,
              message: `"${topic}" is not one of the program's topics (${program.topics.join(', ')})`,
            },
          ],
    );
    const side = enrolledAs.get(personId)?.role;
    if (side && side !== parsed.data.role) {
      issues.push({
        line: row.line,
        field: columnOf('role'),
        message: `Already enrolled as ${side}: a side does not change (withdraw that enrolment in the app first)`,
      });
    } else if (notOffered.length > 0) issues.push(...notOffered);
    else rows.push({ line: row.line, body: parsed.data });
  }
  issues.push(
    ...duplicates(
      rows,
      (row) => row.line,
      (row) => [[columnOf('personId'), row.body.personId]],
    ),
  );
  const twice = new Set(issues.map((issue) => issue.line));
  issues.sort((a, b) => a.line - b.line);
  const result = { file: options.file, rows: mapped.rows.length, refused: issues, written: [] };
  if (issues.length > 0 && !options.partial) return { ...result, checkedOnly: true, stoppedAt: null };

  const columns = UPDATABLE.filter((field) => headerOf[field] !== undefined);
  const writeOf = (row: EnrollmentRow): RowWrite['write'] => {
    const existing: Enrollment | undefined = enrolledAs.get(row.body.personId);
    if (!existing) {
      return async () => {
        const key = rowKey(options.bytes, `enrollments.create ${program.id}`, row.line);
        const enrollment = sent(
          await client.enrollments.create(program.id, row.body, { idempotencyKey: key }),
        );
        return { id: enrollment.id, outcome: 'created' };
      };
    }
    return async () => {
      if (!options.update) return { id: existing.id, outcome: 'skipped' };
      const changes: Record<string, unknown> = {};
      for (const field of columns) {
        if (JSON.stringify(existing[field]) !== JSON.stringify(row.body[field]))
          changes[field] = row.body[field];
      }
      if (Object.keys(changes).length === 0) return { id: existing.id, outcome: 'unchanged' };
      const key = rowKey(options.bytes, `enrollments.update ${existing.id} ${existing.version}`, row.line);
      sent(await client.enrollments.update(existing, changes as EnrollmentUpdate, { idempotencyKey: key }));
      return { id: existing.id, outcome: 'updated' };
    };
  };
  const good = rows.filter((row) => !twice.has(row.line));
  const written = await writeRows(
    good.map((row) => ({ line: row.line, write: writeOf(row) })),
    { partial: options.partial, progress: progress('Importing enrolments', good.length), columnOf },
  );
  return {
    ...result,
    written: written.written,
    refused: [...issues, ...written.refused].sort((a, b) => a.line - b.line),
    checkedOnly: false,
    stoppedAt: written.stoppedAt,
  };
}
