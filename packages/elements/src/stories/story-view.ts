import type { PairRole, SharedStory } from '@rm-kit/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../base/localize.js';
import type { StoriesKey } from './stories.strings.js';

type T = LocalizeController<StoriesKey>;
const SIDES: PairRole[] = ['mentor', 'mentee'];

/**
 * What every story shows, wherever it is: its title, the two people with their titles, its
 * text and quote, in the language it is written in (`lang`), so a screen reader reads an
 * Italian story in Italian on an English page.
 */
export function renderStory(t: T, story: SharedStory, headingId: string): TemplateResult {
  const quote = story.quote;
  return html`<div class="story-body" lang=${story.language}>
    <h3 id=${headingId} part="title" class="title" tabindex="-1">${story.title}</h3>
    <ul part="people" class="people" role="list" aria-label=${t.t('people')}>
      ${SIDES.map(
        (side) => html`<li class="person">
          <span class="name">${story[side].displayName}</span>
          <span part="badge role" class="badge role ${side}">${t.t(side === 'mentor' ? 'mentorRole' : 'menteeRole')}</span>
          ${story[side].title ? html`<span class="job muted">${story[side].title}</span>` : nothing}
        </li>`,
      )}
    </ul>
    <p part="text" class="text">${story.text}</p>
    ${
      quote
        ? html`<figure part="quote" class="quote">
          <blockquote><p>${quote.text}</p></blockquote>
          <figcaption>— ${story[quote.by].displayName}</figcaption>
        </figure>`
        : nothing
    }
    ${
      story.publishedAt
        ? html`<p class="muted published-on"><small>${t.t('publishedOn', { date: t.date(story.publishedAt) })}</small></p>`
        : nothing
    }
  </div>`;
}
