import { TaskStatus } from '@lit/task';
import type { PairRole, SharedStory, Story, StoryCreate } from '@rm-kit/core';
import { LOCALES, STORY_LIMITS } from '@rm-kit/core/vocabulary';
import type { Written } from '@rm-kit/sdk';
import { RmPreconditionError } from '@rm-kit/sdk/errors';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AnnouncerController } from '../base/announcer.js';
import { baseStyles } from '../base/base.styles.js';
import { ConfirmDialogController, confirmDialogStyles } from '../base/confirm-dialog.js';
import type { StoryChange } from '../base/events.js';
import { languageName } from '../base/language-name.js';
import { LocalizeController } from '../base/localize.js';
import { RmElement } from '../base/rm-element.js';
import { errorState, loadingState, noClientState } from '../base/states.js';
import { toError } from '../base/to-error.js';
import { type StoriesKey, storiesStrings } from './stories.strings.js';
import { storiesStyles } from './stories.styles.js';
import { type OrgView, type PairView, StoriesData } from './stories-data.js';
import { renderStory } from './story-view.js';

const other = (side: PairRole): PairRole => (side === 'mentor' ? 'mentee' : 'mentor');

/**
 * @tagname rm-stories
 * @summary Success stories: what changed for a pair, published once both sides agree and an
 * admin approves.
 *
 * Without `pair-id` it shows the organisation's published stories, newest first, for an
 * intranet home page; an admin also sees the stories waiting for approval (both sides
 * agreed), each with "Approve and publish" (asked once more in a dialog) and "Return with a
 * note", and may take a published story down with a note. With `pair-id` it shows that
 * pair's stories to its two members: write and edit one, agree to publish it or withdraw the
 * agreement, and see whether the other person agreed and where the approval stands. A change
 * withdraws the other person's agreement, and the form says so before saving.
 *
 * @fires rm-load - The stories finished loading. detail: `{ count, stale }`
 * @fires rm-story-changed - A story was written, edited, agreed to, withdrawn, approved or returned, or the write was queued offline. detail: `{ storyId, status, change, pending }`
 * @fires rm-error - Loading or a write failed. detail: `{ error, action: 'load' | 'stories.create' | 'stories.update' | 'stories.agree' | 'stories.withdrawAgreement' | 'stories.approve' | 'stories.return' }`
 *
 * @csspart list - The list of stories (also `queue` for those waiting for approval).
 * @csspart story - One story; `title`, `people`, `text` and `quote` its parts.
 * @csspart badge - The status and role badges (also `status`, `role`).
 * @csspart agreement - Who agreed to publish a pair's story.
 * @csspart note - An admin's note on a returned story.
 * @csspart actions - A story's buttons.
 * @csspart form - The form to write or edit a story, or an admin's note.
 * @csspart heading - The admin's section headings.
 * @csspart dialog - The dialog before publishing or withdrawing; `confirm` its confirming button.
 * @csspart notice - The offline notice.
 * @csspart status - The confirmation line, shown for a few seconds and read out politely.
 * @csspart empty - The sentence shown when there is no story.
 * @csspart loading - The skeleton while loading.
 * @csspart error - The error message; `retry` its "Try again" button.
 *
 * @cssprop --rm-color-accent - Buttons and the quote's rule.
 * @cssprop --rm-color-surface - The cards' background.
 * @cssprop --rm-color-text - Text.
 * @cssprop --rm-color-muted - Secondary text.
 * @cssprop --rm-color-border - Borders.
 * @cssprop --rm-color-subtle - Badges.
 * @cssprop --rm-radius - Corner radius of the cards.
 * @cssprop --rm-space - Padding and gaps.
 */
export class RmStories extends RmElement {
  static override styles = [baseStyles, confirmDialogStyles, storiesStyles];

  /** The pair whose stories to show and write (`par_…`); without it, the organisation's published stories. */
  @property({ attribute: 'pair-id' }) pairId = '';

  /** How many published stories to show, newest first (1-100). */
  @property({ type: Number }) limit = 10;

  /** The story whose form is open: a new one, one being edited, or none. */
  @state() private editing: 'new' | Story | null = null;
  /** The story an admin is writing a return note for. */
  @state() private returning: string | null = null;
  /** The story a write is on its way for ('form' for the form). */
  @state() private busy: string | null = null;
  @state() private formError = '';

  private readonly localize = new LocalizeController(this, storiesStrings);
  private readonly announcer = new AnnouncerController(this);
  private readonly confirm = new ConfirmDialogController(this);
  private readonly data = new StoriesData(this, {
    client: () => this.api,
    pairId: () => this.pairId,
    limit: () => Math.min(100, Math.max(1, this.limit || 10)),
    loaded: (view) =>
      this.emit('rm-load', {
        count: view.kind === 'org' ? view.published.length : view.stories.length,
        stale: view.staleSince !== null,
      }),
    failed: (error) => this.emit('rm-error', { error: toError(error), action: 'load' }),
  });

