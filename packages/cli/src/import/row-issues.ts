/** What is wrong with one row: the physical line it starts on, the column, and why. */
export interface RowIssue {
  line: number;
  /** The column as the file's header names it; null for the row as a whole. */
  field: string | null;
  message: string;
}

/**
 * A schema's refusals of one row, each under the column the field came from (an item of a
 * list cell named by its position), so HR can find the cell to fix.
 */
export function schemaIssues(
  line: number,
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  columnOf: (field: string) => string | undefined,
): RowIssue[] {
  return error.issues.map((issue) => {
    const [field, item] = issue.path;
    const column = field === undefined ? null : (columnOf(String(field)) ?? String(field));
    const where = typeof item === 'number' ? ` (item ${item + 1})` : '';
    return { line, field: column === null ? null : `${column}${where}`, message: issue.message };
  });
}

/** Rows naming the same thing twice: each later one is refused, naming the first one's line. */
export function duplicates<T>(
  rows: readonly T[],
  lineOf: (row: T) => number,
  keysOf: (row: T) => readonly (readonly [field: string, key: string | null | undefined])[],
): RowIssue[] {
  const seen = new Map<string, number>();
  const issues: RowIssue[] = [];
  for (const row of rows) {
    for (const [field, key] of keysOf(row)) {
      if (key === null || key === undefined) continue;
      const first = seen.get(`${field}\n${key}`);
      if (first === undefined) seen.set(`${field}\n${key}`, lineOf(row));
      else
        issues.push({
          line: lineOf(row),
          field,
          message: `The same as line ${first}: a file names each once`,
        });
    }
  }
  return issues;
}
