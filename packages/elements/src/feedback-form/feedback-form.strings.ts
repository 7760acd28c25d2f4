import { type BaseKey, baseEnglish } from '../base/base.strings.en.js';
import type { LocalizeController, Strings } from '../base/localize.js';

/** The words of the questions and of what a write says; the answered view adds its own when it loads. */
export type FeedbackFormKey =
  | BaseKey
  | 'title.session'
  | 'title.midpoint'
  | 'title.final'
  | 'title.anySession'
  | 'answeringAs.mentor'
  | 'answeringAs.mentee'
  | 'privacy'
  | 'privacy.noName'
  | 'question.usefulness.session'
  | 'question.usefulness.midpoint'
  | 'question.usefulness.final'
  | 'question.trust'
  | 'question.preparation'
  | 'question.preparation.noName'
  | 'question.recommend'
  | 'ratingLow'
  | 'ratingHigh'
  | 'recommendLow'
  | 'recommendHigh'
  | 'learned'
  | 'improve'
  | 'optional'
  | 'share'
  | 'share.noName'
  | 'submit'
  | 'submitting'
  | 'error.rating'
  | 'error.recommend'
  | 'error.tooLong'
  | 'errorsFound.one'
  | 'errorsFound.other'
  | 'submitFailed'
  | 'syncRefused'
  | 'thanks'
  | 'thanksOffline'
  | 'sent'
  | 'answered.session'
  | 'answered.midpoint'
  | 'answered.final'
  | 'notHeld'
  | 'notInPair'
  | 'title.program'
  | 'closed.midpoint'
  | 'closed.final'
  | 'closed.notStarted'
  | 'editing'
  | 'saveChanges'
  | 'saving'
  | 'cancel'
  | 'changed'
  | 'changedOffline'
  | 'changesSent'
  | 'changeFailed'
  | 'withdrawn'
  | 'withdrawnOffline'
  | 'withdrawFailed'
  | 'changedElsewhere'
  | 'withdrawnElsewhere'
  | 'refreshFailed';

/**
 * Every word the feedback form shows first, with the shared state words of every element:
 * English here, Italian in a module of its own, loaded when a page first shows the form in
 * Italian. `{name}` is the other member of the pair; a `.noName` twin says "the other
 * person" for a form that does not know them (a form control without a client), because an
 * Italian preposition binds to the article ("di Luca", "dell'altra persona").
 */
export const feedbackFormStrings: Strings<FeedbackFormKey> = {
  en: {
    ...baseEnglish,
    'title.session': 'Feedback on the session of {date}',
    'title.midpoint': 'Mid-point feedback',
    'title.final': 'Final feedback',
    'title.anySession': 'Session feedback',
    'answeringAs.mentor': 'You are answering as the mentor',
    'answeringAs.mentee': 'You are answering as the mentee',
    privacy:
      '{name} will see your answers only if you choose to share them, and only once they have answered too. The program’s HR leads see only anonymous averages of at least {n} answers.',
    'privacy.noName':
      'The other person will see your answers only if you choose to share them, and only once they have answered too. The program’s HR leads see only anonymous averages of at least {n} answers.',
    'question.usefulness.session': 'How useful was the session?',
    'question.usefulness.midpoint': 'How useful has the program been so far?',
    'question.usefulness.final': 'How useful was the program?',
    'question.trust': 'How safe did it feel to speak openly?',
    'question.preparation': 'How well prepared did {name} seem to you?',
    'question.preparation.noName': 'How well prepared did the other person seem to you?',
    'question.recommend': 'How likely are you to recommend the program to a colleague?',
    ratingLow: '1: not at all',
    ratingHigh: '5: very much',
    recommendLow: '0: not likely',
    recommendHigh: '10: very likely',
    learned: 'What you learned',
    improve: 'What could be better',
    optional: '(optional)',
    share: 'Share your answers with {name}',
    'share.noName': 'Share your answers with the other person',
    submit: 'Send feedback',
    submitting: 'Sending…',
    'error.rating': 'Choose a rating from 1 to 5.',
    'error.recommend': 'Choose a number from 0 to 10.',
    'error.tooLong': 'Write at most {max} characters.',
    'errorsFound.one': 'There is 1 answer to check.',
    'errorsFound.other': 'There are {count} answers to check.',
    submitFailed: 'Your feedback could not be saved. Try again in a moment.',
    syncRefused: 'Your feedback saved offline could not be sent. Check your answers and send them again.',
    thanks: 'Thank you, your feedback has been sent.',
    thanksOffline:
      'Thank you! Your feedback is saved on this device and will be sent as soon as you are back online.',
    sent: 'Your feedback has been sent.',
    'answered.session': 'You have already given feedback on this session',
    'answered.midpoint': 'You have already given the mid-point feedback',
    'answered.final': 'You have already given the final feedback',
    notHeld: 'You can give feedback once the session has been held.',
    notInPair: 'Only the two people of this pair can give its feedback.',
    'title.program': 'Feedback on the program',
    'closed.midpoint': 'The mid-point questionnaire opens on {date}.',
    'closed.final': 'The final questionnaire opens on {date}.',
    'closed.notStarted': 'The program questionnaires open once the pair has started.',
    editing: 'Change your answers, then save them.',
    saveChanges: 'Save changes',
    saving: 'Saving…',
    cancel: 'Cancel',
    changed: 'Your changes have been saved.',
    changedOffline: 'Your changes are saved on this device and will be sent as soon as you are back online.',
    changesSent: 'Your changes have been sent.',
    changeFailed: 'Your changes could not be saved. Try again in a moment.',
    withdrawn: 'Your answers have been withdrawn.',
    withdrawnOffline: 'Your answers will be withdrawn as soon as you are back online.',
    withdrawFailed: 'Your answers could not be withdrawn. Try again in a moment.',
    changedElsewhere:
      'Your answers were changed in another window or on another device in the meantime. Here they are as they are now: change them again if you wish.',
    withdrawnElsewhere: 'Your answers were withdrawn in another window or on another device in the meantime.',
    refreshFailed: 'The answers could not be updated just now: what you see may be out of date.',
  },
  it: () => import('./feedback-form.strings.it.js').then((words) => words.feedbackFormItalian),
};

/** The form's words, as its render modules take them. */
export type FeedbackFormText = LocalizeController<FeedbackFormKey>;
