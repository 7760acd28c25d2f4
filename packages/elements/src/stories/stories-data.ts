import { initialState, Task } from '@lit/task';
import type { PairRole, SharedStory, Story } from '@rm-kit/core';
import { isStale, type RmClient, staleSince } from '@rm-kit/sdk';
import type { ReactiveControllerHost } from 'lit';
import { ClientEventsController } from '../base/client-events.js';

/** The organisation's stories: the published ones, and for an admin those waiting for approval. */
export interface OrgView {
  kind: 'org';
  published: SharedStory[];
  /** Null for anyone but an admin, who approves. */
  queue: SharedStory[] | null;
  staleSince: Date | null;
}

/** One pair's stories, as one of its members reads them. */
export interface PairView {
  kind: 'pair';
  pairId: string;
  stories: Story[];
  /** The viewer's side, and both people's names (the quote's author is picked by name). */
  side: PairRole;
  names: Record<PairRole, string>;
  staleSince: Date | null;
}

export type StoriesView = OrgView | PairView;

const staleOf = (...values: unknown[]): Date | null =>
  values.map((value) => (isStale(value) ? staleSince(value) : null)).find((date) => date) ?? null;

/**
 * The stories' data: loaded together with a Task's loading and error states; a story
 * replaced in place by the server's answer to a write; everything read again once a write
 * queued offline reaches the server.
 */
export class StoriesData {
  readonly task: Task<readonly [RmClient | undefined, string, number], StoriesView>;
  /** The view as shown now: what was loaded, with the answers of later writes in it. */
  view: StoriesView | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: {
      client(): RmClient | undefined;
      pairId(): string;
      limit(): number;
      loaded(view: StoriesView): void;
      failed(error: unknown): void;
    },
  ) {
    this.task = new Task(host, {
      args: () => [options.client(), options.pairId(), options.limit()] as const,
      task: async ([api, pairId, limit], { signal }) => {
        if (!api) return initialState;
        // Another pair, or the organisation instead of a pair: the old stories go while the new load.
        if (this.view && (this.view.kind === 'pair') !== Boolean(pairId)) this.view = undefined;
        if (this.view?.kind === 'pair' && this.view.pairId !== pairId) this.view = undefined;
        return pairId ? this.loadPair(api, pairId, signal) : this.loadOrg(api, limit, signal);
      },
      onComplete: (view) => {
        this.view = view;
        options.loaded(view);
      },
      onError: (error) => options.failed(error),
    });
    new ClientEventsController(host, () => options.client(), {
      synced: (write) => {
        if (write.operation.startsWith('stories.')) void this.task.run();
      },
    });
  }

  private async loadOrg(api: RmClient, limit: number, signal: AbortSignal): Promise<OrgView> {
    const [published, me] = await Promise.all([
      api.stories.page({ limit }, { signal }),
      api.me.get({ signal }).catch(() => null),
    ]);
    const queue = me?.roles.includes('admin')
      ? await api.stories.page({ status: 'awaiting-approval', limit: 100 }, { signal })
      : null;
    return {
      kind: 'org',
      published: published.items,
      queue: queue?.items ?? null,
      staleSince: staleOf(published, queue),
    };
  }

  private async loadPair(api: RmClient, pairId: string, signal: AbortSignal): Promise<PairView> {
    const [pair, me, stories] = await Promise.all([
      api.pairs.get(pairId, { signal }),
      api.me.get({ signal }),
      api.stories.ofPair.page(pairId, { limit: 100 }, { signal }),
    ]);
    const side: PairRole = me.person?.id === pair.mentorId ? 'mentor' : 'mentee';
    const partnerId = side === 'mentor' ? pair.menteeId : pair.mentorId;
    const partner = await api.people.get(partnerId, { signal });
    const own = me.person?.displayName ?? '';
    return {
      kind: 'pair',
      pairId,
      stories: stories.items,
      side,
      names:
        side === 'mentor'
          ? { mentor: own, mentee: partner.displayName }
          : { mentor: partner.displayName, mentee: own },
      staleSince: staleOf(pair, stories, partner),
    };
  }

  /** Puts the server's answer to a write in place of the story it changed (or first, when new). */
  replace(story: Story): void {
    const view = this.view;
    if (view?.kind !== 'pair') return;
    const others = view.stories.filter((s) => s.id !== story.id);
    const at = view.stories.findIndex((s) => s.id === story.id);
    const stories = at < 0 ? [story, ...others] : view.stories.map((s) => (s.id === story.id ? story : s));
    this.view = { ...view, stories };
    this.host.requestUpdate();
  }

  /** An admin's approval or return: the story leaves the queue; an approved one leads the published list. */
  reviewed(story: SharedStory): void {
    const view = this.view;
    if (view?.kind !== 'org') return;
    const published = view.published.filter((s) => s.id !== story.id);
    this.view = {
      ...view,
      queue: view.queue?.filter((s) => s.id !== story.id) ?? null,
      published: story.status === 'published' ? [story, ...published] : published,
    };
    this.host.requestUpdate();
  }
}
