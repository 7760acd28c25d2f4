/**
 * Whatever was thrown, as the Error an `rm-error` event carries. Something that is not an
 * Error keeps its own words: calling it a network error would send the page author looking
 * in the wrong place.
 */
export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
