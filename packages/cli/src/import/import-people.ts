import { type Person, personCreateSchema } from '@rm-kit/core';
import type { RmClient } from '@rm-kit/sdk';
import { collect } from '../collect.js';
import { mapColumns } from '../csv/columns.js';
import { readCsv } from '../csv/read-csv.js';
import { progress } from '../progress.js';
import type { ImportOptions, ImportResult } from './import-report.js';
import { PEOPLE_COLUMNS, PEOPLE_REQUIRED, type PeopleField, personInput } from './people-columns.js';
import { type PersonAction, type PersonRow, planPeople, UPDATABLE } from './plan-people.js';
import { type RowIssue, schemaIssues } from './row-issues.js';
import { RowRefused, type RowWrite, rowKey, sent, writeRows } from './write-rows.js';

/**
 * `rm-kit import people`: every row checked (core's schema, then against the file and the
 * server) before anything is written; then each row created, updated or skipped in turn.
 */
export async function importPeople(
  client: RmClient,
  options: ImportOptions,
  warn: (message: string) => void,
): Promise<ImportResult> {
  const mapped = mapColumns(readCsv(options.bytes, options), PEOPLE_COLUMNS, PEOPLE_REQUIRED);
  if (mapped.ignored.length > 0) warn(`Columns not read: ${mapped.ignored.join(', ')}`);
  const { headerOf } = mapped;
  const columnOf = (field: string): string => {
    if (field === 'displayName') return headerOf.displayName ?? headerOf.givenName ?? field;
    if (field === 'managerId') return headerOf.managerEmail ?? 'managerEmail';
    return headerOf[field as PeopleField] ?? field;
  };
  const [me, existing] = await Promise.all([client.me.get(), collect(client.people.list())]);

  const issues: RowIssue[] = [];
  const rows: PersonRow[] = [];
  for (const row of mapped.rows) {
    const { input, managerEmail } = personInput(row, me.organization.defaultLocale);
    const parsed = personCreateSchema.safeParse(input);
    if (parsed.success) rows.push({ line: row.line, body: parsed.data, managerEmail });
    else issues.push(...schemaIssues(row.line, parsed.error, columnOf));
  }
  const columns = new Set(
    UPDATABLE.filter(
      (field) =>
        headerOf[field] !== undefined || (field === 'displayName' && headerOf.givenName !== undefined),
    ),
  );
  const plan = planPeople(rows, existing, { update: options.update, columns, columnOf });
  issues.push(...plan.issues);
  issues.sort((a, b) => a.line - b.line);
  const result = { file: options.file, rows: mapped.rows.length, refused: issues, written: [] };
  if (issues.length > 0 && !options.partial) return { ...result, checkedOnly: true, stoppedAt: null };

  const idByEmail = new Map(existing.map((person) => [person.email.toLowerCase(), person.id]));
  const managerOf = (row: PersonRow): string | null => {
    if (!row.managerEmail) return null;
    const id = idByEmail.get(row.managerEmail);
    if (!id) throw new RowRefused(columnOf('managerId'), "The manager's row was not written");
    return id;
  };
  const writeOf = (action: PersonAction): RowWrite['write'] => {
    const { row } = action;
    const remember = (person: Pick<Person, 'id'>) => idByEmail.set(row.body.email.toLowerCase(), person.id);
    if (action.kind === 'skip') {
      return async () => {
        remember(action.person);
        return { id: action.person.id, outcome: 'skipped' };
      };
    }
    if (action.kind === 'create') {
      return async () => {
        const body = { ...row.body, managerId: managerOf(row) };
        const person = sent(
          await client.people.create(body, {
            idempotencyKey: rowKey(options.bytes, 'people.create', row.line),
          }),
        );
        remember(person);
        return { id: person.id, outcome: 'created' };
      };
    }
    return async () => {
      const { person } = action;
      remember(person);
      const changes = { ...action.changes };
      if (headerOf.managerEmail !== undefined) {
        const managerId = managerOf(row);
        if (managerId !== person.managerId) changes.managerId = managerId;
      }
      if (Object.keys(changes).length === 0) return { id: person.id, outcome: 'unchanged' };
      const scope = `people.update ${person.id} ${person.version}`;
      sent(
        await client.people.update(person, changes, {
          idempotencyKey: rowKey(options.bytes, scope, row.line),
        }),
      );
      return { id: person.id, outcome: 'updated' };
    };
  };
  const written = await writeRows(
    plan.actions.map((action) => ({ line: action.row.line, write: writeOf(action) })),
    { partial: options.partial, progress: progress('Importing people', plan.actions.length), columnOf },
  );
  return {
    ...result,
    written: written.written,
    refused: [...issues, ...written.refused].sort((a, b) => a.line - b.line),
    checkedOnly: false,
    stoppedAt: written.stoppedAt,
  };
}
