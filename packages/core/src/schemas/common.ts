import { INSTANT_RANGE_MESSAGE, isStorableInstant } from '../checks/refinements.js';
import { z } from '../zod.js';

/**
 * An instant, as ISO 8601 with a UTC offset (`2026-03-02T09:30:00Z`). Years 0001-9999 in
 * UTC only: beyond them an instant has no four-digit ISO form, so it could be neither
 * stored nor sorted as text.
 */
export const instantSchema = z.iso
  .datetime({ offset: true })
  .refine(isStorableInstant, INSTANT_RANGE_MESSAGE)
  .describe('ISO 8601 date-time with offset');

/** A calendar day (`2026-03-02`), for dates that have no time of day. */
export const calendarDateSchema = z.iso.date().describe('ISO 8601 calendar date');

/** Fields the server owns on every stored entity. */
export const storedFields = {
  createdAt: instantSchema,
  updatedAt: instantSchema,
  version: z
    .int()
    .min(1)
    .describe('Increases by one on every change; send it back as If-Match to update without overwriting'),
} as const;

/** Keys a client never sends in a create or update body. */
export const SERVER_OWNED = {
  id: true,
  orgId: true,
  createdAt: true,
  updatedAt: true,
  version: true,
} as const;

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Query parameters every list takes. */
export const pageQuerySchema = z.strictObject({
  // Typed as the number a client gives; it arrives in the URL as text, hence the coercion.
  limit: z.coerce
    .number<number>()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`How many items to return (1-${MAX_PAGE_SIZE})`),
  cursor: z.string().min(1).max(200).optional().describe('The nextCursor of the previous page'),
});
export type PageQuery = z.input<typeof pageQuerySchema>;

/** The envelope of every list: one page of items and the cursor of the next, or null at the end. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next page; null on the last page'),
  });
}
export type List<T> = { items: T[]; nextCursor: string | null };
