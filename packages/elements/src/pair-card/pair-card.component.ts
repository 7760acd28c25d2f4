import { initialState, Task, TaskStatus } from '@lit/task';
import type { CareerStage, Pair, PairProgress, PairRole, Person, Program } from '@rm-kit/core';
import { AT_RISK_CADENCE_FACTOR } from '@rm-kit/core/rules';
import { textIn, topicLabel } from '@rm-kit/core/vocabulary';
import { isStale, type RmClient, RmNotFoundError, staleSince } from '@rm-kit/sdk';
import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { ClientEventsController } from '../base/client-events.js';
import { LocalizeController } from '../base/localize.js';
import { relativeTime } from '../base/relative-time.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { pairCardStrings } from './pair-card.strings.js';
import { pairCardStyles } from './pair-card.styles.js';

/** Everything the card shows, as loaded for one pair. */
interface PairView {
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

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

function oldest(dates: (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
}

function staleOf(...values: unknown[]): Date | null {
  return values.some((v) => isStale(v)) ? oldest(values.map((v) => staleSince(v))) : null;
}

/**
 * @tagname rm-pair-card
 * @summary One mentoring pair at a glance: the junior mentor and the senior mentee, their
 * topics, sessions held against the cadence, goals, whether the pair is at risk, and the
 * charter each side has accepted.
 *
 * @slot header - Above the card's content, e.g. a heading of the host page's own level.
 * @slot actions - The host's buttons for this pair, e.g. "Open session log".
 *
 * @fires rm-load - The pair finished loading, and again after every refresh (a live change, or the charter accepted). detail: `{ count: 1, stale }`
 * @fires rm-error - Loading, refreshing or accepting the charter failed. detail: `{ error, action: 'load' | 'refresh' | 'pairs.acceptCharter' }`
 *
 * @csspart card - The card around everything.
 * @csspart person - One side of the pair (also `mentor` or `mentee`).
 * @csspart avatar - A photo, or the initials in a circle.
 * @csspart progress - Sessions, adherence, goals and the last and next session.
 * @csspart ring - The ring of sessions held against sessions expected.
 * @csspart badge - Every badge (also `status` for the pair's status, `risk` for the at-risk badge or dot; the badge's
 *   explanation below it says the verdict uses only the feedback the viewer may read).
 * @csspart topics - The list of the pair's topics.
 * @csspart charter - Who has accepted the charter, the charter to read (before and after accepting) and the button to accept it.
 * @csspart accept - The "Accept the charter" button.
 * @csspart notice - The offline notice.
 * @csspart status - The confirmation line ("Charter accepted"), shown for a few seconds and read out politely.
 * @csspart actions - The wrapper of the `actions` slot.
 * @csspart empty - The sentence shown without a pair-id.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message.
 * @csspart retry - The "Try again" button of the error message.
 *
 * @cssprop --rm-color-accent - The progress ring, the mentor's avatar and the accept button.
 * @cssprop --rm-color-danger - The at-risk badge and dot.
 * @cssprop --rm-color-success - The "active" status dot.
 * @cssprop --rm-color-warning - The "paused" status dot and the offline notice.
 * @cssprop --rm-color-surface - The card's background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Secondary text.
 * @cssprop --rm-color-border - Borders and the ring's track.
 * @cssprop --rm-color-subtle - Badges and the mentee's avatar.
 * @cssprop --rm-radius - Corner radius of the card.
 * @cssprop --rm-space - Padding and gaps.
 * @cssprop --rm-pair-card-ring-size - Diameter of the progress ring (default 4.5rem; compact: --rm-pair-card-compact-ring-size, 1.6rem).
 * @cssprop --rm-pair-card-avatar-size - Diameter of the avatars (default 3rem; compact: --rm-pair-card-compact-avatar-size, 1.9rem).
 */
export class RmPairCard extends RmElement {
  static override styles = [baseStyles, pairCardStyles];

  /** The id of the pair to show (`par_…`). */
  @property({ attribute: 'pair-id', reflect: true }) pairId = '';

  /** `full` shows everything; `compact` fits one line: avatars, names, status, a small ring and an at-risk dot. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  /** The newest pair and progress after a live change or a charter acceptance, over what was first loaded. */
  @state() private refreshed?: RefreshedPart;
  /** The pair whose charter acceptance waits in the outbox to be sent. */
  @state() private acceptQueuedFor: string | null = null;
  @state() private accepting = false;
  @state() private acceptError = '';
  @state() private hasActions = false;
  @state() private brokenPhotos = new Set<string>();

  private readonly localize = new LocalizeController(this, pairCardStrings);
  private readonly announcer = new AnnouncerController(this);

  private readonly loadTask = new Task(this, {
    args: () => [this.api, this.pairId] as const,
    task: async ([api, pairId], { signal }) => {
      if (!api || !pairId) return initialState;
      const [pair, progress, me, queued] = await Promise.all([
        api.pairs.get(pairId, { signal }),
        api.pairs.progress(pairId, { signal }),
        api.me.get({ signal }).catch(() => null),
        this.charterQueued(api, pairId),
      ]);
      const [mentor, mentee, program] = await Promise.all([
        api.people.get(pair.mentorId, { signal }),
        api.people.get(pair.menteeId, { signal }),
        api.programs.get(pair.programId, { signal }).catch(() => null),
      ]);
      this.acceptQueuedFor = queued ? pairId : null;
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
      this.refreshed = undefined;
      this.emit('rm-load', { count: 1, stale: view.staleSince !== null });
    },
    onError: (error) => this.emit('rm-error', { error: toError(error), action: 'load' }),
  });

  private readonly events = new ClientEventsController(this, () => this.api, {
    // Sessions, goals and feedback change the progress (feedback: the trust rule); pair events its status and charter.
    live: (event) => {
      if (event.pairId === this.pairId) void this.requestRefresh();
    },
    reset: () => void this.requestRefresh(),
    synced: (write) => {
      if (write.operation !== 'pairs.acceptCharter' || write.entry.write.pairId !== this.pairId) return;
      // Show the server's answer at once, so the card never flickers back to "waiting" meanwhile.
      this.showPair(write.result);
      this.acceptQueuedFor = null;
      void this.announcer.announce(this.localize.t('accepted'));
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
      this.acceptQueuedFor = null;
      this.acceptError = this.localize.t('acceptFailed');
      this.emit('rm-error', { error, action: 'pairs.acceptCharter' });
    },
  });

  /** Whether live changes reach the card now: its client's shared stream is open. */
  get live(): boolean {
    return this.events.status === 'open';
  }

  private refreshing?: Promise<void>;
  private refreshAgain = false;

  /** Refreshes pair and progress; changes that arrive meanwhile lead to one more refresh, not one each. */
  private requestRefresh(): Promise<void> {
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
    const api = this.api;
    const pairId = this.pairId;
    if (!api || !pairId || !this.view) return;
    try {
      const [pair, progress] = await Promise.all([api.pairs.get(pairId), api.pairs.progress(pairId)]);
      if (api !== this.api || pairId !== this.pairId) return;
      this.refreshed = { pair, progress, staleSince: staleOf(pair, progress) };
      this.emit('rm-load', { count: 1, stale: this.refreshed.staleSince !== null });
    } catch (error) {
      // Gone, or no longer shared with the viewer: say so as a first load would.
      if (error instanceof RmNotFoundError) void this.loadTask.run();
      else this.emit('rm-error', { error: toError(error), action: 'refresh' });
    }
  }

  // ---- the charter -------------------------------------------------------------------

  private async charterQueued(api: RmClient, pairId: string): Promise<boolean> {
    const entries = await api.pairs.charterPending(pairId).catch(() => []);
    return entries.some((entry) => entry.state === 'pending');
  }

  /** A pair the server just answered with, over what the card shows. */
  private showPair(pair: Pair) {
    const view = this.view;
    if (!view || pair.id !== view.pair.id) return;
    this.refreshed = { pair, progress: view.progress, staleSince: view.staleSince };
  }

  private async acceptCharter() {
    const api = this.api;
    const view = this.view;
    if (!api || !view || this.accepting) return;
    this.accepting = true;
    this.acceptError = '';
    try {
      const result = await api.pairs.acceptCharter(view.pair);
      if (result.pending) {
        this.acceptQueuedFor = view.pair.id;
        void this.announcer.announce(this.localize.t('acceptQueued'));
      } else {
        this.showPair(result);
        void this.announcer.announce(this.localize.t('accepted'));
      }
      this.accepting = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.charter-status')?.focus();
      if (!result.pending) await this.requestRefresh();
    } catch (error) {
      this.accepting = false;
      this.acceptError = this.localize.t('acceptFailed');
      this.emit('rm-error', { error: toError(error), action: 'pairs.acceptCharter' });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('button.accept')?.focus();
    }
  }

  // ---- rendering ---------------------------------------------------------------------

  /** What the card shows now: the loaded pair, with any newer pair and progress over it. */
  private get view(): PairView | undefined {
    const loaded = this.loadTask.value;
    if (!loaded || loaded.pair.id !== this.pairId) return undefined;
    return this.refreshed?.pair.id === loaded.pair.id ? { ...loaded, ...this.refreshed } : loaded;
  }

  protected override render() {
    if (!this.api) return this.frame(noClientState(this.localize));
    if (!this.pairId) return this.frame(html`<p part="empty" class="muted">${this.localize.t('empty')}</p>`);
    const view = this.view;
    if (this.loadTask.status === TaskStatus.ERROR) {
      return this.frame(errorState(this.localize, this.loadTask.error, () => void this.loadTask.run()));
    }
    if (view && this.loadTask.status !== TaskStatus.INITIAL) {
      return this.variant === 'compact' ? this.renderCompact(view) : this.renderFull(view);
    }
    return this.renderSkeleton();
  }

  /** A state that is not a pair (no client, no pair-id, an error) in the card's frame, so the page keeps its layout. */
  private frame(content: TemplateResult): TemplateResult {
    return html`<div part="card" class="card state-card surface ${this.variant === 'compact' ? 'compact' : ''}">
      ${content}
    </div>`;
  }

  private renderSkeleton(): TemplateResult {
    if (this.variant === 'compact') {
      return html`<div part="card" class="card compact surface skeleton-card">${loadingState(this.localize, 1)}</div>`;
    }
    return html`<div part="card" class="card surface skeleton-card">
      <div class="skeleton-people" aria-hidden="true">
        ${[0, 1].map(
          () => html`<div class="skeleton-person">
            <span class="skeleton skeleton-avatar"></span>
            <span class="skeleton-lines"><span class="skeleton"></span><span class="skeleton"></span></span>
          </div>`,
        )}
      </div>
      <div class="skeleton-progress" aria-hidden="true">
        <span class="skeleton skeleton-ring"></span>
        <span class="skeleton-lines"><span class="skeleton"></span><span class="skeleton"></span></span>
      </div>
      ${loadingState(this.localize, 2)}
    </div>`;
  }

  private renderFull(view: PairView): TemplateResult {
    const { pair, progress } = view;
    return html`<article
      part="card"
      class="card surface"
      aria-label=${this.localize.t('cardLabel', { mentor: view.mentor.displayName, mentee: view.mentee.displayName })}
    >
      <slot name="header"></slot>
      ${view.staleSince ? this.renderOffline(view.staleSince) : nothing}
      <div class="top">
        <ul class="people" role="list">
          ${this.renderPerson(view.mentor, 'mentor')} ${this.renderPerson(view.mentee, 'mentee')}
        </ul>
        <div class="badges">
          ${this.renderStatus(pair)} ${progress.atRisk ? this.renderRiskBadge(view) : nothing}
        </div>
      </div>
      ${
        progress.atRisk
          ? html`<p id="risk-viewer" class="risk-viewer muted"><small>${this.localize.t('atRiskViewer')}</small></p>`
          : nothing
      }
      ${this.renderProgress(view)} ${this.renderTopics(view)} ${this.renderCharter(view)}
      <div part="actions" class="actions" ?hidden=${!this.hasActions}>
        <slot name="actions" @slotchange=${this.onActionsChange}></slot>
      </div>
      ${this.announcer.render()}
    </article>`;
  }

  private renderCompact(view: PairView): TemplateResult {
    const { pair, progress, mentor, mentee } = view;
    return html`<div
      part="card"
      class="card compact surface"
      role="group"
      aria-label=${this.localize.t('cardLabel', { mentor: mentor.displayName, mentee: mentee.displayName })}
    >
      <span class="avatars">${this.renderAvatar(mentor, 'mentor')}${this.renderAvatar(mentee, 'mentee')}</span>
      <span class="names">
        <span part="person mentor" class="name">
          <span class="visually-hidden">${this.roleLine(mentor, 'mentor')}: </span>${mentor.displayName}
        </span>
        <span class="amp" aria-hidden="true">·</span>
        <span part="person mentee" class="name">
          <span class="visually-hidden">${this.roleLine(mentee, 'mentee')}: </span>${mentee.displayName}
        </span>
      </span>
      ${this.renderStatus(pair)} ${this.renderRing(progress, true)}
      <span class="visually-hidden">${this.sessionsText(progress)}</span>
      ${
        progress.atRisk
          ? html`<span
            part="badge risk"
            class="risk-dot"
            role="img"
            aria-label=${`${this.localize.t('atRiskWithReasons', { reasons: this.riskReasons(view) })}. ${this.localize.t('atRiskViewer')}`}
          ></span>`
          : nothing
      }
      ${
        view.staleSince
          ? html`<span part="notice" class="stale-mark" role="img" aria-label=${this.localize.t('offline')}></span>`
          : nothing
      }
      <span part="actions" class="actions" ?hidden=${!this.hasActions}>
        <slot name="actions" @slotchange=${this.onActionsChange}></slot>
      </span>
    </div>`;
  }

  private onActionsChange(event: Event) {
    const slot = event.target as HTMLSlotElement;
    this.hasActions = slot
      .assignedNodes({ flatten: true })
      .some((node) => node.nodeType === Node.ELEMENT_NODE || node.textContent?.trim());
  }

  private renderOffline(since: Date): TemplateResult {
    return html`<div part="notice" class="notice" role="status">
      <p>${this.localize.t('offline')}</p>
      <p class="muted"><small>${this.localize.t('stale', { when: this.localize.dateTime(since) })}</small></p>
    </div>`;
  }

  private roleLine(person: Person, side: PairRole): string {
    return this.localize.t('roleWithStage', {
      role: this.localize.t(side === 'mentor' ? 'mentorRole' : 'menteeRole'),
      stage: this.localize.t(`stage.${person.careerStage satisfies CareerStage}`),
    });
  }

  private renderPerson(person: Person, side: PairRole): TemplateResult {
    return html`<li part="person ${side}" class="person ${side}">
      ${this.renderAvatar(person, side)}
      <span class="who">
        <span class="name">${person.displayName}</span>
        ${person.title ? html`<span class="title muted">${person.title}</span>` : nothing}
        <span class="role">${this.roleLine(person, side)}</span>
      </span>
    </li>`;
  }

  private renderAvatar(person: Person, side: PairRole): TemplateResult {
    if (person.photoUrl && !this.brokenPhotos.has(person.photoUrl)) {
      const url = person.photoUrl;
      return html`<img
        part="avatar"
        class="avatar ${side}"
        src=${url}
        alt=${this.localize.t('photoOf', { name: person.displayName })}
        @error=${() => {
          this.brokenPhotos = new Set([...this.brokenPhotos, url]);
        }}
      />`;
    }
    return html`<span part="avatar" class="avatar initials ${side}" aria-hidden="true"
      >${initials(person.displayName)}</span
    >`;
  }

  private renderStatus(pair: Pair): TemplateResult {
    const status = this.localize.t(`status.${pair.status}`);
    return html`<span part="badge status" class="badge status ${pair.status}"
      ><span class="visually-hidden">${this.localize.t('statusLabel', { status })}</span
      ><span aria-hidden="true">${status}</span></span
    >`;
  }

  private riskReasons(view: PairView): string {
    const reasons = view.progress.atRiskReasons.map((reason) => {
      if (reason === 'low-trust') return this.localize.t('risk.lowTrust');
      const cadence = view.program?.cadenceDays;
      if (!cadence) return this.localize.t('risk.noRecentSessionCadence');
      const days = cadence * AT_RISK_CADENCE_FACTOR;
      const duration =
        days % 7 === 0
          ? this.localize.number(days / 7, { style: 'unit', unit: 'week', unitDisplay: 'long' })
          : this.localize.number(days, { style: 'unit', unit: 'day', unitDisplay: 'long' });
      return this.localize.t('risk.noRecentSession', { duration });
    });
    return new Intl.ListFormat(this.localize.locale, { type: 'conjunction' }).format(reasons);
  }

  private renderRiskBadge(view: PairView): TemplateResult {
    return html`<span part="badge risk" class="badge risk" aria-describedby="risk-viewer">
      <span class="risk-icon" aria-hidden="true">!</span>
      <span>${this.localize.t('atRiskWithReasons', { reasons: this.riskReasons(view) })}</span>
    </span>`;
  }

  /** "Label: x of y" needs no plural and no gender, in either language. */
  private sessionsText(progress: PairProgress): string {
    const { sessionsHeld: held, sessionsExpected: expected } = progress;
    const figures = { held: this.localize.number(held), expected: this.localize.number(expected) };
    if (held > expected && expected > 0) return this.localize.t('sessionsAhead', figures);
    if (expected > 0) return this.localize.t('sessions', figures);
    if (held === 0) return this.localize.t('noSessionsDue');
    return this.localize.t('sessionsHeld', figures);
  }

  private goalsText(progress: PairProgress): string {
    if (progress.goalsInPlay === 0) return this.localize.t('noGoals');
    return this.localize.t('goals', {
      achieved: this.localize.number(progress.goalsAchieved),
      total: this.localize.number(progress.goalsInPlay),
    });
  }

  /** The ring draws held over expected (the adherence, capped at 1) as a share of a circle of length 100. */
  private renderRing(progress: PairProgress, small = false): TemplateResult {
    const share = progress.sessionsExpected > 0 ? Math.round(progress.cadenceAdherence * 100) : 0;
    return html`<svg
      part="ring"
      class="ring ${small ? 'small' : ''} ${progress.atRisk ? 'at-risk' : ''}"
      viewBox="0 0 36 36"
      aria-hidden="true"
      focusable="false"
    >
      <circle class="ring-track" cx="18" cy="18" r="15.5" pathLength="100"></circle>
      ${
        share > 0
          ? svg`<circle
            class="ring-value"
            cx="18"
            cy="18"
            r="15.5"
            pathLength="100"
            stroke-dasharray=${`${share} 100`}
            transform="rotate(-90 18 18)"
          ></circle>`
          : nothing
      }
      ${
        small
          ? nothing
          : svg`<text class="ring-text" x="18" y="18" text-anchor="middle" dominant-baseline="central">
            ${this.localize.number(progress.sessionsHeld)}/${this.localize.number(progress.sessionsExpected)}
          </text>`
      }
    </svg>`;
  }

  private renderWhen(at: string | null, none: string): TemplateResult {
    if (!at) return html`<span class="muted">${none}</span>`;
    return html`<time datetime=${at} title=${this.localize.dateTime(at)}>${relativeTime(this.localize.locale, at)}</time>`;
  }

  private renderProgress(view: PairView): TemplateResult {
    const { progress } = view;
    return html`<div part="progress" class="progress" role="group" aria-label=${this.localize.t('progress')}>
      ${this.renderRing(progress)}
      <div class="figures">
        <p class="sessions">${this.sessionsText(progress)}</p>
        ${
          progress.sessionsExpected > 0
            ? html`<p class="adherence muted">
              ${this.localize.t('adherence', {
                percent: this.localize.number(progress.cadenceAdherence, {
                  style: 'percent',
                  maximumFractionDigits: 0,
                }),
              })}
            </p>`
            : nothing
        }
        <p class="goals">${this.goalsText(progress)}</p>
      </div>
      <dl class="when">
        <div>
          <dt class="muted">${this.localize.t('lastSession')}</dt>
          <dd class="last">${this.renderWhen(progress.lastSessionAt, this.localize.t('noSessionYet'))}</dd>
        </div>
        <div>
          <dt class="muted">${this.localize.t('nextSession')}</dt>
          <dd class="next">${this.renderWhen(progress.nextSessionAt, this.localize.t('noSessionPlanned'))}</dd>
        </div>
      </dl>
    </div>`;
  }

  private renderTopics(view: PairView): TemplateResult {
    const locale = this.localize.locale;
    const custom = view.program?.customTopics ?? [];
    return html`<div class="topics-section" role="group" aria-label=${this.localize.t('topics')}>
      <span class="label muted" aria-hidden="true">${this.localize.t('topics')}</span>
      ${
        view.pair.topics.length === 0
          ? html`<p class="muted">${this.localize.t('noTopics')}</p>`
          : html`<ul part="topics" class="topics" role="list">
            ${view.pair.topics.map(
              (key) =>
                html`<li part="badge topic" class="badge topic">${topicLabel(key, locale, custom)}</li>`,
            )}
          </ul>`
      }
    </div>`;
  }

  private renderCharter(view: PairView): TemplateResult {
    const { pair, viewerId } = view;
    const viewerSide: PairRole | null =
      viewerId === pair.mentorId ? 'mentor' : viewerId === pair.menteeId ? 'mentee' : null;
    const queued = viewerSide !== null && this.acceptQueuedFor === pair.id;
    const accepted = {
      mentor: pair.charterAcceptedAt.mentor !== null || (queued && viewerSide === 'mentor'),
      mentee: pair.charterAcceptedAt.mentee !== null || (queued && viewerSide === 'mentee'),
    };
    const sentence =
      accepted.mentor && accepted.mentee
        ? 'charter.both'
        : accepted.mentor
          ? 'charter.waitingMentee'
          : accepted.mentee
            ? 'charter.waitingMentor'
            : 'charter.waitingBoth';
    const canAccept = viewerSide !== null && !accepted[viewerSide];
    // In the reader's language, else in the one it is written in (marked with its lang).
    const charter = view.program ? textIn(view.program.charter, this.localize.locale) : null;
    return html`<div part="charter" class="charter ${accepted.mentor && accepted.mentee ? 'done' : 'waiting'}">
      <p class="charter-status" tabindex="-1">
        <span class="charter-icon" aria-hidden="true">${accepted.mentor && accepted.mentee ? '✓' : '…'}</span>
        <span>${this.localize.t(sentence)}</span>
        ${queued ? html`<span part="badge" class="badge pending">${this.localize.t('pending')}</span>` : nothing}
      </p>
      ${
        // Stays after accepting: either side may want to re-read what they agreed to.
        charter
          ? html`<details class="charter-text">
            <summary>${this.localize.t('readCharter')}</summary>
            <p lang=${charter.locale === this.localize.locale ? nothing : charter.locale}>${charter.text}</p>
          </details>`
          : nothing
      }
      ${
        canAccept
          ? html`<button
              part="accept"
              class="primary accept"
              ?disabled=${this.accepting}
              aria-describedby=${this.acceptError ? 'accept-error' : nothing}
              @click=${this.acceptCharter}
            >
              ${this.accepting ? this.localize.t('accepting') : this.localize.t('acceptCharter')}
            </button>`
          : nothing
      }
      ${
        this.acceptError
          ? html`<p id="accept-error" class="error-text" role="alert">${this.acceptError}</p>`
          : nothing
      }
    </div>`;
  }
}
