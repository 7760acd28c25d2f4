import type { Webhook, WebhookDelivery } from '@rm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../base/localize.js';
import { errorState, loadingState } from '../base/states.js';
import type { WebhookSettingsKey } from './webhook-settings.strings.js';

interface LogActions {
  busy: boolean;
  refresh: () => void;
  redeliver: (delivery: WebhookDelivery) => void;
}

/** When a delivery was sent, or is sent next, or since when it waits. */
function when(t: LocalizeController<WebhookSettingsKey>, delivery: WebhookDelivery): string {
  if (delivery.deliveredAt) return t.t('deliveredAt', { when: t.dateTime(delivery.deliveredAt) });
  if (delivery.nextAttemptAt && delivery.status !== 'failed')
    return t.t('nextAttempt', { when: t.dateTime(delivery.nextAttemptAt) });
  return t.t('queuedAt', { when: t.dateTime(delivery.createdAt) });
}

function renderDelivery(
  t: LocalizeController<WebhookSettingsKey>,
  delivery: WebhookDelivery,
  actions: LogActions,
): TemplateResult {
  const answer =
    delivery.responseStatus === null ? t.t('noAnswer') : t.t('answer', { code: delivery.responseStatus });
  return html`<li part="delivery" class="delivery">
    <div class="head">
      <span class="event">${t.t(`event.${delivery.eventType}`)}</span>
      <span part="delivery-status badge" class="badge ${delivery.status}">${t.t(`status.${delivery.status}`)}</span>
    </div>
    <p class="muted meta">
      ${t.t('attempts', { count: delivery.attempts })} · ${answer} · ${when(t, delivery)}
    </p>
    ${
      delivery.lastError
        ? html`<p class="detail"><span class="muted">${t.t('detail')}</span> <span lang="en">${delivery.lastError}</span></p>`
        : nothing
    }
    <button part="redeliver" ?disabled=${actions.busy} @click=${() => actions.redeliver(delivery)}>
      ${t.t('redeliver')}
    </button>
  </li>`;
}

/** A subscription's delivery log: newest first, each entry's status, and a way to send one again. */
export function renderDeliveries(
  t: LocalizeController<WebhookSettingsKey>,
  webhook: Webhook,
  log: { items: WebhookDelivery[] | null; error: unknown },
  actions: LogActions,
): TemplateResult {
  const body = log.error
    ? errorState(t, log.error, actions.refresh)
    : !log.items
      ? loadingState(t, 2)
      : log.items.length === 0
        ? html`<p class="muted">${t.t('logEmpty')}</p>`
        : html`<ul class="deliveries">${log.items.map((delivery) => renderDelivery(t, delivery, actions))}</ul>`;
  return html`<section part="log" class="log" aria-label=${t.t('logTitle', { url: webhook.url })}>
    <button part="refresh" class="refresh" @click=${actions.refresh}>${t.t('refreshLog')}</button>
    ${body}
  </section>`;
}
