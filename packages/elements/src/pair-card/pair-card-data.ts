import { initialState, Task } from '@lit/task';
import type { Pair, PairProgress, Person, Program } from '@rm-kit/core';
import { isStale, type RmClient, RmNotFoundError, staleSince } from '@rm-kit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ClientEventsController } from '../base/client-events.js';
import { currentPairOf } from '../base/current-pair.js';
import type { RmErrorAction, RmEventDetails } from '../base/events.js';
import { loadOnce } from '../base/load-once.js';

/** The life-cycle part's module, which also tells the page of a charter accepted. */
export const loadLife = loadOnce(() => import('./pair-card-life.js'));

/** Everything the card shows, as loaded for one pair. */
export interface PairView {
  pair: Pair;
  progress: PairProgress;
  mentor: Person;
  mentee: Person;
  /** For the cadence, custom topic labels and the charter text; null if it could not be read. */
  program: Program | null;
  /** The signed-in person, to know whether they have a side of the charter to accept. */
  viewerId: string | null;
  /** When the offline copy was fetched, if any part of the card comes from the read cache. */
  staleSince: Date | null;
}

type RefreshedPart = Pick<PairView, 'pair' | 'progress' | 'staleSince'>;

function oldest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
}

function staleOf(...values: unknown[]): Date | null {
  return values.some((v) => isStale(v)) ? oldest(values.map((v) => staleSince(v))) : null;
}

/** What the data half needs from the card it serves. */
export interface PairCardDataHost {
  client(): RmClient | undefined;
  pairId(): string;
  /** Says something in the card's status line. */
  announce(key: 'accepted' | 'acceptQueued'): void;
  emitLoad(stale: boolean): void;
  emitError(error: unknown, action: RmErrorAction): void;
  /** Tells the page the viewer accepted the charter, and that the pair started if that was its last step. */
  emit<K extends 'rm-charter-accepted' | 'rm-pair-changed'>(type: K, detail: RmEventDetails[K]): void;
  /** The answer to "Accept the charter" is on screen: the card moves focus to it. */
  charterAnswered(outcome: 'accepted' | 'queued' | 'failed'): Promise<void>;
}

/**
 * The card's data: the pair, its program, both people and the progress, loaded together
 * (with the loading and error states of a Task); pair and progress read again on a live
 * change, several changes at once leading to one more read, not one each; and the charter
 * acceptance, sent at once or queued in the outbox and confirmed when the outbox sends it.
 */
