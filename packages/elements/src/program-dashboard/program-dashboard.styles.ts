import { css } from 'lit';

/**
 * The dashboard's layout, sized by the column it is put in (a container): headline figures
 * as tiles that fill the width, charts in two columns when there is room and one on a
 * phone. Every colour of a chart is a class here (SVG fill), never a style attribute, so a
 * page with a strict Content-Security-Policy shows it. Comments stay out of the stylesheet:
 * bundlers ship css`` text as it is.
 */
export const programDashboardStyles = css`
  :host {
    container-type: inline-size;
  }

  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }

  h2 {
    font-size: 1.3em;
  }

  h3 {
    font-size: 1.05em;
  }

  p {
    margin: 0;
  }

  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .dashboard {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }

  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: start;
    justify-content: space-between;
    gap: 0.75em;
  }

  .notice {
    display: grid;
    gap: 0.2em;
    padding: 0.6em 0.8em;
    border-radius: calc(var(--_radius) * 0.75);
    border: 1px solid var(--_warning);
    border-inline-start-width: 4px;
    background: var(--_subtle);
  }

  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8em, 1fr));
    gap: 0.6em;
  }

  .figure {
    display: grid;
    align-content: start;
    gap: 0.15em;
    padding: 0.6em 0.75em;
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_subtle);
    font-size: 0.9em;
  }

  .figure-label {
    font-weight: 600;
  }

  .figure-value {
    font-size: 1.7em;
    font-weight: 700;
    line-height: 1.15;
  }

  .section {
    display: grid;
    align-content: start;
    gap: 0.6em;
    padding-top: calc(var(--_space) * 1.1);
    border-top: 1px solid var(--_border);
    min-width: 0;
  }

  .risk-list {
    display: grid;
    gap: 0.5em;
  }

  .risk-pair {
    display: grid;
    gap: 0.1em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_danger);
    background: var(--_subtle);
    border-radius: calc(var(--_radius) * 0.5);
  }

  .name {
    font-weight: 600;
  }

  .charts {
    display: grid;
    gap: calc(var(--_space) * 1.25);
  }

  @container (min-width: 44em) {
    .charts {
      grid-template-columns: 1fr 1fr;
    }

    .chart[data-chart='weeks'] {
      grid-column: 1 / -1;
    }
  }

  .chart-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.5em;
  }

  .link {
    background: none;
    border: none;
    padding: 0.2em 0;
    color: var(--_accent);
    text-decoration: underline;
    font-size: 0.9em;
  }

  .summary {
    font-size: 0.9em;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 1em;
    font-size: 0.85em;
  }

  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }

  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
  }

  .swatch.accent {
    background: var(--_accent);
  }

  .swatch.success {
    background: var(--_success);
  }

  .swatch.warning {
    background: var(--_warning);
  }

  .swatch.danger {
    background: var(--_danger);
  }

  svg .accent {
    fill: var(--_accent);
  }

  svg .success {
    fill: var(--_success);
  }

  svg .warning {
    fill: var(--_warning);
  }

  svg .danger {
    fill: var(--_danger);
  }

  svg .track {
    fill: var(--_subtle);
  }

  svg .axis {
    stroke: var(--_border);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
  }

  .columns {
    display: block;
    width: 100%;
    height: 9em;
  }

  .scale {
    font-size: 0.8em;
    border-bottom: 1px dashed var(--_border);
  }

  .ends {
    display: flex;
    justify-content: space-between;
    font-size: 0.8em;
  }

  .bars {
    display: grid;
    gap: 0.55em;
  }

  .bars li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.15em 0.75em;
    font-size: 0.9em;
  }

  .bar-value {
    font-variant-numeric: tabular-nums;
    color: var(--_muted);
  }

  .bar {
    grid-column: 1 / -1;
    display: block;
    width: 100%;
    height: 0.5em;
  }

  .bar.n2 {
    height: 0.9em;
  }

  .bar.n3 {
    height: 1.3em;
  }

  .bar-note {
    grid-column: 1 / -1;
    color: var(--_danger);
    font-weight: 600;
    font-size: 0.9em;
  }

  .table-wrap {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }

  th,
  td {
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: start;
  }

  td {
    font-variant-numeric: tabular-nums;
  }
`;
