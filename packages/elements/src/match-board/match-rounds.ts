/**
 * The board's rounds of matching, a module of its own: what matching proposes, the pins and
 * bans, the form to make a pair by hand, and the dialog before publishing, with their
 * actions, words and styles. The board fetches it when the browser is idle after it is
 * shown, and at once on "Run matching" or when it has pins or bans to list (see RmMatchBoard).
 */
export { MatchRounds } from './match-rounds-actions.js';
