import { define } from '../base/define.js';
import { RmPersonData } from './person-data.component.js';

export { RmPersonData };

define('person-data', RmPersonData);

declare global {
  interface HTMLElementTagNameMap {
    'rm-person-data': RmPersonData;
  }
}