  private t(key: StoriesKey, values?: Record<string, string | number>) {
    return this.localize.t(key, values);
  }

  protected override render() {
    if (!this.api) return noClientState(this.localize);
    const task = this.data.task;
    const view = this.data.view;
    if (task.status === TaskStatus.ERROR) return errorState(this.localize, task.error, () => void task.run());
    if (!view) return loadingState(this.localize);
    return html`${view.staleSince ? this.renderOffline(view.staleSince) : nothing}
      ${view.kind === 'org' ? this.renderOrg(view) : this.renderPair(view)} ${this.announcer.render()}
      ${this.confirm.render()}`;
  }

  private renderOffline(since: Date): TemplateResult {
    return html`<div part="notice" class="notice" role="status">
      <p>${this.t('offline')}</p>
      <p class="muted"><small>${this.t('stale', { when: this.localize.dateTime(since) })}</small></p>
    </div>`;
  }

  // The organisation's stories, and an admin's queue.

  private renderOrg(view: OrgView): TemplateResult {
    const published = view.published.length
      ? html`<ul part="list" class="list" role="list" aria-label=${this.t('listLabel')}>
          ${view.published.map((story) => this.renderShared(story, view.queue !== null))}
        </ul>`
      : html`<p part="empty" class="muted">${this.t('empty')}</p>`;
    if (view.queue === null) return published;
    return html`<h2 part="heading" id="queue-heading" class="heading" tabindex="-1">${this.t('queueHeading')}</h2>
      ${
        view.queue.length
          ? html`<ul part="list queue" class="list" role="list" aria-labelledby="queue-heading">
            ${view.queue.map((story) => this.renderShared(story, true))}
          </ul>`
          : html`<p part="empty" class="muted">${this.t('queueEmpty')}</p>`
      }
      <h2 part="heading" class="heading">${this.t('publishedHeading')}</h2>
      ${published}`;
  }

  private renderShared(story: SharedStory, admin: boolean): TemplateResult {
    const heading = `story-${story.id}`;
    return html`<li>
      <article part="story" class="story surface" aria-labelledby=${heading}>
        ${renderStory(this.localize, story, heading)} ${admin ? this.renderReview(story) : nothing}
      </article>
    </li>`;
  }

  private renderReview(story: SharedStory): TemplateResult {
    const busy = this.busy === story.id;
    if (this.returning === story.id) {
      const names = { mentor: story.mentor.displayName, mentee: story.mentee.displayName };
      return html`<form
        part="form"
        class="form note-form"
        @submit=${(event: Event) => {
          event.preventDefault();
          const note = (event.target as HTMLFormElement).elements.namedItem('note') as HTMLTextAreaElement;
          void this.returnStory(story, note.value);
        }}
      >
        <label for="note-${story.id}">${this.t('noteLabel', names)}</label>
        <textarea
          id="note-${story.id}"
          name="note"
          required
          rows="3"
          maxlength=${STORY_LIMITS.note}
          aria-describedby="note-hint-${story.id}"
        ></textarea>
        <p id="note-hint-${story.id}" class="muted"><small>${this.t('noteHint')}</small></p>
        <div part="actions" class="actions">
          <button type="submit" class="primary" ?disabled=${busy}>${this.t('sendReturn')}</button>
          <button type="button" @click=${() => this.closeNote(story.id)}>${this.t('cancel')}</button>
        </div>
      </form>`;
    }
    const waiting = story.status === 'awaiting-approval';
    return html`<div part="actions" class="actions">
      ${
        waiting
          ? html`<button class="primary approve" ?disabled=${busy} @click=${() => void this.approve(story)}>
            ${this.t('approve')}
          </button>`
          : nothing
      }
      <button class="return" ?disabled=${busy} @click=${() => this.openNote(story.id)}>
        ${this.t(waiting ? 'returnStory' : 'takeDown')}
      </button>
    </div>`;
  }

  private async openNote(storyId: string) {
    this.returning = storyId;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>(`#note-${storyId}`)?.focus();
  }

  private async closeNote(storyId: string) {
    this.returning = null;
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLButtonElement>(`[aria-labelledby="story-${storyId}"] button.return`)
      ?.focus();
  }

  private async approve(story: SharedStory) {
    const yes = await this.confirm.ask({
      title: this.t('approveTitle'),
      body: this.t('approveBody', { mentor: story.mentor.displayName, mentee: story.mentee.displayName }),
      keep: this.t('notNow'),
      confirm: this.t('approve'),
    });
    if (!yes) return;
    await this.write(story.id, 'stories.approve', 'approved', () => this.api?.stories.approve(story));
  }

