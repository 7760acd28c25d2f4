import { initialState, Task } from '@lit/task';
import type {
  Enrollment,
  List,
  MatchConstraint,
  MatchConstraintCreate,
  MatchProposalSet,
  Pair,
  Person,
  Program,
} from '@rm-kit/core';
import { isStale, type ListQuery, type RmClient, staleSince } from '@rm-kit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ClientEventsController } from '../base/client-events.js';

/** Everything the board shows before matching runs. */
export interface BoardView {
  program: Program;
  enrollments: Enrollment[];
  /** Everyone the board names, by id. */
  people: Map<string, Person>;
  /** The program's pairs, every status. */
  pairs: Pair[];
  constraints: MatchConstraint[];
  /** When the offline copy was fetched, if any part comes from the read cache. */
  staleSince: Date | null;
}

/** Every page of a list, and whether any came from the read cache. */
async function allPages<T>(
  read: (query: ListQuery) => Promise<List<T>>,
): Promise<{ items: T[]; pages: List<T>[] }> {
  const pages: List<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit: 100, ...(cursor ? { cursor } : {}) });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { items: pages.flatMap((page) => page.items), pages };
}

function oldest(values: unknown[]): Date | null {
  return values
    .filter((value) => isStale(value))
    .map((value) => staleSince(value))
    .reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
}

/** What the data half needs from the board it serves. */
export interface MatchBoardDataHost {
  client(): RmClient | undefined;
  programId(): string;
  loaded(view: BoardView): void;
  failed(error: unknown): void;
}

/**
 * The board's data: the program, its applications with the people behind them, its pairs
 * and its pins and bans, loaded together (with the loading and error states of a Task) and
 * read again when a pair of the program changes; and the writes the board makes.
 */
export class MatchBoardData {
  readonly task: Task<readonly [RmClient | undefined, string], BoardView>;

  constructor(
    host: ReactiveControllerHost,
    private readonly board: MatchBoardDataHost,
  ) {
    this.task = new Task(host, {
      args: () => [board.client(), board.programId()] as const,
      task: async ([api, programId], { signal }) => {
        if (!api || !programId) return initialState;
        const program = await api.programs.get(programId, { signal });
        const [enrollments, people, pairs, constraints] = await Promise.all([
          allPages((q) => api.enrollments.page(programId, q, { signal })),
          allPages((q) => api.people.page(q, { signal })),
          allPages((q) => api.pairs.page({ ...q, programId }, { signal })),
          allPages((q) => api.matching.constraints.page(programId, q, { signal })),
        ]);
        return {
          program,
          enrollments: enrollments.items,
          people: new Map(people.items.map((person) => [person.id, person])),
          pairs: pairs.items,
          constraints: constraints.items,
          staleSince: oldest([
            program,
            ...enrollments.pages,
            ...people.pages,
            ...pairs.pages,
            ...constraints.pages,
          ]),
        } satisfies BoardView;
      },
      onComplete: (view) => board.loaded(view),
      onError: (error) => board.failed(error),
    });

    new ClientEventsController(host, () => board.client(), {
      // A member consented, accepted the charter or declined: the pairs' statuses change.
      live: (event) => {
        if (event.type.startsWith('pair.') && this.view?.pairs.some((pair) => pair.id === event.pairId)) {
          void this.reload();
        }
      },
      reset: () => void this.reload(),
    });
  }

  get view(): BoardView | undefined {
    return this.task.value;
  }

  reload(): Promise<unknown> {
    return this.task.run();
  }

  private api(): RmClient {
    const api = this.board.client();
    if (!api) throw new Error('No client');
    return api;
  }

  decide(enrollment: Enrollment, status: 'accepted' | 'declined') {
    return this.api().enrollments.update(enrollment, { status });
  }

  proposals(): Promise<MatchProposalSet> {
    return this.api().matching.proposals(this.board.programId());
  }

  addConstraint(body: MatchConstraintCreate) {
    return this.api().matching.constraints.create(this.board.programId(), body);
  }

  removeConstraint(constraint: MatchConstraint) {
    return this.api().matching.constraints.remove(constraint);
  }

  publish(pairs: { mentorId: string; menteeId: string }[]) {
    return this.api().matching.publish(this.board.programId(), pairs);
  }

  makePair(mentorId: string, menteeId: string, override: boolean) {
    return this.api().pairs.create(this.board.programId(), { mentorId, menteeId, override });
  }
}
