import type { LocalizeController, Strings } from '../base/localize.js';
import type { FeedbackFormKey } from './feedback-form.strings.js';

export type FeedbackSummaryKey =
  | 'yourAnswers'
  | 'outOf'
  | 'noAnswer'
  | 'shared'
  | 'shared.noName'
  | 'notShared'
  | 'theirAnswers'
  | 'theirAnswers.noName'
  | 'theirsHidden'
  | 'theirsHidden.noName'
  | 'sharedSeen'
  | 'sharedSeen.noName'
  | 'summary.usefulness'
  | 'summary.trust'
  | 'summary.preparation'
  | 'summary.preparation.noName'
  | 'summary.preparation.yours'
  | 'summary.recommend'
  | 'summary.learned'
  | 'change'
  | 'withdraw'
  | 'withdraw.confirm'
  | 'withdraw.yes'
  | 'withdraw.no'
  | 'withdrawing';

/**
 * The words of the answered view, which loads after the form is first shown: both languages
 * here, as the whole module is fetched only when needed (or when the browser is idle).
 */
export const feedbackSummaryStrings: Strings<FeedbackSummaryKey> = {
  en: {
    yourAnswers: 'Your answers',
    outOf: '{value} of {max}',
    noAnswer: 'No answer',
    shared: 'Answers shared: {name} will see them once they have answered too.',
    'shared.noName': 'Answers shared: the other person will see them once they have answered too.',
    notShared: 'Answers not shared.',
    theirAnswers: '{name}’s answers',
    'theirAnswers.noName': 'The other person’s answers',
    theirsHidden:
      '{name}’s answers will appear here once they have answered and chosen to share them with you.',
    'theirsHidden.noName':
      'The other person’s answers will appear here once they have answered and chosen to share them with you.',
    sharedSeen: 'Answers shared: {name} can see them.',
    'sharedSeen.noName': 'Answers shared: the other person can see them.',
    'summary.usefulness': 'Usefulness',
    'summary.trust': 'Speaking openly, without worry',
    'summary.preparation': 'Preparation of {name}',
    'summary.preparation.noName': 'Preparation of the other person',
    'summary.preparation.yours': 'Your preparation',
    'summary.recommend': 'Recommending the program',
    'summary.learned': 'What was learned',
    change: 'Change my answers',
    withdraw: 'Withdraw my answers',
    'withdraw.confirm': 'Withdraw your answers? They will be deleted; you can answer again afterwards.',
    'withdraw.yes': 'Withdraw',
    'withdraw.no': 'Keep my answers',
    withdrawing: 'Withdrawing…',
  },
  it: {
    yourAnswers: 'Le tue risposte',
    outOf: '{value} su {max}',
    noAnswer: 'Nessuna risposta',
    shared: 'Risposte condivise: {name} le vedrà dopo aver risposto a sua volta.',
    'shared.noName': 'Risposte condivise: l’altra persona le vedrà dopo aver risposto a sua volta.',
    notShared: 'Risposte non condivise.',
    theirAnswers: 'Le risposte di {name}',
    'theirAnswers.noName': 'Le risposte dell’altra persona',
    theirsHidden:
      'Le risposte di {name} compariranno qui quando avrà risposto e scelto di condividerle con te.',
    'theirsHidden.noName':
      'Le risposte dell’altra persona compariranno qui quando avrà risposto e scelto di condividerle con te.',
    sharedSeen: 'Risposte condivise: {name} può vederle.',
    'sharedSeen.noName': 'Risposte condivise: l’altra persona può vederle.',
    'summary.usefulness': 'Utilità',
    'summary.trust': 'Libertà di parlare apertamente',
    'summary.preparation': 'Preparazione di {name}',
    'summary.preparation.noName': 'Preparazione dell’altra persona',
    'summary.preparation.yours': 'La tua preparazione',
    'summary.recommend': 'Propensione a consigliare il programma',
    'summary.learned': 'Che cosa si è imparato',
    change: 'Modifica le mie risposte',
    withdraw: 'Ritira le mie risposte',
    'withdraw.confirm':
      'Vuoi ritirare le tue risposte? Saranno eliminate; potrai rispondere di nuovo in seguito.',
    'withdraw.yes': 'Ritira',
    'withdraw.no': 'Mantieni le risposte',
    withdrawing: 'Ritiro in corso…',
  },
};

/** The answered view's words, with the form's. */
export type FeedbackSummaryText = LocalizeController<FeedbackFormKey | FeedbackSummaryKey>;
