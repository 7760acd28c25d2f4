import type { Feedback, FeedbackKind, List, Pair, PairRole, Session } from '@rm-kit/core';
import { type FeedbackPhaseKind, feedbackPhase } from '@rm-kit/core/rules';
import { DEFAULT_MIN_AGGREGATE_GROUP } from '@rm-kit/core/vocabulary';
import { isStale, type RmClient, staleSince } from '@rm-kit/sdk';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ClientEventsController } from '../base/client-events.js';
import { currentPairOf } from '../base/current-pair.js';

/** What the feedback is about, what the caller said about it, and what the other person shared. */
export interface Target {
  pairId: string;
  kind: FeedbackKind;
  sessionId: string | null;
  session?: Session;
  role: PairRole;
  /** The caller's name, for the other person's answers about them; null if unreadable. */
  myName: string | null;
  /** The other member of the pair, whom the questions and the privacy sentence name; null if unreadable. */
  otherName: string | null;
  /** The caller's own answer, when they have already given it. */
  mine?: Feedback;
  /** The other person's answer, once the server lets the caller read it (shared, and both answered). */
  theirs?: Feedback;
  /** Asked by pair alone and no program phase is open yet: which opens next, and when. */
  closed?: { next: FeedbackPhaseKind | null; opensOn: string | null };
  minGroup: number;
  /** Set when a read came from the offline cache: when it was last fetched. */
  staleSince: Date | null;
}

/** What the form is pointed at: its attributes and its client. */
export interface TargetQuery {
  api: RmClient | undefined;
  sessionId: string;
  pairId: string;
  kind: Exclude<FeedbackKind, 'session'> | undefined;
}

/** Why there is nothing to answer, said in a plain sentence rather than as an error. */
export class NoFeedbackHere extends Error {
  constructor(readonly reason: 'notInPair' | 'noPair') {
    super(reason);
  }
}

/** Today's calendar date where the reader is, as the phase rule takes it. */
function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type Page = List<Feedback>;

/**
 * The phase a pair's form is about when no `kind` is given: the one open by the rule the
 * server refuses by (the program's dates and whether the pair has held a session), read
 * with the caller's answers to both phases, since one already answered stays.
 */
async function openPhase(api: RmClient, pair: Pair, personId: string, signal: AbortSignal) {
  const [program, midpoint, final, held] = await Promise.all([
    api.programs.get(pair.programId, { signal }),
    api.feedback.page(pair.id, { kind: 'midpoint', limit: 100 }, { signal }),
    api.feedback.page(pair.id, { kind: 'final', limit: 100 }, { signal }),
    api.sessions.page(pair.id, { status: 'held', limit: 1 }, { signal }),
  ]);
  const answered = (
    [
      ['midpoint', midpoint],
      ['final', final],
    ] as const
  )
    .filter(([, page]) => page.items.some((f) => f.authorId === personId))
    .map(([kind]) => kind);
  const sessionHeld = held.items.length > 0;
  const phase = feedbackPhase({ pair, program, today: localToday(), sessionHeld, answered });
  const reads = [program, midpoint, final, held];
  if (phase.open === null) return { kind: 'midpoint' as const, answers: undefined, closed: phase, reads };
  return { kind: phase.open, answers: phase.open === 'final' ? final : midpoint, reads };
}

async function loadTarget(query: TargetQuery, signal: AbortSignal): Promise<Target | undefined> {
  const { api, sessionId, pairId, kind } = query;
  if (!api) return undefined;
  const [me, session, current] = await Promise.all([
    api.me.get({ signal }),
    sessionId ? api.sessions.get(sessionId, { signal }) : undefined,
    // Without either id, the signed-in person's current pair.
    sessionId || pairId || currentPairOf(api),
  ]);
  // A session names its pair; a phase is named by pair-id, or is the current pair's.
  const id = session?.pairId ?? current;
  if (!id) throw new NoFeedbackHere('noPair');
  const pair = me.pairs.find((p) => p.id === id);
  if (!me.person || !pair) throw new NoFeedbackHere('notInPair');
  const personId = me.person.id;
  const role: PairRole = pair.mentorId === personId ? 'mentor' : 'mentee';
  const chosen = session
    ? api.feedback
        .page(id, { kind: 'session', sessionId: session.id, limit: 100 }, { signal })
        .then((answers) => ({ kind: 'session' as const, answers, closed: undefined, reads: [] }))
    : kind
      ? api.feedback
          .page(id, { kind, limit: 100 }, { signal })
          .then((answers) => ({ kind, answers, closed: undefined, reads: [] }))
      : openPhase(api, pair, personId, signal);
  const [phase, organization, other] = await Promise.all([
    chosen,
    // Reading the organisation's setting is a nicety: without it the default applies.
    api.organization.get({ signal }).catch(() => undefined),
    // So is the other person's name: without it the form says "the other person".
    api.people.get(role === 'mentor' ? pair.menteeId : pair.mentorId, { signal }).catch(() => undefined),
  ]);
  const answers: Page | undefined = phase.answers;
  const stale = [me, session, answers, organization, ...phase.reads].find((value) => value && isStale(value));
  return {
    pairId: id,
    kind: phase.kind,
    sessionId: session?.id ?? null,
    ...(session ? { session } : {}),
    role,
    myName: me.person.displayName,
    otherName: other?.displayName ?? null,
    mine: answers?.items.find((f) => f.authorId === personId),
    // The server lists the other person's answer only when the caller may read it.
    theirs: answers?.items.find((f) => f.authorId !== personId),
    ...(phase.closed ? { closed: { next: phase.closed.next, opensOn: phase.closed.opensOn } } : {}),
    minGroup: organization?.settings.minAggregateGroupSize ?? DEFAULT_MIN_AGGREGATE_GROUP,
    staleSince: stale ? staleSince(stale) : null,
  };
}

