interface Node {
  next: WeakMap<object, Node>;
  answers: Map<string, string>;
}

const newNode = (): Node => ({ next: new WeakMap(), answers: new Map() });

/**
 * Answers of one kind (a pair, `/v1/me`, a page of sessions) as JSON text, made from rows
 * SQLite keeps and shares until the next commit (db/kept-reads.ts): made once and given again
 * for as long as those very rows are read, as the same rows give the same answer and a commit
 * gives new rows. `variant` names what else the answer depends on (who asks). Rows read anew
 * at every request (PostgreSQL's) never match, and their answers go with them. Each kind has
 * answers of its own, so two kinds made from the same rows never meet.
 */
export function keptAnswers() {
  const root = newNode();
  return (rows: readonly object[], variant: string, make: () => string): string => {
    let node = root;
    for (const row of rows) {
      let next = node.next.get(row);
      if (!next) {
        next = newNode();
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
  };
}
