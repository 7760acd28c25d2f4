import type { PairRole } from '@rm-kit/core';
import { textIn } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../base/localize.js';
import type { PairCardKey } from './pair-card.strings.js';
import type { PairCardData, PairView } from './pair-card-data.js';

/**
 * The charter panel: who has accepted it (counting the viewer's acceptance still in the
 * outbox), the charter to read, and the viewer's button to accept their side.
 */
export function renderCharter(
  localize: LocalizeController<PairCardKey>,
  data: PairCardData,
  view: PairView,
): TemplateResult {
  const { pair, viewerId } = view;
  const viewerSide: PairRole | null =
    viewerId === pair.mentorId ? 'mentor' : viewerId === pair.menteeId ? 'mentee' : null;
  const queued = viewerSide !== null && data.acceptQueuedFor === pair.id;
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
  const charter = view.program ? textIn(view.program.charter, localize.locale) : null;
  return html`<div part="charter" class="charter ${accepted.mentor && accepted.mentee ? 'done' : 'waiting'}">
    <p class="charter-status" tabindex="-1">
      <span class="charter-icon" aria-hidden="true">${accepted.mentor && accepted.mentee ? '✓' : '…'}</span>
      <span>${localize.t(sentence)}</span>
      ${queued ? html`<span part="badge" class="badge pending">${localize.t('pending')}</span>` : nothing}
    </p>
    ${
      // Stays after accepting: either side may want to re-read what they agreed to.
      charter
        ? html`<details class="charter-text">
          <summary>${localize.t('readCharter')}</summary>
          <p lang=${charter.locale === localize.locale ? nothing : charter.locale}>${charter.text}</p>
        </details>`
        : nothing
    }
    ${
      canAccept
        ? html`<button
            part="accept"
            class="primary accept"
            ?disabled=${data.accepting}
            aria-describedby=${data.acceptFailed ? 'accept-error' : nothing}
            @click=${() => void data.acceptCharter()}
          >
            ${data.accepting ? localize.t('accepting') : localize.t('acceptCharter')}
          </button>`
        : nothing
    }
    ${
      data.acceptFailed
        ? html`<p id="accept-error" class="error-text" role="alert">${localize.t('acceptFailed')}</p>`
        : nothing
    }
  </div>`;
}
