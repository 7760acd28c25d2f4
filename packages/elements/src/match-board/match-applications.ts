import type { Enrollment, Person, Program } from '@rm-kit/core';
import { AVAILABILITY_LABELS, topicLabel } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import { languageName } from '../base/language-name.js';
import type { LocalizeController } from '../base/localize.js';
import type { MatchBoardKey } from './match-board.strings.js';
import { nameOf, roleLine, workLine } from './match-people.js';

type Localize = LocalizeController<MatchBoardKey>;

export interface ApplicationsView {
  program: Program;
  enrollments: Enrollment[];
  people: Map<string, Person>;
  /** The application being decided now, if any. */
  deciding: string | null;
  decide(enrollment: Enrollment, status: 'accepted' | 'declined'): void;
}

function details(t: Localize, e: Enrollment): string {
  const list = (items: string[]) => new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(items);
  const parts = [
    e.role === 'mentor' ? t.t('capacityLine', { count: t.number(e.capacity) }) : '',
    e.languages.length > 0
      ? t.t('languagesLine', { list: list(e.languages.map((tag) => languageName(tag, t.locale))) })
      : '',
    t.t('availabilityLine', {
      list:
        e.availability.length > 0
          ? list(e.availability.map((slot) => AVAILABILITY_LABELS[slot][t.locale]))
          : t.t('anyTime'),
    }),
  ];
  return parts.filter(Boolean).join(' · ');
}

function renderApplication(t: Localize, view: ApplicationsView, e: Enrollment): TemplateResult {
  const person = view.people.get(e.personId);
  const name = nameOf(view.people, e.personId);
  const status = t.t(`enrollment.${e.status}`);
  const busy = view.deciding === e.id;
  return html`<li part="application" class="card application" data-enrollment=${e.id}>
    <div class="card-head">
      <span class="who">
        <span class="name">${name}</span>
        <span class="muted work">${workLine(person)}</span>
      </span>
      <span part="badge" class="badge enrollment ${e.status}">${status}</span>
    </div>
    <p class="role ${e.role}">${roleLine(t, e.role, person)}</p>
    <ul class="chips" role="list">
      ${e.topics.map((key) => html`<li class="chip">${topicLabel(key, t.locale, view.program.customTopics)}</li>`)}
    </ul>
    <p class="muted small">${details(t, e)}</p>
    ${
      e.motivation
        ? html`<details class="motivation">
          <summary>${t.t('motivation')}</summary>
          <p>${e.motivation}</p>
        </details>`
        : nothing
    }
    ${
      e.status === 'applied'
        ? html`<div class="row-actions">
          <button
            part="accept"
            class="primary accept"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => view.decide(e, 'accepted')}
          >
            ${t.t('accept')}<span class="visually-hidden"> ${name}</span>
          </button>
          <button
            part="decline-application"
            class="decline-application"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => view.decide(e, 'declined')}
          >
            ${t.t('declineApplication')}<span class="visually-hidden"> ${name}</span>
          </button>
        </div>`
        : nothing
    }
  </li>`;
}

/**
 * The program's applications: those waiting for a decision first, each with Accept and
 * Decline; the decided and withdrawn ones folded away below.
 */
export function renderApplications(t: Localize, view: ApplicationsView): TemplateResult {
  const waiting = view.enrollments.filter((e) => e.status === 'applied');
  const decided = view.enrollments.filter((e) => e.status !== 'applied');
  const byName = (a: Enrollment, b: Enrollment) =>
    nameOf(view.people, a.personId).localeCompare(nameOf(view.people, b.personId), t.locale);
  return html`<section part="applications" class="section" aria-labelledby="applications-title">
    <h3 id="applications-title">${t.t('applications')}</h3>
    ${
      view.enrollments.length === 0
        ? html`<p class="muted">${t.t('noApplications')}</p>`
        : html`${
            waiting.length > 0
              ? html`<h4>${t.t('waitingDecision', { count: t.number(waiting.length) })}</h4>
                <ul class="cards" role="list">
                  ${waiting.sort(byName).map((e) => renderApplication(t, view, e))}
                </ul>`
              : nothing
          }
          ${
            decided.length > 0
              ? html`<details class="decided" ?open=${waiting.length === 0}>
                <summary>${t.t('decidedApplications', { count: t.number(decided.length) })}</summary>
                <ul class="cards" role="list">
                  ${decided.sort(byName).map((e) => renderApplication(t, view, e))}
                </ul>
              </details>`
              : nothing
          }`
    }
  </section>`;
}
