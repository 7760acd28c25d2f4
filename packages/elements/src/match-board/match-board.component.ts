import { TaskStatus } from '@lit/task';
import type { Enrollment, MatchProposalSet } from '@rm-kit/core';
import { RmError } from '@rm-kit/sdk/errors';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import type { RmErrorAction } from '../base/events.js';
import { LazyPart } from '../base/lazy-part.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { renderApplications } from './match-applications.js';
import { matchBoardStrings } from './match-board.strings.js';
import { matchBoardStyles } from './match-board.styles.js';
import { type BoardView, MatchBoardData } from './match-board-data.js';
import { renderPairs } from './match-pairs.js';
import { nameOf } from './match-people.js';
import type { MatchRounds, RoundsHost, Section } from './match-rounds-actions.js';

/** What went wrong in one section, in words, with the server's reference when it gave one. */
interface Failure {
  section: Section;
  text: string;
  reference: string;
}

/**
 * @tagname rm-match-board
 * @summary A program's match board, for its admins: review the applications (accept,
 * decline), run matching and see the proposed pairs with their score and reasons, pin, ban
 * or swap proposals and run it again, see how fair the proposals are and who is left out
 * and why, make a pair by hand (the server's refusal said in words), and publish the
 * proposals as pairs to confirm; then follow each pair's status.
 *
 * Matching is computed by the server each time it runs and nothing is stored until the
 * proposals are published; a published pair starts `proposed` and becomes active once its
 * mentee agrees and both accept the charter. Someone who is not an admin of the program
 * sees "You do not have access to this."
 *
 * @fires rm-enrollment-changed - An application was accepted or declined (or the change queued offline). detail: `{ programId, enrollmentId, status, change, pending }`
 * @fires rm-pair-changed - A pair was made by hand. detail: `{ pairId, status, change: 'created', pending }`
 * @fires rm-pairs-published - Proposals were published as proposed pairs. detail: `{ programId, pairs }`
 * @fires rm-load - The board finished loading, and again after every reload. detail: `{ count, stale }` (count: applications)
 * @fires rm-error - Loading, matching or a write failed. detail: `{ error, action }`, action `'load'`, `'proposals.load'` or the SDK operation
 *
 * @csspart board - The board around everything.
 * @csspart applications - The applications section; `application` each application, `accept` and `decline-application` its buttons.
 * @csspart matching - The matching section; `run` its button, `proposal` each proposal, `pin`, `ban` its buttons, `swap` the swap button, `publish` the publish button, `unmatched` and `conflicts` the people left out and the pins not kept.
 * @csspart constraints - The pins and bans; `constraint` each, `remove` its button.
 * @csspart hand-pair - The form to make a pair by hand; `make-pair` its button.
 * @csspart pairs - The program's pairs; `pair` each, `pair-status` its status badge.
 * @csspart badge - Every badge.
 * @csspart dialog - The confirmation dialog before publishing; `confirm` its confirming button.
 * @csspart notice - The offline notice.
 * @csspart status - The confirmation line ("Pairs published: 4."), shown for a few seconds and read out politely.
 * @csspart empty - The sentence shown without a program-id.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message.
 * @csspart retry - The "Try again" button of the error message.
 *
 * @cssprop --rm-color-accent - Buttons, the score meters and focus.
 * @cssprop --rm-color-danger - Refusals and the ban buttons.
 * @cssprop --rm-color-success - Accepted applications and active pairs.
 * @cssprop --rm-color-warning - Applications under review, paused pairs and the offline notice.
 * @cssprop --rm-color-surface - Background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Secondary text.
 * @cssprop --rm-color-border - Borders.
 * @cssprop --rm-color-subtle - Cards and badges.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmMatchBoard extends RmElement {
  static override styles = [baseStyles, matchBoardStyles];

  /** The program whose applications and pairs the board shows (`prg_…`). */
  @property({ attribute: 'program-id', reflect: true }) programId = '';

  @state() private proposals: MatchProposalSet | null = null;
  @state() private running = false;
  /** The write under way: `decide:<id>`, `pin:…`, `ban:…`, `swap`, `remove:<id>`, `hand`, `publish`. */
  @state() private busy: string | null = null;
  @state() private failure: Failure | null = null;

  private readonly localize = new LocalizeController(this, matchBoardStrings);
  private readonly announcer = new AnnouncerController(this);
  /** The proposals, pins and bans and pairs by hand: a module of its own, see match-rounds.ts. */
  private readonly rounds = new LazyPart<MatchRounds>(
    this,
    () => import('./match-rounds.js').then((part) => new part.MatchRounds(this, this.roundsHost())),
    (error) => this.emit('rm-error', { error: toError(error), action: 'load-part' }),
  );
  private readonly data = new MatchBoardData(this, {
    client: () => this.api,
    programId: () => this.programId,
    loaded: (view) => {
      this.emit('rm-load', { count: view.enrollments.length, stale: view.staleSince !== null });
      // Pins and bans to list: the part is needed now.
      if (view.constraints.length > 0) this.rounds.get().catch(() => undefined);
      else this.rounds.preload();
    },
    failed: (error) => this.emit('rm-error', { error: toError(error), action: 'load' }),
  });

  protected override willUpdate(changed: PropertyValues<this>) {
    // Another program, or another person signing in: nothing of the last board stays.
    const previous = changed as Map<PropertyKey, unknown>;
    if (['programId', 'client', 'providedClient'].some((key) => previous.get(key) !== undefined)) {
      this.proposals = null;
      this.failure = null;
      this.rounds.module?.reset();
    }
  }

  // ----- actions -----

  /** Runs a write, saying what failed in its section; false when it failed. */
  private async attempt(
    key: string,
    section: Section,
    action: RmErrorAction,
    fallback: string,
    work: () => Promise<void>,
    explain?: (error: unknown) => Promise<string>,
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = key;
    this.failure = null;
    try {
      await work();
      return true;
    } catch (error) {
      this.emit('rm-error', { error: toError(error), action });
      // Offline before the words for it arrived: the section's plain sentence stands in.
      const text = (await explain?.(error).catch(() => undefined)) ?? fallback;
      this.failure = { section, text, reference: error instanceof RmError ? (error.requestId ?? '') : '' };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`.failure[data-section="${section}"]`)?.focus();
      void this.announcer.announce(text);
      return false;
    } finally {
      this.busy = null;
    }
  }

  private async decide(enrollment: Enrollment, status: 'accepted' | 'declined') {
    const name = nameOf(this.data.view?.people ?? new Map(), enrollment.personId);
    await this.attempt(
      `decide:${enrollment.id}`,
      'applications',
      'enrollments.update',
      this.localize.t('decideFailed'),
      async () => {
        const written = await this.data.decide(enrollment, status);
        this.emit('rm-enrollment-changed', {
          programId: enrollment.programId,
          enrollmentId: enrollment.id,
          status,
          change: status,
          pending: Boolean(written.pending),
        });
        await this.data.reload();
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#applications-title')?.focus();
        void this.announcer.announce(
          written.pending ? this.localize.t('queued') : this.localize.t(status, { name }),
        );
      },
    );
  }

  /** Runs matching afresh; `said` is what to announce once it is back (what changed, or the count). */
  private async run(said?: string) {
    if (this.running) return;
    this.running = true;
    this.failure = null;
    try {
      const [set, rounds] = await Promise.all([this.data.proposals(), this.rounds.get()]);
      this.proposals = set;
      rounds.reset(false);
      this.running = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.proposals-title')?.focus();
      void this.announcer.announce(
        said ?? this.localize.t('proposalsReady', { count: this.localize.number(set.proposals.length) }),
      );
    } catch (error) {
      this.running = false;
      // A part that could not be fetched has said so (`load-part`), and says so where it goes.
      if (this.rounds.module) this.emit('rm-error', { error: toError(error), action: 'proposals.load' });
      const text = this.localize.t('proposalsFailed');
      this.failure = {
        section: 'matching',
        text,
        reference: error instanceof RmError ? (error.requestId ?? '') : '',
      };
      void this.announcer.announce(text);
    }
  }

  /** What the rounds part may ask of the board. */
  private roundsHost(): RoundsHost {
    return {
      data: this.data,
      programId: () => this.programId,
      proposals: () => this.proposals,
      busy: () => this.busy,
      attempt: (...args) => this.attempt(...args),
      run: (said) => this.run(said),
      published: () => {
        this.proposals = null;
      },
      fail: (section, text) => {
        if (text !== null) this.failure = { section, text, reference: '' };
        else if (this.failure?.section === section) this.failure = null;
      },
      renderFailure: (section) => this.renderFailure(section),
      announce: (text) => void this.announcer.announce(text),
      focus: async (selector) => {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
      },
      emit: (type, detail) => this.emit(type, detail),
    };
  }

  // ----- rendering -----

  protected override render() {
    return html`${this.renderBody()} ${this.rounds.module?.dialog() ?? nothing}`;
  }

  private renderBody(): TemplateResult {
    const t = this.localize;
    if (!this.api) return html`<div class="surface">${noClientState(t)}</div>`;
    if (!this.programId) return html`<p part="empty" class="surface muted">${t.t('empty')}</p>`;
    const task = this.data.task;
    if (task.status === TaskStatus.ERROR) {
      return html`<div class="surface">${errorState(t, task.error, () => void task.run())}</div>`;
    }
    const view = this.data.view;
    if (!view || view.program.id !== this.programId)
      return html`<div class="surface">${loadingState(t, 8)}</div>`;
    return this.renderBoard(view);
  }

  private renderFailure(section: Section): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (failure?.section !== section) return nothing;
    return html`<div class="failure" data-section=${section} role="alert" tabindex="-1">
      <p class="error-text">${failure.text}</p>
      ${
        failure.reference
          ? html`<p class="muted"><small>${this.localize.t('reference', { id: failure.reference })}</small></p>`
          : nothing
      }
    </div>`;
  }

  /** Matching: its button, and once it has run (its part is here then), what it proposes. */
  private renderMatching(view: BoardView): TemplateResult {
    const t = this.localize;
    const set = this.proposals;
    return html`<section part="matching" class="section" aria-labelledby="matching-title">
      <h3 id="matching-title">${t.t('matching')}</h3>
      <p class="muted intro">${t.t('matchingIntro')}</p>
      <div class="row-actions">
        <button
          part="run"
          class="${set ? '' : 'primary'} run"
          aria-disabled=${this.running || this.busy !== null ? 'true' : 'false'}
          @click=${() => void this.run()}
        >
          ${this.running ? t.t('running') : t.t(set ? 'rerun' : 'run')}
        </button>
      </div>
      ${this.renderFailure('matching')}
      ${set ? this.rounds.render(t, (rounds) => rounds.renderResult(set, view)) : nothing}
    </section>`;
  }

  private renderBoard(view: BoardView): TemplateResult {
    const t = this.localize;
    const { program, enrollments, pairs } = view;
    const count = (status: string) => t.number(enrollments.filter((e) => e.status === status).length);
    const applicationsFailure = this.renderFailure('applications');
    return html`<article part="board" class="board surface" aria-labelledby="board-title">
      <header class="board-head">
        <div class="title-line">
          <h2 id="board-title">${program.name}</h2>
          <span part="badge" class="badge program ${program.status}">${t.t(`programStatus.${program.status}`)}</span>
        </div>
        <p class="muted counts">
          ${t.t('counts', {
            total: t.number(enrollments.length),
            applied: count('applied'),
            accepted: count('accepted'),
            pairs: t.number(pairs.length),
          })}
        </p>
      </header>
      ${
        view.staleSince
          ? html`<div part="notice" class="notice" role="status">
            <p>${t.t('offline')}</p>
            <p class="muted"><small>${t.t('stale', { when: t.dateTime(view.staleSince) })}</small></p>
          </div>`
          : nothing
      }
      ${renderApplications(t, {
        program,
        enrollments,
        people: view.people,
        deciding: this.busy?.startsWith('decide:') ? this.busy.slice('decide:'.length) : null,
        decide: (e, status) => void this.decide(e, status),
      })}
      ${applicationsFailure}
      ${this.renderMatching(view)}
      ${this.rounds.render(t, (rounds) => rounds.renderConstraintsAndHand(view), 4)}
      ${renderPairs(t, pairs, view.people)} ${this.announcer.render()}
    </article>`;
  }
}
