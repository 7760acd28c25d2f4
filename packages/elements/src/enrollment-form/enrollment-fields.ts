import type { AvailabilitySlot, PairRole, Person, Program } from '@rm-kit/core';
import { AVAILABILITY_SLOTS, topicLabel } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { languageName } from '../base/language-name.js';
import type { LocalizeController } from '../base/localize.js';
import { type Draft, type Field, type FieldErrors, LIMITS } from './enrollment-draft.js';
import type { EnrollmentFormKey } from './enrollment-form.strings.js';
import { slotName } from './enrollment-status.js';

type Localize = LocalizeController<EnrollmentFormKey>;

/** Languages offered besides the person's own: the ones most sessions in the kit's organisations are held in. */
const COMMON_LANGUAGES = ['it', 'en', 'fr', 'de', 'es'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
/** A Monday, to name the weekdays through Intl in the reader's language. */
const A_MONDAY = Date.UTC(2024, 0, 1);

const capitalised = (text: string, locale: string) =>
  text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

function weekday(index: number, locale: string): string {
  const name = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    A_MONDAY + index * 86_400_000,
  );
  return capitalised(name, locale);
}

export interface FieldsView {
  program: Program;
  person: Person;
  draft: Draft;
  errors: FieldErrors;
  /** Changing an application sent before: the role is fixed, shown rather than asked. */
  editing: boolean;
  busy: boolean;
  set(changes: Partial<Draft>): void;
  submit(event: SubmitEvent): void;
  cancel?: () => void;
}

/** The id of a field's error line, and the attributes that tie it to its control. */
function described(errors: FieldErrors, field: Field, hint?: string) {
  const ids = [hint, errors[field] ? `ef-${field}-error` : undefined].filter(Boolean).join(' ');
  return { invalid: errors[field] ? 'true' : 'false', describedBy: ids || nothing };
}

function errorLine(t: Localize, errors: FieldErrors, field: Field): TemplateResult | typeof nothing {
  const key = errors[field];
  if (!key) return nothing;
  return html`<p class="error-text field-error" id="ef-${field}-error">
    ${t.t(key, { max: t.number(LIMITS[field as keyof typeof LIMITS] ?? 0) })}
  </p>`;
}

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((each) => each !== value);
}

function renderRole(t: Localize, view: FieldsView): TemplateResult {
  const { draft, errors } = view;
  const option = (role: PairRole) => html`<label class="role-option ${draft.role === role ? 'chosen' : ''}">
    <input
      type="radio"
      name="role"
      value=${role}
      aria-describedby="ef-role-${role}-hint"
      .checked=${live(draft.role === role)}
      ?disabled=${view.busy}
      @change=${() => view.set({ role })}
    />
    <span class="role-text">
      <span class="role-title">${t.t(`role.${role}`)}</span>
      <span class="role-hint muted" id="ef-role-${role}-hint">${t.t(`role.${role}Hint`)}</span>
    </span>
  </label>`;
  const { invalid, describedBy } = described(errors, 'role');
  return html`<fieldset
    part="question"
    class="question"
    role="radiogroup"
    aria-invalid=${invalid}
    aria-describedby=${describedBy}
  >
    <legend>${t.t('roleLegend')}</legend>
    <div class="roles">${option('mentor')} ${option('mentee')}</div>
    ${errorLine(t, errors, 'role')}
  </fieldset>`;
}

function renderTopics(t: Localize, view: FieldsView): TemplateResult {
  const { draft, errors, program } = view;
  const legend = draft.role ? t.t(`topicsLegend.${draft.role}`) : t.t('topicsLegend');
  const { describedBy } = described(errors, 'topics', 'ef-topics-hint');
  return html`<fieldset part="question" class="question" aria-describedby=${describedBy}>
    <legend>${legend}</legend>
    <p class="hint muted" id="ef-topics-hint">${t.t('topicsHint')}</p>
    <div class="chips">
      ${program.topics.map(
        (key) => html`<label class="chip">
          <input
            type="checkbox"
            name="topics"
            value=${key}
            aria-invalid=${errors.topics ? 'true' : 'false'}
            .checked=${live(draft.topics.includes(key))}
            ?disabled=${view.busy}
            @change=${(e: Event) =>
              view.set({ topics: toggle(draft.topics, key, (e.target as HTMLInputElement).checked) })}
          />
          <span>${topicLabel(key, t.locale, program.customTopics)}</span>
        </label>`,
      )}
    </div>
    ${errorLine(t, errors, 'topics')}
  </fieldset>`;
}

function renderCapacity(t: Localize, view: FieldsView): TemplateResult {
  const { draft, errors } = view;
  const { invalid, describedBy } = described(errors, 'capacity', 'ef-capacity-hint');
  return html`<div part="question" class="field">
    <label for="ef-capacity">${t.t('capacity')}</label>
    <p class="hint muted" id="ef-capacity-hint">${t.t('capacityHint', { max: t.number(LIMITS.capacity) })}</p>
    <input
      id="ef-capacity"
      name="capacity"
      class="capacity"
      type="number"
      inputmode="numeric"
      min="1"
      max=${LIMITS.capacity}
      step="1"
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      .value=${live(String(draft.capacity))}
      ?disabled=${view.busy}
      @input=${(e: Event) => view.set({ capacity: Number((e.target as HTMLInputElement).value) })}
    />
    ${errorLine(t, errors, 'capacity')}
  </div>`;
}

