import { baseStrings } from '../base/base.strings.js';
import { careerStageStrings } from '../base/career-stage.strings.js';
import type { Strings } from '../base/localize.js';

type CardKey =
  | 'empty'
  | 'cardLabel'
  | 'roleWithStage'
  | 'photoOf'
  | 'status.proposed'
  | 'status.active'
  | 'status.paused'
  | 'status.completed'
  | 'status.dissolved'
  | 'statusLabel'
  | 'atRiskWithReasons'
  | 'atRiskViewer'
  | 'risk.noRecentSession'
  | 'risk.noRecentSessionCadence'
  | 'risk.lowTrust'
  | 'progress'
  | 'sessions'
  | 'sessionsHeld'
  | 'sessionsAhead'
  | 'noSessionsDue'
  | 'adherence'
  | 'goals'
  | 'noGoals'
  | 'lastSession'
  | 'nextSession'
  | 'noSessionYet'
  | 'noSessionPlanned'
  | 'topics'
  | 'noTopics'
  | 'charter.both'
  | 'charter.waitingMentor'
  | 'charter.waitingMentee'
  | 'charter.waitingBoth'
  | 'acceptCharter'
  | 'accepting'
  | 'readCharter'
  | 'accepted'
  | 'acceptQueued'
  | 'acceptFailed';

/** Every word the card shows: its own, the state words every element shares, the career stages. */
export type PairCardKey =
  | keyof (typeof baseStrings)['en']
  | keyof (typeof careerStageStrings)['en']
  | CardKey;

/**
 * The card's words. Mind the inversion: the mentor is the junior who teaches, the mentee
 * the senior who learns, and the role line says so with the career stage.
 */
export const pairCardStrings: Strings<PairCardKey> = {
  en: {
    ...baseStrings.en,
    ...careerStageStrings.en,
    empty: 'No pair to show yet. Set the pair-id attribute to the id of a pair, e.g. pair-id="par_…".',
    cardLabel: 'Mentoring pair: {mentor} and {mentee}',
    roleWithStage: '{role} · {stage}',
    photoOf: 'Photo of {name}',
    'status.proposed': 'To be confirmed',
    'status.active': 'Active',
    'status.paused': 'Paused',
    'status.completed': 'Completed',
    'status.dissolved': 'Ended early',
    statusLabel: 'Status: {status}',
    atRiskWithReasons: 'At risk: {reasons}',
    atRiskViewer:
      'Based on the sessions and on the feedback you may read: someone who reads other answers may see a different result.',
    'risk.noRecentSession': 'no session for over {duration}',
    'risk.noRecentSessionCadence': 'no session for over twice the agreed interval',
    'risk.lowTrust': 'low trust in recent feedback',
    progress: 'Progress',
    sessions: 'Sessions held: {held} of {expected}',
    sessionsHeld: 'Sessions held: {held}',
    sessionsAhead: 'Sessions held: {held} (expected: {expected})',
    noSessionsDue: 'No sessions due yet',
    adherence: 'Session regularity: {percent}',
    goals: 'Goals achieved: {achieved} of {total}',
    noGoals: 'No goals yet',
    lastSession: 'Last session',
    nextSession: 'Next session',
    noSessionYet: 'None yet',
    noSessionPlanned: 'None planned',
    topics: 'Topics',
    noTopics: 'No topics chosen yet',
    'charter.both': 'Charter accepted by both',
    'charter.waitingMentor': 'Waiting for the mentor to accept the charter',
    'charter.waitingMentee': 'Waiting for the mentee to accept the charter',
    'charter.waitingBoth': 'Waiting for both to accept the charter',
    acceptCharter: 'Accept the charter',
    accepting: 'Accepting…',
    readCharter: 'Read the mentoring charter',
    accepted: 'You accepted the charter.',
    acceptQueued: 'You are offline: your acceptance of the charter will be sent when you are back online.',
    acceptFailed: 'The charter could not be accepted. Try again.',
  },
  it: {
    ...baseStrings.it,
    ...careerStageStrings.it,
    empty:
      'Nessuna coppia da mostrare. Imposta l’attributo pair-id con l’id di una coppia, ad es. pair-id="par_…".',
    cardLabel: 'Coppia di mentoring: {mentor} e {mentee}',
    roleWithStage: '{role} · {stage}',
    photoOf: 'Foto di {name}',
    'status.proposed': 'Da confermare',
    'status.active': 'Attiva',
    'status.paused': 'In pausa',
    'status.completed': 'Conclusa',
    'status.dissolved': 'Interrotta',
    statusLabel: 'Stato: {status}',
    atRiskWithReasons: 'A rischio: {reasons}',
    atRiskViewer:
      'Valutazione basata sulle sessioni e sui feedback che puoi leggere: chi legge altre risposte può vedere un esito diverso.',
    'risk.noRecentSession': 'nessuna sessione da oltre {duration}',
    'risk.noRecentSessionCadence': 'nessuna sessione da più del doppio dell’intervallo concordato',
    'risk.lowTrust': 'clima di fiducia debole nei feedback recenti',
    progress: 'Andamento',
    sessions: 'Sessioni svolte: {held} su {expected}',
    sessionsHeld: 'Sessioni svolte: {held}',
    sessionsAhead: 'Sessioni svolte: {held} (previste: {expected})',
    noSessionsDue: 'Nessuna sessione ancora prevista',
    adherence: 'Regolarità delle sessioni: {percent}',
    goals: 'Obiettivi raggiunti: {achieved} su {total}',
    noGoals: 'Ancora nessun obiettivo',
    lastSession: 'Ultima sessione',
    nextSession: 'Prossima sessione',
    noSessionYet: 'Nessuna finora',
    noSessionPlanned: 'Nessuna in programma',
    topics: 'Temi',
    noTopics: 'Nessun tema ancora scelto',
    'charter.both': 'Patto accettato da entrambi',
    'charter.waitingMentor': 'In attesa che il mentor accetti il patto',
    'charter.waitingMentee': 'In attesa che il mentee accetti il patto',
    'charter.waitingBoth': 'In attesa che entrambi accettino il patto',
    acceptCharter: 'Accetta il patto',
    accepting: 'Accettazione in corso…',
    readCharter: 'Leggi il patto di mentoring',
    accepted: 'Hai accettato il patto.',
    acceptQueued: 'Sei offline: la tua adesione al patto sarà inviata quando tornerai online.',
    acceptFailed: 'Non è stato possibile accettare il patto. Riprova.',
  },
};
