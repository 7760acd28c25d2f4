import type { Pattern, Rule, Shape } from './check.js';

/** What describe reads of a zod schema: its definition, and of a check its definition. */
interface Zod {
  _zod: { def: Record<string, unknown> & { type: string; checks?: Zod[] } };
}

/**
 * The shape of a zod schema of core, as ./check.ts checks it: written at build time (by
 * scripts/core-checks.mjs) so that the browser checks a body as the schema does without
 * zod. `rules` names the schema's custom checks (refine, superRefine), by the check
 * object. Anything it cannot describe exactly is an error, never a looser check.
 */
export function describe(schema: unknown, rules: Map<unknown, string>): Shape {
  const node = schema as Zod;
  const def = node._zod.def;
  const own = (): Rule[] => (def.checks ?? []).map((check) => rule(check, rules));
  switch (def.type) {
    case 'object': {
      if ((def.catchall as Zod | undefined)?._zod.def.type !== 'never')
        throw new Error('Only strict objects');
      const shape = def.shape as Record<string, unknown>;
      return {
        type: 'object',
        shape: Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, describe(field, rules)])),
        rules: own(),
      };
    }
    case 'array':
      return { type: 'array', element: describe(def.element, rules), rules: own() };
    case 'string':
      return def.format
        ? { type: 'string', format: pattern(def), rules: own() }
        : { type: 'string', rules: own() };
    case 'number':
      if (def.format !== undefined && def.format !== 'safeint')
        throw new Error(`Number format ${def.format}`);
      return { type: 'number', integer: def.format === 'safeint', rules: own() };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', values: Object.values(def.entries as Record<string, string>) };
    case 'nullable':
    case 'optional':
      return { type: def.type, inner: describe(def.innerType, rules) };
    case 'default':
      return { type: 'default', inner: describe(def.innerType, rules), value: def.defaultValue };
    default:
      throw new Error(`No description of a zod ${def.type}`);
  }
}

function pattern(def: Record<string, unknown>): Pattern {
  const message = messageOf(def);
  return {
    format: String(def.format),
    pattern: (def.pattern as RegExp).source,
    ...(message ? { message } : {}),
  };
}

/** The message a check was given (zod keeps it as a function of the issue). */
function messageOf(def: Record<string, unknown>): string | undefined {
  const error = def.error as ((issue: unknown) => unknown) | undefined;
  const message = error?.({});
  return typeof message === 'string' ? message : undefined;
}

function rule(check: Zod, rules: Map<unknown, string>): Rule {
  const def = check._zod.def;
  const message = messageOf(def);
  const said = message ? { message } : {};
  switch (def.check) {
    case 'min_length':
      return { check: 'min', value: def.minimum as number, ...said };
    case 'max_length':
      return { check: 'max', value: def.maximum as number, ...said };
    case 'greater_than':
    case 'less_than':
      if (!def.inclusive) throw new Error('Only inclusive bounds');
      return { check: def.check === 'greater_than' ? 'min' : 'max', value: def.value as number, ...said };
    case 'string_format':
      return { check: 'format', format: pattern(def) };
    case 'overwrite': {
      const tx = def.tx as (value: string) => string;
      if (tx(' a ') !== 'a' || tx('A') !== 'A') throw new Error('Only trim overwrites');
      return { check: 'trim' };
    }
    case 'custom': {
      const name = rules.get(check);
      if (!name) throw new Error('A custom check with no name');
      // zod's refine keeps its function in the definition; a superRefine does not.
      return def.fn
        ? { check: 'refine', name, message: message ?? 'Invalid input' }
        : { check: 'refine', name };
    }
    default:
      throw new Error(`No description of a ${String(def.check)} check`);
  }
}
