import type { MatchProposalSet, Person } from '@rm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';
import { nameOf, percent, roleLine, workLine } from './match-people.js';
import type { MatchRoundsKey } from './match-rounds.strings.js';

type Localize = LocalizeController<MatchBoardKey | MatchRoundsKey>;
type Proposal = MatchProposalSet['proposals'][number];

export interface ProposalsView {
  set: MatchProposalSet;
  people: Map<string, Person>;
  /** The write under way (`pin:…`, `ban:…`, `swap`, `publish`), if any. */
  busy: string | null;
  /** The mentees of the proposals chosen to swap, at most two. */
  selected: string[];
  pin(proposal: Proposal): void;
  ban(proposal: Proposal): void;
  select(proposal: Proposal, on: boolean): void;
  swap(): void;
  publish(): void;
}

function renderSide(t: Localize, view: ProposalsView, id: string, role: 'mentor' | 'mentee'): TemplateResult {
  const person = view.people.get(id);
  return html`<span class="side ${role}">
    <span class="name">${nameOf(view.people, id)}</span>
    <span class="role ${role}">${roleLine(t, role, person)}</span>
    <span class="muted work">${workLine(person)}</span>
  </span>`;
}

function renderProposal(t: Localize, view: ProposalsView, p: Proposal): TemplateResult {
  const names = t.t('pairWith', {
    mentor: nameOf(view.people, p.mentorId),
    mentee: nameOf(view.people, p.menteeId),
  });
  const chosen = view.selected.includes(p.menteeId);
  const full = view.selected.length >= 2 && !chosen;
  const busy = view.busy !== null;
  return html`<li part="proposal" class="card proposal ${chosen ? 'chosen' : ''}" data-mentee=${p.menteeId}>
    <div class="pair-sides">
      ${renderSide(t, view, p.mentorId, 'mentor')}
      <span class="link" aria-hidden="true">⇄</span>
      ${renderSide(t, view, p.menteeId, 'mentee')}
    </div>
    <p class="score-line">
      <meter min="0" max="1" low="0.4" high="0.7" optimum="1" .value=${p.score} aria-hidden="true"></meter>
      <span class="score">${t.t('score', { percent: percent(t, p.score) })}</span>
      ${p.pinned ? html`<span part="badge" class="badge pinned">${t.t('pinned')}</span>` : nothing}
    </p>
    <ul class="reasons">
      ${p.reasons.map((reason) => html`<li>${reason[t.locale]}</li>`)}
    </ul>
    <div class="row-actions">
      <label class="check">
        <input
          type="checkbox"
          class="swap-pick"
          .checked=${chosen}
          ?disabled=${full || busy}
          @change=${(e: Event) => view.select(p, (e.target as HTMLInputElement).checked)}
        />
        <span>${t.t('selectForSwap')}<span class="visually-hidden">: ${names}</span></span>
      </label>
      <button
        part="pin"
        class="pin"
        aria-pressed=${p.pinned ? 'true' : 'false'}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => view.pin(p)}
      >
        ${t.t(p.pinned ? 'unpin' : 'pin')}<span class="visually-hidden">: ${names}</span>
      </button>
      <button part="ban" class="ban" aria-disabled=${busy ? 'true' : 'false'} @click=${() => view.ban(p)}>
        ${t.t('ban')}<span class="visually-hidden">: ${names}</span>
      </button>
    </div>
  </li>`;
}

function renderFairness(t: Localize, set: MatchProposalSet): TemplateResult {
  const { total, mean, minimum } = set.fairness;
  return html`<div class="fairness" role="group" aria-labelledby="fairness-title">
    <h4 id="fairness-title">${t.t('fairness')}</h4>
    <dl class="figures">
      <div>
        <dt>${t.t('fairness.total')}</dt>
        <dd>${t.number(total, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}</dd>
      </div>
      <div>
        <dt>${t.t('fairness.mean')}</dt>
        <dd>${percent(t, mean)}</dd>
      </div>
      <div>
        <dt>${t.t('fairness.minimum')}</dt>
        <dd>${percent(t, minimum)}</dd>
      </div>
    </dl>
  </div>`;
}

function renderLeftOut(
  t: Localize,
  view: ProposalsView,
  set: MatchProposalSet,
): TemplateResult | typeof nothing {
  const list = (reasons: { en: string; it: string }[]) =>
    reasons.map((reason) => reason[t.locale]).join(' · ');
  return html`${
    set.unmatched.length > 0
      ? html`<h4>${t.t('unmatched', { count: t.number(set.unmatched.length) })}</h4>
        <ul part="unmatched" class="plain-list">
          ${set.unmatched.map(
            (u) => html`<li>
              <span class="name">${nameOf(view.people, u.personId)}</span>
              <span class="muted">(${roleLine(t, u.role, view.people.get(u.personId))})</span>:
              ${list(u.reasons)}
            </li>`,
          )}
        </ul>`
      : nothing
  }
  ${
    set.conflicts.length > 0
      ? html`<h4>${t.t('conflicts')}</h4>
        <ul part="conflicts" class="plain-list">
          ${set.conflicts.map(
            (c) => html`<li>
              ${t.t('pairWith', { mentor: nameOf(view.people, c.mentorId), mentee: nameOf(view.people, c.menteeId) })}:
              ${c.reason[t.locale]}
            </li>`,
          )}
        </ul>`
      : nothing
  }`;
}

/**
 * What matching proposes, under its button: the fairness figures, each proposal with its
 * score and reasons and its pin, ban and swap controls, the people left out and the pins
 * that could not be kept, and publishing the proposals.
 */
export function renderResult(t: Localize, view: ProposalsView): TemplateResult {
  const set = view.set;
  const count = set.proposals.length;
  return html`<div class="result">
    ${count > 0 ? renderFairness(t, set) : nothing}
    <h4 class="proposals-title" tabindex="-1">${t.t('proposals', { count: t.number(count) })}</h4>
    ${
      count === 0
        ? html`<p class="muted">${t.t('noProposals')}</p>`
        : html`<p class="swap-bar">
            ${
              view.selected.length === 2
                ? html`<button
                    part="swap"
                    class="swap"
                    aria-disabled=${view.busy ? 'true' : 'false'}
                    @click=${view.swap}
                  >
                    ${t.t('swap')}
                  </button>`
                : html`<span class="muted">${t.t('swapHint')}</span>`
            }
          </p>
          <ul class="cards proposals" role="list">
            ${set.proposals.map((p) => renderProposal(t, view, p))}
          </ul>`
    }
    ${renderLeftOut(t, view, set)}
    ${
      count > 0
        ? html`<div class="row-actions publish-row">
          <button
            part="publish"
            class="primary publish"
            aria-disabled=${view.busy ? 'true' : 'false'}
            @click=${view.publish}
          >
            ${view.busy === 'publish' ? t.t('publishing') : t.t('publish', { count: t.number(count) })}
          </button>
        </div>`
        : nothing
    }
  </div>`;
}
