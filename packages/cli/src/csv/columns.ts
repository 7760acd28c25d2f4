import { CliError, EXIT } from '../exit-codes.js';
import type { CsvRow, CsvTable } from './read-csv.js';

/** A header or value compared loosely: "E-mail", "e_mail" and "EMAIL" are one; "Capacità" is "capacita". */
export function normalized(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** For each field an import reads, the header names it is known by (English and Italian). */
export type ColumnNames<F extends string> = Record<F, readonly string[]>;

/** A row of the file as fields: the trimmed text of each known column, undefined when empty. */
export interface FieldRow<F extends string> {
  line: number;
  fields: Partial<Record<F, string>>;
}

export interface MappedTable<F extends string> {
  rows: FieldRow<F>[];
  /** The header as written in the file for each field found, so messages name the file's column. */
  headerOf: Partial<Record<F, string>>;
  /** Columns the import does not read (an HR export has many). */
  ignored: string[];
}

/**
 * Reads a table by its header names. `required` lists the fields (or groups, any one of
 * which will do) without which no row can be right; a missing one refuses the file.
 */
export function mapColumns<F extends string>(
  table: CsvTable,
  names: ColumnNames<F>,
  required: readonly (readonly F[])[],
): MappedTable<F> {
  const byName = new Map<string, F>();
  for (const [field, aliases] of Object.entries(names) as [F, readonly string[]][]) {
    for (const alias of aliases) byName.set(normalized(alias), field);
  }
  const indexOf = new Map<F, number>();
  const headerOf: Partial<Record<F, string>> = {};
  const ignored: string[] = [];
  table.header.forEach((name, index) => {
    const field = byName.get(normalized(name));
    if (field === undefined || indexOf.has(field)) {
      if (name !== '') ignored.push(name);
      return;
    }
    indexOf.set(field, index);
    headerOf[field] = name;
  });
  const missing = required.filter((group) => !group.some((field) => indexOf.has(field)));
  if (missing.length > 0) {
    const wanted = missing
      .map((group) => group.map((field) => `"${names[field][0]}"`).join(' or '))
      .join(', ');
    throw new CliError(
      `The file's header lacks ${wanted} (line 1 has: ${table.header.join(', ')}); rm-kit import --help lists the columns`,
      EXIT.refused,
    );
  }
  const rows = table.rows.map(({ line, cells }: CsvRow) => {
    const fields: Partial<Record<F, string>> = {};
    for (const [field, index] of indexOf) {
      const value = cells[index]?.trim();
      if (value) fields[field] = value;
    }
    return { line, fields };
  });
  return { rows, headerOf, ignored };
}

/** A list in one cell: "it, en", "it; en" or "it|en" (no key or tag holds these characters). */
export function listCell(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(/[,;|]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A whole number as a number; anything else as written, for the schema to name what is wrong. */
export function numberCell(value: string | undefined): number | string | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : value;
}
