import type { Pair, PairRole, PairStatus } from '@rm-kit/core';
import { textIn } from '@rm-kit/core/vocabulary';
import { type OutboxWrite, type RmClient, RmConflictError, RmPreconditionError } from '@rm-kit/sdk';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { ClientEventsController } from '../base/client-events.js';
import { ConfirmDialogController, confirmDialogStyles } from '../base/confirm-dialog.js';
import type { PairChange, RmEventDetails } from '../base/events.js';
import { adoptLaterStyles } from '../base/later-styles.js';
import { LocalizeController } from '../base/localize.js';
import { toError } from '../base/to-error.js';
import type { PairCardKey } from './pair-card.strings.js';
import type { PairCardData, PairCardDataHost, PairView } from './pair-card-data.js';
import { type PairLifeKey, pairLifeStrings } from './pair-card-life.strings.js';
import { pairCardLifeStyles } from './pair-card-life.styles.js';

type Localize = LocalizeController<PairCardKey | PairLifeKey>;

/**
 * What a member may do to their pair besides accepting the charter: the mentee's consent
 * to a proposed pair, a no-fault decline (of a proposed pair, or ending a running one),
 * and pausing or resuming it.
 */
type LifeChange = 'consent' | 'decline' | 'pause' | 'resume';

/** Each change: what the card says once done, queued offline, or failed, and the event it fires. */
const LIFE: Record<
  LifeChange,
  { done: PairLifeKey; queued: PairLifeKey; failed: PairLifeKey; change: PairChange; status: PairStatus }
> = {
  consent: {
    done: 'consent.doneYou',
    queued: 'consentQueued',
    failed: 'consentFailed',
    change: 'consented',
    status: 'proposed',
  },
  decline: {
    done: 'declined',
    queued: 'declineQueued',
    failed: 'declineFailed',
    change: 'declined',
    status: 'dissolved',
  },
  pause: { done: 'paused', queued: 'pauseQueued', failed: 'pauseFailed', change: 'paused', status: 'paused' },
  resume: {
    done: 'resumed',
    queued: 'pauseQueued',
    failed: 'pauseFailed',
    change: 'resumed',
    status: 'active',
  },
};

/** Which change of a pair's life a queued write is, if it is one, for that pair. */
function lifeChangeOf(write: OutboxWrite, pairId: string): LifeChange | null {
  if (write.operation === 'pairs.consent' && write.pairId === pairId) return 'consent';
  if (write.operation === 'pairs.decline' && write.pairId === pairId) return 'decline';
  if (write.operation === 'pairs.update' && write.id === pairId) {
    if (write.body.status === 'paused') return 'pause';
    if (write.body.status === 'active') return 'resume';
  }
  return null;
}

/** What the life-cycle part needs from its card. */
export interface LifeHost {
  client(): RmClient | undefined;
  pairId(): string;
  /** Says something in the card's status line. */
  announce(text: string): void;
  emit<K extends 'rm-pair-changed' | 'rm-error'>(type: K, detail: RmEventDetails[K]): void;
}

/** What the card's life panels need besides the data: asking before a decline. */
interface LifeActions {
  /** Asks in a dialog, then declines (or ends) the pair; no reason is asked. */
  decline(): void;
}

/** The viewer's side of the pair, if they are in it. */
function viewerSide(view: PairView): PairRole | null {
  const { pair, viewerId } = view;
  return viewerId === pair.mentorId ? 'mentor' : viewerId === pair.menteeId ? 'mentee' : null;
}

function failure(localize: Localize, life: PairCardLife, kinds: LifeChange[]) {
  const failed = life.changeFailed;
  if (!failed || !kinds.includes(failed)) return nothing;
  const key = failed === 'consent' ? 'consentFailed' : failed === 'decline' ? 'declineFailed' : 'pauseFailed';
  return html`<p class="error-text life-error" role="alert">${localize.t(key)}</p>`;
}

/** "Why this pair": the score as a share and the reasons, in the reader's language. */
function renderReasons(localize: Localize, view: PairView): TemplateResult | typeof nothing {
  const { matchScore, matchReasons } = view.pair;
  if (matchScore === null && matchReasons.length === 0) return nothing;
  return html`<div part="reasons" class="reasons" role="group" aria-label=${localize.t('whyMatched')}>
    <p class="reasons-head">
      <span class="label muted">${localize.t('whyMatched')}</span>
      ${
        matchScore === null
          ? nothing
          : html`<span class="badge score"
              >${localize.t('matchScore', {
                percent: localize.number(matchScore, { style: 'percent', maximumFractionDigits: 0 }),
              })}</span
            >`
      }
    </p>
    ${
      matchReasons.length > 0
        ? html`<ul class="reason-list">
          ${matchReasons.map((reason) => html`<li>${reason[localize.locale]}</li>`)}
        </ul>`
        : nothing
    }
  </div>`;
}

