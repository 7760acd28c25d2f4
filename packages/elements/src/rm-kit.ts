/**
 * The whole kit in one module, for a single `<script type="module" src="rm-kit.js">`:
 * importing it defines every element (with the `rm-` prefix, unless setPrefix was called
 * first). Built to dist/bundle/rm-kit.js with lit and the SDK inside.
 */

export * from './enrollment-form/enrollment-form.js';
export * from './feedback-form/feedback-form.js';
export * from './index.js';
export * from './match-board/match-board.js';
export * from './pair-card/pair-card.js';
export * from './provider/provider.js';
export * from './session-log/session-log.js';
