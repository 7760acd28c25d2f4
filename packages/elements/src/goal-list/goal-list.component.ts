import { TaskStatus } from '@lit/task';
import type { GoalStatus, GoalTemplate, GoalUpdate, PairRole, TopicEntry } from '@rm-kit/core';
import { GOAL_STATUSES, textIn, topicLabel } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { type GoalListKey, goalListStrings } from './goal-list.strings.js';
import { goalListStyles } from './goal-list.styles.js';
import { type GoalEntry, GoalListData, type PairGoals, type ProgramTemplates } from './goal-list-data.js';

const SCALE = [1, 2, 3, 4, 5];

/** A change of a goal, worked out from the goal as it is when the change is sent. */
type Change = (goal: GoalEntry) => GoalUpdate;

/** The named controls of a form, read on submit. */
const fieldsOf = (event: Event) => {
  event.preventDefault();
  const form = event.target as HTMLFormElement;
  return { form, value: (name: string) => String(new FormData(form).get(name) ?? '').trim() };
};

/**
 * @tagname rm-goal-list
 * @summary A pair's goals: status and progress, the owner's self-assessment at the start and now
 * (1-5, "where I am on this"), and the senior's commitments ("what I will change"), each
 * ticked off once done. Either member adds a goal, of their own words or started from one
 * the program suggests, by topic. Changes the other member makes appear live.
 *
 * With `program-id` instead of `pair-id`, an admin sees and edits the program's suggested
 * goals (a title per language and a topic); an admin never sees a pair's goals.
 *
 * @slot header - Above the list, e.g. a heading of the host page's own level.
 *
 * @fires rm-load - The goals (or the suggestions) finished loading, and again after every live change. detail: `{ count, stale }`
 * @fires rm-error - Loading or a change failed, or the server refused a queued one. detail: `{ error, action: 'load' | 'refresh' | 'goals.create' | 'goals.update' | 'goalTemplates.create' | 'goalTemplates.remove' }`
 *
 * @csspart list - The frame around everything.
 * @csspart goal - One goal.
 * @csspart badge - Every badge (also `owner`, `topic`, `due`, `pending`).
 * @csspart goal-status - The status select of a goal.
 * @csspart status - The confirmation line ("Saved."), shown for a few seconds and read out politely.
 * @csspart progress - The progress slider of a goal.
 * @csspart assessment - The self-assessment, at the start and now.
 * @csspart commitments - The senior's commitments of a goal; `commitment` one of them.
 * @csspart add - The "Add a goal" button.
 * @csspart form - The form of a new goal, or of a new suggestion.
 * @csspart template - One suggested goal (admins); `withdraw` its button.
 * @csspart notice - The offline notice.
 * @csspart empty - The sentence shown without goals, or without a pair-id.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message; `retry` its "Try again" button.
 *
 * @cssprop --rm-color-accent - Progress bars and the main buttons.
 * @cssprop --rm-color-success - The done mark of a commitment.
 * @cssprop --rm-color-warning - The offline notice and the waiting badge.
 * @cssprop --rm-color-surface - The background.
 * @cssprop --rm-color-border - Borders.
 * @cssprop --rm-color-muted - Secondary text.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmGoalList extends RmElement {
  static override styles = [baseStyles, goalListStyles];

  /** The id of the pair whose goals to show (`par_…`). */
  @property({ attribute: 'pair-id', reflect: true }) pairId = '';

  /** For admins, without `pair-id`: the program whose suggested goals to edit (`prg_…`). */
  @property({ attribute: 'program-id', reflect: true }) programId = '';

  @state() private adding = false;
  @state() private draft = { title: '', topic: '' };

  private readonly localize = new LocalizeController(this, goalListStrings);
  private readonly announcer = new AnnouncerController(this);
  private readonly data = new GoalListData(this, {
    client: () => this.api,
    pairId: () => this.pairId,
    programId: () => this.programId,
    say: (key) => {
      const view = this.data.view;
      const other =
        view?.kind === 'pair' && view.viewer
          ? view.names[view.viewer === 'mentor' ? 'mentee' : 'mentor']
          : '';
      void this.announcer.announce(this.localize.t(key, { name: other }));
    },
    emitLoad: (count, stale) => this.emit('rm-load', { count, stale }),
    emitError: (error, action) => this.emit('rm-error', { error: toError(error), action }),
  });

  /** Whether live changes reach the list now: its client's shared stream is open. */
  get live(): boolean {
    return this.data.live;
  }

  private t(key: GoalListKey, values?: Record<string, string | number>) {
    return this.localize.t(key, values);
  }

  protected override render() {
    if (!this.api) return noClientState(this.localize);
    if (!this.pairId && !this.programId) return html`<p part="empty" class="muted">${this.t('empty')}</p>`;
    const task = this.data.task;
    const view = this.data.view;
    let content: TemplateResult;
    if (task.status === TaskStatus.ERROR)
      content = errorState(this.localize, task.error, () => void task.run());
    else if (!view || task.status === TaskStatus.PENDING) content = loadingState(this.localize, 4);
    else content = view.kind === 'pair' ? this.renderGoals(view) : this.renderTemplates(view);
    return html`<section part="list" class="surface" aria-label=${this.t(view?.kind === 'program' ? 'templatesHeading' : 'heading')}>
      <slot name="header"></slot>
      ${
        view?.staleSince
          ? html`<p part="notice" class="notice" role="status">${this.t('offline')}
        <small class="muted">${this.t('stale', { when: this.localize.dateTime(view.staleSince) })}</small></p>`
          : nothing
      }
      ${content} ${this.announcer.render()}
    </section>`;
  }

  private topicName(key: string, view: { program: { customTopics: TopicEntry[] } | null }) {
    return topicLabel(key, this.localize.locale, view.program?.customTopics ?? []);
  }

  private titleOf(template: GoalTemplate) {
    return textIn(template.title, this.localize.locale)?.text ?? '';
  }

  // ---- a pair's goals ---------------------------------------------------------------

  private renderGoals(view: PairGoals): TemplateResult {
    const goals = this.data.goals;
    return html`${
      goals.length
        ? html`<ul class="goals" role="list">${goals.map((goal) => this.renderGoal(view, goal))}</ul>`
        : html`<p part="empty" class="muted">${this.t('noGoals')}</p>`
    }
    ${view.viewer ? (this.adding ? this.renderAddForm(view) : html`<button part="add" class="primary add" aria-expanded="false" @click=${this.openForm}>${this.t('addGoal')}</button>`) : nothing}`;
  }

  private renderGoal(view: PairGoals, goal: GoalEntry): TemplateResult {
    const mine = view.viewer === goal.owner;
    const change = (body: Change) => this.data.change(goal.id, body);
    const percent = this.localize.number(goal.progress / 100, { style: 'percent' });
    const ownerName = view.names[goal.owner] || this.t(goal.owner === 'mentor' ? 'mentorRole' : 'menteeRole');
    return html`<li part="goal" class="goal" data-goal=${goal.id}>
      <p class="goal-title">${goal.title}</p>
      <p class="badges">
        <span part="badge owner" class="badge">${this.t('goalOf', { name: ownerName })}</span>
        ${goal.topic ? html`<span part="badge topic" class="badge">${this.topicName(goal.topic, view)}</span>` : nothing}
        ${goal.targetDate ? html`<span part="badge due" class="badge">${this.t('due', { date: this.localize.date(`${goal.targetDate}T12:00:00`) })}</span>` : nothing}
        ${goal.pending ? html`<span part="badge pending" class="badge pending">${this.t('pending')}</span>` : nothing}
      </p>
      <div class="controls">
        <label>${this.t('status')}
          <select part="goal-status" @change=${(e: Event) => {
            const status = (e.target as HTMLSelectElement).value as GoalStatus;
            change(() => ({ status }));
          }}>
            ${GOAL_STATUSES.map((s) => html`<option value=${s} ?selected=${s === goal.status}>${this.t(`status.${s}`)}</option>`)}
          </select>
        </label>
        <label class="progress">${this.t('progress')}
          <input part="progress" type="range" min="0" max="100" step="10" .value=${String(goal.progress)}
            aria-valuetext=${percent} ?disabled=${goal.status === 'achieved'}
            @change=${(e: Event) => {
              const progress = Number((e.target as HTMLInputElement).value);
              change(() => ({ progress }));
            }} />
          <span aria-hidden="true">${percent}</span>
        </label>
      </div>
      ${this.renderAssessment(goal, mine, ownerName, change)}
      ${goal.owner === 'mentee' ? this.renderCommitments(view, goal, change) : nothing}
    </li>`;
  }

  private renderAssessment(goal: GoalEntry, mine: boolean, owner: string, change: (body: Change) => void) {
    const sides = [
      ['before', 'assessmentBefore'],
      ['after', 'assessmentAfter'],
    ] as const;
    return html`<fieldset part="assessment" class="assessment">
      <legend>${mine ? this.t('assessment') : this.t('assessmentOf', { name: owner })}
        <small class="muted">(${this.t('assessmentHint')})</small></legend>
      ${sides.map(([label, field]) => {
        const value = goal[field];
        if (!mine) {
          return html`<span>${this.t(label)}: <strong>${value === null ? this.t('notAssessed') : this.t('scale', { value })}</strong></span>`;
        }
        return html`<label>${this.t(label)}
          <select @change=${(e: Event) => {
            const picked = (e.target as HTMLSelectElement).value;
            change(() => ({ [field]: picked ? Number(picked) : null }));
          }}>
            <option value="" ?selected=${value === null}>${this.t('notAssessed')}</option>
            ${SCALE.map((n) => html`<option value=${n} ?selected=${n === value}>${this.t('scale', { value: n })}</option>`)}
          </select>
        </label>`;
      })}
    </fieldset>`;
  }

  private renderCommitments(view: PairGoals, goal: GoalEntry, change: (body: Change) => void) {
    const mine = view.viewer === 'mentee';
    const inputs = (g: GoalEntry) =>
      g.commitments.map(({ id, text, done }) => ({ ...(id.startsWith('new-') ? {} : { id }), text, done }));
    const label = mine ? this.t('commitments') : this.t('commitmentsHint', { name: view.names.mentee });
    return html`<div part="commitments" class="commitments" role="group" aria-label=${label}>
      <p class="label">${label}</p>
      ${
        goal.commitments.length
          ? html`<ul role="list">${goal.commitments.map((c) =>
              mine
                ? html`<li part="commitment" class=${c.done ? 'done' : ''}><label><input type="checkbox" .checked=${c.done}
                    @change=${(e: Event) => {
                      const done = (e.target as HTMLInputElement).checked;
                      change((g) => ({
                        commitments: inputs(g).map((i) => (i.id === c.id ? { ...i, done } : i)),
                      }));
                    }} />${c.text}</label></li>`
                : html`<li part="commitment" class=${c.done ? 'done' : ''}><span class="mark" aria-hidden="true">${c.done ? '✓' : '○'}</span>${c.text}
                    <span class="visually-hidden">(${this.t(c.done ? 'commitmentDone' : 'commitmentOpen')})</span></li>`,
            )}</ul>`
          : html`<p class="muted">${this.t('noCommitments')}</p>`
      }
      ${
        mine
          ? html`<form class="inline" @submit=${(e: Event) => {
              const { form, value } = fieldsOf(e);
              const text = value('text');
              if (!text) return;
              change((g) => ({ commitments: [...inputs(g), { text, done: false }] }));
              form.reset();
            }}>
              <input name="text" maxlength="300" aria-label=${this.t('newCommitment')} placeholder=${this.t('newCommitment')} />
              <button>${this.t('addCommitment')}</button>
            </form>`
          : nothing
      }
    </div>`;
  }

  private async openForm() {
    this.adding = true;
    this.draft = { title: '', topic: '' };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form.add-goal select, form.add-goal input')?.focus();
  }

  private async closeForm() {
    this.adding = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('button.add')?.focus();
  }

  private renderAddForm(view: PairGoals): TemplateResult {
    const topics = view.program?.topics ?? [];
    const byTopic = new Map<string, GoalTemplate[]>();
    for (const template of view.templates) {
      const key = template.topic ?? '';
      byTopic.set(key, [...(byTopic.get(key) ?? []), template]);
    }
    const onTemplate = (e: Event) => {
      const template = view.templates.find((t) => t.id === (e.target as HTMLSelectElement).value);
      this.draft = template
        ? { title: this.titleOf(template), topic: template.topic ?? '' }
        : { title: '', topic: '' };
    };
    const submit = async (e: Event) => {
      const { value } = fieldsOf(e);
      const title = value('title');
      if (!title) {
        this.renderRoot.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
        return void this.announcer.announce(this.t('titleRequired'));
      }
      const created = await this.data.create({
        title,
        topic: value('topic') || null,
        owner: value('owner') as PairRole,
        targetDate: value('targetDate') || null,
        status: 'open',
        progress: 0,
        assessmentBefore: null,
        assessmentAfter: null,
      });
      if (created) await this.closeForm();
    };
    return html`<form part="form" class="add-goal" aria-label=${this.t('newGoal')} @submit=${submit}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && void this.closeForm()}>
      ${
        view.templates.length
          ? html`<label>${this.t('fromTemplate')}
            <select @change=${onTemplate}>
              <option value="">${this.t('noTemplate')}</option>
              ${[...byTopic].map(
                ([
                  topic,
                  templates,
                ]) => html`<optgroup label=${topic ? this.topicName(topic, view) : this.t('noTopic')}>
                  ${templates.map((t) => html`<option value=${t.id}>${this.titleOf(t)}</option>`)}
                </optgroup>`,
              )}
            </select></label>`
          : nothing
      }
      <label>${this.t('title')} <input name="title" maxlength="200" .value=${this.draft.title} /></label>
      <label>${this.t('topic')}
        <select name="topic">
          <option value="">${this.t('noTopic')}</option>
          ${topics.map((key) => html`<option value=${key} ?selected=${key === this.draft.topic}>${this.topicName(key, view)}</option>`)}
        </select></label>
      <label>${this.t('owner')}
        <select name="owner">
          ${(['mentee', 'mentor'] as const).map(
            (side) =>
              html`<option value=${side}>${view.names[side]} (${this.t(side === 'mentor' ? 'mentorRole' : 'menteeRole').toLowerCase()})</option>`,
          )}
        </select></label>
      <label>${this.t('targetDate')} <input name="targetDate" type="date" /></label>
      <div class="buttons">
        <button class="primary">${this.t('save')}</button>
        <button type="button" @click=${() => void this.closeForm()}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }

  // ---- a program's suggestions (admins) ---------------------------------------------

  private renderTemplates(view: ProgramTemplates): TemplateResult {
    const submit = async (e: Event) => {
      const { form, value } = fieldsOf(e);
      const title = { en: value('en'), it: value('it') };
      if (!title.en && !title.it) {
        form.querySelector('input')?.focus();
        return void this.announcer.announce(this.t('titleRequired'));
      }
      if (await this.data.addTemplate({ title, topic: value('topic') || null })) form.reset();
    };
    return html`<p class="label">${this.t('templatesFor', { program: view.program.name })}</p>
      <p class="muted">${this.t('templatesHint')}</p>
      ${
        view.templates.length
          ? html`<ul class="templates" role="list">${view.templates.map(
              (t) => html`<li part="template">
                <span class="goal-title">${this.titleOf(t)}</span>
                ${t.topic ? html`<span part="badge topic" class="badge">${this.topicName(t.topic, view)}</span>` : nothing}
                <button part="withdraw" aria-label=${this.t('withdrawLabel', { title: this.titleOf(t) })}
                  @click=${() => void this.data.withdrawTemplate(t)}>${this.t('withdraw')}</button>
              </li>`,
            )}</ul>`
          : html`<p part="empty" class="muted">${this.t('noTemplates')}</p>`
      }
      <form part="form" class="add-template" aria-label=${this.t('addTemplate')} @submit=${submit}>
        <label>${this.t('titleEn')} <input name="en" lang="en" maxlength="200" /></label>
        <label>${this.t('titleIt')} <input name="it" lang="it" maxlength="200" /></label>
        <label>${this.t('topic')}
          <select name="topic">
            <option value="">${this.t('noTopic')}</option>
            ${view.program.topics.map((key) => html`<option value=${key}>${this.topicName(key, view)}</option>`)}
          </select></label>
        <div class="buttons"><button class="primary">${this.t('addTemplate')}</button></div>
      </form>`;
  }
}
