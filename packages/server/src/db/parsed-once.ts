/**
 * A stored row's parse, made once for each row SQLite's read connection keeps (kept-reads.ts):
 * a kept row is frozen and shared by every read until the next commit, and parsing it again
 * with its schema at every read was a tenth of the CPU of the reads a page asks. What it gives
 * is frozen too, as everyone who reads the row is given the same object. A row that is not
 * kept (PostgreSQL's, one read inside a write) is parsed each time.
 *
 * `variantOf` names what else the parse depends on: a row is kept parsed for the latest only.
 */
export function parsedOnce<Row extends object, T, Given extends unknown[] = []>(
  parse: (row: Row, ...given: Given) => T,
  variantOf: (...given: Given) => string = () => '',
): (row: Row, ...given: Given) => T {
  const parsed = new WeakMap<Row, { variant: string; value: T }>();
  return (row, ...given) => {
    if (!Object.isFrozen(row)) return parse(row, ...given);
    const variant = variantOf(...given);
    const known = parsed.get(row);
    if (known?.variant === variant) return known.value;
    const value = frozen(parse(row, ...given));
    parsed.set(row, { variant, value });
    return value;
  };
}

function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}
