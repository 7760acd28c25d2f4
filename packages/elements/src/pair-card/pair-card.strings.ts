import { baseStrings } from '../base/base.strings.js';
import { careerStageStrings } from '../base/career-stage.strings.js';
import type { Strings } from '../base/localize.js';

type PairCardKey =
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
  | 'risk.noRecentSession'
  | 'risk.noRecentSessionCadence'
  | 'risk.lowTrust'
  | 'progress'
  | 'sessions.one'
  | 'sessions.other'
  | 'sessionsHeld.one'
  | 'sessionsHeld.other'
  | 'sessionsAhead'
  | 'noSessionsDue'
  | 'adherence'
  | 'goals.one'
  | 'goals.other'
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

/**
 * The card's words. Mind the inversion: the mentor is the junior who teaches, the mentee
 * the senior who learns, and the role line says so with the career stage.
 */
export const pairCardStrings: Strings<
  keyof (typeof baseStrings)['en'] | keyof (typeof careerStageStrings)['en'] | PairCardKey
> = {
  en: {
    ...baseStrings.en,
    ...careerStageStrings.en,
    empty: 'No pair to show yet. Set the pair-id attribute to the id of a pair, e.g. pair-id="par_…".',
    cardLabel: 'Mentoring pair: {mentor} and {mentee}',
    roleWithStage: '{role} · {stage}',
    photoOf: 'Photo of {name}',
    'status.proposed': 'Proposed',
    'status.active': 'Active',
    'status.paused': 'Paused',
    'status.completed': 'Completed',
    'status.dissolved': 'Dissolved',
    statusLabel: 'Status: {status}',
    atRiskWithReasons: 'At risk: {reasons}',
    'risk.noRecentSession': 'No session for over {duration}',
    'risk.noRecentSessionCadence': 'No session for over twice the agreed cadence',
    'risk.lowTrust': 'Low trust in recent feedback',
    progress: 'Progress',
    'sessions.one': '{held} of {expected} session',
    'sessions.other': '{held} of {expected} sessions',
    'sessionsHeld.one': '{held} session held',
    'sessionsHeld.other': '{held} sessions held',
    sessionsAhead: '{held} sessions held, {expected} expected',
    noSessionsDue: 'No sessions due yet',
    adherence: '{percent} cadence adherence',
    'goals.one': '{achieved} of {total} goal achieved',
    'goals.other': '{achieved} of {total} goals achieved',
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
    acceptCharter: 'Accept charter',
    accepting: 'Accepting…',
    readCharter: 'Read the charter',
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
    'status.proposed': 'Proposta',
    'status.active': 'Attiva',
    'status.paused': 'In pausa',
    'status.completed': 'Conclusa',
    'status.dissolved': 'Sciolta',
    statusLabel: 'Stato: {status}',
    atRiskWithReasons: 'A rischio: {reasons}',
    'risk.noRecentSession': 'Nessun incontro da oltre {duration}',
    'risk.noRecentSessionCadence': 'Nessun incontro da oltre il doppio della cadenza concordata',
    'risk.lowTrust': 'Fiducia bassa nei feedback recenti',
    progress: 'Andamento',
    'sessions.one': '{held} di {expected} incontro',
    'sessions.other': '{held} di {expected} incontri',
    'sessionsHeld.one': '{held} incontro svolto',
    'sessionsHeld.other': '{held} incontri svolti',
    sessionsAhead: '{held} incontri svolti, {expected} previsti',
    noSessionsDue: 'Nessun incontro ancora previsto',
    adherence: 'Aderenza alla cadenza: {percent}',
    'goals.one': '{achieved} di {total} obiettivo raggiunto',
    'goals.other': '{achieved} di {total} obiettivi raggiunti',
    noGoals: 'Ancora nessun obiettivo',
    lastSession: 'Ultimo incontro',
    nextSession: 'Prossimo incontro',
    noSessionYet: 'Nessuno finora',
    noSessionPlanned: 'Nessuno in programma',
    topics: 'Temi',
    noTopics: 'Nessun tema ancora scelto',
    'charter.both': 'Patto accettato da entrambi',
    'charter.waitingMentor': 'In attesa che il mentor accetti il patto',
    'charter.waitingMentee': 'In attesa che il mentee accetti il patto',
    'charter.waitingBoth': 'In attesa che entrambi accettino il patto',
    acceptCharter: 'Accetta il patto',
    accepting: 'Accettazione…',
    readCharter: 'Leggi il patto',
    accepted: 'Hai accettato il patto.',
    acceptQueued: 'Sei offline: la tua accettazione del patto sarà inviata quando tornerai online.',
    acceptFailed: 'Non è stato possibile accettare il patto. Riprova.',
  },
};