  private async returnStory(story: SharedStory, note: string) {
    if (!note.trim()) return;
    await this.write(story.id, 'stories.return', 'returned', () =>
      this.api?.stories.return(story, note.trim()),
    );
  }

  // A pair's own stories.

  private renderPair(view: PairView): TemplateResult {
    return html`<div class="pair">
      ${
        this.editing === 'new'
          ? this.renderForm(view, null)
          : html`<button class="primary write" @click=${() => void this.openForm('new')}>${this.t('write')}</button>`
      }
      ${
        view.stories.length
          ? html`<ul part="list" class="list" role="list" aria-label=${this.t('pairLabel')}>
            ${view.stories.map((story) => this.renderOwn(view, story))}
          </ul>`
          : this.editing === 'new'
            ? nothing
            : html`<p part="empty" class="muted">${this.t('pairEmpty')}</p>`
      }
      <p class="muted privacy"><small>${this.t('privacy')}</small></p>
    </div>`;
  }

  private renderOwn(view: PairView, story: Story): TemplateResult {
    const heading = `story-${story.id}`;
    if (this.editing !== null && this.editing !== 'new' && this.editing.id === story.id) {
      return html`<li><article part="story" class="story surface">${this.renderForm(view, story)}</article></li>`;
    }
    const partner = view.names[other(view.side)];
    const mine = story.agreedAt[view.side] !== null;
    const theirs = story.agreedAt[other(view.side)] !== null;
    const status = this.t(`status.${story.status}`);
    const busy = this.busy === story.id;
    return html`<li>
      <article part="story" class="story surface" aria-labelledby=${heading}>
        <span part="badge status" class="badge status ${story.status}">
          <span class="visually-hidden">${this.t('statusLabel', { status })}</span><span aria-hidden="true">${status}</span>
        </span>
        ${renderStory(this.localize, story, heading)}
        ${
          story.status === 'returned' && story.returnNote
            ? html`<p part="note" class="note">${this.t('returnNote', { note: story.returnNote })}</p>`
            : nothing
        }
        <ul part="agreement" class="agreement" role="list">
          <li class=${mine ? 'yes' : 'no'}>${this.t(mine ? 'youAgreed' : 'youNotAgreed')}</li>
          <li class=${theirs ? 'yes' : 'no'}>
            ${this.t(theirs ? 'partnerAgreed' : 'partnerNotAgreed', { name: partner })}
          </li>
        </ul>
        <div part="actions" class="actions">
          ${
            mine
              ? html`<button class="withdraw" ?disabled=${busy} @click=${() => void this.withdraw(story)}>
                ${this.t('withdraw')}
              </button>`
              : html`<button class="primary agree" ?disabled=${busy} @click=${() => void this.agree(story)}>
                ${this.t('agree')}
              </button>`
          }
          <button class="edit" ?disabled=${busy} @click=${() => void this.openForm(story)}>${this.t('edit')}</button>
        </div>
      </article>
    </li>`;
  }

