import { initialState, Task } from '@lit/task';
import type { Enrollment, EnrollmentCreate, EnrollmentUpdate, List, Person, Program } from '@rm-kit/core';
import { isStale, type RmClient, staleSince } from '@rm-kit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ClientEventsController } from '../base/client-events.js';

/** One program the viewer may apply to, and what they sent it. */
export interface ProgramEntry {
  program: Program;
  /** The viewer's application as the server has it, with any change queued offline over it; null if none. */
  enrollment: Enrollment | null;
  /** A change to the application (an edit, a withdrawal) waits in the outbox. */
  changePending: boolean;
  /** An application sent offline, waiting in the outbox: its body. */
  queued: EnrollmentCreate | null;
}

/** Everything the form shows. */
export interface EnrollmentView {
  person: Person;
  entries: ProgramEntry[];
  /** When the offline copy was fetched, if any part comes from the read cache. */
  staleSince: Date | null;
}

/** The viewer is not a person (a service token): there is no one to enrol. */
export class NoPerson extends Error {}

const OPEN_STATUS = 'enrolling';

function oldest(values: unknown[]): Date | null {
  return values
    .filter((value) => isStale(value))
    .map((value) => staleSince(value))
    .reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
}

/**
 * The viewer's own application to a program. A member's list holds only their own; an
 * admin's holds everyone's, so it is read page by page until theirs turns up.
 */
async function findMine(api: RmClient, programId: string, personId: string, signal: AbortSignal) {
  const pages: List<Enrollment>[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.enrollments.page(
      programId,
      { limit: 100, ...(cursor ? { cursor } : {}) },
      { signal },
    );
    pages.push(page);
    const mine = page.items.find((enrollment) => enrollment.personId === personId);
    if (mine) return { mine, pages };
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { mine: null, pages };
}

/** What the data half needs from the form it serves. */
export interface EnrollmentFormDataHost {
  client(): RmClient | undefined;
  programId(): string;
  loaded(view: EnrollmentView): void;
  failed(error: unknown): void;
  /**
   * A write reached the server: one queued offline, or one the form is sending now (the
   * outbox tells of both); the form reloads for the first kind.
   */
  sent(operation: 'enrollments.create' | 'enrollments.update', enrollment: Enrollment): void;
  /** The server refused a write queued offline. */
  refused(operation: 'enrollments.create' | 'enrollments.update', error: unknown): void;
}

/**
 * The form's data: the viewer, the programs (the one named, or every program open for
 * enrolment) and the viewer's application to each, with what waits in the outbox over it;
 * read again when a queued write reaches the server.
 */
export class EnrollmentFormData {
  readonly task: Task<readonly [RmClient | undefined, string], EnrollmentView>;

  constructor(
    host: ReactiveControllerHost,
    private readonly form: EnrollmentFormDataHost,
  ) {
    this.task = new Task(host, {
      args: () => [form.client(), form.programId()] as const,
      task: async ([api, programId], { signal }) => {
        if (!api) return initialState;
        const me = await api.me.get({ signal });
        if (!me.person) throw new NoPerson();
        const person = me.person;
        const listed = programId
          ? null
          : await api.programs.page({ status: OPEN_STATUS, limit: 100 }, { signal });
        const programs = listed ? listed.items : [await api.programs.get(programId, { signal })];
        const [found, queuedCreates, queuedUpdates] = await Promise.all([
          Promise.all(programs.map((program) => findMine(api, program.id, person.id, signal))),
          api.pendingWrites('enrollments.create'),
          api.pendingWrites('enrollments.update'),
        ]);
        const waiting = (entry: { state: string }) => entry.state === 'pending';
        const entries = programs.map((program, i): ProgramEntry => {
          const mine = found[i]?.mine ?? null;
          const changes = queuedUpdates.filter((entry) => waiting(entry) && entry.write.id === mine?.id);
          const queued = queuedCreates.find(
            (entry) =>
              waiting(entry) &&
              entry.write.programId === program.id &&
              entry.write.body.personId === person.id,
          );
          return {
            program,
            enrollment: mine && Object.assign({ ...mine }, ...changes.map((entry) => entry.write.body)),
            changePending: changes.length > 0,
            queued: mine ? null : (queued?.write.body ?? null),
          };
        });
        return {
          person,
          entries,
          staleSince: oldest([me, listed, ...programs, ...found.flatMap((f) => f.pages)]),
        } satisfies EnrollmentView;
      },
      onComplete: (view) => form.loaded(view),
      onError: (error) => form.failed(error),
    });

    new ClientEventsController(host, () => form.client(), {
      synced: (write) => {
        if (write.operation !== 'enrollments.create' && write.operation !== 'enrollments.update') return;
        form.sent(write.operation, write.result);
      },
      syncError: (entry, error) => {
        const { operation } = entry.write;
        if (entry.state !== 'failed') return;
        if (operation !== 'enrollments.create' && operation !== 'enrollments.update') return;
        form.refused(operation, error);
        void this.task.run();
      },
    });
  }

  get view(): EnrollmentView | undefined {
    return this.task.value;
  }

  reload(): Promise<unknown> {
    return this.task.run();
  }

  /** Sends an application: the server's enrolment, or `queued` while offline. */
  async apply(programId: string, body: EnrollmentCreate) {
    const api = this.form.client();
    if (!api) throw new Error('No client');
    return api.enrollments.create(programId, body);
  }

  /** Changes an application, expecting the version shown. */
  async change(enrollment: Enrollment, changes: EnrollmentUpdate) {
    const api = this.form.client();
    if (!api) throw new Error('No client');
    return api.enrollments.update(enrollment, changes);
  }
}
