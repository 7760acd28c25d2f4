import type { Person, PersonUpdate, personCreateSchema } from '@rm-kit/core';
import { duplicates, type RowIssue } from './row-issues.js';

/** A row the schema accepted: what to create, and whose report the person is. */
export interface PersonRow {
  line: number;
  body: ReturnType<typeof personCreateSchema.parse>;
  managerEmail: string | undefined;
}

export type PersonAction =
  | { kind: 'create'; row: PersonRow }
  | { kind: 'update'; row: PersonRow; person: Person; changes: PersonUpdate }
  | { kind: 'skip'; row: PersonRow; person: Person };

/** The fields `--update` changes, each only when the file has its column. */
export const UPDATABLE = [
  'displayName',
  'title',
  'department',
  'careerStage',
  'locale',
  'languages',
  'timeZone',
  'photoUrl',
] as const satisfies readonly (keyof PersonUpdate)[];

type Updatable = (typeof UPDATABLE)[number];

function changesOf(person: Person, body: PersonRow['body'], columns: ReadonlySet<Updatable>): PersonUpdate {
  const changes: Record<string, unknown> = {};
  for (const field of UPDATABLE) {
    if (columns.has(field) && JSON.stringify(person[field]) !== JSON.stringify(body[field])) {
      changes[field] = body[field];
    }
  }
  return changes as PersonUpdate;
}

/**
 * Says what happens to each good row, and refuses what the schema cannot see: the same
 * person twice in the file, a row whose email and externalId are two different people,
 * an unknown manager or a loop of managers, and (with `update`) a sign-in identity that
 * differs from the stored one, which only an admin may change, in the app. People already
 * there are skipped, or updated with `update`. Rows come out with each manager first.
 */
export function planPeople(
  rows: readonly PersonRow[],
  existing: readonly Person[],
  options: { update: boolean; columns: ReadonlySet<Updatable>; columnOf: (field: string) => string },
): { actions: PersonAction[]; issues: RowIssue[] } {
  const issues = duplicates(
    rows,
    (row) => row.line,
    (row) => [
      [options.columnOf('email'), row.body.email.toLowerCase()],
      [options.columnOf('externalId'), row.body.externalId],
    ],
  );
  const byEmail = new Map(existing.map((person) => [person.email.toLowerCase(), person]));
  const byExternalId = new Map(
    existing.flatMap((person) => (person.externalId ? [[person.externalId, person] as const] : [])),
  );
  const inFile = new Map(rows.map((row) => [row.body.email.toLowerCase(), row]));
  const refused = new Set(issues.map((issue) => issue.line));
  const refuse = (row: PersonRow, field: string | null, message: string) => {
    issues.push({ line: row.line, field, message });
    refused.add(row.line);
  };

  const actionOf = new Map<number, PersonAction>();
  for (const row of rows) {
    const email = row.body.email.toLowerCase();
    const sameEmail = byEmail.get(email);
    const sameId = row.body.externalId ? byExternalId.get(row.body.externalId) : undefined;
    if (sameEmail && sameId && sameEmail.id !== sameId.id) {
      refuse(
        row,
        options.columnOf('externalId'),
        `This externalId is ${sameId.email}'s, and the email is someone else's`,
      );
      continue;
    }
    if (row.managerEmail === email) {
      refuse(row, options.columnOf('managerEmail'), 'A person cannot be their own manager');
      continue;
    }
    if (row.managerEmail && !byEmail.has(row.managerEmail) && !inFile.has(row.managerEmail)) {
      refuse(row, options.columnOf('managerEmail'), 'No one has this email, in the file or on the server');
      continue;
    }
    const person = sameEmail ?? sameId;
    if (!person) {
      actionOf.set(row.line, { kind: 'create', row });
      continue;
    }
    if (!options.update) {
      actionOf.set(row.line, { kind: 'skip', row, person });
      continue;
    }
    const identityDiffers =
      person.email.toLowerCase() !== email ||
      (row.body.externalId !== null && person.externalId !== row.body.externalId);
    if (identityDiffers) {
      refuse(
        row,
        options.columnOf(person.email.toLowerCase() !== email ? 'email' : 'externalId'),
        `Stored as ${person.email}${person.externalId ? ` (${person.externalId})` : ''}: only an admin, in the app, can change a sign-in identity`,
      );
      continue;
    }
    actionOf.set(row.line, {
      kind: 'update',
      row,
      person,
      changes: changesOf(person, row.body, options.columns),
    });
  }

  // Managers in the file are written before the people who report to them.
  const actions: PersonAction[] = [];
  const placed = new Set<number>();
  const visiting = new Set<number>();
  const place = (row: PersonRow): boolean => {
    if (placed.has(row.line)) return true;
    if (visiting.has(row.line)) return false;
    visiting.add(row.line);
    const manager = row.managerEmail ? inFile.get(row.managerEmail) : undefined;
    const managerPlaced = !manager || refused.has(manager.line) || place(manager);
    visiting.delete(row.line);
    if (!managerPlaced) {
      refuse(row, options.columnOf('managerEmail'), 'The managers of these rows form a loop');
      return false;
    }
    const action = actionOf.get(row.line);
    if (action && !refused.has(row.line)) actions.push(action);
    placed.add(row.line);
    return true;
  };
  for (const row of rows) if (!refused.has(row.line)) place(row);
  return { actions, issues: issues.sort((a, b) => a.line - b.line) };
}
