// Writes docs/elements.md, docs/theming.md, docs/events.md and the React 19 JSX types (packages/elements/react.d.ts) from
// the Custom Elements Manifest, so both stay in step with the elements' own JSDoc.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const manifestPath = new URL('../packages/elements/custom-elements.json', import.meta.url);
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const declarations = manifest.modules
  .flatMap((module) =>
    (module.declarations ?? []).map((declaration) => ({ ...declaration, path: module.path })),
  )
  .filter((declaration) => declaration.customElement && declaration.tagName);

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');
const table = (header, rows) =>
  rows.length === 0
    ? ''
    : [
        `| ${header.join(' | ')} |`,
        `| ${header.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
      ].join('\n');

const doc = [
  '# Elements reference',
  '',
  'Generated from `packages/elements/custom-elements.json` by `scripts/elements-docs.mjs`; do not edit by hand.',
  'Every element takes a `client` property (an SDK client) or finds one in the nearest `<rm-provider>`,',
  'follows the nearest `lang` (English or Italian), and takes `theme="light" | "dark"`. Events bubble and are composed.',
  '',
];
for (const el of declarations.sort((a, b) => a.tagName.localeCompare(b.tagName))) {
  const attributes = (el.attributes ?? []).filter((a) => a.name);
  const properties = (el.members ?? []).filter(
    (m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static,
  );
  doc.push(`## \`<${el.tagName}>\``, '', el.summary ?? el.description ?? '', '');
  if (el.description && el.summary) doc.push(el.description, '');
  doc.push(`Import alone: \`import '@rm-kit/elements/${el.tagName.replace(/^rm-/, '')}.js'\``, '');
  const sections = [
    [
      'Attributes',
      ['attribute', 'property', 'type', 'default', 'description'],
      attributes.map((a) => [
        `\`${a.name}\``,
        a.fieldName ?? '',
        a.type?.text ?? '',
        a.default ?? '',
        a.description ?? '',
      ]),
    ],
    [
      'Properties',
      ['property', 'type', 'description'],
      properties
        .filter((p) => !attributes.some((a) => a.fieldName === p.name))
        .map((p) => [`\`${p.name}\``, p.type?.text ?? '', p.description ?? '']),
    ],
    [
      'Events',
      ['event', 'detail'],
      (el.events ?? []).filter((e) => e.name).map((e) => [`\`${e.name}\``, e.description ?? '']),
    ],
    [
      'Slots',
      ['slot', 'description'],
      (el.slots ?? []).map((s) => [s.name ? `\`${s.name}\`` : '(default)', s.description ?? '']),
    ],
    [
      'CSS parts',
      ['part', 'description'],
      (el.cssParts ?? []).map((p) => [`\`${p.name}\``, p.description ?? '']),
    ],
    [
      'CSS custom properties',
      ['property', 'description'],
      (el.cssProperties ?? []).map((p) => [`\`${p.name}\``, p.description ?? '']),
    ],
  ];
  for (const [title, header, rows] of sections) {
    if (rows.length === 0) continue;
    doc.push(`### ${title}`, '', table(header, rows), '');
  }
}
writeFileSync(new URL('../docs/elements.md', import.meta.url), `${doc.join('\n').trim()}\n`);

// Defaults are read from the styles themselves: the manifest says what a property does,
// the source what it is when a page leaves it unset. A property the source uses and no
// element documents still gets a row, so the page lists every one a page can set.
const sourceFiles = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'hardening' || entry.name === 'test-support' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
const elementsSource = fileURLToPath(new URL('../packages/elements/src', import.meta.url));
const sources = sourceFiles(elementsSource).map((file) => readFileSync(file, 'utf8'));
const palette = readFileSync(join(elementsSource, 'base/palette.ts'), 'utf8');
const rows = [...palette.matchAll(/'?([a-z-]+)'?: \['([a-z-]+)', '(#[0-9a-f]+)', '(#[0-9a-f]+)'\]/g)];
const colours = new Map(rows.map((m) => [`--rm-color-${m[1]}`, { light: m[3], dark: m[4] }]));
// Inside, a colour is a private `--_*` name; a default that refers to one names the public property.
const publicName = (text) =>
  rows.reduce((out, m) => out.replaceAll(`var(--_${m[2]})`, `var(--rm-color-${m[1]})`), text);
const defaults = new Map();
for (const text of sources)
  for (const match of text.matchAll(/var\((--rm-[a-z0-9-]+),\s*((?:[^()]|\([^()]*\))*)\)/g)) {
    const seen = defaults.get(match[1]) ?? [];
    const value = publicName(match[2].trim());
    if (!seen.includes(value)) defaults.set(match[1], [...seen, value]);
  }