/**
 * A proposed pair: what it waits for (the mentee's consent, each side's charter), said by
 * name, and the viewer's own steps: agree (the mentee), accept the charter, or decline.
 */
function renderConsent(
  localize: Localize,
  data: PairCardData,
  life: PairCardLife,
  view: PairView,
  actions: LifeActions,
): TemplateResult {
  const { pair, mentor, mentee } = view;
  const side = viewerSide(view);
  const queued = (kind: LifeChange) => life.changeQueued === kind;
  const charterQueued = side !== null && data.acceptQueuedFor === pair.id;
  const consented = pair.menteeConsentedAt !== null || queued('consent');
  const accepted = {
    mentor: pair.charterAcceptedAt.mentor !== null || (charterQueued && side === 'mentor'),
    mentee: pair.charterAcceptedAt.mentee !== null || (charterQueued && side === 'mentee'),
  };
  const step = (
    done: boolean,
    you: boolean,
    prefix: 'consent' | 'charterStep',
    name: string,
    pending: boolean,
  ) => {
    const key: PairLifeKey = `${prefix}.${done ? 'done' : 'waiting'}${you ? 'You' : ''}` as const;
    return html`<li class="step ${done ? 'done' : 'waiting'}">
      <span class="step-icon" aria-hidden="true">${done ? '✓' : '…'}</span>
      <span>${localize.t(key, { name })}</span>
      ${pending ? html`<span part="badge" class="badge pending">${localize.t('pending')}</span>` : nothing}
    </li>`;
  };
  const charter = view.program ? textIn(view.program.charter, localize.locale) : null;
  const busy = life.changing !== null || data.accepting;
  return html`<div part="consent" class="consent">
    <h3 class="consent-status" tabindex="-1">${localize.t('consent.title')}</h3>
    <p class="muted">${localize.t('consent.intro')}</p>
    <ul class="steps" role="list">
      ${step(consented, side === 'mentee', 'consent', mentee.displayName, queued('consent'))}
      ${step(accepted.mentor, side === 'mentor', 'charterStep', mentor.displayName, charterQueued && side === 'mentor')}
      ${step(accepted.mentee, side === 'mentee', 'charterStep', mentee.displayName, charterQueued && side === 'mentee')}
    </ul>
    ${
      charter
        ? html`<details class="charter-text">
          <summary>${localize.t('readCharter')}</summary>
          <p lang=${charter.locale === localize.locale ? nothing : charter.locale}>${charter.text}</p>
        </details>`
        : nothing
    }
    ${
      side
        ? html`<div class="life-actions">
          ${
            side === 'mentee' && !consented
              ? html`<button
                  part="consent-button"
                  class="primary consent-button"
                  aria-disabled=${busy ? 'true' : 'false'}
                  @click=${() => void life.change('consent')}
                >
                  ${life.changing === 'consent' ? localize.t('consenting') : localize.t('consent')}
                </button>`
              : nothing
          }
          ${
            !accepted[side]
              ? html`<button
                  part="accept"
                  class="${side === 'mentee' && !consented ? '' : 'primary'} accept"
                  aria-disabled=${busy ? 'true' : 'false'}
                  aria-describedby=${data.acceptFailed ? 'accept-error' : nothing}
                  @click=${() => void data.acceptCharter()}
                >
                  ${data.accepting ? localize.t('accepting') : localize.t('acceptCharter')}
                </button>`
              : nothing
          }
          <button
            part="decline"
            class="decline"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${actions.decline}
          >
            ${life.changing === 'decline' ? localize.t('declining') : localize.t('decline')}
          </button>
        </div>`
        : nothing
    }
    ${data.acceptFailed ? html`<p id="accept-error" class="error-text" role="alert">${localize.t('acceptFailed')}</p>` : nothing}
    ${failure(localize, life, ['consent', 'decline'])}
  </div>`;
}

/**
 * A pair under way or over: a member pauses or resumes it and may end it (a no-fault exit);
 * a paused pair says what pausing means; a dissolved one says it ended, never who ended it.
 */
