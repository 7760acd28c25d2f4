import { parse } from 'csv-parse/sync';
import { CliError, EXIT } from '../exit-codes.js';

export type Delimiter = ',' | ';';

/** One record of a CSV file, with the physical line it starts on (a quoted newline spans lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: Delimiter;
  header: string[];
  rows: CsvRow[];
}

const NEWLINE = 0x0a;
const CR = 0x0d;

/**
 * The delimiter of a file: the one of `,` and `;` that splits its header line more often,
 * outside quotes. HR tools set to Italian write `;` (the comma is the decimal separator).
 */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads what HR tools export: UTF-8 with or without a byte order mark, `,` or `;`
 * (detected unless given), quoted fields with delimiters, quotes and newlines in them.
 * Blank lines and rows of empty cells (Excel's trailing `;;;`) are left out.
 */
export function readCsv(bytes: Uint8Array, options: { delimiter?: Delimiter } = {}): CsvTable {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      'The file is not UTF-8: save it as "CSV UTF-8" (Excel) or "Unicode (UTF-8)" (LibreOffice) and try again',
      EXIT.refused,
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(text.replace(/^\uFEFF/, ''));
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // With `info`, each record comes as { record, info }: csv-parse's types do not follow the option.
    records = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      bom: true,
      delimiter,
      info: true,
      // Files pasted together from two tools mix Windows and Unix line ends.
      record_delimiter: ['\r\n', '\n'],
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `The file is not valid CSV${line ? ` near line ${line}` : ''}: ${reason}`,
      EXIT.refused,
    );
  }
  // The parser tells where each record ends (in bytes, its line break included); a record
  // starts at the first byte after the previous one's end that is not a blank line.
  const rows: CsvRow[] = [];
  let end = 0;
  let counted = 0;
  let newlines = 0;
  for (const { record, info } of records) {
    let start = end;
    while (start < info.bytes && (bytes[start] === NEWLINE || bytes[start] === CR)) start++;
    for (; counted < start; counted++) if (bytes[counted] === NEWLINE) newlines++;
    end = info.bytes;
    if (record.every((cell) => cell.trim() === '')) continue;
    rows.push({ line: newlines + 1, cells: record });
  }
  const [header, ...data] = rows;
  if (!header)
    throw new CliError('The file is empty: it needs a header line and one row per line', EXIT.refused);
  return { delimiter, header: header.cells.map((name) => name.trim()), rows: data };
}