export class PairCardData {
  /** The pair whose charter acceptance waits in the outbox to be sent. */
  acceptQueuedFor: string | null = null;
  accepting = false;
  acceptFailed = false;
  /** The newest pair and progress after a live change or a charter acceptance, over what was first loaded. */
  private refreshed: RefreshedPart | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  /** The first load, whose status and error the card shows as its loading and error states. */
  readonly task: Task<readonly [RmClient | undefined, string], PairView | null>;
  /** The signed-in person's current pair, looked up for a card without a pair-id. */
  private current = '';
  private readonly events: ClientEventsController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly card: PairCardDataHost,
  ) {
    this.task = new Task(host, {
      args: () => [card.client(), card.pairId()] as const,
      task: async ([api, given], { signal }) => {
        if (!api) return initialState;
        // Without pair-id, the signed-in person's current pair; null when they are in none.
        if (!given) this.current = await currentPairOf(api);
        const pairId = given || this.current;
        if (!pairId) return null;
        const reading = api.pairs.get(pairId, { signal });
        // Its people and program as soon as the pair is here, not once the slowest read is.
        const [pair, progress, me, queued, [mentor, mentee, program]] = await Promise.all([
          reading,
          api.pairs.progress(pairId, { signal }),
          api.me.get({ signal }).catch(() => null),
          this.charterQueued(api, pairId),
          reading.then(({ mentorId, menteeId, programId }) =>
            Promise.all([
              api.people.get(mentorId, { signal }),
              api.people.get(menteeId, { signal }),
              api.programs.get(programId, { signal }).catch(() => null),
            ]),
          ),
        ]);
        this.set({ acceptQueuedFor: queued ? pairId : null });
        return {
          pair,
          progress,
          mentor,
          mentee,
          program,
          viewerId: me?.person?.id ?? null,
          staleSince: staleOf(pair, progress, mentor, mentee),
        } satisfies PairView;
      },
      onComplete: (view) => {
        this.set({ refreshed: undefined });
        if (view) card.emitLoad(view.staleSince !== null);
      },
      onError: (error) => card.emitError(error, 'load'),
    });

    this.events = new ClientEventsController(host, () => card.client(), {
      // Sessions, goals and feedback change the progress (feedback: the trust rule); pair events its status and charter.
      live: (event) => {
        if (event.pairId === this.pairId) void this.requestRefresh();
      },
      reset: () => void this.requestRefresh(),
      synced: (write) => {
        if (write.operation !== 'pairs.acceptCharter' || write.entry.write.pairId !== this.pairId) return;
        // The card's own write, sent now, says what came of it when it returns.
        if (this.accepting) return;
        const before = this.view?.pair.status;
        // Show the server's answer at once, so the card never flickers back to "waiting" meanwhile.
        this.showPair(write.result);
        this.set({ acceptQueuedFor: null });
        card.announce('accepted');
        this.charterAccepted(write.result, before, false);
        void this.requestRefresh();
      },
      syncError: (entry, error) => {
        const { write } = entry;
        if (
          entry.state !== 'failed' ||
          write.operation !== 'pairs.acceptCharter' ||
          write.pairId !== this.pairId
        )
          return;
        this.set({ acceptQueuedFor: null, acceptFailed: true });
        card.emitError(error, 'pairs.acceptCharter');
      },
    });
  }

  /** Fields the card renders from: each change asks the card to update, as `@state` would. */
  set(
    changes: Partial<Pick<PairCardData, 'acceptQueuedFor' | 'accepting' | 'acceptFailed'>> & {
      refreshed?: RefreshedPart | undefined;
    },
  ) {
    Object.assign(this, changes);
    this.host.requestUpdate();
  }

  /** The pair the card shows: its pair-id, or the signed-in person's current pair. */
  get pairId(): string {
    return this.card.pairId() || this.current;
  }

  /** Whether live changes reach the card now: its client's shared stream is open. */
  get live(): boolean {
    return this.events.status === 'open';
  }

  /** What the card shows now: the loaded pair, with any newer pair and progress over it. */
  get view(): PairView | undefined {
    const loaded = this.task.value;
    if (!loaded || loaded.pair.id !== this.pairId) return undefined;
    return this.refreshed?.pair.id === loaded.pair.id ? { ...loaded, ...this.refreshed } : loaded;
  }

  /** Refreshes pair and progress; changes that arrive meanwhile lead to one more refresh, not one each. */
  requestRefresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await this.refresh();
      } while (this.refreshAgain);
      this.refreshing = undefined;
    })();
    return this.refreshing;
  }

  private async refresh() {
    const api = this.card.client();
    const pairId = this.pairId;
    if (!api || !pairId || !this.view) return;
    try {
      const [pair, progress] = await Promise.all([api.pairs.get(pairId), api.pairs.progress(pairId)]);
      if (api !== this.card.client() || pairId !== this.pairId) return;
      const refreshed = { pair, progress, staleSince: staleOf(pair, progress) };
      this.set({ refreshed });
      this.card.emitLoad(refreshed.staleSince !== null);
    } catch (error) {
      // Gone, or no longer shared with the viewer: say so as a first load would.
      if (error instanceof RmNotFoundError) void this.task.run();
      else this.card.emitError(error, 'refresh');
    }
  }

  // ---- the charter -------------------------------------------------------------------

  private async charterQueued(api: RmClient, pairId: string): Promise<boolean> {
    const entries = await api.pairs.charterPending(pairId).catch(() => []);
    return entries.some((entry) => entry.state === 'pending');
  }

  /** A pair the server just answered with, over what the card shows. */
  showPair(pair: Pair) {
    const view = this.view;
    if (!view || pair.id !== view.pair.id) return;
    this.set({ refreshed: { pair, progress: view.progress, staleSince: view.staleSince } });
  }

  /** Tells the page the viewer accepted the charter (see charterAccepted), from the life-cycle part's module. */
  private charterAccepted(pair: Pair, before: Pair['status'] | undefined, pending: boolean) {
    const viewerId = this.view?.viewerId;
    void loadLife().then((life) => life.charterAccepted(this.card, viewerId, pair, before, pending));
  }

  /** Accepts the charter for the viewer's side: the life-cycle part's work (see acceptCharter there). */
  async acceptCharter() {
    await (await loadLife()).acceptCharter(this, this.card);
  }
}