function renderLife(
  localize: Localize,
  life: PairCardLife,
  view: PairView,
  actions: LifeActions,
): TemplateResult | typeof nothing {
  const { pair } = view;
  if (pair.status === 'dissolved') {
    const date = pair.endedOn ? localize.date(pair.endedOn, { dateStyle: 'long', timeZone: 'UTC' }) : null;
    return html`<p part="ended" class="ended" tabindex="-1">
      ${date ? localize.t('endedNote', { date }) : localize.t('endedNoDate')}
    </p>`;
  }
  if (pair.status !== 'active' && pair.status !== 'paused') return nothing;
  const side = viewerSide(view);
  const paused = pair.status === 'paused';
  const busy = life.changing !== null;
  const pending = life.changeQueued === 'pause' || life.changeQueued === 'resume';
  return html`<div part="life" class="life">
    ${paused ? html`<p class="paused-note muted">${localize.t('pausedNote')}</p>` : nothing}
    ${
      side
        ? html`<div class="life-actions">
          <button
            part="pause"
            class="pause"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => void life.change(paused ? 'resume' : 'pause')}
          >
            ${
              life.changing === 'pause' || life.changing === 'resume'
                ? localize.t('pausing')
                : localize.t(paused ? 'resume' : 'pause')
            }
          </button>
          ${pending ? html`<span part="badge" class="badge pending">${localize.t('pending')}</span>` : nothing}
          <button part="decline" class="decline quiet" aria-disabled=${busy ? 'true' : 'false'} @click=${actions.decline}>
            ${life.changing === 'decline' ? localize.t('declining') : localize.t('leave')}
          </button>
        </div>`
        : nothing
    }
    ${failure(localize, life, ['pause', 'resume', 'decline'])}
  </div>`;
}

/**
 * Fires `rm-charter-accepted` for the viewer's side; and `rm-pair-changed` (`started`) when
 * the acceptance was the pair's last step, so a page learns the pair began without reloading.
 */
export function charterAccepted(
  card: PairCardDataHost,
  viewerId: string | null | undefined,
  pair: Pair,
  before: Pair['status'] | undefined,
  pending: boolean,
) {
  const side: PairRole | null =
    viewerId === pair.mentorId ? 'mentor' : viewerId === pair.menteeId ? 'mentee' : null;
  if (!side) return;
  card.emit('rm-charter-accepted', { pairId: pair.id, side, status: pair.status, pending });
  if (!pending && before === 'proposed' && pair.status === 'active') {
    card.emit('rm-pair-changed', { pairId: pair.id, status: 'active', change: 'started', pending });
  }
}

/**
 * Accepts the charter for the viewer's side: the card then shows who has, says so (or that
 * it waits in the outbox), tells the page, and moves focus to the answer.
 */
export async function acceptCharter(data: PairCardData, card: PairCardDataHost) {
  const api = card.client();
  const view = data.view;
  if (!api || !view || data.accepting) return;
  data.set({ accepting: true, acceptFailed: false });
  try {
    const result = await api.pairs.acceptCharter(view.pair);
    if (result.pending) {
      data.set({ acceptQueuedFor: view.pair.id });
      card.announce('acceptQueued');
      charterAccepted(card, view.viewerId, view.pair, view.pair.status, true);
    } else {
      data.showPair(result);
      card.announce('accepted');
      charterAccepted(card, view.viewerId, result, view.pair.status, false);
    }
    data.set({ accepting: false });
    await card.charterAnswered(result.pending ? 'queued' : 'accepted');
    if (!result.pending) await data.requestRefresh();
  } catch (error) {
    data.set({ accepting: false, acceptFailed: true });
    card.emitError(error, 'pairs.acceptCharter');
    await card.charterAnswered('failed');
  }
}

/**
 * The card's life-cycle part, a module of its own: a proposed pair's reasons and consent
 * flow, pausing and resuming a running pair, the no-fault exit with its dialog, and the
 * line of a pair that ended; and those writes, sent at once or queued in the outbox and
 * confirmed when the outbox sends them. The card loads it at once for a proposed pair,
 * and otherwise once the browser is idle, so that every action works offline once the
 * card is shown.
 */
export class PairCardLife {
  readonly t: Localize;
  /** A change under way, one that failed, and one waiting in the outbox. */
  changing: LifeChange | null = null;
  changeFailed: LifeChange | null = null;
  changeQueued: LifeChange | null = null;
  private readonly confirm: ConfirmDialogController;
  private queuedFor = '';

  constructor(
    private readonly element: ReactiveElement & HTMLElement & { locale?: string | undefined },
    private readonly data: PairCardData,
    private readonly card: LifeHost,
  ) {
    this.t = new LocalizeController(element, pairLifeStrings);
    this.confirm = new ConfirmDialogController(element);
    adoptLaterStyles(element, [confirmDialogStyles, pairCardLifeStyles]);
    new ClientEventsController(element, () => card.client(), {
      synced: (write) => {
        const life = lifeChangeOf(write.entry.write, card.pairId());
        // The card's own write, sent now, says what came of it when it returns.
        if (!life || this.changing) return;
        const pair = write.result as Pair;
        this.data.showPair(pair);
        this.set({ changeQueued: null });
        card.emit('rm-pair-changed', {
          pairId: pair.id,
          status: pair.status,
          change: LIFE[life].change,
          pending: false,
        });
        card.announce(this.t.t(LIFE[life].done));
        void this.data.requestRefresh();
      },
      syncError: (entry, error) => {
        const life = lifeChangeOf(entry.write, card.pairId());
        if (!life || entry.state !== 'failed') return;
        this.set({ changeQueued: null, changeFailed: life });
        card.emit('rm-error', { error: toError(error), action: entry.write.operation });
        void this.data.requestRefresh();
      },
    });
  }

