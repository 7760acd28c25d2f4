import type { Feedback, FeedbackKind } from '@rm-kit/core';
import type { RmEventDetails, RmEventName } from '../base/events.js';
import { type Answers, emptyAnswers, type FieldErrors } from './feedback-answers.js';
import type { FeedbackFormKey } from './feedback-form.strings.js';
import type { Target } from './feedback-target.js';

/** The answered view's heading after a write in this visit: what was just done. */
export type WrittenHeading = 'thanks' | 'thanksOffline' | 'changed' | 'changedOffline';
export type FailureKey = 'syncRefused' | 'submitFailed' | 'changeFailed' | 'withdrawFailed';

/** What the form shows besides what it loaded: the reader's answers, and what the last action said. */
export interface FormState {
  answers: Answers;
  errors: FieldErrors;
  /** Why the last write (or a module it needed) failed; '' when nothing failed. */
  submitError: FailureKey | '';
  /** The request id of a refusal, for the reader to quote to whoever runs the program. */
  submitReference: string;
  outcome: WrittenHeading | undefined;
  /** A line over the answers (or the form) about what happened to them meanwhile. */
  notice: 'changedElsewhere' | 'withdrawnElsewhere' | 'withdrawn' | '';
  mode: 'view' | 'edit' | 'confirm';
  /** The answer as it was when "Change" was pressed: its version goes as If-Match, whatever arrives meanwhile. */
  changing: Feedback | undefined;
}

export const initialFormState = (): FormState => ({
  answers: emptyAnswers(),
  errors: {},
  submitError: '',
  submitReference: '',
  outcome: undefined,
  notice: '',
  mode: 'view',
  changing: undefined,
});

/** No message left over from the last action, as a new action starts. */
export const NO_MESSAGES = { errors: {}, submitError: '', submitReference: '' } as const;

/** What the writer, a module that loads after the form is shown, needs from the element. */
export interface FormHost {
  show(changes: Partial<FormState>): void;
  /** What the form is about, as last loaded. */
  target(): Target | undefined;
  kind(): FeedbackKind;
  /** Says it politely, on screen and to screen readers (or to them alone), in the reader's language. */
  say(key: FeedbackFormKey, options?: { onScreen?: boolean }): void;
  emit<K extends RmEventName>(type: K, detail: RmEventDetails[K]): void;
  focusOn(selector: string): Promise<void>;
  /** Focuses the answered view's heading, once it is shown. */
  focusDone(): Promise<void>;
  /** Loads the answers again, keeping what is shown until they are in. */
  refresh(): Promise<void>;
  showErrors(errors: FieldErrors): Promise<void>;
}
