import type { StoryStatus } from '../vocabulary.js';

/** What decides where a story is: each side's agreement, an admin's return note, the publication. */
export interface StoryState {
  agreedAt: { mentor: string | null; mentee: string | null };
  returnNote: string | null;
  publishedAt: string | null;
}

/**
 * Where a story is. Published only while both sides agree and an admin approved; waiting
 * for an admin once both agree; returned while an admin's note waits for the pair to act
 * on it; a draft otherwise. Stored state never says it twice, so it cannot disagree.
 */
export function storyStatus(story: StoryState): StoryStatus {
  const bothAgree = story.agreedAt.mentor !== null && story.agreedAt.mentee !== null;
  if (bothAgree && story.publishedAt !== null) return 'published';
  if (bothAgree) return 'awaiting-approval';
  if (story.returnNote !== null) return 'returned';
  return 'draft';
}
