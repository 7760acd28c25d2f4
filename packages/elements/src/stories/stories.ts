import { define } from '../base/define.js';
import { RmStories } from './stories.component.js';

export { RmStories };

define('stories', RmStories);

declare global {
  interface HTMLElementTagNameMap {
    'rm-stories': RmStories;
  }
}
