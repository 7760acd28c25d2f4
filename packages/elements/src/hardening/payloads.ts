/**
 * Hostile texts an attacker with write access to any text field could store: a member of a
 * pair (summaries, notes, feedback), an admin or a service token (names, programs, topics).
 * Each one, if a page ever parsed it as markup or code, would set `window.__xss` or leave an
 * element carrying `data-xss`; the suite checks for both.
 *
 * Every text fits the smallest field it goes into (a topic label, 80 characters) and has no
 * whitespace at either end, which the server trims from names and titles.
 */
export interface Payload {
  name: string;
  /** The text a field of at most `max` characters gets. */
  fit(max: number): string;
}

const FIXED: readonly { name: string; text: string }[] = [
  { name: 'an image with onerror', text: '<img src=x onerror=window.__xss=1 data-xss>' },
  { name: 'a script element', text: '<script data-xss>window.__xss=1</script>' },
  { name: 'a double quote closing an attribute', text: '"><svg data-xss onload=window.__xss=1>' },
  { name: 'a single quote closing an attribute', text: "'><img data-xss src=x onerror=window.__xss=1>" },
  { name: 'a quoted event attribute', text: '" autofocus onfocus="window.__xss=1" data-xss="' },
  {
    name: 'end tags of textarea, style and title',
    text: '</textarea></style></title><img data-xss src=x onerror=window.__xss=1>',
  },
  { name: 'a javascript: URL', text: 'javascript:window.__xss=1//' },
  { name: 'an Angular-style expression', text: "{{constructor.constructor('window.__xss=1')()}}" },
  { name: 'a template-literal expression', text: `\${window.__xss=1}\${'\`'}` },
  { name: 'the elements’ own placeholders', text: '{name} {reason} {n} {text}' },
  {
    name: 'Lit’s part markers',
    text: '<!--?lit$1234$--><?lit$1234$><img data-xss src=x onerror=window.__xss=1>',
  },
  { name: 'escaped markup', text: '&lt;img data-xss src=x onerror=window.__xss=1&gt; &amp; &#60;b&#62;' },
  { name: 'bidirectional overrides', text: '\u202Egnp.exe\u202C \u2066evil\u2069 \u200Ftext' },
];

/**
 * Every payload above one after the other, as long as a field takes: a length the element's
 * layout must survive, with markup cut at any point.
 */
function longest(max: number): string {
  const all = FIXED.map((p) => p.text).join('');
  const text = all.repeat(Math.ceil(max / all.length)).slice(0, max);
  // The server trims names and titles: an end in whitespace would not come back as sent.
  return /\s$/.test(text) ? `${text.slice(0, -1)}.` : text;
}

export const PAYLOADS: readonly Payload[] = [
  ...FIXED.map(({ name, text }) => ({ name, fit: () => text })),
  { name: 'every payload at once, to the field’s limit', fit: longest },
];
