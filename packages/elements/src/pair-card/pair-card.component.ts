import { TaskStatus } from '@lit/task';
import type { CareerStage, Pair, PairRole, Person } from '@rm-kit/core';
import { topicLabel } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { preloadWhenIdle } from '../base/load-once.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState, noPairState } from '../base/states.js';
import { statusDotStyles } from '../base/status-dot.styles.js';
import { toError } from '../base/to-error.js';
import { pairCardStrings } from './pair-card.strings.js';
import { pairCardStyles } from './pair-card.styles.js';
import { renderCharter } from './pair-card-charter.js';
import { loadLife, PairCardData, type PairView } from './pair-card-data.js';
import type { PairCardLife } from './pair-card-life.js';

import { renderProgress, renderRing, riskReasons, sessionsText } from './pair-card-progress.js';

function initials(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

/**
 * @tagname rm-pair-card
 * @summary One mentoring pair at a glance: the junior mentor and the senior mentee, their
 * topics, sessions held against the cadence, goals, whether the pair is at risk, and the
 * charter each side has accepted.
 *
 * A `proposed` pair shows instead why it was matched and what it waits for (the mentee's
 * agreement, each side's charter), with the viewer's own steps: agree (the mentee), accept
 * the charter, decline. Its members pause and resume an active pair and may end it; a
 * decline or an end asks once, in a dialog that asks no reason, and the other member reads
 * that the pair ended early, never who ended it.
 *
 * @slot header - Above the card's content, e.g. a heading of the host page's own level.
 * @slot actions - The host's buttons for this pair, e.g. "Open session log".
 *
 * @fires rm-load - The pair finished loading, and again after every refresh (a live change, or the charter accepted). detail: `{ count: 1, stale }`
 * @fires rm-charter-accepted - The viewer accepted the charter for their side, or the acceptance was queued offline; again with `pending: false` once it reaches the server. `status` is the pair's after it (`active` when it was the last step). detail: `{ pairId, side, status, pending }`
 * @fires rm-pair-changed - The mentee agreed (`consented`; status `active` when that was the last step), the viewer's charter acceptance started the pair (`started`), a member declined, paused or resumed the pair, or the change was queued offline; again with `pending: false` once it reaches the server. detail: `{ pairId, status, change, pending }`
 * @fires rm-error - Loading, refreshing or a change failed, or its part could not be fetched. detail: `{ error, action: 'load' | 'refresh' | 'load-part' | 'pairs.acceptCharter' | 'pairs.consent' | 'pairs.decline' | 'pairs.update' }`
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
 * @csspart reasons - A proposed pair's score and the reasons it was matched.
 * @csspart consent - What a proposed pair waits for, by name, and the viewer's steps.
 * @csspart consent-button - The mentee's "Agree to this pair" button.
 * @csspart decline - The "Decline this pair" (proposed) or "End this pair" (active, paused) button.
 * @csspart life - An active or paused pair's "Pause the pair" / "Resume the pair" and "End this pair".
 * @csspart pause - The pause and resume button.
 * @csspart ended - The line of a pair that ended early.
 * @csspart dialog - The dialog before declining or ending; `confirm` its confirming button.
 * @csspart notice - The offline notice.
 * @csspart status - The confirmation line ("Charter accepted"), shown for a few seconds and read out politely.
 * @csspart actions - The wrapper of the `actions` slot.
 * @csspart empty - Without a pair-id, the sentence for a person in no pair now.
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
  static override styles = [baseStyles, statusDotStyles, pairCardStyles];

  /** The id of the pair to show (`par_…`); without it, the signed-in person's current pair. */
  @property({ attribute: 'pair-id', reflect: true }) pairId = '';

  /** `full` shows everything; `compact` fits one line: avatars, names, status, a small ring and an at-risk dot. */
  @property({ reflect: true }) variant: 'full' | 'compact' = 'full';

  @state() private hasActions = false;
  @state() private brokenPhotos = new Set<string>();
  /** The life-cycle part, once its module is here. */
  @state() private life: PairCardLife | undefined;

  private readonly localize = new LocalizeController(this, pairCardStrings);
  private readonly announcer = new AnnouncerController(this);
  private readonly data = new PairCardData(this, {
    client: () => this.api,
    pairId: () => this.pairId,
    announce: (key) => void this.announcer.announce(this.localize.t(key)),
    emitLoad: (stale) => {
      this.emit('rm-load', { count: 1, stale });
      if (this.variant === 'full') this.loadLifePart(this.data.view?.pair.status === 'proposed');
    },
    emitError: (error, action) => this.emit('rm-error', { error: toError(error), action }),
    emit: (type, detail) => this.emit(type, detail),
    charterAnswered: async (outcome) => {
      await this.updateComplete;
      // The button again after a failure, to try again; else the sentence that now says who has accepted.
      this.renderRoot
        .querySelector<HTMLElement>(
          outcome === 'failed' ? 'button.accept' : '.charter-status, .consent-status',
        )
        ?.focus();
    },
  });

  /** Fetches the life-cycle part: at once for a proposed pair, whose card shows it first; otherwise when idle. */
  private loadLifePart(now: boolean) {
    const load = () =>
      loadLife().then(({ PairCardLife }) => {
        this.life ??= new PairCardLife(this, this.data, {
          client: () => this.api,
          pairId: () => this.data.pairId,
          announce: (text) => void this.announcer.announce(text),
          emit: (type, detail) => this.emit(type, detail),
        });
      });
    if (!now) return preloadWhenIdle(load);
    load().catch((error: unknown) => this.emit('rm-error', { error: toError(error), action: 'load-part' }));
  }

  /** Whether live changes reach the card now: its client's shared stream is open. */
  get live(): boolean {
    return this.data.live;
  }

  protected override render() {
    if (!this.api) return this.frame(noClientState(this.localize));
    const view = this.data.view;
    const task = this.data.task;
    if (task.status === TaskStatus.ERROR) {
      return this.frame(errorState(this.localize, task.error, () => void task.run()));
    }
    if (task.value === null) return this.frame(noPairState(this.localize));
    if (view && task.status !== TaskStatus.INITIAL) {
      return this.variant === 'compact' ? this.renderCompact(view) : this.renderFull(view);
    }
    return this.renderSkeleton();
  }

  /** A state that is not a pair (no client, no pair, an error) in the card's frame, so the page keeps its layout. */
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
    const life = this.life;
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
      ${
        pair.status === 'proposed'
          ? html`${life?.reasons(view) ?? nothing} ${this.renderTopics(view)}
            ${life ? life.consent(view) : html`<div class="life-loading" aria-busy="true">${loadingState(this.localize, 2)}</div>`}`
          : html`${renderProgress(this.localize, progress)} ${this.renderTopics(view)}
            ${renderCharter(this.localize, this.data, view)} ${life?.life(view) ?? nothing}`
      }
      <div part="actions" class="actions" ?hidden=${!this.hasActions}>
        <slot name="actions" @slotchange=${this.onActionsChange}></slot>
      </div>
      ${this.announcer.render()} ${life?.dialog() ?? nothing}
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
      ${this.renderStatus(pair)} ${renderRing(this.localize, progress, true)}
      <span class="visually-hidden">${sessionsText(this.localize, progress)}</span>
      ${
        progress.atRisk
          ? html`<span
            part="badge risk"
            class="risk-dot"
            role="img"
            aria-label=${`${this.localize.t('atRiskWithReasons', { reasons: riskReasons(this.localize, view) })}. ${this.localize.t('atRiskViewer')}`}
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

  private renderRiskBadge(view: PairView): TemplateResult {
    return html`<span part="badge risk" class="badge risk" aria-describedby="risk-viewer">
      <span class="risk-icon" aria-hidden="true">!</span>
      <span>${this.localize.t('atRiskWithReasons', { reasons: riskReasons(this.localize, view) })}</span>
    </span>`;
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
}
