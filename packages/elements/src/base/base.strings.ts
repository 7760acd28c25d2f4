import { baseEnglish } from './base.strings.en.js';
import { baseItalian } from './base.strings.it.js';
import type { BothLanguages } from './localize.js';

export { type BaseKey, baseEnglish } from './base.strings.en.js';

/**
 * Words every element uses for its states. An element whose Italian loads only when a page
 * needs it (see LocalizeController) takes `baseEnglish` (base.strings.en.ts) and `baseItalian` in
 * its Italian module, so that its page loads no Italian it does not show.
 */
export const baseStrings: BothLanguages<keyof typeof baseEnglish> = { en: baseEnglish, it: baseItalian };
