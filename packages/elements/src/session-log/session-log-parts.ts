import type { RmClient } from '@rm-kit/sdk';
import type { RmEventDetails, RmEventName } from '../base/events.js';
import type { LocalizeController, Strings } from '../base/localize.js';
import type { SessionLogKey } from './session-log.strings.js';
import type { SessionLogData } from './session-log-data.js';

/**
 * What every part of the log (its form, the private notes, a session's actions) needs from
 * it: one object the log makes once and hands to each, rather than a copy of these
 * callbacks per part in the module the log loads first.
 */
export interface SessionLogParts {
  /** A localisation controller with the log's words and a part's own. */
  localize<K extends string>(strings: Strings<K>): LocalizeController<SessionLogKey | K>;
  client(): RmClient | undefined;
  readonly data: SessionLogData;
  /** Fires one of the log's events. */
  emit<K extends RmEventName>(type: K, detail: RmEventDetails[K]): void;
  /** Says something in the log's polite live region, and shows it for a few seconds. */
  announce(message: string): void;
}
