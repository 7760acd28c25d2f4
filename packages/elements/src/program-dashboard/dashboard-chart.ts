import { html, nothing, svg, type TemplateResult } from 'lit';

/** One set of bars in a chart: its name in words and the colour class it is drawn in. */
export interface Series {
  label: string;
  tone: 'accent' | 'success' | 'warning' | 'danger' | 'muted';
}

/** One row of a chart (a week, a status, a topic), a value per series, and what to add after them. */
export interface ChartRow {
  label: string;
  values: number[];
  /** The value a bar reaches full width at; the chart's largest value by default. */
  max?: number;
  /** How the values read; the numbers themselves by default. */
  text?: string;
  note?: string;
}

/**
 * A chart as data: the SVG drawing and the table view are both made from it, so they can
 * never say different things. `summary` is its text alternative, shown under its title.
 */
export interface Chart {
  id: string;
  title: string;
  summary: string;
  series: Series[];
  rows: ChartRow[];
  /** Weeks and the like: columns over time. Otherwise a bar per row and series, across. */
  columns?: boolean;
}

const largest = (chart: Chart) => Math.max(1, ...chart.rows.flatMap((row) => row.values));

/** The colours of the series, in words, as a key above the bars. */
function legend(chart: Chart): TemplateResult | typeof nothing {
  if (chart.series.length < 2) return nothing;
  return html`<ul class="legend" role="list">
    ${chart.series.map((s) => html`<li><span class="swatch ${s.tone}"></span>${s.label}</li>`)}
  </ul>`;
}

/**
 * Columns over time, stacked by series: one SVG the page scales to its width (lengths in
 * the viewBox, no style attribute, so a strict Content-Security-Policy is kept). Its text
 * alternative is the chart's summary; the first and last labels sit under it.
 */
function columns(chart: Chart): TemplateResult {
  const top = largest(chart);
  const width = chart.rows.length * 10;
  return html`<p class="scale muted" aria-hidden="true">${top}</p>
    <svg
      class="columns"
      viewBox="0 0 ${width} 100"
      preserveAspectRatio="none"
      role="img"
      aria-labelledby="${chart.id}-summary"
    >
      ${svg`<line class="axis" x1="0" x2=${width} y1="100" y2="100"></line>`}
      ${chart.rows.map((row, i) => {
        let base = 100;
        return chart.series.map((s, k) => {
          const height = ((row.values[k] ?? 0) / top) * 96;
          base -= height;
          return height > 0
            ? svg`<rect class=${s.tone} x=${i * 10 + 1.5} width="7" y=${base} height=${height}><title>${row.label}: ${s.label} ${row.values[k]}</title></rect>`
            : nothing;
        });
      })}
    </svg>
    <p class="ends muted" aria-hidden="true">
      <span>${chart.rows[0]?.label}</span><span>${chart.rows.at(-1)?.label}</span>
    </p>`;
}

/**
 * A bar per series for each row, across: the row's label and numbers are text beside the
 * bars, so the bars themselves are decoration to a screen reader.
 */
function bars(chart: Chart): TemplateResult {
  const top = largest(chart);
  const height = chart.series.length * 8;
  return html`<ul class="bars" role="list">
    ${chart.rows.map(
      (row) => html`<li>
        <span class="bar-label">${row.label}</span>
        <span class="bar-value">${row.text ?? row.values.join(' · ')}</span>
        <svg class="bar n${chart.series.length}" viewBox="0 0 100 ${height}" preserveAspectRatio="none" aria-hidden="true">
          ${chart.series.map(
            (s, k) =>
              svg`<rect class="track" x="0" y=${k * 8} width="100" height="6"></rect><rect class=${s.tone} x="0" y=${k * 8} width=${((row.values[k] ?? 0) / (row.max ?? top)) * 100} height="6"></rect>`,
          )}
        </svg>
        ${row.note ? html`<span class="bar-note">${row.note}</span>` : nothing}
      </li>`,
    )}
  </ul>`;
}

/** The chart as it is drawn: its key, then columns or bars. */
export function renderChart(chart: Chart): TemplateResult {
  return html`${legend(chart)}${chart.columns ? columns(chart) : bars(chart)}`;
}
