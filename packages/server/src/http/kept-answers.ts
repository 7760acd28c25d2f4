interface Node {
  next: WeakMap<object, Node>;
  answers: Map<string, string>;
}

const newNode = (): Node => ({ next: new WeakMap(), answers: new Map() });

/**
 * Answers of one kind (a pair, `/v1/me`, a page of sessions) as JSON text, made once and given
 * again for as long as the same rows are read: `make` depends on the rows and on `variant`
 * (what else the answer depends on: who asks, how many rows a page has) and on nothing else,
 * so the same rows give the same answer. Rows SQLite keeps and shares until the next commit
 * (db/kept-reads.ts) are frozen and matched by identity, as a commit gives new rows. Other
 * rows (PostgreSQL's, read anew at every request) are made again each time, unless
 * `byContent` is set: then they are matched by their content, among the answers most
 * recently given, within that many characters. That pays where making the answer costs more
 * than writing its rows out as a key: on PostgreSQL, making `GET /v1/me`'s answer was a fifth
 * of its CPU, while a page of sessions was made faster than its twenty rows were keyed. Each
 * kind has answers of its own, so two kinds made from the same rows never meet.
 */
export function keptAnswers({ byContent = 0 }: { byContent?: number } = {}) {
  const root = newNode();
  const contentAnswers = new Map<string, string>();
  let characters = 0;

  const byIdentity = (rows: readonly object[], variant: string, make: () => string) => {
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

  const byItsContent = (rows: readonly object[], variant: string, make: () => string) => {
    const key = `${variant}\u0000${JSON.stringify(rows)}`;
    let answer = contentAnswers.get(key);
    if (answer !== undefined) {
      // The most recently given are the last to go.
      contentAnswers.delete(key);
      contentAnswers.set(key, answer);
      return answer;
    }
    answer = make();
    contentAnswers.set(key, answer);
    characters += key.length + answer.length;
    for (const [oldest, its] of contentAnswers) {
      if (characters <= byContent) break;
      contentAnswers.delete(oldest);
      characters -= oldest.length + its.length;
    }
    return answer;
  };

  return (rows: readonly object[], variant: string, make: () => string): string =>
    byContent === 0 || rows.every(Object.isFrozen)
      ? byIdentity(rows, variant, make)
      : byItsContent(rows, variant, make);
}
