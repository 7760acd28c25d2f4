import { define } from '../base/define.js';
import { RmProgramDashboard } from './program-dashboard.component.js';

export { RmProgramDashboard };

define('program-dashboard', RmProgramDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'rm-program-dashboard': RmProgramDashboard;
  }
}
