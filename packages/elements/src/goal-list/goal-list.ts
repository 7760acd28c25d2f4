import { define } from '../base/define.js';
import { RmGoalList } from './goal-list.component.js';

export { RmGoalList };

define('goal-list', RmGoalList);

declare global {
  interface HTMLElementTagNameMap {
    'rm-goal-list': RmGoalList;
  }
}
