// Writes docs/elements.md and the React 19 JSX types (packages/elements/react.d.ts) from
// the Custom Elements Manifest, so both stay in step with the elements' own JSDoc.
import { readFileSync, writeFileSync } from 'node:fs';

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
console.log(`docs/elements.md and react.d.ts: ${declarations.length} elements`);
