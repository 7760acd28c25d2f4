function twoDigits(value: number): string {
  return String(Math.abs(value)).padStart(2, '0');
}

/** The value a `datetime-local` input takes for a moment, in the browser's time zone. */
export function localInputValue(date: Date): string {
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}T${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** A `datetime-local` value as ISO 8601 with the browser's UTC offset at that moment (`…T09:30:00+01:00`). */
export function instantFromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${localInputValue(date)}:${twoDigits(date.getSeconds())}${sign}${twoDigits(Math.trunc(offset / 60))}:${twoDigits(offset % 60)}`;
}
