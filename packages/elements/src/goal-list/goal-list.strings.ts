import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import type { Strings } from '../base/localize.js';

/** Every word the goal list shows: its own and the state words every element shares. */
export type GoalListKey =
  | BaseKey
  | 'empty'
  | 'heading'
  | 'noGoals'
  | 'goalOf'
  | 'status'
  | 'status.open'
  | 'status.in-progress'
  | 'status.achieved'
  | 'status.dropped'
  | 'progress'
  | 'progressOf'
  | 'due'
  | 'assessment'
  | 'assessmentHint'
  | 'assessmentOf'
  | 'before'
  | 'after'
  | 'notAssessed'
  | 'scale'
  | 'commitments'
  | 'commitmentsHint'
  | 'noCommitments'
  | 'commitmentDone'
  | 'commitmentOpen'
  | 'newCommitment'
  | 'addCommitment'
  | 'addGoal'
  | 'newGoal'
  | 'fromTemplate'
  | 'noTemplate'
  | 'title'
  | 'topic'
  | 'noTopic'
  | 'owner'
  | 'targetDate'
  | 'save'
  | 'cancel'
  | 'saved'
  | 'queued'
  | 'changedMeanwhile'
  | 'gone'
  | 'saveFailed'
  | 'titleRequired'
  | 'templatesHeading'
  | 'templatesHint'
  | 'templatesFor'
  | 'noTemplates'
  | 'titleEn'
  | 'titleIt'
  | 'addTemplate'
  | 'withdraw'
  | 'withdrawLabel'
  | 'templateAdded'
  | 'templateWithdrawn';

/**
 * The goal list's words. The mentee is the senior who learns: the commitments ("what I
 * will change") are theirs. English here, Italian in a module of its own.
 */
export const goalListStrings: Strings<GoalListKey> = {
  en: {
    ...baseEnglish,
    empty: 'No goals to show yet. Set the pair-id attribute to the id of a pair, e.g. pair-id="par_…".',
    heading: 'Goals',
    noGoals: 'No goals yet. Add the first one: what should change by the end of the program?',
    goalOf: '{name}’s goal',
    status: 'Status',
    'status.open': 'Not started',
    'status.in-progress': 'In progress',
    'status.achieved': 'Achieved',
    'status.dropped': 'Dropped',
    progress: 'Progress',
    progressOf: 'Progress: {percent}',
    due: 'By {date}',
    assessment: 'Where I am on this',
    assessmentHint: '1: just starting, 5: confident',
    assessmentOf: 'Where {name} is on this',
    before: 'At the start',
    after: 'Now',
    notAssessed: 'Not said yet',
    scale: '{value} of 5',
    commitments: 'What I will change',
    commitmentsHint: '{name}’s commitments',
    noCommitments: 'No commitments yet',
    commitmentDone: 'Done',
    commitmentOpen: 'To do',
    newCommitment: 'A new commitment',
    addCommitment: 'Add',
    addGoal: 'Add a goal',
    newGoal: 'New goal',
    fromTemplate: 'Start from a suggestion',
    noTemplate: 'None: write my own',
    title: 'Goal',
    topic: 'Topic',
    noTopic: 'No topic',
    owner: 'Whose goal',
    targetDate: 'Target date (optional)',
    save: 'Save goal',
    cancel: 'Cancel',
    saved: 'Saved.',
    queued: 'You are offline: the change will be sent when you are back online.',
    changedMeanwhile: '{name} changed this goal meanwhile: check it and try again.',
    gone: 'This goal was removed meanwhile.',
    saveFailed: 'The change could not be saved. Try again.',
    titleRequired: 'Write the goal.',
    templatesHeading: 'Suggested goals',
    templatesHint: 'Pairs of this program can start a goal from these. You do not see the pairs’ goals.',
    templatesFor: 'Suggested goals for {program}',
    noTemplates: 'No suggestions yet.',
    titleEn: 'Title in English',
    titleIt: 'Title in Italian',
    addTemplate: 'Add suggestion',
    withdraw: 'Withdraw',
    withdrawLabel: 'Withdraw “{title}”',
    templateAdded: 'Suggestion added.',
    templateWithdrawn: 'Suggestion withdrawn.',
  },
  it: () => import('./goal-list.strings.it.js').then((words) => words.goalListItalian),
};
