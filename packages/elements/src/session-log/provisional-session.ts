import type { Session, SessionUpdate } from '@rm-kit/core';
import type { Queued } from '@rm-kit/sdk';
import { loadOnce } from '../base/load-once.js';

/** Core's check of a new session (without zod): the form's validation, and the shape of a session queued offline. */
export const loadSessionSchemas = loadOnce(() => import('@rm-kit/core/checks/session'));

type SessionSchemas = Awaited<ReturnType<typeof loadSessionSchemas>>;

/** A session as the log shows it: possibly still in the outbox, possibly refused by the server. */
export type Entry = (Session & { pending?: true }) & {
  /**
   * Set when the server refused the queued write: its request id, to quote (the outbox keeps
   * none across a reload). Its message is English and for developers, so it is not shown.
   */
  failure?: { requestId?: string | undefined };
  /** The outbox entry of a queued write, so a refused one can be discarded. */
  outboxId?: string;
};

/**
 * The session a create queued offline will become: its body read through core's create
 * schema, so every default (status, format, empty lists) is the server's own.
 */
export function provisionalSession(
  schemas: SessionSchemas,
  pairId: string,
  queued: Pick<Queued<unknown>, 'id' | 'outboxId' | 'body' | 'createdAt'>,
): Entry {
  const body = schemas.sessionCreateCheck.parse(queued.body);
  return {
    ...body,
    id: queued.id,
    orgId: '',
    pairId,
    actionItems: body.actionItems.map((item, i) => ({ ...item, id: item.id ?? `new-${i}` })),
    createdAt: queued.createdAt,
    updatedAt: queued.createdAt,
    version: 1,
    pending: true,
    outboxId: queued.outboxId,
  };
}

export const isProvisional = (session: Session) => session.id.startsWith('pending_');

/**
 * A session as a change queued offline will leave it: what the log shows, badged as
 * waiting, until the server's answer replaces it. New action items get a stand-in id.
 */
export function withChanges(session: Entry, changes: SessionUpdate): Entry {
  const { actionItems, ...fields } = changes;
  return {
    ...session,
    ...fields,
    ...(actionItems
      ? {
          actionItems: actionItems.map((item, i) => ({
            ...item,
            id: item.id ?? `new-${i}`,
            done: item.done ?? false,
          })),
        }
      : {}),
  };
}