function renderLanguages(t: Localize, view: FieldsView): TemplateResult {
  const { draft, errors, person } = view;
  const tags = [...new Set([...person.languages, ...draft.languages, ...COMMON_LANGUAGES])];
  const { describedBy } = described(errors, 'languages');
  return html`<fieldset part="question" class="question" aria-describedby=${describedBy}>
    <legend>${t.t('languagesLegend')}</legend>
    <div class="chips">
      ${tags.map(
        (tag) => html`<label class="chip">
          <input
            type="checkbox"
            name="languages"
            value=${tag}
            .checked=${live(draft.languages.includes(tag))}
            ?disabled=${view.busy}
            @change=${(e: Event) =>
              view.set({ languages: toggle(draft.languages, tag, (e.target as HTMLInputElement).checked) })}
          />
          <span lang=${tag}>${languageName(tag, t.locale)}</span>
        </label>`,
      )}
    </div>
    ${errorLine(t, errors, 'languages')}
  </fieldset>`;
}

/** The ten half days as a grid: a row per weekday, a column for mornings and one for afternoons. */
function renderAvailability(t: Localize, view: FieldsView): TemplateResult {
  const { draft } = view;
  return html`<fieldset part="question" class="question" aria-describedby="ef-availability-hint">
    <legend>${t.t('availabilityLegend')}</legend>
    <p class="hint muted" id="ef-availability-hint">${t.t('availabilityHint')}</p>
    <div class="slots">
      <span></span>
      <span class="slot-head" aria-hidden="true">${t.t('morning')}</span>
      <span class="slot-head" aria-hidden="true">${t.t('afternoon')}</span>
      ${DAYS.map(
        (day, i) => html`<span class="day" aria-hidden="true">${weekday(i, t.locale)}</span>
          ${(['am', 'pm'] as const).map((half) => {
            const slot: AvailabilitySlot = `${day}-${half}`;
            return html`<label class="slot">
              <input
                type="checkbox"
                name="availability"
                value=${slot}
                .checked=${live(draft.availability.includes(slot))}
                ?disabled=${view.busy}
                @change=${(e: Event) =>
                  view.set({
                    availability: AVAILABILITY_SLOTS.filter((s) =>
                      s === slot ? (e.target as HTMLInputElement).checked : draft.availability.includes(s),
                    ),
                  })}
              />
              <span class="visually-hidden">${slotName(slot, t.locale)}</span>
            </label>`;
          })}`,
      )}
    </div>
  </fieldset>`;
}

function renderMotivation(t: Localize, view: FieldsView): TemplateResult {
  const { draft, errors } = view;
  const { invalid, describedBy } = described(errors, 'motivation', 'ef-motivation-hint');
  return html`<div part="question" class="field">
    <label for="ef-motivation">${t.t('motivation')} <span class="muted">${t.t('optional')}</span></label>
    <p class="hint muted" id="ef-motivation-hint">${t.t('motivationHint')}</p>
    <textarea
      id="ef-motivation"
      name="motivation"
      rows="4"
      maxlength=${LIMITS.motivation}
      aria-invalid=${invalid}
      aria-describedby=${describedBy}
      .value=${live(draft.motivation)}
      ?disabled=${view.busy}
      @input=${(e: Event) => view.set({ motivation: (e.target as HTMLTextAreaElement).value })}
    ></textarea>
    ${errorLine(t, errors, 'motivation')}
  </div>`;
}

/** The application form: a new one, or a change to one sent before. */
export function renderFields(t: Localize, view: FieldsView): TemplateResult {
  const { draft, editing, busy } = view;
  return html`<form part="form" class="form" novalidate @submit=${view.submit}>
    <h3 class="form-title" tabindex="-1">${t.t(editing ? 'editTitle' : 'formTitle')}</h3>
    ${
      editing
        ? html`<p class="fixed-role"><span class="muted">${t.t('summary.role')}:</span> ${t.t(`role.${draft.role ?? 'mentee'}`)}</p>`
        : renderRole(t, view)
    }
    ${renderTopics(t, view)} ${draft.role === 'mentor' ? renderCapacity(t, view) : nothing}
    ${renderLanguages(t, view)} ${renderAvailability(t, view)} ${renderMotivation(t, view)}
    <div class="actions">
      <button type="submit" class="primary" part="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${editing ? t.t(busy ? 'saving' : 'saveChanges') : t.t(busy ? 'submitting' : 'submit')}
      </button>
      ${view.cancel ? html`<button type="button" @click=${view.cancel}>${t.t('cancel')}</button>` : nothing}
    </div>
  </form>`;
}
