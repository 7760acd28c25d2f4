import { initialState, Task } from '@lit/task';
import type {
  Goal,
  GoalCreate,
  GoalTemplate,
  GoalTemplateCreate,
  GoalUpdate,
  Pair,
  PairRole,
  Program,
} from '@rm-kit/core';
import { isStale, type RmClient, staleSince } from '@rm-kit/sdk';
import { RmNotFoundError, RmPreconditionError } from '@rm-kit/sdk/errors';
import type { ReactiveControllerHost } from 'lit';
import { ClientEventsController } from '../base/client-events.js';
import type { RmErrorAction } from '../base/events.js';

/** A goal as the list shows it: possibly a write still waiting in the outbox. */
export type GoalEntry = Goal & { pending?: true };

/** What the list shows for a pair: its goals, the program's suggestions, and who is who. */
export interface PairGoals {
  kind: 'pair';
  pair: Pair;
  program: Program | null;
  templates: GoalTemplate[];
  /** The viewer's side, or null for someone outside the pair (who never gets this far: 404). */
  viewer: PairRole | null;
  names: Record<PairRole, string>;
  staleSince: Date | null;
}

/** What the list shows an admin for a program: its suggested goals, to add and withdraw. */
export interface ProgramTemplates {
  kind: 'program';
  program: Program;
  templates: GoalTemplate[];
  staleSince: Date | null;
}

export type GoalListView = PairGoals | ProgramTemplates;

/** The words the data half says through the list's status line. */
export type Said = 'saved' | 'queued' | 'gone' | 'saveFailed' | 'templateAdded' | 'templateWithdrawn';

export interface GoalListHost {
  client(): RmClient | undefined;
  pairId(): string;
  programId(): string;
  say(key: Said | 'changedMeanwhile'): void;
  emitLoad(count: number, stale: boolean): void;
  emitError(error: unknown, action: RmErrorAction): void;
}

const staleOf = (...values: unknown[]) =>
  values.reduce<Date | null>((min, v) => {
    const d = isStale(v) ? staleSince(v) : null;
    return d && (!min || d < min) ? d : min;
  }, null);

/**
 * The list's data: the pair's goals (or, for an admin, the program's suggestions) loaded
 * with the states of a Task; the goals read again on a live change of the pair, a reset of
 * the stream, or a queued write that reached the server; and every write through the SDK,
 * one after another per goal, each with the version the last one left (If-Match), queued in
 * the outbox while offline.
 */
