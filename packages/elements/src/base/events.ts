import type { Feedback, PrivateNote, Session } from '@rm-kit/core';

/** Every `rm-*` event: they bubble, cross shadow roots (composed) and carry a typed detail. */
export interface RmEventDetails {
  /** A session was saved, or queued offline (`pending`). */
  'rm-session-logged': { session: Session; pending: boolean };
  /** An action item was ticked off or reopened. */
  'rm-action-item-toggled': { session: Session; itemId: string; done: boolean; pending: boolean };
  /** A private note was saved (or queued offline). */
  'rm-note-saved': { note: PrivateNote; pending: boolean };
  /** Feedback was submitted, or queued offline. */
  'rm-feedback-submitted': { feedback: Feedback; pending: boolean };
  /** Data finished loading; `count` is how many items, where the element shows a list. */
  'rm-load': { count?: number };
  /** Something failed: loading, saving, or a queued write the server refused later. */
  'rm-error': { error: Error; action: string };
}

export type RmEventName = keyof RmEventDetails;

declare global {
  interface GlobalEventHandlersEventMap {
    'rm-session-logged': CustomEvent<RmEventDetails['rm-session-logged']>;
    'rm-action-item-toggled': CustomEvent<RmEventDetails['rm-action-item-toggled']>;
    'rm-note-saved': CustomEvent<RmEventDetails['rm-note-saved']>;
    'rm-feedback-submitted': CustomEvent<RmEventDetails['rm-feedback-submitted']>;
    'rm-load': CustomEvent<RmEventDetails['rm-load']>;
    'rm-error': CustomEvent<RmEventDetails['rm-error']>;
  }
}