const byElement = declarations.filter(
  (el) => (el.cssProperties ?? []).length + (el.cssParts ?? []).length > 0,
);
const users = new Map();
for (const el of byElement)
  for (const p of el.cssProperties ?? []) users.set(p.name, [...(users.get(p.name) ?? []), el.tagName]);
for (const name of [...colours.keys(), ...defaults.keys()]) if (!users.has(name)) users.set(name, []);
const shared = [...users.keys()].filter(
  (name) => !/^--rm-(pair-card|session-log|[a-z]+-[a-z]+)-/.test(name) || name.startsWith('--rm-color-'),
);
const own = [...users.keys()].filter((name) => !shared.includes(name));
const code = (text) => `\`${text}\``;

const theming = [
  '# Theming reference',
  '',
  'Generated from `packages/elements/custom-elements.json` (what each property and part does) and the',
  "elements' styles (their defaults) by `scripts/elements-docs.mjs`; do not edit by hand.",
  '',
  'Every element draws its shadow DOM from the `--rm-*` custom properties below. They inherit, so set',
  'them once on `<rm-provider>`, on `:root`, or on any ancestor; an element takes the nearest. Left unset,',
  'the elements follow the page\'s font and the user\'s light or dark preference; `theme="light"` or',
  '`theme="dark"` on an element or on the provider forces one. `::part(name)` reaches the parts listed',
  'per element for anything the properties do not cover.',
  '',
  '<!-- run by hand: added to the page of getting-started.md in Chromium 156 (the accent, corners and badge changed), 2026-11-30 -->',
  '```html',
  '<style>',
  '  rm-provider {',
  '    --rm-color-accent: #6b2fb3;',
  '    --rm-radius: 0;',
  '    --rm-font-family: "Segoe UI", system-ui, sans-serif;',
  '  }',
  '  rm-pair-card::part(badge) { text-transform: uppercase; }',
  '</style>',
  '```',
  '',
  '## Shared custom properties',
  '',
  table(
    ['property', 'light default', 'dark default', 'elements'],
    shared.map((name) => [
      code(name),
      colours.get(name)?.light ?? (defaults.has(name) ? code(defaults.get(name)[0]) : ''),
      colours.get(name)?.dark ?? (defaults.has(name) ? code(defaults.get(name).at(-1)) : ''),
      users.get(name).length === 0
        ? 'every element (their shared styles); not yet described in the manifest'
        : users.get(name).length === byElement.length
          ? 'every element'
          : users
              .get(name)
              .map((tag) => `\`<${tag}>\``)
              .join(', '),
    ]),
  ),
  '',
  '## Properties of one element',
  '',
  table(
    ['property', 'default', 'element'],
    own.map((name) => [
      code(name),
      defaults.has(name) ? code(defaults.get(name)[0]) : '',
      users.get(name).length
        ? users
            .get(name)
            .map((tag) => `\`<${tag}>\``)
            .join(', ')
        : `\`<${declarations.find((el) => name.startsWith(`--${el.tagName}-`))?.tagName}>\`; not in its manifest entry`,
    ]),
  ),
  '',
  '## Per element',
  '',
  'What each property changes in that element, and its parts.',
  '',
];
for (const el of byElement.sort((a, b) => a.tagName.localeCompare(b.tagName))) {
  theming.push(`### \`<${el.tagName}>\``, '');
  if ((el.cssProperties ?? []).length)
    theming.push(
      table(
        ['custom property', 'what it changes'],
        el.cssProperties.map((p) => [code(p.name), p.description ?? '']),
      ),
      '',
    );
  if ((el.cssParts ?? []).length)
    theming.push(
      table(
        ['part', 'what it is'],
        el.cssParts.map((p) => [code(`::part(${p.name})`), p.description ?? '']),
      ),
      '',
    );
}
writeFileSync(new URL('../docs/theming.md', import.meta.url), `${theming.join('\n').trim()}\n`);

