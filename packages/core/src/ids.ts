import { z } from './zod.js';

/**
 * Every entity id is a short prefix naming its kind, an underscore and 26 characters of
 * Crockford base32: 48 bits of milliseconds (so ids sort by creation time) followed by
 * 80 random bits from the platform's CSPRNG (so ids cannot be guessed or enumerated).
 * Written here rather than taken from a ULID/TypeID package because core depends on zod
 * alone and must run unchanged in browsers and Node.
 */
export const ID_PREFIXES = {
  organization: 'org',
  person: 'per',
  program: 'prg',
  enrollment: 'enr',
  pair: 'par',
  goal: 'gol',
  goalTemplate: 'gtp',
  session: 'ses',
  privateNote: 'not',
  feedback: 'fbk',
  serviceToken: 'tok',
  request: 'req',
  event: 'evt',
  matchConstraint: 'mcn',
  webhook: 'whk',
  webhookDelivery: 'whd',
  story: 'sty',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/** Web Crypto, present in every browser and in Node 20+; core's lib has no DOM or Node types. */
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_CHARS; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

/**
 * Random bytes come from the CSPRNG this many at a time: asking it for each id's sixteen
 * took longer than all the rest of making the id (every write makes two or three).
 */
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let taken = 0;

/** Sixteen random digits (0–31 each), each id's own. */
function freshDigits(): Uint8Array {
  if (taken + RANDOM_CHARS > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    taken = 0;
  }
  const digits = pool.slice(taken, taken + RANDOM_CHARS);
  taken += RANDOM_CHARS;
  for (let i = 0; i < RANDOM_CHARS; i++) digits[i] = (digits[i] ?? 0) & 31;
  return digits;
}

/** The millisecond and random digits of the latest id made for now, not the past. */
let latest: { ms: number; digits: Uint8Array } = { ms: -1, digits: new Uint8Array(RANDOM_CHARS) };

/** The random part: fresh, or the latest one plus one within the same millisecond. */
function randomDigits(ms: number): Uint8Array {
  if (ms === latest.ms) {
    const digits = latest.digits.slice();
    let i = digits.length - 1;
    while (i >= 0 && digits[i] === 31) digits[i--] = 0;
    // 32^16 ids in one millisecond cannot happen; a wrap would only lose the order.
    if (i >= 0) digits[i] = (digits[i] ?? 0) + 1;
    latest = { ms, digits };
    return digits;
  }
  const digits = freshDigits();
  if (ms > latest.ms) latest = { ms, digits };
  return digits;
}

/**
 * A new id for an entity of `kind`, e.g. `newId('session')` → `ses_01JD…`. Ids made in one
 * process sort in the order they were made, also within one millisecond (a monotonic ULID):
 * lists ordered by id, goals say, keep the order things were set in. An id for a past
 * moment (`now` given, as a seed does) gets fresh random digits.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  let random = '';
  for (const digit of randomDigits(now)) random += CROCKFORD[digit];
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${random}`;
}

/** The creation time encoded in an id, for ordering and debugging. */
export function idTime(id: string): Date {
  const body = id.slice(id.indexOf('_') + 1, id.indexOf('_') + 1 + TIME_CHARS);
  let ms = 0;
  for (const char of body) ms = ms * 32 + CROCKFORD.indexOf(char);
  return new Date(ms);
}

/** A zod schema accepting only well-formed ids of one kind. */
export function idOf(kind: IdKind) {
  const prefix = ID_PREFIXES[kind];
  return z
    .string()
    .regex(new RegExp(`^${prefix}_[0-9A-HJKMNP-TV-Z]{26}$`), `Expected a ${kind} id (${prefix}_…)`)
    .describe(`${kind} id: "${prefix}_" followed by 26 Crockford base32 characters`);
}
