import type { AvailabilitySlot, EnrollmentStatus, PairRole, Program } from '@rm-kit/core';
import { AVAILABILITY_LABELS, topicLabel } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import { languageName } from '../base/language-name.js';
import type { Locale, LocalizeController } from '../base/localize.js';
import type { EnrollmentFormKey } from './enrollment-form.strings.js';

type Localize = LocalizeController<EnrollmentFormKey>;

/** A slot's name in the reader's language ("Monday morning"). */
export function slotName(slot: AvailabilitySlot, locale: Locale): string {
  return AVAILABILITY_LABELS[slot][locale];
}

/** An application as the status view shows it: sent, queued offline, or changed offline. */
export interface ApplicationShown {
  status: EnrollmentStatus;
  role: PairRole;
  topics: string[];
  capacity: number;
  languages: string[];
  availability: AvailabilitySlot[];
  motivation: string;
  /** It, or a change to it, waits in the outbox. */
  pending: boolean;
}

export interface StatusView {
  program: Program;
  application: ApplicationShown;
  /** The actions the viewer may take: change and withdraw while it is under review, withdraw once accepted. */
  canEdit: boolean;
  canWithdraw: boolean;
  busy: boolean;
  edit(): void;
  withdraw(): void;
}

/** The viewer's application: its status in words, what was sent, and what they may still do. */
export function renderStatus(t: Localize, view: StatusView): TemplateResult {
  const { application: a, program } = view;
  const locale = t.locale;
  const status = t.t(`status.${a.status}`);
  const badges = (items: string[], empty: string) =>
    items.length === 0
      ? html`<span class="muted">${empty}</span>`
      : html`<ul class="badges" role="list">
          ${items.map((item) => html`<li class="badge">${item}</li>`)}
        </ul>`;
  return html`<div part="application" class="application">
    <div class="application-head">
      <h3 class="application-title" tabindex="-1">${t.t('yourApplication')}</h3>
      <span part="badge status" class="badge status ${a.status}"
        ><span class="visually-hidden">${t.t('statusLabel', { status })}</span
        ><span aria-hidden="true">${status}</span></span
      >
      ${a.pending ? html`<span part="badge" class="badge pending">${t.t('pending')}</span>` : nothing}
    </div>
    <p class="help">${t.t(a.pending ? 'help.pending' : `help.${a.status}`)}</p>
    <dl class="summary">
      <div><dt>${t.t('summary.role')}</dt><dd>${t.t(`role.${a.role}`)}</dd></div>
      <div>
        <dt>${t.t('summary.topics')}</dt>
        <dd>
          ${badges(
            a.topics.map((key) => topicLabel(key, locale, program.customTopics)),
            t.t('noneGiven'),
          )}
        </dd>
      </div>
      ${
        a.role === 'mentor'
          ? html`<div><dt>${t.t('summary.capacity')}</dt><dd>${t.number(a.capacity)}</dd></div>`
          : nothing
      }
      <div>
        <dt>${t.t('summary.languages')}</dt>
        <dd>${badges(
          a.languages.map((tag) => languageName(tag, locale)),
          t.t('noneGiven'),
        )}</dd>
      </div>
      <div>
        <dt>${t.t('summary.availability')}</dt>
        <dd>${badges(
          a.availability.map((slot) => slotName(slot, locale)),
          t.t('anyTime'),
        )}</dd>
      </div>
      <div>
        <dt>${t.t('summary.motivation')}</dt>
        <dd class="motivation">${a.motivation || t.t('noneGiven')}</dd>
      </div>
    </dl>
    ${
      view.canEdit || view.canWithdraw
        ? html`<div class="actions">
          ${view.canEdit ? html`<button type="button" part="edit" class="edit" @click=${view.edit}>${t.t('edit')}</button>` : nothing}
          ${
            view.canWithdraw
              ? html`<button
                type="button"
                part="withdraw"
                class="withdraw"
                aria-disabled=${view.busy ? 'true' : 'false'}
                @click=${view.withdraw}
              >
                ${t.t(view.busy ? 'withdrawing' : 'withdraw')}
              </button>`
              : nothing
          }
        </div>`
        : nothing
    }
  </div>`;
}
