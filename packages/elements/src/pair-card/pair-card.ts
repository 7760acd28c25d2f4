import { define } from '../base/define.js';
import { RmPairCard } from './pair-card.component.js';

export { RmPairCard };

define('pair-card', RmPairCard);

declare global {
  interface HTMLElementTagNameMap {
    'rm-pair-card': RmPairCard;
  }
}
