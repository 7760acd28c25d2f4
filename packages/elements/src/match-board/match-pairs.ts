import type { Pair, PairStatus, Person } from '@rm-kit/core';
import { PAIR_STATUSES } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';
import { nameOf, percent } from './match-people.js';

type Localize = LocalizeController<MatchBoardKey>;

/** What a proposed pair waits for: the mentee's agreement and the two charters. */
function renderSteps(t: Localize, pair: Pair): TemplateResult {
  const charters = [pair.charterAcceptedAt.mentor, pair.charterAcceptedAt.mentee].filter(Boolean).length;
  const consented = pair.menteeConsentedAt !== null;
  return html`<span class="steps-line muted">
    <span class=${consented ? 'done' : ''}>${t.t(consented ? 'consentGiven' : 'consentWaiting')}</span>
    · <span class=${charters === 2 ? 'done' : ''}>${t.t('charters', { count: t.number(charters) })}</span>
  </span>`;
}

/**
 * The program's pairs with their status, those waiting to be confirmed first, each saying
 * what it waits for. Who ended a pair is not shown here either: leaving is no-fault.
 */
export function renderPairs(t: Localize, pairs: Pair[], people: Map<string, Person>): TemplateResult {
  const order = (status: PairStatus) => PAIR_STATUSES.indexOf(status);
  const sorted = [...pairs].sort(
    (a, b) =>
      order(a.status) - order(b.status) ||
      nameOf(people, a.menteeId).localeCompare(nameOf(people, b.menteeId), t.locale),
  );
  return html`<section part="pairs" class="section" aria-labelledby="pairs-title">
    <h3 id="pairs-title" tabindex="-1">${t.t('pairs')}</h3>
    ${
      sorted.length === 0
        ? html`<p class="muted">${t.t('noPairs')}</p>`
        : html`<ul class="rows" role="list">
          ${sorted.map(
            (pair) => html`<li part="pair" class="row pair" data-pair=${pair.id}>
              <span class="row-text">
                <span class="name"
                  >${t.t('pairWith', { mentor: nameOf(people, pair.mentorId), mentee: nameOf(people, pair.menteeId) })}</span
                >
                ${pair.status === 'proposed' ? renderSteps(t, pair) : nothing}
              </span>
              ${
                pair.matchScore === null
                  ? nothing
                  : html`<span class="muted score">${t.t('score', { percent: percent(t, pair.matchScore) })}</span>`
              }
              ${pair.override ? html`<span part="badge" class="badge override">${t.t('overrideBadge')}</span>` : nothing}
              <span part="badge pair-status" class="badge status ${pair.status}">${t.t(`pairStatus.${pair.status}`)}</span>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}
