import type { IssueSink } from './refinements.js';

/**
 * What a zod schema of core checks, as plain data (./describe.ts writes it from the schema):
 * enough for a browser to check a form's body exactly as the schema does, with the same
 * issues at the same paths, without downloading zod.
 */
export type Shape =
  | { type: 'object'; shape: Record<string, Shape>; rules: Rule[] }
  | { type: 'array'; element: Shape; rules: Rule[] }
  | { type: 'string'; format?: Pattern; rules: Rule[] }
  | { type: 'number'; integer: boolean; rules: Rule[] }
  | { type: 'boolean' }
  | { type: 'enum'; values: string[] }
  | { type: 'nullable' | 'optional'; inner: Shape }
  | { type: 'default'; inner: Shape; value: unknown };

export interface Pattern {
  format: string;
  pattern: string;
  message?: string;
}

/**
 * A check of a value of the right type, run in order. `refine` names a rule of
 * ./refinements.ts: with a message, the rule answers whether the value passes (zod's
 * `refine`); without, it reports its own issues (zod's `superRefine`).
 */
export type Rule =
  | { check: 'min' | 'max'; value: number; message?: string }
  | { check: 'format'; format: Pattern }
  | { check: 'trim' }
  | { check: 'refine'; name: string; message?: string };

export interface Issue {
  code: string;
  path: (string | number)[];
  message: string;
}

export type Checked<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** The rules a shape names, by name. */
export type Refinements = Record<string, (value: never, ctx: IssueSink) => unknown>;

/** An issue, and whether checks after it still run (zod's `continue`). */
type Found = Issue & { continue: boolean };

const ORIGIN = { string: 'string', array: 'array', number: 'number' } as const;

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

const quoted = (values: unknown[], separator: string) =>
  values.map((value) => (typeof value === 'string' ? `"${value}"` : String(value))).join(separator);

/** A default's own copy, as zod gives each parse: a list filled in later is not the next one's. */
function fresh(value: unknown): unknown {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object' && value !== null) return { ...value };
  return value;
}

/** Checks `value` against `shape` as zod would parse it: the value with defaults and trims, or the issues. */
export function check<T>(shape: Shape, value: unknown, refinements: Refinements): Checked<T> {
  const issues: Found[] = [];
  const data = run(shape, value, [], issues, refinements);
  if (issues.length > 0) {
    return {
      success: false,
      error: { issues: issues.map(({ code, path, message }) => ({ code, path, message })) },
    };
  }
  return { success: true, data: data as T };
}

function run(
  shape: Shape,
  value: unknown,
  path: (string | number)[],
  issues: Found[],
  refinements: Refinements,
): unknown {
  const wrongType = (expected: string) => {
    issues.push({
      code: 'invalid_type',
      path,
      message: `Invalid input: expected ${expected}, received ${typeName(value)}`,
      continue: false,
    });
    return value;
  };
  switch (shape.type) {
    case 'default':
      return value === undefined ? fresh(shape.value) : run(shape.inner, value, path, issues, refinements);
    case 'nullable':
      return value === null ? null : run(shape.inner, value, path, issues, refinements);
    case 'optional':
      return value === undefined ? undefined : run(shape.inner, value, path, issues, refinements);
    case 'boolean':
      return typeof value === 'boolean' ? value : wrongType('boolean');
    case 'enum':
      if (shape.values.includes(value as string)) return value;
      issues.push({
        code: 'invalid_value',
        path,
        message: `Invalid option: expected one of ${quoted(shape.values, '|')}`,
        continue: false,
      });
      return value;
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType('number');
      const start = issues.length;
      if (shape.integer && !Number.isSafeInteger(value)) {
        if (!Number.isInteger(value)) return wrongType('int');
        issues.push({
          code: value > 0 ? 'too_big' : 'too_small',
          path,
          message:
            value > 0
              ? 'Too big: expected int to be <=9007199254740991'
              : 'Too small: expected int to be >=-9007199254740991',
          continue: true,
        });
      }
      return rules(shape, value, path, issues, start, refinements);
    }
    case 'string': {
      if (typeof value !== 'string') return wrongType('string');
      const start = issues.length;
      if (shape.format) format(shape.format, value, path, issues);
      return rules(shape, value, path, issues, start, refinements);
    }
    case 'array': {
      if (!Array.isArray(value)) return wrongType('array');
      const start = issues.length;
      // zod reads none of the items of a list over its maximum: it says so, and stops there.
      const cap = shape.rules.find((rule) => rule.check === 'max' && value.length > rule.value);
      if (cap) {
        rules({ ...shape, rules: [cap] }, value, path, issues, start, refinements);
        issues[start] = { ...(issues[start] as Found), continue: false };
        return value;
      }
      const items = value.map((item, i) => run(shape.element, item, [...path, i], issues, refinements));
      return rules(shape, items, path, issues, start, refinements);
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrongType('object');
      const start = issues.length;
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape.shape)) {
        const parsed = run(field, input[key], [...path, key], issues, refinements);
        if (parsed !== undefined || key in input) out[key] = parsed;
      }
      const unknown = Object.keys(input).filter((key) => !(key in shape.shape));
      if (unknown.length > 0) {
        issues.push({
          code: 'unrecognized_keys',
          path,
          message: `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${quoted(unknown, ', ')}`,
          continue: false,
        });
      }
      return rules(shape, out, path, issues, start, refinements);
    }
  }
}

