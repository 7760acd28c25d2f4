interface Node {
  next: WeakMap<object, Node>;
  answers: Map<string, string>;
}

const root: Node = { next: new WeakMap(), answers: new Map() };

/**
 * An answer's JSON text made from rows SQLite keeps and shares until the next commit
 * (db/kept-reads.ts), made once and given again for as long as those very rows are read:
 * the same rows give the same answer, and a commit gives new rows. `variant` names what else
 * the answer depends on (who asks). Rows read anew at every request (PostgreSQL's) never
 * match, and their answers go with them.
 */
export function keptAnswer(rows: readonly object[], variant: string, make: () => string): string {
  let node = root;
  for (const row of rows) {
    let next = node.next.get(row);
    if (!next) {
      next = { next: new WeakMap(), answers: new Map() };
      node.next.set(row, next);
    }
    node = next;
  }
  let answer = node.answers.get(variant);
  if (answer === undefined) {
    answer = make();
    node.answers.set(variant, answer);
  }
  return answer;
}
