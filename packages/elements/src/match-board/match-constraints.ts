import type { Enrollment, MatchConstraint, PairRole, Person } from '@rm-kit/core';
import { html, type nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';
import { nameOf } from './match-people.js';
import type { MatchRoundsKey } from './match-rounds.strings.js';

type Localize = LocalizeController<MatchBoardKey | MatchRoundsKey>;

export interface ConstraintsView {
  constraints: MatchConstraint[];
  people: Map<string, Person>;
  busy: string | null;
  failure: TemplateResult | typeof nothing;
  remove(constraint: MatchConstraint): void;
}

/** The admin's pins and bans, each with a way to remove it. */
export function renderConstraints(t: Localize, view: ConstraintsView): TemplateResult {
  const words = (c: MatchConstraint) =>
    t.t(`constraint.${c.kind}`, {
      mentor: nameOf(view.people, c.mentorId),
      mentee: nameOf(view.people, c.menteeId),
    });
  return html`<section part="constraints" class="section" aria-labelledby="constraints-title">
    <h3 id="constraints-title" tabindex="-1">${t.t('constraints')}</h3>
    ${
      view.constraints.length === 0
        ? html`<p class="muted">${t.t('noConstraints')}</p>`
        : html`<ul class="rows" role="list">
          ${view.constraints.map(
            (c) => html`<li part="constraint" class="row constraint ${c.kind}">
              <span class="row-text">${words(c)}</span>
              <button
                part="remove"
                class="remove"
                aria-disabled=${view.busy ? 'true' : 'false'}
                @click=${() => view.remove(c)}
              >
                ${t.t('remove')}<span class="visually-hidden">: ${words(c)}</span>
              </button>
            </li>`,
          )}
        </ul>`
    }
    ${view.failure}
  </section>`;
}

export interface HandPairView {
  enrollments: Enrollment[];
  people: Map<string, Person>;
  mentorId: string;
  menteeId: string;
  override: boolean;
  busy: boolean;
  /** Why the last attempt was refused, in words; or that a side is missing. */
  failure: TemplateResult | typeof nothing;
  set(changes: { mentorId?: string; menteeId?: string; override?: boolean }): void;
  submit(event: SubmitEvent): void;
}

function picker(t: Localize, view: HandPairView, role: PairRole): TemplateResult {
  const id = `hand-${role}`;
  const chosen = role === 'mentor' ? view.mentorId : view.menteeId;
  const candidates = view.enrollments
    .filter((e) => e.role === role && e.status !== 'withdrawn')
    .map((e) => ({ e, name: nameOf(view.people, e.personId) }))
    .sort((a, b) => a.name.localeCompare(b.name, t.locale));
  return html`<div class="field">
    <label for=${id}>${t.t(role === 'mentor' ? 'mentorPicker' : 'menteePicker')}</label>
    <select
      id=${id}
      name=${role}
      .value=${live(chosen)}
      ?disabled=${view.busy}
      @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        view.set(role === 'mentor' ? { mentorId: value } : { menteeId: value });
      }}
    >
      <option value="">${t.t('choose')}</option>
      ${candidates.map(
        ({ e, name }) => html`<option value=${e.personId} ?selected=${e.personId === chosen}>
          ${
            e.status === 'accepted'
              ? name
              : t.t('pickerStatus', {
                  name,
                  status: t.t(`enrollment.${e.status}`).toLocaleLowerCase(t.locale),
                })
          }
        </option>`,
      )}
    </select>
  </div>`;
}

/** A pair made by hand: a mentor and a mentee of the program, and, if need be, an override. */
export function renderHandPair(t: Localize, view: HandPairView): TemplateResult {
  return html`<section part="hand-pair" class="section" aria-labelledby="hand-title">
    <h3 id="hand-title">${t.t('handPair')}</h3>
    <p class="muted intro">${t.t('handIntro')}</p>
    <form class="hand-form" novalidate @submit=${view.submit}>
      <div class="pickers">${picker(t, view, 'mentor')} ${picker(t, view, 'mentee')}</div>
      <label class="check">
        <input
          type="checkbox"
          name="override"
          aria-describedby="override-hint"
          .checked=${live(view.override)}
          ?disabled=${view.busy}
          @change=${(e: Event) => view.set({ override: (e.target as HTMLInputElement).checked })}
        />
        <span>${t.t('override')}</span>
      </label>
      <p id="override-hint" class="muted small">${t.t('overrideHint')}</p>
      <div class="row-actions">
        <button part="make-pair" type="submit" class="make-pair" aria-disabled=${view.busy ? 'true' : 'false'}>
          ${view.busy ? t.t('making') : t.t('makePair')}
        </button>
      </div>
      ${view.failure}
    </form>
  </section>`;
}
