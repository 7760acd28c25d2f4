/**
 * docs/api.md, written from the server's OpenAPI document: every operation with its
 * parameters, body and answers, and every schema's fields. Kept here beside the test that
 * fails when the committed page and the server part ways.
 */

// biome-ignore lint/suspicious/noExplicitAny: an OpenAPI document is walked as plain JSON
type Json = any;

const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n+\s*/g, ' ')
    .trim();
const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
const refName = (ref: string) => ref.replace('#/components/schemas/', '');
const anchor = (name: string) => name.toLowerCase();

/** A schema's type in a few words: `Session`, `string (date-time) or null`, `"held" \| "planned"`. */
function typeOf(schema: Json): string {
  if (!schema) return '';
  if (schema.$ref) return `[${refName(schema.$ref)}](#${anchor(refName(schema.$ref))})`;
  for (const key of ['anyOf', 'oneOf'])
    if (schema[key]) return (schema[key] as Json[]).map(typeOf).join(' or ');
  if (schema.enum) return (schema.enum as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  const types = ([] as string[]).concat(schema.type ?? 'any');
  return types
    .map((type) => {
      if (type === 'array') return `array of ${typeOf(schema.items)}`;
      if (type === 'string' && schema.format) return `string (${schema.format})`;
      if (type === 'string' && schema.pattern?.match(/^\^([a-z]{3})_/))
        return `\`${schema.pattern.match(/^\^([a-z]{3})_/)[1]}_…\` id`;
      return type;
    })
    .join(' or ');
}

function fields(schema: Json): string[][] {
  const required = new Set<string>(schema.required ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([name, property]) => [
    `\`${name}\``,
    typeOf(property),
    required.has(name) ? 'yes' : '',
    property.description ?? '',
  ]);
}

export function apiReference(doc: Json): string {
  const out: string[] = [
    '# HTTP API reference',
    '',
    `Generated from the server's OpenAPI ${doc.openapi} document (${doc.info.title} ${doc.info.version}) by`,
    '`docs/test/api-reference.test.ts`, which fails when this page and the server part ways;',
    '`pnpm exec vitest run docs/test/api-reference.test.ts -u` writes it again. Every running server',
    'serves the document itself at `/openapi.json` and an interactive reference at `/docs`.',
    '',
    doc.info.description,
    '',
    'Every `/v1` request but the calendar feed needs `Authorization: Bearer <token>` (a JWT from your',
    'identity provider or a service token, see [getting-started.md](getting-started.md)). Errors share one',
    'body ([Error](#error), [contract.md](contract.md#errors)); lists are `{ items, nextCursor }`',
    '([contract.md](contract.md#lists)); every write takes an `Idempotency-Key`, and updates an `If-Match`',
    '([server.md](server.md#the-security-model)).',
    '',
  ];
  const operations: { tag: string; method: string; path: string; op: Json }[] = [];
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>))
    for (const [method, op] of Object.entries(methods))
      operations.push({ tag: op.tags?.[0] ?? 'Other', method, path, op });
  const tags = [...new Set(operations.map((o) => o.tag))];

  out.push('## Operations', '');
  for (const tag of tags) {
    out.push(`### ${tag}`, '');
    for (const { method, path, op } of operations.filter((o) => o.tag === tag)) {
      out.push(`#### \`${method.toUpperCase()} ${path}\``, '', op.summary ?? '', '');
      if (op.description) out.push(op.description, '');
      if (op.security?.length === 0) out.push('No token: anyone with the address may call it.', '');
      const parameters = (op.parameters ?? []) as Json[];
      if (parameters.length)
        out.push(
          table(
            ['parameter', 'in', 'type', 'required', 'description'],
            parameters.map((p) => [
              `\`${p.name}\``,
              p.in,
              typeOf(p.schema),
              p.required ? 'yes' : '',
              p.description ?? p.schema?.description ?? '',
            ]),
          ),
          '',
        );
      const body = op.requestBody?.content?.['application/json']?.schema;
      if (body) out.push(`Body: ${typeOf(body)}${op.requestBody.required ? '' : ' (optional)'}`, '');
      out.push(
        table(
          ['status', 'answer'],
          Object.entries(op.responses as Record<string, Json>).map(([status, response]) => {
            const content = Object.entries((response.content ?? {}) as Record<string, Json>)
              .map(([type, media]) => (type === 'application/json' ? typeOf(media.schema) : `\`${type}\``))
              .join(', ');
            return [status, [response.description, content].filter(Boolean).join(': ')];
          }),
        ),
        '',
      );
    }
  }

  out.push('## Schemas', '');
  for (const [name, schema] of Object.entries(doc.components.schemas as Record<string, Json>)) {
    out.push(`### ${name}`, '');
    if (schema.description) out.push(schema.description, '');
    const rows = fields(schema);
    if (rows.length) out.push(table(['field', 'type', 'required', 'description'], rows), '');
    else out.push(`${typeOf({ ...schema, description: undefined })}`, '');
  }
  return `${out.join('\n').trim()}\n`;
}
