import { html, type TemplateResult } from 'lit';

/** Beside what only its author can see: a padlock. */
export function lockIcon(): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5"></rect>
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" stroke-width="1.5"></path>
    </svg>`;
}

/** Beside what the partner sees too: two people. */
export function sharedIcon(): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <circle cx="5.5" cy="6" r="2.2" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
      <circle cx="11" cy="6" r="2.2" fill="none" stroke="currentColor" stroke-width="1.5"></circle>
      <path d="M1.5 13.5c.6-2.3 2.1-3.4 4-3.4s3.4 1.1 4 3.4M9.5 10.3c.5-.2 1-.3 1.5-.3 1.9 0 3.4 1.1 4 3.4" fill="none" stroke="currentColor" stroke-width="1.5"></path>
    </svg>`;
}
