// Matching on its own: no zod, so a page can propose pairs, or reuse the solver, without the schemas.
export { proposeMatches } from './propose-matches.js';
export { scorePair } from './score-pair.js';
export { solveAssignment } from './solve-assignment.js';
export * from './types.js';
