import { define } from '../base/define.js';
import { RmEnrollmentForm } from './enrollment-form.component.js';

export { RmEnrollmentForm };

define('enrollment-form', RmEnrollmentForm);

declare global {
  interface HTMLElementTagNameMap {
    'rm-enrollment-form': RmEnrollmentForm;
  }
}
