import { define } from '../base/define.js';
import { RmSessionLog } from './session-log.component.js';

export { RmSessionLog };

define('session-log', RmSessionLog);

declare global {
  interface HTMLElementTagNameMap {
    'rm-session-log': RmSessionLog;
  }
}
