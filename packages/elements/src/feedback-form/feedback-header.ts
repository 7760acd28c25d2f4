import type { FeedbackKind, RatingKey } from '@rm-kit/core';
import { DEFAULT_MIN_AGGREGATE_GROUP } from '@rm-kit/core/vocabulary';
import { html, nothing, type TemplateResult } from 'lit';
import type { FeedbackFormText } from './feedback-form.strings.js';
import type { Target } from './feedback-target.js';

/** A date in full ("giovedì 1 ottobre 2026"): an abbreviated one reads badly after "di" or "da". */
const IN_FULL: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
};

/** A sentence naming the other person, or saying "the other person" when the form does not know them. */
export function named(
  t: FeedbackFormText,
  target: Target | undefined,
  key: 'privacy' | 'share' | 'question.preparation',
  values: Record<string, string> = {},
): string {
  const name = target?.otherName;
  return name ? t.t(key, { ...values, name }) : t.t(`${key}.noName`, values);
}

/** A question's words: usefulness is asked of the session, or of the program so far, or as a whole. */
export function question(
  t: FeedbackFormText,
  target: Target | undefined,
  kind: FeedbackKind,
  field: RatingKey | 'recommend',
): string {
  if (field === 'usefulness') return t.t(`question.usefulness.${kind}`);
  if (field === 'preparation') return named(t, target, 'question.preparation');
  return t.t(`question.${field}`);
}

/** Why a form asked by pair alone has nothing to answer yet, and when it will. */
export function closedLine(t: FeedbackFormText, closed: NonNullable<Target['closed']>): string {
  const { next, opensOn } = closed;
  if (!next || !opensOn) return t.t('closed.notStarted');
  // Noon, so the calendar date is the same day in every time zone it is read in.
  return t.t(`closed.${next}`, { date: t.date(`${opensOn}T12:00:00`, IN_FULL) });
}

/** The title, who is answering, the offline or out-of-date notice, and who will see the answers. */
export function header(
  t: FeedbackFormText,
  target: Target | undefined,
  kind: FeedbackKind,
  refreshFailed: boolean,
): TemplateResult {
  const when = target?.session?.occurredAt ?? target?.session?.scheduledAt;
  const title = target?.closed
    ? t.t('title.program')
    : kind !== 'session'
      ? t.t(`title.${kind}`)
      : when
        ? t.t('title.session', { date: t.date(when, IN_FULL) })
        : t.t('title.anySession');
  return html`<header class="header">
      <h2 id="title" part="title" tabindex="-1">${title}</h2>
      ${target ? html`<p class="muted role">${t.t(`answeringAs.${target.role}`)}</p>` : nothing}
    </header>
    ${
      target?.staleSince
        ? html`<p part="notice" class="notice" role="status">
          ${t.t('offline')}
          <span class="muted">${t.t('stale', { when: t.dateTime(target.staleSince) })}</span>
        </p>`
        : refreshFailed
          ? html`<p part="notice" class="notice">${t.t('refreshFailed')}</p>`
          : nothing
    }
    <p part="privacy" class="privacy" id="privacy">
      <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <rect x="5" y="11" width="14" height="9" rx="2" fill="none" stroke="currentColor" stroke-width="2"></rect>
        <path d="M8 11V8a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" stroke-width="2"></path>
      </svg>
      <span>${named(t, target, 'privacy', { n: t.number(target?.minGroup ?? DEFAULT_MIN_AGGREGATE_GROUP) })}</span>
    </p>`;
}