function format(pattern: Pattern, value: string, path: (string | number)[], issues: Found[]) {
  if (new RegExp(pattern.pattern).test(value)) return;
  const what =
    pattern.format === 'regex' ? `string: must match pattern /${pattern.pattern}/` : 'ISO datetime';
  issues.push({
    code: 'invalid_format',
    path,
    message: pattern.message ?? `Invalid ${what}`,
    continue: true,
  });
}

/**
 * A type's own checks, in order. As in zod, none runs once an issue that stops them was
 * found, except the length of a string or an array, which zod checks whenever there is one.
 */
function rules(
  shape: Extract<Shape, { rules: Rule[] }>,
  value: unknown,
  path: (string | number)[],
  issues: Found[],
  start: number,
  refinements: Refinements,
): unknown {
  let current = value;
  for (const rule of shape.rules) {
    const length = (rule.check === 'min' || rule.check === 'max') && shape.type !== 'number';
    if (!length && issues.slice(start).some((issue) => !issue.continue)) continue;
    if (rule.check === 'trim') current = (current as string).trim();
    else if (rule.check === 'format') format(rule.format, current as string, path, issues);
    else if (rule.check === 'refine') {
      const refine = refinements[rule.name];
      if (!refine) throw new Error(`No rule named ${rule.name}`);
      const sink: IssueSink = {
        addIssue: (issue) => issues.push({ ...issue, path: [...path, ...issue.path], continue: true }),
      };
      const verdict = refine(current as never, sink);
      if ('message' in rule && !verdict) {
        issues.push({ code: 'custom', path, message: rule.message ?? 'Invalid input', continue: true });
      }
    } else {
      const size = typeof current === 'number' ? current : (current as string | unknown[]).length;
      const over = rule.check === 'max' ? size > rule.value : size < rule.value;
      if (!over) continue;
      const origin = ORIGIN[shape.type as keyof typeof ORIGIN];
      const big = rule.check === 'max';
      const unit = origin === 'string' ? ' characters' : origin === 'array' ? ' items' : '';
      issues.push({
        code: big ? 'too_big' : 'too_small',
        path,
        message:
          rule.message ??
          `Too ${big ? 'big' : 'small'}: expected ${origin} to ${unit ? 'have' : 'be'} ${big ? '<=' : '>='}${rule.value}${unit}`,
        continue: true,
      });
    }
  }
  return current;
}

/** A shape ready to check bodies with, in the manner of a zod schema's `safeParse` and `parse`. */
export function checker<T>(shape: Shape, refinements: Refinements) {
  return {
    safeParse: (value: unknown): Checked<T> => check<T>(shape, value, refinements),
    parse(value: unknown): T {
      const result = check<T>(shape, value, refinements);
      if (!result.success) throw new Error(result.error.issues.map((issue) => issue.message).join('; '));
      return result.data;
    },
  };
}
