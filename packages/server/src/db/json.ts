/** JSON columns are text in both dialects; these keep the conversions in one place. */
export const toJson = (value: unknown): string => JSON.stringify(value);
export const fromJson = <T>(text: string): T => JSON.parse(text) as T;
export const toFlag = (value: boolean): number => (value ? 1 : 0);
export const fromFlag = (value: number | boolean): boolean => value === 1 || value === true;
/** The current instant in the one format stored: UTC with milliseconds, sortable as text. */
export const nowIso = (): string => new Date().toISOString();
/** Any accepted instant (with any offset), normalised to the stored format. */
export const normalizeInstant = <T extends string | null>(value: T): T =>
  (value === null ? null : new Date(value).toISOString()) as T;
/** Today's calendar date in UTC, for startedOn and endedOn. */
export const todayIso = (): string => nowIso().slice(0, 10);
