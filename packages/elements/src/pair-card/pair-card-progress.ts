import type { PairProgress } from '@rm-kit/core';
import { AT_RISK_CADENCE_FACTOR } from '@rm-kit/core/rules';
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { LocalizeController } from '../base/localize.js';
import { relativeTime } from '../base/relative-time.js';
import type { PairCardKey } from './pair-card.strings.js';
import type { PairView } from './pair-card-data.js';

type Localize = LocalizeController<PairCardKey>;

/** "Label: x of y" needs no plural and no gender, in either language. */
export function sessionsText(localize: Localize, progress: PairProgress): string {
  const { sessionsHeld: held, sessionsExpected: expected } = progress;
  const figures = { held: localize.number(held), expected: localize.number(expected) };
  if (held > expected && expected > 0) return localize.t('sessionsAhead', figures);
  if (expected > 0) return localize.t('sessions', figures);
  if (held === 0) return localize.t('noSessionsDue');
  return localize.t('sessionsHeld', figures);
}

function goalsText(localize: Localize, progress: PairProgress): string {
  if (progress.goalsInPlay === 0) return localize.t('noGoals');
  return localize.t('goals', {
    achieved: localize.number(progress.goalsAchieved),
    total: localize.number(progress.goalsInPlay),
  });
}

/** Why the pair is at risk, in words: the badge of the full card and the dot of the compact one say it. */
export function riskReasons(localize: Localize, view: PairView): string {
  const reasons = view.progress.atRiskReasons.map((reason) => {
    if (reason === 'low-trust') return localize.t('risk.lowTrust');
    if (reason === 'two-cancellations') return localize.t('risk.twoCancellations');
    const cadence = view.program?.cadenceDays;
    if (!cadence) return localize.t('risk.noRecentSessionCadence');
    const days = cadence * AT_RISK_CADENCE_FACTOR;
    const duration =
      days % 7 === 0
        ? localize.number(days / 7, { style: 'unit', unit: 'week', unitDisplay: 'long' })
        : localize.number(days, { style: 'unit', unit: 'day', unitDisplay: 'long' });
    return localize.t('risk.noRecentSession', { duration });
  });
  return new Intl.ListFormat(localize.locale, { type: 'conjunction' }).format(reasons);
}

/**
 * The ring draws held over expected (the adherence, capped at 1) as a share of a circle of
 * length 100, and says "held/expected" inside. Before the first session is due nothing is
 * expected: it says only how many were held, full once one was (the pair is ahead), as the
 * line beside it does ("Sessions held: 1"), never "1/0".
 */
export function renderRing(localize: Localize, progress: PairProgress, small = false): TemplateResult {
  const { sessionsHeld: held, sessionsExpected: expected } = progress;
  const share = expected > 0 ? Math.round(progress.cadenceAdherence * 100) : held > 0 ? 100 : 0;
  const figures =
    expected > 0 ? `${localize.number(held)}/${localize.number(expected)}` : localize.number(held);
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
          ${figures}
        </text>`
    }
  </svg>`;
}

function renderWhen(localize: Localize, at: string | null, none: string): TemplateResult {
  if (!at) return html`<span class="muted">${none}</span>`;
  return html`<time datetime=${at} title=${localize.dateTime(at)}>${relativeTime(localize.locale, at)}</time>`;
}

/** The full card's progress block: the ring, sessions, regularity and goals, and the last and next session. */
export function renderProgress(localize: Localize, progress: PairProgress): TemplateResult {
  return html`<div part="progress" class="progress" role="group" aria-label=${localize.t('progress')}>
    ${renderRing(localize, progress)}
    <div class="figures">
      <p class="sessions">${sessionsText(localize, progress)}</p>
      ${
        progress.sessionsExpected > 0
          ? html`<p class="adherence muted">
            ${localize.t('adherence', {
              percent: localize.number(progress.cadenceAdherence, {
                style: 'percent',
                maximumFractionDigits: 0,
              }),
            })}
          </p>`
          : nothing
      }
      <p class="goals">${goalsText(localize, progress)}</p>
    </div>
    <dl class="when">
      <div>
        <dt class="muted">${localize.t('lastSession')}</dt>
        <dd class="last">${renderWhen(localize, progress.lastSessionAt, localize.t('noSessionYet'))}</dd>
      </div>
      <div>
        <dt class="muted">${localize.t('nextSession')}</dt>
        <dd class="next">${renderWhen(localize, progress.nextSessionAt, localize.t('noSessionPlanned'))}</dd>
      </div>
    </dl>
  </div>`;
}
