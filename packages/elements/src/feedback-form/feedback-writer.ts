import type { Feedback, FeedbackCreate, FeedbackUpdate, Issue, RatingKey } from '@rm-kit/core';
import { RATING_KEYS } from '@rm-kit/core/vocabulary';
import {
  type OutboxEntry,
  type RmClient,
  RmConflictError,
  RmError,
  RmNotFoundError,
  RmPreconditionError,
  RmValidationError,
} from '@rm-kit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ClientEventsController } from '../base/client-events.js';
import { toError } from '../base/to-error.js';
import {
  type Answers,
  type AnswersAbout,
  answersOf,
  emptyAnswers,
  type FieldErrors,
  requestBody,
} from './feedback-answers.js';
import { type FormHost, NO_MESSAGES } from './feedback-form-state.js';
import type { Target } from './feedback-target.js';

/** The caller's answer as this visit knows it, and whether its last write still waits in the outbox. */
export interface Mine {
  feedback: Feedback;
  pending: boolean;
}

export type FeedbackWrite = 'feedback.create' | 'feedback.update' | 'feedback.remove';

interface WriteOutcome {
  operation: FeedbackWrite;
  /** The answer as written; absent for a removal. */
  feedback?: Feedback;
  /** The answer's id (for a removal, the one removed). */
  id: string;
  /** Queued offline: it waits in the outbox. */
  pending: boolean;
  /** A queued write that has now reached the server. */
  late: boolean;
}

/**
 * Whether a write's failure means what was shown is out of date, rather than a failure to
 * retry: `RmPreconditionError` and `RmNotFoundError`, the answer changed or went elsewhere
 * first; `RmConflictError` on a create, it was answered elsewhere first. Reload in all three.
 */
const overtaken = (error: unknown) =>
  error instanceof RmPreconditionError ||
  error instanceof RmNotFoundError ||
  error instanceof RmConflictError;

/**
 * The server's own message is English and for developers: the reader gets a sentence in
 * their language (and the request id to quote).
 */
const FAILED = {
  'feedback.create': 'submitFailed',
  'feedback.update': 'changeFailed',
  'feedback.remove': 'withdrawFailed',
} as const;

/**
 * The caller's writes to their answer: give it, change it (If-Match: the version shown) and
 * withdraw it, each through the SDK's outbox, so offline they are queued and shown as
 * waiting; a queued write is followed until it reaches the server or is refused there. A
 * module of its own, fetched once the browser is idle after the form's first render: only a
 * write in this visit needs it, and it is there when the write is made offline. It shows
 * what came of each write in the form (`FormHost`).
 */
/** Which field a contract issue is about, and the sentence that tells the person what to do. */
function fieldErrors(issues: readonly { path: readonly PropertyKey[] }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path } of issues) {
    const [head, sub] = path;
    if (head === 'ratings') {
      const keys = RATING_KEYS.includes(sub as RatingKey) ? [sub as RatingKey] : RATING_KEYS;
      for (const key of keys) errors[key] = 'error.rating';
    } else if (head === 'recommend') errors.recommend = 'error.recommend';
    else if (head === 'learned' || head === 'improve') errors[head] = 'error.tooLong';
  }
  return errors;
}

