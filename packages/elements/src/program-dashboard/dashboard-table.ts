import type { RmClient } from '@rm-kit/sdk';
import { html, type TemplateResult } from 'lit';
import type { Chart } from './dashboard-chart.js';

/**
 * The dashboard's rarely used parts, fetched when the browser is idle: a chart as a table,
 * and the download of its pairs as CSV.
 */

/** A chart's rows and series as a table: a row a line, a series a column. */
export function renderTable(chart: Chart, rowHeading: string): TemplateResult {
  return html`<div class="table-wrap" tabindex="0" role="group" aria-labelledby="${chart.id}-title">
    <table part="table">
      <thead>
        <tr>
          <th scope="col">${rowHeading}</th>
          ${chart.series.map((s) => html`<th scope="col">${s.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${chart.rows.map(
          (row) => html`<tr>
            <th scope="row">${row.label}</th>
            ${row.values.map((value) => html`<td>${chart.series.length === 1 && row.text ? row.text : value}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/**
 * Downloads the program's pairs as a CSV file, as the server writes it (formula cells
 * neutralised). With a byte order mark, so Excel reads accented names; with `;` in Italian,
 * where Excel splits columns on semicolons.
 */
export async function downloadCsv(client: RmClient, programId: string, italian: boolean): Promise<void> {
  const csv = await client.reports.dashboardCsv(programId, {
    delimiter: italian ? 'semicolon' : 'comma',
    bom: 'true',
  });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${programId}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