export class GoalListData {
  goals: GoalEntry[] = [];
  readonly task: Task<readonly [RmClient | undefined, string, string], GoalListView>;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly events: ClientEventsController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly list: GoalListHost,
  ) {
    this.task = new Task(host, {
      args: () => [list.client(), list.pairId(), list.programId()] as const,
      task: async ([api, pairId, programId], { signal }) => {
        if (!api || (!pairId && !programId)) return initialState;
        if (!pairId) {
          const [program, page] = await Promise.all([
            api.programs.get(programId, { signal }),
            api.goalTemplates.page(programId, { limit: 100 }, { signal }),
          ]);
          return { kind: 'program', program, templates: page.items, staleSince: staleOf(program, page) };
        }
        const [pair, me, goals] = await Promise.all([
          api.pairs.get(pairId, { signal }),
          api.me.get({ signal }).catch(() => null),
          this.read(api, pairId),
        ]);
        const [program, page, mentor, mentee] = await Promise.all([
          api.programs.get(pair.programId, { signal }).catch(() => null),
          api.goalTemplates.page(pair.programId, { limit: 100 }, { signal }).catch(() => null),
          api.people.get(pair.mentorId, { signal }).catch(() => null),
          api.people.get(pair.menteeId, { signal }).catch(() => null),
        ]);
        this.goals = goals;
        const viewerId = me?.person?.id;
        return {
          kind: 'pair',
          pair,
          program,
          templates: page?.items ?? [],
          viewer: viewerId === pair.mentorId ? 'mentor' : viewerId === pair.menteeId ? 'mentee' : null,
          names: { mentor: mentor?.displayName ?? '', mentee: mentee?.displayName ?? '' },
          staleSince: staleOf(pair, mentor, mentee),
        };
      },
      onComplete: (view) =>
        list.emitLoad(
          view.kind === 'pair' ? this.goals.length : view.templates.length,
          view.staleSince !== null,
        ),
      onError: (error) => list.emitError(error, 'load'),
    });

    const ours = (pairId: string | undefined) => Boolean(pairId) && pairId === list.pairId();
    this.events = new ClientEventsController(host, () => list.client(), {
      live: (event) => {
        if (ours(event.pairId) && event.type.startsWith('goal.')) void this.refresh();
      },
      reset: () => void this.refresh(),
      synced: (write) => {
        if (write.operation.startsWith('goals.')) void this.refresh();
      },
      syncError: (entry, error) => {
        if (entry.state !== 'failed' || !entry.write.operation.startsWith('goals.')) return;
        list.emitError(error, entry.write.operation);
        void this.refresh();
      },
    });
  }

  /** Whether live changes reach the list now: its client's shared stream is open. */
  get live(): boolean {
    return this.events.status === 'open';
  }

  get view(): GoalListView | undefined {
    return this.task.value;
  }

  /** The pair's goals, with the ones created offline that still wait in the outbox after them. */
  private async read(api: RmClient, pairId: string): Promise<GoalEntry[]> {
    const [goals, queued] = await Promise.all([
      (async () => {
        const all: Goal[] = [];
        for await (const goal of api.goals.list(pairId)) all.push(goal);
        return all;
      })(),
      api.goals.pending(pairId).catch(() => []),
    ]);
    const waiting = queued
      .filter((entry) => entry.state === 'pending' && entry.provisionalId)
      .map((entry) => provisional(entry.provisionalId ?? '', pairId, entry.write.body, entry.createdAt));
    return [...goals, ...waiting];
  }

  private setGoals(goals: GoalEntry[]) {
    this.goals = goals;
    this.host.requestUpdate();
  }

  private replace(goal: GoalEntry) {
    const known = this.goals.some((g) => g.id === goal.id);
    this.setGoals(known ? this.goals.map((g) => (g.id === goal.id ? goal : g)) : [...this.goals, goal]);
  }

  async refresh(): Promise<void> {
    const api = this.list.client();
    const pairId = this.list.pairId();
    if (!api || !pairId || this.view?.kind !== 'pair' || this.queues.size) return;
    try {
      const goals = await this.read(api, pairId);
      if (api === this.list.client() && pairId === this.list.pairId()) {
        this.setGoals(goals);
        this.list.emitLoad(goals.length, false);
      }
    } catch (error) {
      this.list.emitError(error, 'refresh');
    }
  }

  async create(body: Required<Omit<GoalCreate, 'commitments'>>): Promise<boolean> {
    const api = this.list.client();
    const pairId = this.list.pairId();
    if (!api) return false;
    try {
      const written = await api.goals.create(pairId, body);
      this.replace(written.pending ? provisional(written.id, pairId, body, written.createdAt) : written);
      this.list.say(written.pending ? 'queued' : 'saved');
      return true;
    } catch (error) {
      this.list.say('saveFailed');
      this.list.emitError(error, 'goals.create');
      return false;
    }
  }

  /**
   * Changes a goal: `change` works out the body from the goal as the list has it, and again
   * from the partner's newer version once if the server had one (412), so a tick or a new
   * commitment lands on what they wrote.
   */
  change(goalId: string, change: (goal: GoalEntry) => GoalUpdate): void {
    const previous = this.queues.get(goalId) ?? Promise.resolve();
    const next = previous.then(() => this.write(goalId, change));
    this.queues.set(goalId, next);
    void next.finally(() => {
      if (this.queues.get(goalId) === next) this.queues.delete(goalId);
    });
  }

  private async write(
    goalId: string,
    change: (goal: GoalEntry) => GoalUpdate,
    retried = false,
  ): Promise<void> {
    const api = this.list.client();
    const current = this.goals.find((g) => g.id === goalId);
    if (!api || !current) return;
    const body = change(current);
    this.replace(withChanges(current, body));
    try {
      const written = await api.goals.update({ id: goalId, version: current.version }, body);
      this.replace(
        written.pending
          ? { ...withChanges(current, body), version: written.version ?? current.version + 1, pending: true }
          : written,
      );
      this.list.say(written.pending ? 'queued' : 'saved');
    } catch (error) {
      if (error instanceof RmNotFoundError) {
        this.setGoals(this.goals.filter((g) => g.id !== goalId));
        return this.list.say('gone');
      }
      if (error instanceof RmPreconditionError) {
        const fresh = await api.goals.get(goalId).catch(() => undefined);
        if (fresh) {
          this.replace(fresh);
          if (!retried) return this.write(goalId, change, true);
          return this.list.say('changedMeanwhile');
        }
      }
      this.replace(current);
      this.list.say('saveFailed');
      this.list.emitError(error, 'goals.update');
    }
  }

  async addTemplate(body: GoalTemplateCreate): Promise<boolean> {
    const api = this.list.client();
    const view = this.view;
    if (!api || view?.kind !== 'program') return false;
    try {
      const written = await api.goalTemplates.create(view.program.id, body);
      if (!written.pending) view.templates = [...view.templates, written];
      this.host.requestUpdate();
      this.list.say(written.pending ? 'queued' : 'templateAdded');
      return true;
    } catch (error) {
      this.list.say('saveFailed');
      this.list.emitError(error, 'goalTemplates.create');
      return false;
    }
  }

  async withdrawTemplate(template: GoalTemplate): Promise<void> {
    const api = this.list.client();
    const view = this.view;
    if (!api || view?.kind !== 'program') return;
    try {
      const queued = await api.goalTemplates.remove(template);
      view.templates = view.templates.filter((t) => t.id !== template.id);
      this.host.requestUpdate();
      this.list.say(queued ? 'queued' : 'templateWithdrawn');
    } catch (error) {
      this.list.say('saveFailed');
      this.list.emitError(error, 'goalTemplates.remove');
    }
  }
}

/** A goal as a change leaves it, shown until the server's answer replaces it; new commitments get a stand-in id. */
function withChanges(goal: GoalEntry, changes: GoalUpdate): GoalEntry {
  const { commitments, ...fields } = changes;
  const next: GoalEntry = { ...goal, ...fields };
  if (commitments) {
    next.commitments = commitments.map((c, i) => ({
      id: c.id ?? `new-${i}`,
      text: c.text,
      done: c.done ?? false,
    }));
  }
  if (next.status === 'achieved') next.progress = 100;
  return next;
}

/** The goal a create queued offline will become; the list always sends every field, so none is guessed. */
function provisional(id: string, pairId: string, body: GoalCreate, createdAt: string): GoalEntry {
  return {
    owner: 'mentee',
    topic: null,
    targetDate: null,
    status: 'open',
    progress: 0,
    assessmentBefore: null,
    assessmentAfter: null,
    ...body,
    commitments: [],
    id,
    orgId: '',
    pairId,
    createdAt,
    updatedAt: createdAt,
    version: 1,
    pending: true,
  };
}
