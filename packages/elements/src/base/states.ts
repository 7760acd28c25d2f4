import {
  isOriginRefused,
  RmError,
  RmForbiddenError,
  RmNetworkError,
  RmNotFoundError,
  RmUnauthorizedError,
} from '@rm-kit/sdk/errors';
import { html, nothing, type TemplateResult } from 'lit';
import type { baseStrings } from './base.strings.js';
import type { LocalizeController } from './localize.js';

type BaseKey = keyof (typeof baseStrings)['en'];

/** A placeholder shaped like the content, while it loads. */
export function loadingState(t: LocalizeController<BaseKey>, lines = 3): TemplateResult {
  return html`<div part="loading" class="state" role="status" aria-busy="true">
    <div class="visually-hidden">${t.t('loading')}</div>
    ${Array.from({ length: lines }, () => html`<span class="skeleton"></span>`)}
  </div>`;
}

/** A plain sentence for what went wrong, and a way to try again where trying again may help. */
export function errorState(
  t: LocalizeController<BaseKey>,
  error: unknown,
  retry?: () => void,
): TemplateResult {
  const key: BaseKey = isOriginRefused(error)
    ? 'originRefused'
    : error instanceof RmNotFoundError
      ? 'notFound'
      : error instanceof RmForbiddenError
        ? 'forbidden'
        : error instanceof RmUnauthorizedError
          ? 'unauthorized'
          : error instanceof RmNetworkError
            ? 'offline'
            : 'failed';
  const canRetry = retry && !(error instanceof RmNotFoundError || error instanceof RmForbiddenError);
  return html`<div part="error" class="state" role="alert">
    <p class="error-text">${t.t(key, { origin: location.origin })}</p>
    ${
      error instanceof RmError && error.requestId
        ? html`<p class="muted"><small>${t.t('reference', { id: error.requestId })}</small></p>`
        : nothing
    }
    ${canRetry ? html`<button part="retry" @click=${retry}>${t.t('retry')}</button>` : nothing}
  </div>`;
}

export function noClientState(t: LocalizeController<BaseKey>): TemplateResult {
  return html`<p part="error" class="error-text" role="alert">${t.t('noClient')}</p>`;
}

/** Without a pair-id, for a person in no pair now. */
export function noPairState(t: LocalizeController<BaseKey>): TemplateResult {
  return html`<p part="empty" class="muted">${t.t('noPair')}</p>`;
}
