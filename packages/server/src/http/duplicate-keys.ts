type Frame =
  | { kind: 'object'; keys: Set<string>; key: string; expectKey: boolean }
  | { kind: 'array'; index: number };

/**
 * Where a JSON text repeats a key within one object (the path to the repeated key), or
 * null. JSON.parse keeps the last of two equal keys without a word, so a body could say
 * one thing to a reader of its text and another to the server. `text` must be JSON that
 * parses: the scan follows only strings, brackets and separators. Keys are compared as
 * parsed, so `"text"` and `"te\u0078t"` are one key. A small scan of our own rather than
 * a second JSON parser: the body is parsed by JSON.parse as before, and this only reads it.
 */
export function firstDuplicateKey(text: string): (string | number)[] | null {
  const stack: Frame[] = [];
  const pathTo = (key: string) => [
    ...stack.slice(0, -1).map((frame) => (frame.kind === 'object' ? frame.key : frame.index)),
    key,
  ];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const top = stack[stack.length - 1];
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return pathTo(key);
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    } else if (char === '{') {
      stack.push({ kind: 'object', keys: new Set(), key: '', expectKey: true });
    } else if (char === '[') {
      stack.push({ kind: 'array', index: 0 });
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',' && top) {
      if (top.kind === 'object') top.expectKey = true;
      else top.index++;
    }
  }
  return null;
}