const detailOf = (description = '') => {
  const at = description.search(/\bdetail: /);
  return at < 0
    ? { when: description, detail: '' }
    : { when: description.slice(0, at).trim(), detail: description.slice(at + 'detail: '.length).trim() };
};
const eventNames = [
  ...new Set(declarations.flatMap((el) => (el.events ?? []).map((e) => e.name)).filter(Boolean)),
].sort();
const events = [
  '# Events reference',
  '',
  'Generated from `packages/elements/custom-elements.json` by `scripts/elements-docs.mjs`; do not edit by hand.',
  '',
  'Every event is a `CustomEvent` that bubbles and is composed, so a listener on `<rm-provider>`, on',
  '`document`, or on any ancestor hears those of every element inside; `event.target` is the element.',
  'A write made offline is announced at once with `pending: true`, and its result arrives later as',
  "the SDK client's `synced` event. In React 19 each event is an `onrm-…` prop",
  '(`import type {} from "@rm-kit/elements/react"` types them); in Vue, `@rm-…`.',
  '',
  '<!-- run by hand: on the page of getting-started.md in Chromium 156 (agreeing as Marco logged change "consented"), 2026-11-30 -->',
  '```js',
  "document.querySelector('rm-provider').addEventListener('rm-pair-changed', (event) => {",
  '  console.log(event.target.localName, event.detail);',
  '});',
  '```',
  '',
  '## By event',
  '',
  table(
    ['event', 'fired by'],
    eventNames.map((name) => [
      code(name),
      declarations
        .filter((el) => (el.events ?? []).some((e) => e.name === name))
        .map((el) => `[\`<${el.tagName}>\`](#${el.tagName})`)
        .join(', '),
    ]),
  ),
  '',
  '## By element',
  '',
];
for (const el of declarations
  .filter((d) => (d.events ?? []).length)
  .sort((a, b) => a.tagName.localeCompare(b.tagName))) {
  events.push(
    `### ${el.tagName}`,
    '',
    table(
      ['event', 'when', '`detail`'],
      el.events
        .filter((e) => e.name)
        .map((e) => {
          const { when, detail } = detailOf(e.description);
          return [code(e.name), when, detail];
        }),
    ),
    '',
  );
}
writeFileSync(new URL('../docs/events.md', import.meta.url), `${events.join('\n').trim()}\n`);

// Each attribute and event is typed from the element itself (its property's type, its event's
// detail in RmEventDetails), never re-declared. The module augments `react` as the app resolves
// it: the package's optional peer dependency on @types/react makes the app's copy the one this
// file sees, wherever the package manager puts it.
const jsx = [
  '// Generated from custom-elements.json by scripts/elements-docs.mjs; do not edit by hand.',
  '// React 19 types for the rm-kit elements: import type {} from "@rm-kit/elements/react";',
  "import type { HTMLAttributes, Ref } from 'react';",
  "import type { RmEventDetails } from './dist/base/events.js';",
  "import type { RmElement } from './dist/base/rm-element.js';",
  ...declarations.map(
    (el) =>
      `import type { ${el.name} } from './dist/${el.path.replace(/^src\//, '').replace(/\.ts$/, '.js')}';`,
  ),
  '',
  "type Props<E> = HTMLAttributes<E> & { ref?: Ref<E>; theme?: 'light' | 'dark'; client?: RmElement['client'] };",
  'type On<N extends keyof RmEventDetails> = (event: CustomEvent<RmEventDetails[N]>) => void;',
  '',
  "declare module 'react' {",
  '  namespace JSX {',
  '    interface IntrinsicElements {',
  ...declarations.map((el) => {
    const attrs = (el.attributes ?? [])
      .filter((a) => a.name && a.fieldName && a.name !== 'theme')
      .map((a) => `'${a.name}'?: ${el.name}['${a.fieldName}']`);
    // Callbacks (a provider's getToken) cannot be attributes: React 19 sets them as properties.
    const properties = (el.members ?? [])
      .filter(
        (m) => m.kind === 'field' && !m.privacy && !m.static && !m.readonly && m.type?.text?.includes('=>'),
      )
      .map((m) => `'${m.name}'?: ${el.name}['${m.name}']`);
    const events = (el.events ?? []).filter((e) => e.name).map((e) => `'on${e.name}'?: On<'${e.name}'>`);
    return `      '${el.tagName}': Props<${el.name}> & { ${[...attrs, ...properties, ...events].join('; ')} };`;
  }),
  '    }',
  '  }',
  '}',
  '',
];
writeFileSync(new URL('../packages/elements/react.d.ts', import.meta.url), jsx.join('\n'));
// Biome formats Markdown tables, and `biome check .` holds these pages to it.
execFileSync('pnpm', ['exec', 'biome', 'format', '--write', 'docs/theming.md', 'docs/events.md'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  stdio: 'ignore',
});
console.log(`docs/elements.md, theming.md, events.md and react.d.ts: ${declarations.length} elements`);
