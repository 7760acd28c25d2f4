import type { MatchConstraint, MatchProposalSet } from '@rm-kit/core';
import { RmError } from '@rm-kit/sdk/errors';
import { html, type nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { ConfirmDialogController, confirmDialogStyles } from '../base/confirm-dialog.js';
import type { RmErrorAction, RmEventDetails } from '../base/events.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import { loadOnce, preloadWhenIdle } from '../base/load-once.js';
import { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';
import type { BoardView, MatchBoardData } from './match-board-data.js';
import { renderConstraints, renderHandPair } from './match-constraints.js';
import { nameOf } from './match-people.js';
import { renderResult } from './match-proposals.js';
import { type MatchRoundsKey, matchRoundsStrings } from './match-rounds.strings.js';
import { matchRoundsStyles } from './match-rounds.styles.js';

/**
 * Saying why the server refused a pair, with core's rule of who may never be paired: a
 * module of its own, fetched once the browser is idle after the rounds part arrives.
 */
const loadRefusal = loadOnce(() => import('./match-refusal.js'));

type Proposal = MatchProposalSet['proposals'][number];
/** A section of the board that says what went wrong in it. */
export type Section = 'applications' | 'matching' | 'constraints' | 'hand';

/** What the rounds part needs from its board. */
export interface RoundsHost {
  readonly data: MatchBoardData;
  programId(): string;
  /** What matching proposed last, and the write under way. */
  proposals(): MatchProposalSet | null;
  busy(): string | null;
  /** Runs a write, saying `fallback` (or what `explain` says) in its section when it fails; false then. */
  attempt(
    key: string,
    section: Section,
    action: RmErrorAction,
    fallback: string,
    work: () => Promise<void>,
    explain?: (error: unknown) => Promise<string>,
  ): Promise<boolean>;
  /** Runs matching afresh, then announces `said`. */
  run(said?: string): Promise<void>;
  /** The proposals were published: the board shows none. */
  published(): void;
  /** Says what went wrong in a section, or clears it; `renderFailure` draws it. */
  fail(section: Section, text: string | null): void;
  renderFailure(section: Section): TemplateResult | typeof nothing;
  announce(text: string): void;
  /** Moves focus, once the board has drawn what changed, to the element `selector` finds. */
  focus(selector: string): Promise<void>;
  emit<K extends 'rm-pair-changed' | 'rm-pairs-published'>(type: K, detail: RmEventDetails[K]): void;
}

/** The key a write on one proposal goes under, for its busy state. */
const proposalKey = (kind: 'pin' | 'ban', p: Proposal) => `${kind}:${p.mentorId}:${p.menteeId}`;

/**
 * The board's rounds of matching, with their words: pinning, banning and swapping
 * proposals, removing a pin or ban, making a pair by hand and publishing, and drawing them.
 */
export class MatchRounds {
  readonly t: LocalizeController<MatchBoardKey | MatchRoundsKey>;
  /** The mentees of the proposals chosen to swap, at most two. */
  private selected: string[] = [];
  private hand = { mentorId: '', menteeId: '', override: false };
  private readonly confirm: ConfirmDialogController;

  constructor(
    private readonly element: ReactiveElement & HTMLElement & { locale?: string | undefined },
    private readonly board: RoundsHost,
  ) {
    this.t = new LocalizeController(element, matchRoundsStrings);
    this.confirm = new ConfirmDialogController(element);
    adoptLaterStyles(element, [confirmDialogStyles, matchRoundsStyles]);
    preloadWhenIdle(loadRefusal);
  }

  /** Another program, another person, or new proposals: no choice of the last one stays. */
  reset(hand = true) {
    this.selected = [];
    if (hand) this.hand = { mentorId: '', menteeId: '', override: false };
    this.element.requestUpdate();
  }

  private names(p: { mentorId: string; menteeId: string }) {
    const people = this.board.data.view?.people ?? new Map();
    return { mentor: nameOf(people, p.mentorId), mentee: nameOf(people, p.menteeId) };
  }

  private async pin(p: Proposal) {
    const constraint = this.board.data.view?.constraints.find(
      (c) => c.kind === 'pin' && c.mentorId === p.mentorId && c.menteeId === p.menteeId,
    );
    const done = await this.board.attempt(
      proposalKey('pin', p),
      'matching',
      constraint ? 'matchConstraints.remove' : 'matchConstraints.create',
      this.t.t('constraintFailed'),
      async () => {
        if (constraint) await this.board.data.removeConstraint(constraint);
        else await this.board.data.addConstraint({ mentorId: p.mentorId, menteeId: p.menteeId, kind: 'pin' });
        await this.board.data.reload();
      },
    );
    if (done) await this.board.run(this.t.t(constraint ? 'unpinnedDone' : 'pinnedDone', this.names(p)));
  }

  private async ban(p: Proposal) {
    const done = await this.board.attempt(
      proposalKey('ban', p),
      'matching',
      'matchConstraints.create',
      this.t.t('constraintFailed'),
      async () => {
        await this.board.data.addConstraint({ mentorId: p.mentorId, menteeId: p.menteeId, kind: 'ban' });
        await this.board.data.reload();
      },
    );
    if (done) await this.board.run(this.t.t('bannedDone', this.names(p)));
  }

  private select(p: Proposal, on: boolean) {
    this.selected = on
      ? [...this.selected.filter((id) => id !== p.menteeId), p.menteeId].slice(-2)
      : this.selected.filter((id) => id !== p.menteeId);
    this.element.requestUpdate();
  }

  /**
   * Swaps the mentees of two proposals: the pins that held any of the four people go, two
   * pins take their place (each mentor with the other's mentee), and matching runs again.
   */
  private async swap() {
    const set = this.board.proposals();
    const data = this.board.data;
    const view = data.view;
    const [a, b] = this.selected.map((id) => set?.proposals.find((p) => p.menteeId === id));
    if (!a || !b || !view) return;
    const mentors = [a.mentorId, b.mentorId];
    const mentees = [a.menteeId, b.menteeId];
    const stale = view.constraints.filter(
      (c) => c.kind === 'pin' && (mentors.includes(c.mentorId) || mentees.includes(c.menteeId)),
    );
    const done = await this.board.attempt(
      'swap',
      'matching',
      'matchConstraints.create',
      this.t.t('constraintFailed'),
      async () => {
        for (const constraint of stale) await data.removeConstraint(constraint);
        await data.addConstraint({ mentorId: a.mentorId, menteeId: b.menteeId, kind: 'pin' });
        await data.addConstraint({ mentorId: b.mentorId, menteeId: a.menteeId, kind: 'pin' });
        await data.reload();
      },
    );
    if (done) await this.board.run(this.t.t('swappedDone'));
  }

  private async removeConstraint(constraint: MatchConstraint) {
    const done = await this.board.attempt(
      `remove:${constraint.id}`,
      'constraints',
      'matchConstraints.remove',
      this.t.t('constraintFailed'),
      async () => {
        await this.board.data.removeConstraint(constraint);
        await this.board.data.reload();
        await this.board.focus('#constraints-title');
      },
    );
    if (!done) return;
    // What matching proposes depended on it.
    if (this.board.proposals()) await this.board.run(this.t.t('removed'));
    else this.board.announce(this.t.t('removed'));
  }

  private async makePair(event: SubmitEvent) {
    event.preventDefault();
    const t = this.t;
    const view = this.board.data.view;
    const { mentorId, menteeId, override } = this.hand;
    if (!view) return;
    if (!mentorId || !menteeId) {
      this.board.fail('hand', t.t('pickBoth'));
      await this.board.focus(mentorId ? '#hand-mentee' : '#hand-mentor');
      return;
    }
    const done = await this.board.attempt(
      'hand',
      'hand',
      'pairs.create',
      t.t('why.other'),
      async () => {
        const written = await this.board.data.makePair(mentorId, menteeId, override);
        this.board.emit('rm-pair-changed', {
          pairId: written.id,
          status: written.pending ? 'proposed' : written.status,
          change: 'created',
          pending: Boolean(written.pending),
        });
        this.hand = { mentorId: '', menteeId: '', override: false };
        await this.board.data.reload();
        await this.board.focus('#pairs-title');
        this.board.announce(
          written.pending ? t.t('queued') : t.t('made', this.names({ mentorId, menteeId })),
        );
      },
      async (error) => {
        const { refusalWhy } = await loadRefusal();
        return t.t('refused', { why: refusalWhy(t, error, view, { mentorId, menteeId }, override) });
      },
    );
    if (done && this.board.proposals()) await this.board.run();
  }

  private async publish() {
    const set = this.board.proposals();
    const view = this.board.data.view;
    if (!set || !view || set.proposals.length === 0 || this.board.busy()) return;
    const t = this.t;
    const count = t.number(set.proposals.length);
    const yes = await this.confirm.ask({
      title: t.t('publish.title'),
      body: t.t('publish.body', { count }),
      keep: t.t('publish.keep'),
      confirm: t.t('publish.confirm'),
    });
    if (!yes) return;
    const pairs = set.proposals.map(({ mentorId, menteeId }) => ({ mentorId, menteeId }));
    await this.board.attempt(
      'publish',
      'matching',
      'matching.publish',
      t.t('publishFailed'),
      async () => {
        const written = await this.board.data.publish(pairs);
        if (!written.pending)
          this.board.emit('rm-pairs-published', { programId: this.board.programId(), pairs: written.items });
        this.board.published();
        this.reset(false);
        await this.board.data.reload();
        await this.board.focus('#pairs-title');
        this.board.announce(written.pending ? t.t('queued') : t.t('published', { count }));
      },
      async (error) => {
        // A broken rule (422) or a place taken meanwhile (409) names its pair: `pairs.<i>`.
        const pair = error instanceof RmError ? pairs[issueIndex(error)] : undefined;
        if (!pair) return t.t('publishFailed');
        const { refusalWhy } = await loadRefusal();
        return t.t('publishRefused', { ...this.names(pair), why: refusalWhy(t, error, view, pair, false) });
      },
    );
  }

  /** What matching proposed, with its actions. */
  renderResult(set: MatchProposalSet, view: BoardView): TemplateResult {
    return renderResult(this.t, {
      set,
      people: view.people,
      busy: this.board.busy(),
      selected: this.selected,
      pin: (p) => void this.pin(p),
      ban: (p) => void this.ban(p),
      select: (p, on) => this.select(p, on),
      swap: () => void this.swap(),
      publish: () => void this.publish(),
    });
  }

  /** The pins and bans, then the form to make a pair by hand. */
  renderConstraintsAndHand(view: BoardView): TemplateResult {
    const busy = this.board.busy();
    return html`${renderConstraints(this.t, {
      constraints: view.constraints,
      people: view.people,
      busy,
      failure: this.board.renderFailure('constraints'),
      remove: (c) => void this.removeConstraint(c),
    })}
    ${renderHandPair(this.t, {
      enrollments: view.enrollments,
      people: view.people,
      ...this.hand,
      busy: busy === 'hand',
      failure: this.board.renderFailure('hand'),
      set: (changes) => {
        this.hand = { ...this.hand, ...changes };
        this.board.fail('hand', null);
        this.element.requestUpdate();
      },
      submit: (event) => void this.makePair(event),
    })}`;
  }

  dialog(): TemplateResult | typeof nothing {
    return this.confirm.render();
  }
}

/** The index of the pair an issue at `pairs.<i>` names; -1 when none does. */
function issueIndex(error: RmError): number {
  const issue = error.issues.find((i) => i.path[0] === 'pairs' && typeof i.path[1] === 'number');
  return typeof issue?.path[1] === 'number' ? issue.path[1] : -1;
}
