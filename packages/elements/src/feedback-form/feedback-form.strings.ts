import { baseStrings } from '../base/base.strings.js';
import { careerStageStrings } from '../base/career-stage.strings.js';
import type { Strings } from '../base/localize.js';

type FeedbackFormKey =
  | 'title.session'
  | 'title.midpoint'
  | 'title.final'
  | 'title.anySession'
  | 'answeringAs'
  | 'privacy'
  | 'question.usefulness'
  | 'question.trust'
  | 'question.preparation'
  | 'question.recommend'
  | 'ratingLow'
  | 'ratingHigh'
  | 'recommendLow'
  | 'recommendHigh'
  | 'learned'
  | 'improve'
  | 'optional'
  | 'share'
  | 'submit'
  | 'submitting'
  | 'error.rating'
  | 'error.recommend'
  | 'error.tooLong'
  | 'errorsFound'
  | 'submitFailed'
  | 'syncRefused'
  | 'thanks'
  | 'savedOffline'
  | 'sent'
  | 'answered.session'
  | 'answered.midpoint'
  | 'answered.final'
  | 'yourAnswers'
  | 'outOf'
  | 'noAnswer'
  | 'shared'
  | 'notShared'
  | 'notHeld'
  | 'notInPair'
  | 'missingTarget';

/** Every word the feedback form shows, with the shared state words of every element. */
export const feedbackFormStrings: Strings<
  FeedbackFormKey | keyof (typeof baseStrings)['en'] | keyof (typeof careerStageStrings)['en']
> = {
  en: {
    ...baseStrings.en,
    ...careerStageStrings.en,
    'title.session': 'Feedback on the session of {date}',
    'title.midpoint': 'Mid-point feedback',
    'title.final': 'Final feedback',
    'title.anySession': 'Session feedback',
    answeringAs: 'You answer as {role}',
    privacy:
      'Your partner sees your answers only if you share them, and only once they have answered too. Program admins see only averages of at least {n} answers.',
    'question.usefulness': 'How useful was it?',
    'question.trust': 'How safe did it feel to speak openly?',
    'question.preparation': 'How well prepared was your partner?',
    'question.recommend': 'How likely are you to recommend the program to a colleague?',
    ratingLow: '1: not at all',
    ratingHigh: '5: very much',
    recommendLow: '0: not likely',
    recommendHigh: '10: very likely',
    learned: 'What I learned',
    improve: 'What to improve',
    optional: '(optional)',
    share: 'Share my answers with my partner',
    submit: 'Send feedback',
    submitting: 'Sending…',
    'error.rating': 'Choose a rating from 1 to 5',
    'error.recommend': 'Choose a number from 0 to 10',
    'error.tooLong': 'Keep it under {max} characters',
    errorsFound: 'Some answers are missing: {count} to check',
    submitFailed: 'Your feedback could not be saved. Try again in a moment.',
    syncRefused: 'The server refused your feedback: {message}',
    thanks: 'Thank you — your feedback is saved',
    savedOffline: 'Saved offline: it will be sent when you are back online',
    sent: 'Your feedback has been sent.',
    'answered.session': 'You have already answered for this session',
    'answered.midpoint': 'You have already answered the mid-point feedback',
    'answered.final': 'You have already answered the final feedback',
    yourAnswers: 'Your answers',
    outOf: '{value} of {max}',
    noAnswer: 'No answer',
    shared: 'Shared with your partner',
    notShared: 'Not shared with your partner',
    notHeld: 'Feedback opens once the session has been held.',
    notInPair: 'Only the two people of this pair can give its feedback.',
    missingTarget: 'Nothing to give feedback on: set session-id, or pair-id and kind.',
  },
  it: {
    ...baseStrings.it,
    ...careerStageStrings.it,
    'title.session': 'Feedback sulla sessione del {date}',
    'title.midpoint': 'Feedback di metà percorso',
    'title.final': 'Feedback finale',
    'title.anySession': 'Feedback sulla sessione',
    answeringAs: 'Rispondi come {role}',
    privacy:
      'Il tuo partner vede le tue risposte solo se le condividi, e solo dopo che avrà risposto a sua volta. Gli amministratori del programma vedono solo medie di almeno {n} risposte.',
    'question.usefulness': 'Quanto è stato utile?',
    'question.trust': 'Quanto è stato facile parlare apertamente?',
    'question.preparation': 'Come valuti la preparazione del tuo partner?',
    'question.recommend': 'Quanto è probabile che consiglieresti il programma a un collega?',
    ratingLow: '1: per niente',
    ratingHigh: '5: moltissimo',
    recommendLow: '0: per niente probabile',
    recommendHigh: '10: molto probabile',
    learned: 'Cosa ho imparato',
    improve: 'Cosa migliorare',
    optional: '(facoltativo)',
    share: 'Condividi le mie risposte con il mio partner',
    submit: 'Invia il feedback',
    submitting: 'Invio in corso…',
    'error.rating': 'Scegli un voto da 1 a 5',
    'error.recommend': 'Scegli un numero da 0 a 10',
    'error.tooLong': 'Resta sotto i {max} caratteri',
    errorsFound: 'Mancano alcune risposte: {count} da controllare',
    submitFailed: 'Non è stato possibile salvare il feedback. Riprova tra poco.',
    syncRefused: 'Il server ha rifiutato il feedback: {message}',
    thanks: 'Grazie — il tuo feedback è salvato',
    savedOffline: 'Salvato offline: sarà inviato quando tornerai online',
    sent: 'Il tuo feedback è stato inviato.',
    'answered.session': 'Hai già risposto per questa sessione',
    'answered.midpoint': 'Hai già risposto al feedback di metà percorso',
    'answered.final': 'Hai già risposto al feedback finale',
    yourAnswers: 'Le tue risposte',
    outOf: '{value} su {max}',
    noAnswer: 'Nessuna risposta',
    shared: 'Condiviso con il tuo partner',
    notShared: 'Non condiviso con il tuo partner',
    notHeld: 'Il feedback si apre quando la sessione si è svolta.',
    notInPair: 'Solo le due persone di questa coppia possono dare il feedback.',
    missingTarget: 'Nulla su cui dare feedback: imposta session-id, oppure pair-id e kind.',
  },
};
