// Matching on its own: no zod, so a page can propose pairs, or reuse the solver, without the schemas.
export { solveAssignment } from './solve-assignment.js';
export * from './types.js';