export class FeedbackWriter {
  /** The answer as written in this visit: newer than what was loaded until a reload catches up. */
  saved: Mine | undefined;
  /** An answer withdrawn in this visit: hidden even while a reload still lists it. */
  withdrawn: { id: string; pending: boolean } | undefined;
  busy = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly apiOf: () => RmClient | undefined,
    private readonly form: FormHost,
  ) {
    new ClientEventsController(host, apiOf, {
      synced: (write) => {
        if (write.operation === 'feedback.remove') {
          if (write.entry.write.id !== this.withdrawn?.id || !this.withdrawn.pending) return;
          this.withdrawn = { id: write.entry.write.id, pending: false };
          this.saved = undefined;
          this.settle({ operation: write.operation, id: write.entry.write.id, pending: false, late: true });
          return;
        }
        if (write.operation !== 'feedback.create' && write.operation !== 'feedback.update') return;
        if (!this.saved?.pending || this.entryId(write.entry) !== this.saved.feedback.id) return;
        this.saved = { feedback: write.result, pending: false };
        this.settle({
          operation: write.operation,
          feedback: write.result,
          id: write.result.id,
          pending: false,
          late: true,
        });
      },
      syncError: (entry, error) => {
        if (entry.state !== 'failed') return;
        const operation = entry.label as FeedbackWrite;
        const ours =
          (operation === 'feedback.remove' &&
            this.withdrawn?.pending &&
            this.entryId(entry) === this.withdrawn.id) ||
          ((operation === 'feedback.create' || operation === 'feedback.update') &&
            this.saved?.pending &&
            this.entryId(entry) === this.saved.feedback.id);
        if (!ours) return;
        // The refused copy leaves the outbox, so it is never sent twice.
        void this.apiOf()?.discardWrite(entry.id);
        const refused = operation === 'feedback.remove' ? undefined : this.saved?.feedback;
        this.saved = undefined;
        this.withdrawn = undefined;
        this.host.requestUpdate();
        void this.failed(operation, error as Error, true, refused);
      },
    });
  }

  /** Forgets this visit's writes: another person, or another target. */
  reset() {
    this.saved = undefined;
    this.withdrawn = undefined;
  }

  /** The caller's current answer, unless withdrawn: the newer of what was written here and what was loaded. */
  mine(loaded: Feedback | undefined): Mine | undefined {
    const saved = this.saved;
    const newest =
      saved &&
      (saved.pending || !loaded || loaded.id !== saved.feedback.id || loaded.version < saved.feedback.version)
        ? saved
        : loaded && { feedback: loaded, pending: false };
    if (!newest || newest.feedback.id !== this.withdrawn?.id) return newest;
    return this.withdrawn.pending ? newest : undefined;
  }

  create(
    target: Target,
    body: FeedbackCreate & {
      sessionId: string | null;
      learned: string;
      improve: string;
      shareWithPartner: boolean;
    },
  ) {
    return this.run('feedback.create', async (api) => {
      const written = await api.feedback.create(target.pairId, body);
      // Queued offline: the answer as the server will keep it, from the body as core's schema read it.
      const feedback: Feedback = written.pending
        ? {
            ...body,
            id: written.id,
            orgId: '',
            pairId: target.pairId,
            authorId: '',
            authorRole: target.role,
            createdAt: written.createdAt,
            updatedAt: written.createdAt,
            version: 1,
          }
        : written;
      this.saved = { feedback, pending: written.pending === true };
      return { feedback, id: feedback.id, pending: written.pending === true };
    });
  }

  /**
   * Checks the answers as core's create schema does, beside the questions they are about, then
   * sends them: a new answer, or a change of `current` (checked by the same rules, as it
   * replaces every field). Here rather than in the form, which thereby stays within 20 kB.
   */
  async send(
    schemas: typeof import('@rm-kit/core/checks/feedback'),
    target: Target,
    answers: Answers,
    about: AnswersAbout,
    current: Feedback | undefined,
  ) {
    const parsed = schemas.feedbackCreateCheck.safeParse(requestBody(answers, about));
    if (!parsed.success) {
      await this.form.showErrors(fieldErrors(parsed.error.issues));
      return;
    }
    this.form.show({ ...NO_MESSAGES, notice: '' });
    if (!current) {
      await this.create(target, parsed.data);
      return;
    }
    const { ratings, recommend, learned, improve, shareWithPartner } = parsed.data;
    await this.change(current, { ratings, recommend, learned, improve, shareWithPartner });
  }

  change(current: Feedback, changes: Required<FeedbackUpdate>) {
    return this.run('feedback.update', async (api) => {
      const written = await api.feedback.update({ id: current.id, version: current.version }, changes);
      const feedback: Feedback = written.pending
        ? {
            ...current,
            ...changes,
            version: written.version ?? current.version + 1,
            updatedAt: written.createdAt,
          }
        : written;
      this.saved = { feedback, pending: written.pending === true };
      return { feedback, id: feedback.id, pending: written.pending === true };
    });
  }

  withdraw(current: Feedback) {
    return this.run('feedback.remove', async (api) => {
      const queued = await api.feedback.remove({ id: current.id, version: current.version });
      this.withdrawn = { id: current.id, pending: queued !== undefined };
      if (!queued) this.saved = undefined;
      return { id: current.id, pending: queued !== undefined };
    });
  }

  /** The id a queued write names: a create's provisional id, or the answer an update or removal names. */
  private entryId(entry: OutboxEntry): string | undefined {
    if (entry.provisionalId) return entry.provisionalId;
    const write = entry.write;
    return 'id' in write ? write.id : undefined;
  }

  private async run(
    operation: FeedbackWrite,
    write: (api: RmClient) => Promise<Omit<WriteOutcome, 'operation' | 'late'>>,
  ): Promise<void> {
    const api = this.apiOf();
    if (!api || this.busy) return;
    this.busy = true;
    this.host.requestUpdate();
    try {
      const outcome = await write(api);
      this.settle({ operation, ...outcome, late: false });
    } catch (error) {
      if (overtaken(error)) this.saved = undefined;
      void this.failed(operation, toError(error), false);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private settle(outcome: WriteOutcome) {
    this.host.requestUpdate();
    void this.written(outcome);
  }

  /** The answered view after a write (the form again after a withdrawal), said aloud; the focus on it, unless the write was queued earlier. */
  private async written({ operation, feedback, id, pending, late }: WriteOutcome) {
    const form = this.form;
    if (operation === 'feedback.remove') {
      form.show({
        mode: 'view',
        answers: emptyAnswers(),
        outcome: undefined,
        notice: pending ? '' : 'withdrawn',
      });
      form.emit('rm-feedback-withdrawn', { feedbackId: id, pending });
      form.say(pending ? 'withdrawnOffline' : 'withdrawn');
      if (!late) await form.focusOn('#title');
      return;
    }
    if (!feedback) return;
    const created = operation === 'feedback.create';
    const outcome = created ? (pending ? 'thanksOffline' : 'thanks') : pending ? 'changedOffline' : 'changed';
    form.show({ mode: 'view', outcome });
    form.emit('rm-feedback-submitted', { feedback, pending });
    // The heading says it: read out as the focus moves onto it, or (sent later, the reader's
    // focus elsewhere) in the live region alone, never a second time on screen below it.
    if (late) form.say(created ? 'sent' : 'changesSent', { onScreen: false });
    else await form.focusDone();
  }

  /**
   * A write failed, or the server refused it once queued (`late`; the refused copy has left
   * the outbox, and `refused` holds the answer it carried, to put back in the form).
   */
  private async failed(operation: FeedbackWrite, error: Error, late: boolean, refused?: Feedback) {
    const form = this.form;
    form.emit('rm-error', { error, action: operation });
    if (overtaken(error)) {
      // Changed, withdrawn or answered elsewhere first: show the answer as it is now.
      form.show({ ...NO_MESSAGES, mode: 'view', outcome: undefined, notice: '' });
      await form.refresh();
      // Said once the answers as they are now are on show, not over the old ones.
      const notice =
        operation === 'feedback.create'
          ? ''
          : error instanceof RmNotFoundError
            ? 'withdrawnElsewhere'
            : 'changedElsewhere';
      form.show({ notice });
      await form.focusDone();
      form.say(notice || `answered.${form.kind()}`);
      return;
    }
    if (!late && error instanceof RmValidationError && operation !== 'feedback.remove') {
      const errors = fieldErrors(error.issues as Issue[]);
      if (Object.keys(errors).length > 0) {
        await form.showErrors(errors);
        return;
      }
    }
    if (late && refused) {
      // The refused answer goes back into the form, to be corrected and sent again.
      const changing = form.target()?.mine;
      const mode = operation === 'feedback.update' && changing ? 'edit' : 'view';
      form.show({ answers: answersOf(refused), changing, mode });
    }
    const submitError = late && operation !== 'feedback.remove' ? 'syncRefused' : FAILED[operation];
    form.show({ submitError, submitReference: error instanceof RmError ? (error.requestId ?? '') : '' });
    form.say(submitError);
  }
}
