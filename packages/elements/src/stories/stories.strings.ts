import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import type { Strings } from '../base/localize.js';

/** Every word the stories show: their own and the state words every element shares. */
export type StoriesKey =
  | BaseKey
  | 'listLabel'
  | 'empty'
  | 'queueHeading'
  | 'queueEmpty'
  | 'publishedHeading'
  | 'people'
  | 'publishedOn'
  | 'quoteOf'
  | 'approve'
  | 'approveTitle'
  | 'approveBody'
  | 'notNow'
  | 'returnStory'
  | 'takeDown'
  | 'noteLabel'
  | 'noteHint'
  | 'sendReturn'
  | 'cancel'
  | 'approved'
  | 'returned'
  | 'actionFailed'
  | 'changedMeanwhile'
  | 'pairLabel'
  | 'write'
  | 'pairEmpty'
  | 'privacy'
  | 'status.draft'
  | 'status.awaiting-approval'
  | 'status.returned'
  | 'status.published'
  | 'statusLabel'
  | 'youAgreed'
  | 'youNotAgreed'
  | 'partnerAgreed'
  | 'partnerNotAgreed'
  | 'agree'
  | 'withdraw'
  | 'withdrawTitle'
  | 'withdrawBodyPublished'
  | 'withdrawBody'
  | 'edit'
  | 'returnNote'
  | 'newHeading'
  | 'editHeading'
  | 'titleLabel'
  | 'textLabel'
  | 'languageLabel'
  | 'quoteLabel'
  | 'quoteByLabel'
  | 'noQuote'
  | 'you'
  | 'save'
  | 'saving'
  | 'editWarning'
  | 'maxChars'
  | 'required'
  | 'saved'
  | 'agreedDone'
  | 'withdrawnDone'
  | 'queued';

/**
 * The stories' words. Mind the inversion: the mentor is the junior who teaches, the mentee
 * the senior who learns. English here, Italian in a module of its own, loaded when a page
 * first shows the stories in Italian.
 */
export const storiesStrings: Strings<StoriesKey> = {
  en: {
    ...baseEnglish,
    listLabel: 'Success stories',
    empty: 'No stories have been published yet.',
    queueHeading: 'Waiting for your approval',
    queueEmpty: 'No stories are waiting for your approval.',
    publishedHeading: 'Published',
    people: 'Written by',
    publishedOn: 'Published on {date}',
    quoteOf: '{name}',
    approve: 'Approve and publish',
    approveTitle: 'Publish this story?',
    approveBody:
      'Everyone in the organisation will read it, with the names and job titles of {mentor} and {mentee}, who both agreed.',
    notNow: 'Not now',
    returnStory: 'Return with a note',
    takeDown: 'Take down with a note',
    noteLabel: 'Note for {mentor} and {mentee}',
    noteHint: 'Only the two of them read it. They will need to agree again before it can be published.',
    sendReturn: 'Return to the pair',
    cancel: 'Cancel',
    approved: 'The story is published.',
    returned: 'The story is back with the pair, with your note.',
    actionFailed: 'This could not be done. Try again.',
    changedMeanwhile: 'The story changed since you read it. Here it is as it is now.',
    pairLabel: 'Your success stories',
    write: 'Write a story',
    pairEmpty: 'You have not written a story yet. Tell the organisation what changed for the two of you.',
    privacy:
      'Only the two of you read it until you both agree to publish it and the HR program team approves it.',
    'status.draft': 'Draft',
    'status.awaiting-approval': 'Waiting for approval',
    'status.returned': 'Returned with a note',
    'status.published': 'Published',
    statusLabel: 'Status: {status}',
    youAgreed: 'You agreed to publish this version.',
    youNotAgreed: 'You have not agreed to publish it yet.',
    partnerAgreed: '{name} agreed to publish this version.',
    partnerNotAgreed: '{name} has not agreed yet.',
    agree: 'Agree to publish',
    withdraw: 'Withdraw my agreement',
    withdrawTitle: 'Withdraw your agreement?',
    withdrawBodyPublished: 'The story will be taken down from the intranet at once.',
    withdrawBody: 'The story will not be published until you agree again.',
    edit: 'Edit',
    returnNote: 'Note from the HR program team: {note}',
    newHeading: 'Write a story',
    editHeading: 'Edit the story',
    titleLabel: 'Title',
    textLabel: 'What changed for the two of you',
    languageLabel: 'Language of the story',
    quoteLabel: 'A sentence one of you said (optional)',
    quoteByLabel: 'Who said it',
    noQuote: 'No quote',
    you: '{name} (you)',
    save: 'Save',
    saving: 'Saving…',
    editWarning: 'Saving a change withdraws the agreement of {name}, who will be asked to agree again.',
    maxChars: 'You can write at most {max} characters.',
    required: 'Write a title and the story.',
    saved: 'Story saved.',
    agreedDone: 'You agreed to publish the story.',
    withdrawnDone: 'You withdrew your agreement.',
    queued: 'You are offline: this is saved on this device and will be sent when you are back online.',
  },
  it: () => import('./stories.strings.it.js').then((words) => words.storiesItalian),
};