  private set(changes: Partial<Pick<PairCardLife, 'changing' | 'changeFailed' | 'changeQueued'>>) {
    Object.assign(this, changes);
    this.element.requestUpdate();
  }

  /** Whether a change of this pair waits in the outbox: read once per pair shown. */
  private readQueued(pairId: string) {
    if (this.queuedFor === pairId) return;
    this.queuedFor = pairId;
    const api = this.card.client();
    void api
      ?.pendingWrites()
      .then((entries) => {
        const waiting = entries.filter((entry) => entry.state === 'pending');
        const queued = waiting.map((entry) => lifeChangeOf(entry.write, pairId)).find(Boolean) ?? null;
        if (this.card.pairId() === pairId) this.set({ changeQueued: queued });
      })
      .catch(() => undefined);
  }

  /** A proposed pair's part: why it was matched, then (after the topics) what it waits for. */
  reasons(view: PairView) {
    return renderReasons(this.t, view);
  }

  consent(view: PairView) {
    this.readQueued(view.pair.id);
    return renderConsent(this.t, this.data, this, view, this.actions(view));
  }

  /** A running or ended pair's part, under the charter. */
  life(view: PairView) {
    this.readQueued(view.pair.id);
    return renderLife(this.t, this, view, this.actions(view));
  }

  dialog() {
    return this.confirm.render();
  }

  async change(kind: LifeChange) {
    const api = this.card.client();
    const view = this.data.view;
    if (!api || !view || this.changing) return;
    const words = LIFE[kind];
    const pairId = view.pair.id;
    this.set({ changing: kind, changeFailed: null });
    try {
      const result =
        kind === 'consent'
          ? await api.pairs.consent(view.pair)
          : kind === 'decline'
            ? await api.pairs.decline(view.pair)
            : await api.pairs.update(view.pair, { status: words.status });
      if (result.pending) {
        this.set({ changing: null, changeQueued: kind });
        this.card.emit('rm-pair-changed', {
          pairId,
          status: words.status,
          change: words.change,
          pending: true,
        });
        await this.answered(kind, 'queued');
        this.card.announce(this.t.t(words.queued));
        return;
      }
      this.data.showPair(result);
      this.set({ changing: null });
      this.card.emit('rm-pair-changed', {
        pairId,
        status: result.status,
        change: words.change,
        pending: false,
      });
      await this.answered(kind, 'done');
      // The consent that completes both charters starts the pair.
      this.card.announce(this.t.t(kind === 'consent' && result.status === 'active' ? 'started' : words.done));
      await this.data.requestRefresh();
    } catch (error) {
      // Changed meanwhile (the other member declined first, say): show the pair as it is now.
      const stale = error instanceof RmConflictError || error instanceof RmPreconditionError;
      this.set({ changing: null, changeFailed: kind });
      const action =
        kind === 'consent' ? 'pairs.consent' : kind === 'decline' ? 'pairs.decline' : 'pairs.update';
      this.card.emit('rm-error', { error: toError(error), action });
      if (stale) await this.data.requestRefresh();
      await this.answered(kind, 'failed');
      this.card.announce(this.t.t(stale ? 'changedElsewhere' : words.failed));
    }
  }

  /** Focus after a change: back to its button after a failure, else on what now says where the pair stands. */
  private async answered(change: LifeChange, outcome: 'done' | 'queued' | 'failed') {
    await this.element.updateComplete;
    const selector =
      change === 'pause' || change === 'resume'
        ? '.pause'
        : outcome === 'failed'
          ? change === 'consent'
            ? '.consent-button'
            : '.decline'
          : change === 'decline'
            ? outcome === 'done'
              ? '.ended'
              : '.decline'
            : '.consent-status, .charter-status';
    this.element.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private actions(view: PairView): LifeActions {
    return { decline: () => void this.decline(view) };
  }

  /** A no-fault exit: asked once, in a dialog that names the other person and asks no reason. */
  private async decline(view: PairView) {
    const t = this.t;
    const proposed = view.pair.status === 'proposed';
    const other = viewerSide(view) === 'mentor' ? view.mentee : view.mentor;
    const yes = await this.confirm.ask({
      title: t.t(proposed ? 'decline.title' : 'leave.title'),
      body: t.t('decline.body', { name: other.displayName }),
      keep: t.t('decline.keep'),
      confirm: t.t(proposed ? 'decline.confirm' : 'leave.confirm'),
      danger: true,
    });
    if (yes) await this.change('decline');
  }
}
