import { define } from '../base/define.js';
import { RmFeedbackForm } from './feedback-form.component.js';

export { RmFeedbackForm };

define('feedback-form', RmFeedbackForm);

declare global {
  interface HTMLElementTagNameMap {
    'rm-feedback-form': RmFeedbackForm;
  }
}
