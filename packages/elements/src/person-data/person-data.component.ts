import { Task } from '@lit/task';
import type { Person, PersonData } from '@rm-kit/core';
import { personDataFile } from '@rm-kit/sdk/person-data-file';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { confirmDialogStyles } from '../base/confirm-dialog.js';
import type { RmErrorAction } from '../base/events.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { type PersonDataKey, personDataStrings } from './person-data.strings.js';
import { personDataStyles } from './person-data.styles.js';

/** What the element offers: the caller's own download, the admin's people part, or both. */
export type PersonDataView = 'all' | 'mine' | 'people';

/** Who may be exported or erased, from the last search. */
interface Found {
  q: string;
  people: Person[];
}

/** Saves a file the way a download link does: the data is never put into the page. */
function save(blob: Blob, fileName: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}

/** Names compared as a person types them: spaces and case do not matter. */
const sameName = (typed: string, name: string) =>
  typed.trim().replace(/\s+/g, ' ').toLocaleLowerCase() ===
  name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * @tagname rm-person-data
 * @summary A person's own data: anyone downloads everything rm-kit keeps about them as a
 * JSON file, with a short account of what is in it. An admin also finds a person by name or
 * email, exports what admins may read about them as a file (saved, never shown on the page),
 * or erases them after a dialog that names the person, says what will happen, and asks for
 * their name to be typed.
 *
 * @fires rm-data-exported - A file was downloaded. detail: `{ personId, scope, fileName }` (scope `self` or `admin`)
 * @fires rm-person-erased - An admin erased a person. detail: `{ erasure }`
 * @fires rm-load - Who the viewer is finished loading. detail: `{ count, stale }` (count: 1)
 * @fires rm-error - Loading, a search, an export or an erasure failed. detail: `{ error, action: 'load' | 'people.search' | 'me.export' | 'people.export' | 'people.erase' }`
 *
 * @csspart base - Around everything once loaded.
 * @csspart mine - The viewer's own section.
 * @csspart download - The "Download my data" button.
 * @csspart people - The admin's section.
 * @csspart search - The search form.
 * @csspart person - One person found.
 * @csspart export - A person's "Export" button.
 * @csspart erase - A person's "Erase" button.
 * @csspart dialog - The erasure dialog.
 * @csspart confirm - The dialog's erasing button.
 * @csspart result - What the last export or erasure did.
 * @csspart status - The confirmation line, read out politely.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message.
 * @csspart retry - The "Try again" button of the error message.
 *
 * @cssprop --rm-color-accent - Buttons and focus.
 * @cssprop --rm-color-danger - The erase buttons.
 * @cssprop --rm-color-surface - Background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Explanations.
 * @cssprop --rm-color-border - Borders.
 * @cssprop --rm-radius - Corner radius.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmPersonData extends RmElement {
  static override styles = [baseStyles, confirmDialogStyles, personDataStyles];

  /** `all` (default): the viewer's download, and the people part for an admin; `mine` or `people` for one of them. */
  @property({ reflect: true }) view: PersonDataView = 'all';

  @state() private busy: string | null = null;
  @state() private found: Found | null = null;
  @state() private result: { text: string; failed: boolean } | null = null;
  @state() private erasing: Person | null = null;
  @state() private typed = '';

  private readonly localize = new LocalizeController(this, personDataStrings);
  private readonly announcer = new AnnouncerController(this);
  private readonly me = new Task(this, {
    args: () => [this.api] as const,
    task: ([api], { signal }) => (api ? api.me.get({ signal }) : null),
    onComplete: (me) => {
      if (me) this.emit('rm-load', { count: 1, stale: false });
    },
    onError: (error) => this.emit('rm-error', { error: toError(error), action: 'load' }),
  });

  protected override render() {
    const t = this.localize;
    if (!this.api) return noClientState(t);
    return this.me.render({
      pending: () => loadingState(t, 2),
      error: (error) => errorState(t, error, () => void this.me.run()),
      complete: (me) => {
        if (!me) return loadingState(t, 2);
        const mine = this.view !== 'people' && me.person;
        const people =
          this.view !== 'mine' && me.roles.some((role) => role === 'admin' || role === 'service');
        if (!mine && !people) {
          return html`<p part="error" class="error-text" role="alert">${t.t('forbidden')}</p>`;
        }
        return html`<div part="base" class="base">
          ${mine ? this.renderMine() : nothing} ${people ? this.renderPeople() : nothing}
          ${
            this.result
              ? html`<p
                part="result"
                class=${this.result.failed ? 'result error-text' : 'result'}
                role=${this.result.failed ? 'alert' : nothing}
                tabindex="-1"
              >
                ${this.result.text}
              </p>`
              : nothing
          }
          ${this.announcer.render()} ${this.renderDialog()}
        </div>`;
      },
    });
  }

  private renderMine(): TemplateResult {
    const t = this.localize;
    return html`<section part="mine" aria-labelledby="mine-title">
      <h2 id="mine-title">${t.t('mineTitle')}</h2>
      <p class="muted">${t.t('mineIntro')}</p>
      <button part="download" class="primary" ?disabled=${this.busy !== null} @click=${() => this.downloadMine()}>
        ${this.busy === 'me' ? t.t('downloading') : t.t('download')}
      </button>
    </section>`;
  }

  private renderPeople(): TemplateResult {
    const t = this.localize;
    const found = this.found;
    return html`<section part="people" aria-labelledby="people-title">
      <h2 id="people-title">${t.t('peopleTitle')}</h2>
      <p class="muted">${t.t('peopleIntro')}</p>
      <form part="search" class="search" role="search" @submit=${this.search}>
        <label for="q">${t.t('searchLabel')}</label>
        <div class="row">
          <input id="q" name="q" type="search" required maxlength="120" autocomplete="off" />
          <button type="submit" ?disabled=${this.busy !== null}>
            ${this.busy === 'search' ? t.t('searching') : t.t('search')}
          </button>
        </div>
      </form>
      ${
        found && found.people.length === 0
          ? html`<p class="muted" role="status">${t.t('noMatch', { q: found.q })}</p>`
          : nothing
      }
      ${
        found && found.people.length > 0
          ? html`<ul class="people" aria-label=${t.t('peopleTitle')}>
              ${found.people.map((person) => this.renderPerson(person))}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private renderPerson(person: Person): TemplateResult {
    const t = this.localize;
    const name = person.displayName;
    return html`<li part="person" class="person">
      <div class="who">
        <span class="name">${name}</span>
        <span class="muted">${[person.department, person.email].filter(Boolean).join(' · ')}</span>
      </div>
      <div class="actions">
        <button
          part="export"
          aria-label=${t.t('exportLabel', { name })}
          ?disabled=${this.busy !== null}
          @click=${() => this.exportPerson(person)}
        >
          ${this.busy === `export:${person.id}` ? t.t('exporting') : t.t('export')}
        </button>
        <button
          part="erase"
          class="danger"
          aria-label=${t.t('eraseLabel', { name })}
          ?disabled=${this.busy !== null}
          @click=${(event: Event) => this.askErase(person, event.currentTarget as HTMLElement)}
        >
          ${t.t('erase')}
        </button>
      </div>
    </li>`;
  }

  private renderDialog(): TemplateResult | typeof nothing {
    const person = this.erasing;
    if (!person) return nothing;
    const t = this.localize;
    const name = person.displayName;
    const matches = sameName(this.typed, name);
    return html`<dialog
      part="dialog"
      class="confirm-dialog"
      aria-labelledby="erase-title"
      aria-describedby="erase-body"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.closeDialog();
      }}
    >
      <form method="dialog" @submit=${(event: Event) => this.erase(event, person)}>
        <h2 id="erase-title">${t.t('erase.title', { name })}</h2>
        <p id="erase-body">${t.t('erase.body')}</p>
        <label for="typed">${t.t('erase.type', { name })}</label>
        <input
          id="typed"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="typed-hint"
          .value=${this.typed}
          @input=${(event: Event) => {
            this.typed = (event.target as HTMLInputElement).value;
          }}
        />
        <p id="typed-hint" class="muted hint" aria-live="polite">
          ${this.typed && !matches ? t.t('erase.mismatch') : nothing}
        </p>
        <div class="dialog-actions">
          <button type="button" class="keep" @click=${() => this.closeDialog()}>${t.t('erase.keep')}</button>
          <button type="submit" part="confirm" class="danger" ?disabled=${!matches || this.busy !== null}>
            ${this.busy === 'erase' ? t.t('erasing') : t.t('erase.confirm')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  /** Runs one action at a time, saying how it went where the buttons are; false if it failed. */
  private async act(busy: string, action: RmErrorAction, failure: PersonDataKey, run: () => Promise<string>) {
    this.busy = busy;
    this.result = null;
    try {
      const text = await run();
      this.result = { text, failed: false };
      void this.announcer.announce(text);
      return true;
    } catch (error) {
      this.result = { text: this.localize.t(failure), failed: true };
      this.emit('rm-error', { error: toError(error), action });
      return false;
    } finally {
      this.busy = null;
    }
  }

  private saveData(data: PersonData) {
    const { blob, fileName } = personDataFile(data);
    save(blob, fileName);
    this.emit('rm-data-exported', { personId: data.person.id, scope: data.scope, fileName });
    return fileName;
  }

  private async downloadMine() {
    const api = this.api;
    if (!api) return;
    await this.act('me', 'me.export', 'exportFailed', async () =>
      this.localize.t('downloaded', { file: this.saveData(await api.me.export()) }),
    );
  }

  private async exportPerson(person: Person) {
    const api = this.api;
    if (!api) return;
    await this.act(`export:${person.id}`, 'people.export', 'exportFailed', async () =>
      this.localize.t('exported', {
        name: person.displayName,
        file: this.saveData(await api.people.export(person.id)),
      }),
    );
  }

  private search = async (event: SubmitEvent) => {
    event.preventDefault();
    const api = this.api;
    const q = new FormData(event.target as HTMLFormElement).get('q')?.toString().trim() ?? '';
    if (!api || !q) return;
    this.busy = 'search';
    this.result = null;
    try {
      const page = await api.people.page({ q, limit: 20 });
      this.found = { q, people: page.items };
    } catch (error) {
      this.found = null;
      this.result = { text: this.localize.t('failed'), failed: true };
      this.emit('rm-error', { error: toError(error), action: 'people.search' });
    } finally {
      this.busy = null;
    }
  };

  /** The button that opened the dialog, for focus to go back to. */
  private opener: HTMLElement | null = null;

  private async askErase(person: Person, opener: HTMLElement) {
    this.opener = opener;
    this.erasing = person;
    this.typed = '';
    this.result = null;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog');
    dialog?.showModal();
    dialog?.querySelector<HTMLInputElement>('#typed')?.focus();
  }

  private closeDialog() {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
    this.erasing = null;
    this.typed = '';
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected) opener.focus();
  }

  private async erase(event: Event, person: Person) {
    event.preventDefault();
    const api = this.api;
    if (!api || !sameName(this.typed, person.displayName)) return;
    this.closeDialog();
    const done = await this.act('erase', 'people.erase', 'eraseFailed', async () => {
      const erasure = await api.people.erase(person.id);
      this.emit('rm-person-erased', { erasure });
      const { privateNotes, feedbackTexts, enrollmentMotivations } = erasure.removed;
      return this.localize.t('erased', {
        name: person.displayName,
        notes: privateNotes,
        answers: feedbackTexts,
        motivations: enrollmentMotivations,
      });
    });
    if (done && this.found) {
      this.found = { ...this.found, people: this.found.people.filter((p) => p.id !== person.id) };
    }
    // The erased person's buttons are gone: the result line is where the keyboard goes on.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="result"]')?.focus();
  }
}