  private renderForm(view: PairView, story: Story | null): TemplateResult {
    const partner = view.names[other(view.side)];
    const language = story?.language ?? this.localize.locale;
    const quoteBy = story?.quote?.by ?? 'mentee';
    const busy = this.busy === 'form';
    const id = (name: string) => `${name}-${story?.id ?? 'new'}`;
    return html`<form part="form" class="form" novalidate @submit=${(event: Event) => this.onSubmit(event, story)}>
      <h3 class="form-heading" id=${id('form')}>${this.t(story ? 'editHeading' : 'newHeading')}</h3>
      ${
        story && story.agreedAt[other(view.side)] !== null
          ? html`<p class="warning" role="note">${this.t('editWarning', { name: partner })}</p>`
          : nothing
      }
      <label for=${id('title')}>${this.t('titleLabel')}</label>
      <input id=${id('title')} name="title" required maxlength=${STORY_LIMITS.title} .value=${story?.title ?? ''} />
      <label for=${id('text')}>${this.t('textLabel')}</label>
      <textarea
        id=${id('text')}
        name="text"
        required
        rows="6"
        maxlength=${STORY_LIMITS.text}
        aria-describedby=${id('text-hint')}
        .value=${story?.text ?? ''}
      ></textarea>
      <p id=${id('text-hint')} class="muted"><small>${this.t('maxChars', { max: STORY_LIMITS.text })}</small></p>
      <label for=${id('language')}>${this.t('languageLabel')}</label>
      <select id=${id('language')} name="language">
        ${LOCALES.map(
          (tag) =>
            html`<option value=${tag} ?selected=${tag === language}>${languageName(tag, this.localize.locale)}</option>`,
        )}
      </select>
      <label for=${id('quote')}>${this.t('quoteLabel')}</label>
      <textarea id=${id('quote')} name="quote" rows="2" maxlength=${STORY_LIMITS.quote} .value=${story?.quote?.text ?? ''}></textarea>
      <label for=${id('by')}>${this.t('quoteByLabel')}</label>
      <select id=${id('by')} name="by">
        ${(['mentor', 'mentee'] as const).map(
          (side) => html`<option value=${side} ?selected=${side === quoteBy}>
            ${side === view.side ? this.t('you', { name: view.names[side] }) : view.names[side]}
          </option>`,
        )}
      </select>
      ${this.formError ? html`<p class="error-text" role="alert">${this.formError}</p>` : nothing}
      <div part="actions" class="actions">
        <button type="submit" class="primary" ?disabled=${busy}>${this.t(busy ? 'saving' : 'save')}</button>
        <button type="button" @click=${() => void this.closeForm(story)}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }

  private async openForm(story: 'new' | Story) {
    this.editing = story;
    this.formError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('form.form input[name="title"]')?.focus();
  }

  private async closeForm(story: Story | null) {
    this.editing = null;
    this.formError = '';
    await this.updateComplete;
    const target = story ? `#story-${story.id}` : 'button.write';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private onSubmit(event: Event, story: Story | null) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) =>
      ((form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '').trim();
    const body: StoryCreate = {
      title: value('title'),
      text: value('text'),
      language: value('language') === 'it' ? 'it' : 'en',
      quote: value('quote')
        ? { text: value('quote'), by: value('by') === 'mentor' ? 'mentor' : 'mentee' }
        : null,
    };
    if (!body.title || !body.text) {
      this.formError = this.t('required');
      form.querySelector<HTMLElement>(body.title ? 'textarea[name="text"]' : 'input[name="title"]')?.focus();
      return;
    }
    this.formError = '';
    const pairId = this.pairId;
    void this.write(
      'form',
      story ? 'stories.update' : 'stories.create',
      story ? 'edited' : 'written',
      () => (story ? this.api?.stories.update(story, body) : this.api?.stories.create(pairId, body)),
      () => {
        this.editing = null;
      },
    );
  }

  private async agree(story: Story) {
    await this.write(story.id, 'stories.agree', 'agreed', () => this.api?.stories.agree(story));
  }

  private async withdraw(story: Story) {
    const yes = await this.confirm.ask({
      title: this.t('withdrawTitle'),
      body: this.t(story.status === 'published' ? 'withdrawBodyPublished' : 'withdrawBody'),
      keep: this.t('notNow'),
      confirm: this.t('withdraw'),
      danger: true,
    });
    if (!yes) return;
    await this.write(story.id, 'stories.withdrawAgreement', 'withdrawn', () =>
      this.api?.stories.withdrawAgreement(story),
    );
  }

  /**
   * Sends one write and shows its outcome: the server's story in place (or out of the
   * queue), a confirmation, focus on the story; the offline notice when it was queued; a
   * reload when the story changed meanwhile (412); the failure otherwise.
   */
  private async write(
    busyFor: string,
    action:
      | 'stories.create'
      | 'stories.update'
      | 'stories.agree'
      | 'stories.withdrawAgreement'
      | 'stories.approve'
      | 'stories.return',
    change: StoryChange,
    send: () => Promise<Written<Story | SharedStory, unknown>> | undefined,
    done?: () => void,
  ) {
    this.busy = busyFor;
    try {
      const written = await send();
      if (!written) return;
      done?.();
      if (written.pending) {
        this.emit('rm-story-changed', { storyId: written.id, status: 'draft', change, pending: true });
        void this.announcer.announce(this.t('queued'));
        return;
      }
      this.emit('rm-story-changed', { storyId: written.id, status: written.status, change, pending: false });
      if ('pairId' in written) this.data.replace(written);
      else this.data.reviewed(written);
      this.returning = null;
      const words: Record<StoryChange, StoriesKey> = {
        written: 'saved',
        edited: 'saved',
        agreed: 'agreedDone',
        withdrawn: 'withdrawnDone',
        approved: 'approved',
        returned: 'returned',
      };
      void this.announcer.announce(this.t(words[change]));
      await this.updateComplete;
      const heading = 'pairId' in written ? `#story-${written.id}` : '#queue-heading';
      this.renderRoot.querySelector<HTMLElement>(heading)?.focus();
    } catch (error) {
      this.emit('rm-error', { error: toError(error), action });
      if (error instanceof RmPreconditionError) {
        this.editing = null;
        void this.announcer.announce(this.t('changedMeanwhile'));
        void this.data.task.run();
      } else if (busyFor === 'form') {
        this.formError = this.t('actionFailed');
      } else {
        void this.announcer.announce(this.t('actionFailed'));
      }
    } finally {
      this.busy = null;
    }
  }
}
