import { define } from '../base/define.js';
import { RmWebhookSettings } from './webhook-settings.component.js';

export { RmWebhookSettings };

define('webhook-settings', RmWebhookSettings);

declare global {
  interface HTMLElementTagNameMap {
    'rm-webhook-settings': RmWebhookSettings;
  }
}
