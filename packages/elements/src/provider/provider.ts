import { define } from '../base/define.js';
import { RmProvider } from './provider.component.js';

export { RmProvider };

define('provider', RmProvider);

declare global {
  interface HTMLElementTagNameMap {
    'rm-provider': RmProvider;
  }
}
