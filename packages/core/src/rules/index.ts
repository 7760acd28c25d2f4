// The pure rules, on their own: no zod, for widgets that compute progress in the page.
export * from './aggregate-release.js';
export * from './feedback-acceptance.js';
export * from './feedback-opening.js';
export * from './feedback-phase.js';
export * from './pair-life-cycle.js';
export * from './pair-progress.js';
export * from './photo-url.js';
export * from './program-dashboard.js';
export * from './program-report.js';
export * from './progress.js';
export * from './story-status.js';
