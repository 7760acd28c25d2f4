import type { Delimiter } from '../csv/read-csv.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import type { RowIssue } from './row-issues.js';
import type { WrittenRow } from './write-rows.js';

/** A file to import and how: its bytes (the idempotency keys come from them) and the options. */
export interface ImportOptions {
  file: string;
  bytes: Uint8Array;
  delimiter?: Delimiter | undefined;
  partial: boolean;
  update: boolean;
}

/** What an import did with a file: what it wrote, what it refused, and whether it stopped. */
export interface ImportResult {
  file: string;
  rows: number;
  written: WrittenRow[];
  refused: RowIssue[];
  /** Bad rows found before writing, without `--partial`: nothing was sent. */
  checkedOnly: boolean;
  /** The line whose refusal by the server stopped the write, without `--partial`. */
  stoppedAt: number | null;
}

export function importExitCode(result: ImportResult): ExitCode {
  if (result.refused.length === 0) return EXIT.ok;
  // Rows already there count as done: a file half imported before is "incomplete" too.
  return result.written.length > 0 ? EXIT.incomplete : EXIT.refused;
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The result as text for a person (each refused row with its line and column), or as JSON for a script. */
export function formatImport(result: ImportResult, json: boolean): string {
  if (json) return JSON.stringify(result, null, 2);
  const lines = result.refused.map(
    (issue) => `line ${issue.line}${issue.field ? `, ${issue.field}` : ''}: ${issue.message}`,
  );
  const count = (outcome: WrittenRow['outcome']) =>
    result.written.filter((row) => row.outcome === outcome).length;
  const done = [
    `${count('created')} created`,
    `${count('updated')} updated`,
    `${count('skipped') + count('unchanged')} already there`,
  ].join(', ');
  const badRows = new Set(result.refused.map((issue) => issue.line)).size;
  if (result.checkedOnly) {
    lines.push(
      `Refused: ${plural(badRows, 'row', 'rows')} of ${result.rows} in ${result.file} to fix; nothing was written.`,
      `Fix the file and run the same command again, or add --partial to write the ${result.rows - badRows} good rows.`,
    );
  } else if (result.stoppedAt !== null) {
    lines.push(
      `Stopped at line ${result.stoppedAt}, which the server refused: ${done} before it.`,
      'Fix that row and run the same command again: rows already written are not written twice.',
    );
  } else if (badRows > 0) {
    lines.push(`${result.file}: ${done}; ${plural(badRows, 'row', 'rows')} not written (above).`);
  } else {
    lines.push(`${result.file}: ${plural(result.rows, 'row', 'rows')}: ${done}.`);
  }
  return lines.join('\n');
}
