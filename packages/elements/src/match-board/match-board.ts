import { define } from '../base/define.js';
import { RmMatchBoard } from './match-board.component.js';

export { RmMatchBoard };

define('match-board', RmMatchBoard);

declare global {
  interface HTMLElementTagNameMap {
    'rm-match-board': RmMatchBoard;
  }
}
