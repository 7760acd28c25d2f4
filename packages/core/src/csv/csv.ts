/**
 * Writing CSV for HR tools (RFC 4180 quoting), safe to open in a spreadsheet. Shared by
 * the server's exports, the dashboard's download and the CLI, so a cell is neutralised
 * the same way wherever it leaves the kit.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  /**
   * `;` for spreadsheets set to a language whose decimal separator is a comma (Italian
   * Excel splits columns on `;`, and reads a comma-separated file as a single column).
   */
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte order mark, so Excel reads accented names as UTF-8. */
  bom?: boolean;
}

/** Characters that make a spreadsheet read a cell as a formula, or a DDE call, when they start it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell as text a spreadsheet shows as written: text starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading apostrophe (OWASP's advice against CSV
 * injection). Numbers are written as they are: `-3` is a number, not a formula.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quoted(cell: string, delimiter: CsvDelimiter): string {
  const needsQuotes = cell.includes(delimiter) || /["\r\n]/.test(cell) || cell !== cell.trim();
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Rows (the first one usually the header) as CSV text, lines ended by CRLF as RFC 4180 asks. */
export function toCsv(rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const lines = rows.map((row) => row.map((value) => quoted(csvCell(value), delimiter)).join(delimiter));
  return `${options.bom ? '\uFEFF' : ''}${lines.map((line) => `${line}\r\n`).join('')}`;
}
