import type pg from 'pg';

/** Statements one connection keeps prepared; past this many, texts built on the fly (lists of ids) run unprepared. */
const KEPT_PER_CONNECTION = 200;

/**
 * A `*` outside comments and `count(*)`. Comments are left out as a write sent ahead ends
 * with one (sent-ahead.ts): counted, they kept every such write unprepared.
 */
const returnsEveryColumn = (text: string): boolean =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\(\s*\*\s*\)/g, '')
    .includes('*');

/**
 * Prepares each statement once per PostgreSQL connection and runs it again by name, so the
 * database parses and plans it once instead of at every request: on a keyed write that was
 * a third of PostgreSQL's CPU. Statements that return every column (a `*`) run unprepared: a
 * column added by a newer release's migration while this process runs would change what a
 * prepared one returns, which PostgreSQL refuses ("cached plan must not change result type").
 */
export function preparingStatements(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known || returnsEveryColumn(text) || names.size >= KEPT_PER_CONNECTION) return known;
    const name = `rmkit_${names.size}`;
    names.set(text, name);
    return name;
  };
  client.query = ((text: unknown, ...rest: unknown[]) => {
    const [values] = rest;
    if (typeof text !== 'string' || rest.length !== 1 || !Array.isArray(values) || values.length === 0) {
      return original(text, ...rest);
    }
    const name = nameOf(text);
    return name ? original({ name, text, values }) : original(text, values);
  }) as typeof client.query;
}
