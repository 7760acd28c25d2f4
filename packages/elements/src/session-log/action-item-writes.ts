import type { ActionItem } from '@rm-kit/sdk';
import { RmPreconditionError } from '@rm-kit/sdk/errors';
import type { LocalizeController } from '../base/localize.js';
import type { Entry } from './provisional-session.js';
import type { SessionLogKey } from './session-log.strings.js';
import type { SessionLogData } from './session-log-data.js';

/**
 * Ticking action items off and reopening them: one write after another per session, so
 * each carries the version the last one left, with a retry on the partner's newer version
 * (412). A module of its own, loaded when the browser is idle after the first page: the
 * list shows the items without it, and ticking one works offline once the page has loaded.
 */
export class ActionItemWrites {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly data: SessionLogData,
    private readonly t: LocalizeController<SessionLogKey>,
  ) {}

  toggle(session: Entry, item: ActionItem, done: boolean) {
    const previous = this.queues.get(session.id) ?? Promise.resolve();
    const next = previous.then(() => this.write(session.id, item, done));
    this.queues.set(session.id, next);
    void next.finally(() => {
      if (this.queues.get(session.id) === next) this.queues.delete(session.id);
    });
  }

  private async write(sessionId: string, item: ActionItem, done: boolean, retried = false): Promise<void> {
    const { data } = this;
    const api = data.log.client();
    const current = data.sessions.find((s) => s.id === sessionId);
    if (!api || !current) return;
    const actionItems = current.actionItems.map((i) => (i.id === item.id ? { ...i, done } : i));
    data.replace({ ...current, actionItems });
    data.notice(sessionId, undefined);
    try {
      const written = await api.sessions.update(
        { id: current.id, version: current.version },
        {
          actionItems: actionItems.map(({ id, text, owner, done: isDone }) => ({
            id,
            text,
            owner,
            done: isDone,
          })),
        },
      );
      // Queued offline: the outbox replays writes in order, each raising the version by one,
      // so the next change of this session must expect the version after this one.
      const session: Entry = written.pending
        ? { ...current, actionItems, version: written.version ?? current.version + 1, pending: true }
        : written;
      data.replace(session);
      data.log.announce(done ? 'markedDone' : 'markedNotDone', item.text);
      data.log.emitToggled({ session, itemId: item.id, done, pending: Boolean(written.pending) });
    } catch (error) {
      if (error instanceof RmPreconditionError && !retried) {
        // The partner changed the session since it was read: take theirs, then apply this tick to it.
        const fresh = await api.sessions.get(sessionId).catch(() => undefined);
        if (fresh) {
          data.replace(fresh);
          if (fresh.actionItems.some((i) => i.id === item.id)) return this.write(sessionId, item, done, true);
          return data.notice(sessionId, this.t.t('changedMeanwhile'));
        }
      }
      data.replace(current);
      data.notice(sessionId, this.t.t('toggleFailed'));
      data.log.emitError(error, 'sessions.update');
    }
  }
}
