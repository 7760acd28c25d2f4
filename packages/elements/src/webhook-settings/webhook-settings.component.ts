import type { Webhook, WebhookDelivery, WebhookEventType } from '@rm-kit/core';
import { WEBHOOK_EVENT_TYPES } from '@rm-kit/core/vocabulary';
import type { RmClient, Written } from '@rm-kit/sdk';
import { RmError, RmValidationError } from '@rm-kit/sdk/errors';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { ConfirmDialogController, confirmDialogStyles } from '../base/confirm-dialog.js';
import type { RmErrorAction } from '../base/events.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { renderDeliveries } from './webhook-deliveries.js';
import { type WebhookSettingsKey, webhookSettingsStrings } from './webhook-settings.strings.js';
import { webhookSettingsStyles } from './webhook-settings.styles.js';

/** A subscription's delivery log, once opened. */
interface Log {
  items: WebhookDelivery[] | null;
  error: unknown;
}

/** A secret to show once: after a create or a rotation. */
interface ShownSecret {
  url: string;
  secret: string;
}

/** Field errors of the add form, in the element's words. */
type FormErrors = Partial<Record<'url' | 'events', WebhookSettingsKey>>;

/**
 * @tagname rm-webhook-settings
 * @summary The organisation's webhooks, for its admins: list the subscriptions, add one
 * (URL, events, description) and copy its signing secret, shown this once; pause and resume,
 * send a test, replace the secret, delete, and read each one's delivery log with statuses,
 * sending a delivery again.
 *
 * Someone who is not an admin sees "You do not have access to this." A write is never queued
 * offline here: a secret shown once must be seen by the admin who asked for it.
 *
 * @fires rm-load - The subscriptions finished loading, and again after every reload. detail: `{ count, stale }`
 * @fires rm-error - Loading or a write failed. detail: `{ error, action }`, action `'load'` or the SDK operation (`webhooks.create`, …)
 *
 * @csspart settings - The settings around everything.
 * @csspart webhook - One subscription; `webhook-status` its badge, `pause`, `resume`, `ping`, `rotate`, `delete` and `toggle-log` its buttons.
 * @csspart log - A delivery log; `delivery` each entry, `delivery-status` its badge, `redeliver` its button, `refresh` the refresh button.
 * @csspart add - The form to add a webhook; `create` its button.
 * @csspart secret - The secret shown once; `copy` and `secret-done` its buttons.
 * @csspart dialog - The confirmation dialog; `confirm` its confirming button.
 * @csspart status - The confirmation line, shown for a few seconds and read out politely.
 * @csspart empty - The sentence shown without any subscription.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message; `retry` its button.
 *
 * @cssprop --rm-color-accent - Buttons and focus.
 * @cssprop --rm-color-danger - Failed deliveries and the delete button.
 * @cssprop --rm-color-success - Active subscriptions and delivered events.
 * @cssprop --rm-color-warning - Paused subscriptions and waiting deliveries.
 * @cssprop --rm-color-surface - Background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Secondary text.
 * @cssprop --rm-color-border - Borders.
 * @cssprop --rm-color-subtle - Cards and badges.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmWebhookSettings extends RmElement {
  static override styles = [baseStyles, confirmDialogStyles, webhookSettingsStyles];

  @state() private webhooks: Webhook[] | null = null;
  @state() private loadError: unknown = null;
  @state() private logs = new Map<string, Log>();
  @state() private secret: ShownSecret | null = null;
  @state() private busy: string | null = null;
  @state() private formErrors: FormErrors = {};
  @state() private failure: string | null = null;

  private readonly localize = new LocalizeController(this, webhookSettingsStrings);
  private readonly announcer = new AnnouncerController(this);
  private readonly confirm = new ConfirmDialogController(this);
  private loading = 0;
  /** The client the list was last loaded through: another one (another person signed in) loads it again. */
  private loadedThrough: RmClient | undefined;

  protected override willUpdate() {
    // Compared rather than read from the changed properties: an update held back until the
    // Italian words arrived (see RmElement.shouldUpdate) does not keep what changed.
    if (this.api === this.loadedThrough) return;
    this.loadedThrough = this.api;
    this.webhooks = null;
    this.logs = new Map();
    void this.load();
  }

  private async load() {
    const api = this.api;
    if (!api) return;
    const generation = ++this.loading;
    this.loadError = null;
    try {
      const page = await api.webhooks.page({ limit: 100 });
      if (generation !== this.loading) return;
      this.webhooks = page.items;
      this.emit('rm-load', { count: page.items.length, stale: false });
    } catch (error) {
      if (generation !== this.loading) return;
      this.loadError = error;
      this.emit('rm-error', { error: toError(error), action: 'load' });
    }
  }

  private async loadLog(webhookId: string) {
    const api = this.api;
    if (!api) return;
    this.logs = new Map(this.logs).set(webhookId, {
      items: this.logs.get(webhookId)?.items ?? null,
      error: null,
    });
    try {
      const page = await api.webhooks.deliveries.page(webhookId, { limit: 25 });
      this.logs = new Map(this.logs).set(webhookId, { items: page.items, error: null });
    } catch (error) {
      this.logs = new Map(this.logs).set(webhookId, { items: null, error });
    }
  }

  /**
   * Runs a write and says how it went. A write the SDK queued offline is taken back out of
   * the outbox: sent later, its answer (a secret shown once) would reach nobody.
   */
  private async attempt<T>(
    key: string,
    action: RmErrorAction,
    write: (api: RmClient) => Promise<Written<T, unknown> | T>,
  ): Promise<T | null> {
    const api = this.api;
    if (this.busy || !api) return null;
    this.busy = key;
    this.failure = null;
    try {
      const written = await write(api);
      if (written && typeof written === 'object' && 'pending' in written && written.pending) {
        await api.discardWrite((written as { outboxId: string }).outboxId);
        this.failure = this.localize.t('queued');
        return null;
      }
      return written as T;
    } catch (error) {
      this.emit('rm-error', { error: toError(error), action });
      if (error instanceof RmValidationError && key === 'create') {
        this.formErrors = this.fieldErrors(error);
        if (Object.keys(this.formErrors).length > 0) return null;
      }
      const reference =
        error instanceof RmError && error.requestId
          ? ` (${this.localize.t('reference', { id: error.requestId })})`
          : '';
      this.failure = `${this.localize.t('writeFailed')}${reference}`;
      return null;
    } finally {
      this.busy = null;
    }
  }

  private fieldErrors(error: RmValidationError): FormErrors {
    const errors: FormErrors = {};
    for (const issue of error.issues) {
      if (issue.path[0] === 'url') errors.url = 'urlRefused';
      if (issue.path[0] === 'events') errors.events = 'noEvents';
    }
    return errors;
  }

  private async showSecret(shown: ShownSecret) {
    this.secret = shown;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#secret-value')?.select();
    this.renderRoot.querySelector<HTMLInputElement>('#secret-value')?.focus();
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const url = String(data.get('url') ?? '').trim();
    const events = data.getAll('events').map(String) as WebhookEventType[];
    const errors: FormErrors = {};
    if (!form.querySelector<HTMLInputElement>('#url')?.checkValidity() || !url.startsWith('https://')) {
      errors.url = 'urlRefused';
    }
    if (events.length === 0) errors.events = 'noEvents';
    this.formErrors = errors;
    if (Object.keys(errors).length > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(errors.url ? '#url' : 'input[name="events"]')?.focus();
      return;
    }
    const created = await this.attempt('create', 'webhooks.create', (api) =>
      api.webhooks.create({ url, events, description: String(data.get('description') ?? '').trim() }),
    );
    if (!created) return;
    const { secret, ...webhook } = created;
    this.webhooks = [...(this.webhooks ?? []), webhook];
    form.reset();
    void this.announcer.announce(this.localize.t('created'));
    await this.showSecret({ url: webhook.url, secret });
  }

  private replace(webhook: Webhook) {
    this.webhooks = (this.webhooks ?? []).map((each) => (each.id === webhook.id ? webhook : each));
  }

  private async setActive(webhook: Webhook, active: boolean) {
    const changed = await this.attempt(`active:${webhook.id}`, 'webhooks.update', (api) =>
      api.webhooks.update(webhook, { active }),
    );
    if (!changed) return;
    this.replace(changed);
    void this.announcer.announce(this.localize.t(active ? 'resumedDone' : 'pausedDone'));
  }

  private async ping(webhook: Webhook) {
    const queued = await this.attempt(`ping:${webhook.id}`, 'webhooks.ping', (api) =>
      api.webhooks.ping(webhook.id),
    );
    if (!queued) return;
    void this.announcer.announce(this.localize.t('pingQueued'));
    await this.openLog(webhook.id);
  }

  private async rotate(webhook: Webhook) {
    const yes = await this.confirm.ask({
      title: this.localize.t('rotateTitle'),
      body: this.localize.t('rotateBody'),
      keep: this.localize.t('keep'),
      confirm: this.localize.t('rotate'),
    });
    if (!yes) return;
    const rotated = await this.attempt(`rotate:${webhook.id}`, 'webhooks.rotateSecret', (api) =>
      api.webhooks.rotateSecret(webhook),
    );
    if (!rotated) return;
    const { secret, ...changed } = rotated;
    this.replace(changed);
    void this.announcer.announce(this.localize.t('rotated'));
    await this.showSecret({ url: changed.url, secret });
  }

  private async deleteWebhook(webhook: Webhook) {
    const yes = await this.confirm.ask({
      title: this.localize.t('deleteTitle'),
      body: this.localize.t('deleteBody', { url: webhook.url }),
      keep: this.localize.t('keep'),
      confirm: this.localize.t('delete'),
      danger: true,
    });
    if (!yes) return;
    const removed = await this.attempt(`delete:${webhook.id}`, 'webhooks.remove', async (api) => {
      const queued = await api.webhooks.remove(webhook);
      return queued ?? { removed: true };
    });
    if (!removed) return;
    this.webhooks = (this.webhooks ?? []).filter((each) => each.id !== webhook.id);
    void this.announcer.announce(this.localize.t('deleted'));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async redeliver(delivery: WebhookDelivery) {
    const queued = await this.attempt(`redeliver:${delivery.id}`, 'webhookDeliveries.redeliver', (api) =>
      api.webhooks.redeliver(delivery.id),
    );
    if (!queued) return;
    void this.announcer.announce(this.localize.t('redelivered'));
    await this.loadLog(delivery.webhookId);
  }

  private async openLog(webhookId: string) {
    if (!this.logs.has(webhookId))
      this.logs = new Map(this.logs).set(webhookId, { items: null, error: null });
    await this.loadLog(webhookId);
  }

  private toggleLog(webhookId: string) {
    if (this.logs.has(webhookId)) {
      const logs = new Map(this.logs);
      logs.delete(webhookId);
      this.logs = logs;
    } else void this.openLog(webhookId);
  }

  private async copySecret() {
    if (!this.secret) return;
    try {
      await navigator.clipboard.writeText(this.secret.secret);
      void this.announcer.announce(this.localize.t('copied'));
    } catch {
      void this.announcer.announce(this.localize.t('copyFailed'));
    }
  }

  // ----- view -----

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.api) return noClientState(t);
    return html`<section part="settings" class="surface" aria-labelledby="title">
      <h2 id="title" tabindex="-1">${t.t('title')}</h2>
      <p class="muted">${t.t('intro')}</p>
      ${this.renderSecret()} ${this.announcer.render()}
      ${this.failure ? html`<p class="error-text failure" role="alert">${this.failure}</p>` : nothing}
      ${this.renderBody()} ${this.confirm.render()}
    </section>`;
  }

  private renderBody(): TemplateResult {
    const t = this.localize;
    if (this.loadError && !this.webhooks) return errorState(t, this.loadError, () => void this.load());
    if (!this.webhooks) return loadingState(t);
    return html`${
      this.webhooks.length === 0
        ? html`<p part="empty" class="muted">${t.t('empty')}</p>`
        : html`<ul class="webhooks" aria-label=${t.t('list')}>
            ${this.webhooks.map((webhook) => this.renderWebhook(webhook))}
          </ul>`
    }
    ${this.renderForm(this.webhooks.length === 0)}`;
  }

  private renderWebhook(webhook: Webhook): TemplateResult {
    const t = this.localize;
    const log = this.logs.get(webhook.id);
    const busy = this.busy !== null;
    const logId = `log-${webhook.id}`;
    return html`<li part="webhook" class="webhook" data-webhook=${webhook.id}>
      <div class="head">
        <span class="url">${webhook.url}</span>
        <span part="webhook-status badge" class="badge ${webhook.active ? 'active' : 'paused'}">
          ${t.t(webhook.active ? 'active' : 'paused')}
        </span>
      </div>
      ${webhook.description ? html`<p class="description">${webhook.description}</p>` : nothing}
      <ul class="events" aria-label=${t.t('events')}>
        ${webhook.events.map((type) => html`<li class="badge">${t.t(`event.${type}`)}</li>`)}
      </ul>
      <div class="actions">
        ${
          webhook.active
            ? html`<button part="pause" ?disabled=${busy} @click=${() => this.setActive(webhook, false)}>${t.t('pause')}</button>`
            : html`<button part="resume" ?disabled=${busy} @click=${() => this.setActive(webhook, true)}>${t.t('resume')}</button>`
        }
        <button part="ping" ?disabled=${busy || !webhook.active} @click=${() => this.ping(webhook)}>${t.t('ping')}</button>
        <button part="rotate" ?disabled=${busy} @click=${() => this.rotate(webhook)}>${t.t('rotate')}</button>
        <button part="delete" class="danger" ?disabled=${busy} @click=${() => this.deleteWebhook(webhook)}>${t.t('delete')}</button>
        <button
          part="toggle-log"
          aria-expanded=${log ? 'true' : 'false'}
          aria-controls=${logId}
          @click=${() => this.toggleLog(webhook.id)}
        >
          ${t.t(log ? 'hideLog' : 'showLog')}
        </button>
      </div>
      <div id=${logId}>
        ${
          log
            ? renderDeliveries(t, webhook, log, {
                busy,
                refresh: () => void this.loadLog(webhook.id),
                redeliver: (delivery) => void this.redeliver(delivery),
              })
            : nothing
        }
      </div>
    </li>`;
  }

  private renderForm(open: boolean): TemplateResult {
    const t = this.localize;
    const errors = this.formErrors;
    return html`<details part="add" class="add" ?open=${open}>
      <summary>${t.t('add')}</summary>
      <form novalidate @submit=${this.create}>
        <div class="field">
          <label for="url">${t.t('url')}</label>
          <input
            id="url"
            name="url"
            type="url"
            required
            autocomplete="off"
            placeholder="https://"
            aria-invalid=${errors.url ? 'true' : 'false'}
            aria-describedby="url-hint${errors.url ? ' url-error' : ''}"
          />
          <small id="url-hint" class="muted">${t.t('urlHint')}</small>
          ${errors.url ? html`<small id="url-error" class="error-text">${t.t(errors.url)}</small>` : nothing}
        </div>
        <fieldset aria-describedby=${errors.events ? 'events-error' : nothing}>
          <legend>${t.t('events')}</legend>
          ${WEBHOOK_EVENT_TYPES.map(
            (type) => html`<label class="check">
              <input type="checkbox" name="events" value=${type} checked />
              ${t.t(`event.${type}`)}
            </label>`,
          )}
          ${errors.events ? html`<small id="events-error" class="error-text">${t.t(errors.events)}</small>` : nothing}
        </fieldset>
        <div class="field">
          <label for="description">${t.t('description')}</label>
          <input id="description" name="description" maxlength="200" aria-describedby="description-hint" />
          <small id="description-hint" class="muted">${t.t('descriptionHint')}</small>
        </div>
        <button part="create" class="primary" type="submit" ?disabled=${this.busy !== null}>
          ${t.t(this.busy === 'create' ? 'creating' : 'create')}
        </button>
      </form>
    </details>`;
  }

  private renderSecret(): TemplateResult | typeof nothing {
    const t = this.localize;
    const shown = this.secret;
    if (!shown) return nothing;
    return html`<div part="secret" class="secret" role="region" aria-labelledby="secret-title">
      <h3 id="secret-title">${t.t('secretTitle', { url: shown.url })}</h3>
      <p>${t.t('secretBody')}</p>
      <div class="copy-row">
        <input id="secret-value" readonly .value=${shown.secret} aria-label=${t.t('secretLabel')} />
        <button part="copy" @click=${this.copySecret}>${t.t('copy')}</button>
      </div>
      <button part="secret-done" class="primary" @click=${() => {
        this.secret = null;
      }}>${t.t('secretDone')}</button>
    </div>`;
  }
}
