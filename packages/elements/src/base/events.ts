import type {
  EnrollmentStatus,
  Feedback,
  Pair,
  PairRole,
  PairStatus,
  PersonData,
  PersonErasure,
  PrivateNote,
  Session,
  StoryStatus,
} from '@rm-kit/core';
import type { OutboxOperation } from '@rm-kit/sdk';

/**
 * What was being done when something failed, in the same words in every element: `load`
 * (the first load, or its retry), `refresh` (reloading after a live change), `load-more` (a
 * further page), `load-part` (a part of the element, such as its form, could not be fetched),
 * `notes.load`, `proposals.load` (running matching on the match board), `people.search`,
 * `me.export`, `people.export` and `people.erase` (`<rm-person-data>`), or the write that
 * failed or that the server refused once queued, named as the SDK's outbox names it
 * (`sessions.create`, `pairs.acceptCharter`, …).
 */
export type RmErrorAction =
  | 'load'
  | 'refresh'
  | 'load-more'
  | 'load-part'
  | 'notes.load'
  | 'proposals.load'
  | 'people.search'
  | 'me.export'
  | 'people.export'
  | 'people.erase'
  /** Reading, making or turning off a calendar link (the session log's "Add to calendar"). */
  | 'calendar'
  | OutboxOperation;

/** Every `rm-*` event: they bubble, cross shadow roots (composed) and carry a typed detail. */
export interface RmEventDetails {
  /** A session was saved, or queued offline (`pending`). */
  'rm-session-logged': { session: Session; pending: boolean };
  /**
   * A session was changed (`edited`, `rescheduled`, marked `held`, `cancelled`) or `deleted`,
   * or the change was queued offline (`pending`); `session` is as the change leaves it.
   */
  'rm-session-changed': { session: Session; change: SessionChange; pending: boolean };
  /** An action item was ticked off or reopened. */
  'rm-action-item-toggled': { session: Session; itemId: string; done: boolean; pending: boolean };
  /** A private note was saved (or queued offline). */
  'rm-note-saved': { note: PrivateNote; pending: boolean };
  /** Feedback was submitted or changed, or queued offline. */
  'rm-feedback-submitted': { feedback: Feedback; pending: boolean };
  /** An answer was withdrawn (deleted), or its withdrawal queued offline. */
  'rm-feedback-withdrawn': { feedbackId: string; pending: boolean };
  /**
   * An application was sent, changed, withdrawn, accepted or declined, or the write was
   * queued offline (`pending`).
   */
  'rm-enrollment-changed': {
    programId: string;
    enrollmentId: string;
    status: EnrollmentStatus;
    change: EnrollmentChange;
    pending: boolean;
  };
  /**
   * A pair was made by hand, consented to, declined, paused or resumed, or the write was
   * queued offline (`pending`); `status` is the one the change leaves it in.
   */
  'rm-pair-changed': { pairId: string; status: PairStatus; change: PairChange; pending: boolean };
  /**
   * The viewer accepted the charter for their `side` of the pair, or the acceptance was queued
   * offline (`pending`); `status` is the one it leaves the pair in (`active` when it was the
   * last step, `proposed` while the other side, or the mentee's consent, is still awaited).
   */
  'rm-charter-accepted': { pairId: string; side: PairRole; status: PairStatus; pending: boolean };
  /**
   * A story was written, edited, agreed to, its agreement withdrawn, approved or returned,
   * or the write was queued offline (`pending`); `status` is the one it leaves the story in.
   */
  'rm-story-changed': { storyId: string; status: StoryStatus; change: StoryChange; pending: boolean };
  /** An admin published proposals: the pairs now proposed to their members. */
  'rm-pairs-published': { programId: string; pairs: Pair[] };
  /** A person's data was downloaded as a file: the caller's own (`self`) or, by an admin, someone's (`admin`). */
  'rm-data-exported': { personId: string; scope: PersonData['scope']; fileName: string };
  /** An admin erased a person: the erasure as the server recorded it. */
  'rm-person-erased': { erasure: PersonErasure };
  /**
   * What the element shows finished loading (or reloading): `count` is how many items it
   * shows (1 for a single pair or form), `stale` whether any of it is an offline copy.
   */
  'rm-load': { count: number; stale: boolean };
  /** Something failed: loading, saving, or a queued write the server refused later. */
  'rm-error': { error: Error; action: RmErrorAction };
}

/** What a change did to a session. */
export type SessionChange = 'edited' | 'rescheduled' | 'held' | 'cancelled' | 'deleted';

/** What a change did to an application. */
export type EnrollmentChange = 'applied' | 'edited' | 'withdrawn' | 'accepted' | 'declined';

/** What a change did to a story. */
export type StoryChange = 'written' | 'edited' | 'agreed' | 'withdrawn' | 'approved' | 'returned';

/**
 * What a change did to a pair. `started`: a proposed pair became active because the last of
 * its steps (a charter acceptance) arrived; the mentee's consent that completes the steps is
 * `consented`, with status `active`.
 */
export type PairChange = 'created' | 'consented' | 'started' | 'declined' | 'paused' | 'resumed';

export type RmEventName = keyof RmEventDetails;

declare global {
  interface GlobalEventHandlersEventMap {
    'rm-session-logged': CustomEvent<RmEventDetails['rm-session-logged']>;
    'rm-session-changed': CustomEvent<RmEventDetails['rm-session-changed']>;
    'rm-action-item-toggled': CustomEvent<RmEventDetails['rm-action-item-toggled']>;
    'rm-note-saved': CustomEvent<RmEventDetails['rm-note-saved']>;
    'rm-feedback-submitted': CustomEvent<RmEventDetails['rm-feedback-submitted']>;
    'rm-feedback-withdrawn': CustomEvent<RmEventDetails['rm-feedback-withdrawn']>;
    'rm-enrollment-changed': CustomEvent<RmEventDetails['rm-enrollment-changed']>;
    'rm-pair-changed': CustomEvent<RmEventDetails['rm-pair-changed']>;
    'rm-charter-accepted': CustomEvent<RmEventDetails['rm-charter-accepted']>;
    'rm-pairs-published': CustomEvent<RmEventDetails['rm-pairs-published']>;
    'rm-data-exported': CustomEvent<RmEventDetails['rm-data-exported']>;
    'rm-person-erased': CustomEvent<RmEventDetails['rm-person-erased']>;
    'rm-story-changed': CustomEvent<RmEventDetails['rm-story-changed']>;
    'rm-load': CustomEvent<RmEventDetails['rm-load']>;
    'rm-error': CustomEvent<RmEventDetails['rm-error']>;
  }
}
