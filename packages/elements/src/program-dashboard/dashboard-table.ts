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
 * A name HR recognises in a downloads folder, e.g. `digital-bridge-2026-coppie-2026-11-30.csv`:
 * the program's name in plain letters, what the file holds and the day it was taken.
 */
export function csvFileName(programName: string, italian: boolean, today = new Date()): string {
  const plain = programName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${plain || 'program'}-${italian ? 'coppie' : 'pairs'}-${today.toISOString().slice(0, 10)}.csv`;
}

/**
 * Downloads the program's pairs as a CSV file, as the server writes it (formula cells
 * neutralised). With a byte order mark, so Excel reads accented names; with `;` in Italian,
 * where Excel splits columns on semicolons.
 */
export async function downloadCsv(
  client: RmClient,
  program: { id: string; name: string },
  italian: boolean,
): Promise<void> {
  const csv = await client.reports.dashboardCsv(program.id, {
    delimiter: italian ? 'semicolon' : 'comma',
    bom: 'true',
  });
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(program.name, italian);
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
