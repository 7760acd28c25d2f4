import { initialState, Task, TaskStatus } from '@lit/task';
import type { PairRow, Program, ProgramDashboard } from '@rm-kit/core';
import { AT_RISK_CADENCE_FACTOR } from '@rm-kit/core/rules';
import { ENROLLMENT_STATUSES, PAIR_STATUSES } from '@rm-kit/core/vocabulary';
import { isStale, staleSince } from '@rm-kit/sdk';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { LazyPart } from '../base/lazy-part.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { type Chart, renderChart } from './dashboard-chart.js';
import { type ProgramDashboardKey, programDashboardStrings } from './program-dashboard.strings.js';
import { programDashboardStyles } from './program-dashboard.styles.js';

interface DashboardView {
  program: Program;
  dashboard: ProgramDashboard;
  staleSince: Date | null;
}

/**
 * @tagname rm-program-dashboard
 * @summary A program's dashboard, for its admins: applications and the match rate, pairs
 * by status, sessions per week, cancellations per pair, the pairs at risk and why, goal
 * completion, topic coverage and the feedback averages, with a download as CSV.
 *
 * Every chart is drawn as SVG with a text alternative under its title and can be shown as
 * a table. Nothing in it rests on one person's private answer: at-risk reasons come from
 * sessions, goals are counted over the whole program, and feedback averages are the
 * server's released aggregate. Someone who is not an admin sees "You do not have access to this."
 *
 * @fires rm-load - The dashboard finished loading. detail: `{ count, stale }` (count: pairs)
 * @fires rm-error - Loading or the download failed. detail: `{ error, action }`, action `'load'` or `'load-part'`
 *
 * @csspart dashboard - The dashboard around everything.
 * @csspart export - The "Export as CSV" button.
 * @csspart figures - The headline figures; `figure` each one.
 * @csspart at-risk - The pairs at risk; `risk-pair` each one.
 * @csspart chart - Each chart's section; `table-toggle` its "Show as table" button, `table` its table.
 * @csspart notice - The offline notice.
 * @csspart empty - The sentence shown without a program-id.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message.
 * @csspart retry - The "Try again" button of the error message.
 *
 * @cssprop --rm-color-accent - Sessions held, bars and focus.
 * @cssprop --rm-color-danger - Cancellations and pairs at risk.
 * @cssprop --rm-color-success - Topics covered and mentors.
 * @cssprop --rm-color-warning - Topics wanted.
 * @cssprop --rm-color-surface - Background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Secondary text.
 * @cssprop --rm-color-border - Borders.
 * @cssprop --rm-color-subtle - Figures and bar tracks.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmProgramDashboard extends RmElement {
  static override styles = [baseStyles, programDashboardStyles];

  /** The program whose figures the dashboard shows (`prg_…`). */
  @property({ attribute: 'program-id', reflect: true }) programId = '';

  /** The charts shown as tables, by id. */
  @state() private tables = new Set<string>();
  @state() private exporting = false;

  private readonly localize = new LocalizeController(this, programDashboardStrings);
  private readonly announcer = new AnnouncerController(this);
  private readonly extras = new LazyPart(
    this,
    () => import('./dashboard-table.js'),
    (error) => this.emit('rm-error', { error: toError(error), action: 'load-part' }),
  );

  private readonly task = new Task(this, {
    args: () => [this.api, this.programId] as const,
    task: async ([api, programId], { signal }): Promise<DashboardView | typeof initialState> => {
      if (!api || !programId) return initialState;
      const [program, dashboard] = await Promise.all([
        api.programs.get(programId, { signal }),
        api.reports.dashboard(programId, { signal }),
      ]);
      const stale = [program, dashboard].filter(isStale).map((value) => staleSince(value));
      return { program, dashboard, staleSince: stale[0] ?? null };
    },
    onComplete: (view) => {
      this.emit('rm-load', { count: view.dashboard.pairRows.length, stale: view.staleSince !== null });
      this.extras.preload();
    },
    onError: (error) => this.emit('rm-error', { error: toError(error), action: 'load' }),
  });

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('programId') && changed.get('programId') !== undefined) this.tables = new Set();
  }

  private async toggle(id: string) {
    // A table needs the part: it arrives first (or its error shows where the table goes).
    if (!this.tables.has(id)) await this.extras.get().catch(() => undefined);
    // Read after the wait, so two charts switched at once both keep their change.
    const tables = new Set(this.tables);
    if (!tables.delete(id)) tables.add(id);
    this.tables = tables;
  }

  private async export() {
    const api = this.api;
    const view = this.task.value;
    if (!api || !view || !('program' in view) || this.exporting) return;
    const t = this.localize;
    this.exporting = true;
    void this.announcer.announce(t.t('exporting'));
    try {
      const extras = await this.extras.get();
      await extras.downloadCsv(api, view.program, t.locale === 'it');
      void this.announcer.announce(t.t('exported'));
    } catch (error) {
      this.emit('rm-error', { error: toError(error), action: 'load-part' });
      void this.announcer.announce(t.t('exportFailed'));
    } finally {
      this.exporting = false;
    }
  }

  // ----- rendering -----

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.api) return html`<div class="surface">${noClientState(t)}</div>`;
    if (!this.programId) return html`<p part="empty" class="surface muted">${t.t('empty')}</p>`;
    if (this.task.status === TaskStatus.ERROR)
      return html`<div class="surface">${errorState(t, this.task.error, () => void this.task.run())}</div>`;
    const view = this.task.value;
    if (!view || view.program.id !== this.programId)
      return html`<div class="surface">${loadingState(t, 8)}</div>`;
    return this.renderDashboard(view);
  }

  private percent(share: number | null): string {
    const t = this.localize;
    return share === null ? t.t('notYet') : t.number(share, { style: 'percent' });
  }

  private renderFigures({ dashboard }: DashboardView): TemplateResult {
    const t = this.localize;
    const { enrollment, pairs, goals } = dashboard;
    const applied = Object.values(enrollment.byStatus);
    const sum = (role: 'mentor' | 'mentee') => applied.reduce((n, counts) => n + counts[role], 0);
    const figure = (label: ProgramDashboardKey, value: string, line: string) =>
      html`<li part="figure" class="figure">
        <span class="figure-label">${t.t(label)}</span>
        <span class="figure-value">${value}</span>
        <span class="muted">${line}</span>
      </li>`;
    const atRisk = dashboard.pairRows.filter((row) => row.atRisk).length;
    return html`<ul part="figures" class="figures" role="list">
      ${figure(
        'applications',
        t.number(sum('mentor') + sum('mentee')),
        t.t('byRole', { mentors: t.number(sum('mentor')), mentees: t.number(sum('mentee')) }),
      )}
      ${figure(
        'matchRate',
        this.percent(enrollment.matchRate),
        t.t('matched', {
          matched: t.number(enrollment.menteesMatched),
          accepted: t.number(enrollment.menteesAccepted),
        }),
      )}
      ${figure('activePairs', t.number(pairs.byStatus.active), t.t('pairsTotal', { total: t.number(pairs.total) }))}
      ${figure('atRiskCount', t.number(atRisk), t.t('pairsTotal', { total: t.number(pairs.total) }))}
      ${figure(
        'goalCompletion',
        this.percent(goals.completion),
        t.t('goalsLine', { achieved: t.number(goals.achieved), inPlay: t.number(goals.inPlay) }),
      )}
    </ul>`;
  }

  private reasons(row: PairRow, cadenceDays: number): string {
    const t = this.localize;
    const days = cadenceDays * AT_RISK_CADENCE_FACTOR;
    const duration =
      days % 7 === 0
        ? t.number(days / 7, { style: 'unit', unit: 'week', unitDisplay: 'long' })
        : t.number(days, { style: 'unit', unit: 'day', unitDisplay: 'long' });
    return new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(
      row.atRiskReasons.map((reason) => t.t(`risk.${reason}`, { duration })),
    );
  }

  private renderAtRisk({ dashboard, program }: DashboardView): TemplateResult {
    const t = this.localize;
    const rows = dashboard.pairRows.filter((row) => row.atRisk);
    return html`<section part="at-risk" class="section risk" aria-labelledby="risk-title">
      <h3 id="risk-title">${t.t('atRisk')}</h3>
      <p class="muted">${t.t('atRiskNote')}</p>
      ${
        rows.length === 0
          ? html`<p>${t.t('noAtRisk')}</p>`
          : html`<ul class="risk-list" role="list">
            ${rows.map(
              (row) => html`<li part="risk-pair" class="risk-pair">
                <span class="name">${t.t('pairWith', { mentor: row.mentorName, mentee: row.menteeName })}</span>
                <span class="reason">${this.reasons(row, program.cadenceDays)}</span>
                <span class="muted"
                  >${row.lastHeldAt ? t.t('lastHeld', { date: t.date(row.lastHeldAt) }) : t.t('neverHeld')}</span
                >
              </li>`,
            )}
          </ul>`
      }
    </section>`;
  }

  /** Every chart of the dashboard, as data (see Chart): drawn, or shown as a table. */
  private charts({ dashboard }: DashboardView): { chart: Chart; rowHeading: string; empty?: string }[] {
    const t = this.localize;
    const n = (value: number) => t.number(value);
    const weeks = dashboard.sessionsPerWeek;
    const held = weeks.reduce((sum, w) => sum + w.held, 0);
    const cancelled = weeks.reduce((sum, w) => sum + w.cancelled, 0);
    const busiest = weeks.reduce(
      (best, w) => (w.held > best.held ? w : best),
      weeks[0] ?? { weekOf: '', held: 0 },
    );
    const shortDate = (day: string) => t.date(day, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    const cancelling = dashboard.pairRows.filter((row) => row.sessionsCancelled > 0);
    const { feedback } = dashboard;
    const ratings = feedback.overall;
    return [
      {
        chart: {
          id: 'weeks',
          title: t.t('sessionsPerWeek'),
          summary: [
            t.t('weeksSummary', { weeks: n(weeks.length), held: n(held), cancelled: n(cancelled) }),
            busiest.held > 0
              ? t.t('busiest', { most: n(busiest.held), week: shortDate(busiest.weekOf) })
              : '',
          ].join(' '),
          series: [
            { label: t.t('held'), tone: 'accent' },
            { label: t.t('cancelled'), tone: 'danger' },
          ],
          rows: weeks.map((w) => ({ label: shortDate(w.weekOf), values: [w.held, w.cancelled] })),
          columns: true,
        },
        rowHeading: t.t('week'),
        ...(held + cancelled === 0 ? { empty: t.t('noSessions') } : {}),
      },
      {
        chart: {
          id: 'cancellations',
          title: t.t('cancellations'),
          summary: t.t('cancellationsSummary', {
            pairs: n(cancelling.length),
            flagged: n(cancelling.filter((row) => row.cancelledInARow >= 2).length),
          }),
          series: [{ label: t.t('cancelled'), tone: 'danger' }],
          rows: cancelling.map((row) => ({
            label: t.t('pairWith', { mentor: row.mentorName, mentee: row.menteeName }),
            values: [row.sessionsCancelled],
            ...(row.cancelledInARow >= 2 ? { note: t.t('inARow', { count: n(row.cancelledInARow) }) } : {}),
          })),
        },
        rowHeading: t.t('pairs'),
        ...(cancelling.length === 0 ? { empty: t.t('noCancellations') } : {}),
      },
      {
        chart: {
          id: 'pairs',
          title: t.t('pairsByStatus'),
          summary: t.t('pairsTotal', { total: n(dashboard.pairs.total) }),
          series: [{ label: t.t('pairs'), tone: 'accent' }],
          rows: PAIR_STATUSES.map((status) => ({
            label: t.t(`pairStatus.${status}`),
            values: [dashboard.pairs.byStatus[status]],
          })),
        },
        rowHeading: t.t('value'),
      },
      {
        chart: {
          id: 'applications',
          title: t.t('applicationsByStatus'),
          summary: t.t('matched', {
            matched: n(dashboard.enrollment.menteesMatched),
            accepted: n(dashboard.enrollment.menteesAccepted),
          }),
          series: [
            { label: t.t('mentorRole'), tone: 'success' },
            { label: t.t('menteeRole'), tone: 'accent' },
          ],
          rows: ENROLLMENT_STATUSES.map((status) => ({
            label: t.t(`enrollment.${status}`),
            values: [
              dashboard.enrollment.byStatus[status].mentor,
              dashboard.enrollment.byStatus[status].mentee,
            ],
          })),
        },
        rowHeading: t.t('value'),
      },
      {
        chart: {
          id: 'topics',
          title: t.t('topics'),
          summary: t.t('topicsIntro'),
          series: [
            { label: t.t('wanted'), tone: 'warning' },
            { label: t.t('offered'), tone: 'success' },
            { label: t.t('covered'), tone: 'accent' },
          ],
          rows: dashboard.topics.map((topic) => ({
            label: topic.labels[t.locale],
            values: [topic.wanted, topic.offered, topic.covered],
          })),
        },
        rowHeading: t.t('topics'),
        ...(dashboard.topics.length === 0 ? { empty: t.t('noTopics') } : {}),
      },
      {
        chart: {
          id: 'feedback',
          title: t.t('feedback'),
          summary: ratings
            ? t.t('feedbackReleased', {
                answers: n(feedback.answers),
                date: feedback.releasedAt ? t.date(feedback.releasedAt) : '',
              })
            : t.t('feedbackWaiting', { min: n(feedback.minGroupSize) }),
          series: [{ label: t.t('value'), tone: 'accent' }],
          rows: ratings
            ? (['usefulness', 'trust', 'preparation', 'recommend'] as const).map((key) => {
                const max = key === 'recommend' ? 10 : 5;
                return {
                  label: t.t(`rating.${key}`),
                  values: [ratings[key]],
                  max,
                  text: t.t('outOf', { value: n(ratings[key]), max: n(max) }),
                };
              })
            : [],
        },
        rowHeading: t.t('figure'),
        ...(ratings ? {} : { empty: '' }),
      },
    ];
  }

  private renderChart({ chart, rowHeading, empty }: ReturnType<RmProgramDashboard['charts']>[number]) {
    const t = this.localize;
    const table = this.tables.has(chart.id);
    return html`<section part="chart" class="section chart" aria-labelledby="${chart.id}-title" data-chart=${chart.id}>
      <div class="chart-head">
        <h3 id="${chart.id}-title">${chart.title}</h3>
        ${
          empty === undefined
            ? html`<button
              part="table-toggle"
              class="link"
              aria-pressed=${table ? 'true' : 'false'}
              @click=${() => void this.toggle(chart.id)}
            >
              ${t.t('showTable')}
            </button>`
            : nothing
        }
      </div>
      <p id="${chart.id}-summary" class="muted summary">${chart.summary}</p>
      ${
        empty !== undefined
          ? empty
            ? html`<p>${empty}</p>`
            : nothing
          : table
            ? this.extras.render(t, (extras) => extras.renderTable(chart, rowHeading))
            : renderChart(chart)
      }
    </section>`;
  }

  private renderDashboard(view: DashboardView): TemplateResult {
    const t = this.localize;
    return html`<article part="dashboard" class="dashboard surface" aria-labelledby="dashboard-title">
      <header class="head">
        <div>
          <h2 id="dashboard-title">${view.program.name}</h2>
          <p class="muted">${t.t('title')}</p>
        </div>
        <button
          part="export"
          class="primary"
          aria-disabled=${this.exporting ? 'true' : 'false'}
          @click=${() => void this.export()}
        >
          ${t.t('export')}
        </button>
      </header>
      ${
        view.staleSince
          ? html`<div part="notice" class="notice" role="status">
            <p>${t.t('offline')}</p>
            <p class="muted"><small>${t.t('stale', { when: t.dateTime(view.staleSince) })}</small></p>
          </div>`
          : nothing
      }
      ${this.renderFigures(view)} ${this.renderAtRisk(view)}
      <div class="charts">${this.charts(view).map((entry) => this.renderChart(entry))}</div>
      ${this.announcer.render()}
    </article>`;
  }
}
