import { createContext } from '@lit/context';
import type { RmClient } from '@rm-kit/sdk';

/** The SDK client an `<rm-provider>` gives every element inside it. */
export const clientContext = createContext<RmClient | undefined>(Symbol.for('rm-kit/client'));

/** The locale an `<rm-provider locale>` sets for its subtree, overriding `lang`. */
export const localeContext = createContext<string | undefined>(Symbol.for('rm-kit/locale'));
