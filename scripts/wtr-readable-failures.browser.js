/// <reference types="mocha" />
/**
 * Loaded into every browser test file (see `wtr-readable-failures.mjs`): after each test, a
 * failure's `actual` and `expected` that cannot be cloned (an element, a function) are put as
 * words the runner can send, such as `<li part="item"> "Session number 3"`.
 */
afterEach(function () {
  const error = this.currentTest?.err;
  if (!error) return;
  for (const side of ['actual', 'expected']) {
    if (side in error && !cloneable(error[side])) error[side] = described(error[side]);
  }
});

function cloneable(value) {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

function described(value) {
  if (value instanceof Element) {
    const id = value.id ? `#${value.id}` : '';
    const part = value.getAttribute('part');
    const text = (value.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80);
    return `<${value.localName}${id}${part ? ` part="${part}"` : ''}> "${text}"`;
  }
  return String(value);
}