export interface TargetHandlers {
  loaded(target: Target): void;
  /** Loading (`refresh`: reloading what is shown) failed; `NoFeedbackHere` is not a failure. */
  failed(error: unknown, action: 'load' | 'refresh'): void;
}

/**
 * The form's data: what it is about, the caller's answer and the other person's shared one.
 * Loads when the query changes (a skeleton meanwhile); reloads quietly, keeping what is
 * shown, when a live change to the pair's feedback or dates arrives, or when the live
 * stream comes back after a drop. The server sends `feedback.*` events only of answers the
 * caller may read, so the other person's answer appears as soon as it may.
 */
export class FeedbackTargetController implements ReactiveController {
  status: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  value: Target | undefined;
  error: unknown;
  /** Set when a quiet reload failed: what is shown may be out of date. */
  refreshFailed = false;
  private query: TargetQuery | undefined;
  private running: AbortController | undefined;
  /** Taken out of the page since the last load: what it shows is read again once it is back. */
  private stale = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly queryOf: () => TargetQuery,
    private readonly handlers: TargetHandlers,
  ) {
    host.addController(this);
    new ClientEventsController(host, () => this.queryOf().api, {
      live: (event) => {
        const pairId = this.value?.pairId;
        if (pairId && event.pairId === pairId && /^(feedback|pair)\./.test(event.type)) void this.refresh();
      },
      reset: () => void this.refresh(),
    });
  }

  hostUpdate() {
    const next = this.queryOf();
    const current = this.query;
    if (
      current &&
      current.api === next.api &&
      current.sessionId === next.sessionId &&
      current.pairId === next.pairId &&
      current.kind === next.kind
    ) {
      if (this.stale) {
        this.stale = false;
        void this.refresh();
      }
      return;
    }
    this.stale = false;
    this.query = next;
    void this.run('load');
  }

  /**
   * Taken out of the page, the form may come back: a virtual list (the session log's) takes
   * its sessions out while the list is scrolled out of view and puts them back after. Back
   * in the page it reads its answers again quietly, keeping the questions and what the reader
   * chose on screen: a skeleton in their place would lose the reader's place, and the buttons.
   */
  hostDisconnected() {
    this.running?.abort();
    this.stale = true;
  }

  /** Loads again from scratch, with the skeleton: the retry of a failed load. */
  reload(): Promise<void> {
    return this.run('load');
  }

  /** Loads again, keeping what is shown until the new answer is in. */
  refresh(): Promise<void> {
    return this.status === 'ready' ? this.run('refresh') : this.run('load');
  }

  private async run(action: 'load' | 'refresh'): Promise<void> {
    const query = this.query;
    if (!query) return;
    this.running?.abort();
    const running = new AbortController();
    this.running = running;
    if (action === 'load') {
      this.status = 'loading';
      this.value = undefined;
      this.error = undefined;
      this.host.requestUpdate();
    }
    try {
      const target = await loadTarget(query, running.signal);
      if (running.signal.aborted) return;
      this.value = target;
      this.status = 'ready';
      this.refreshFailed = false;
      if (target) this.handlers.loaded(target);
    } catch (error) {
      if (running.signal.aborted) return;
      if (action === 'refresh' && !(error instanceof NoFeedbackHere)) this.refreshFailed = true;
      else {
        this.status = 'error';
        this.error = error;
        this.value = undefined;
      }
      if (!(error instanceof NoFeedbackHere)) this.handlers.failed(error, action);
    } finally {
      this.host.requestUpdate();
    }
  }
}
