import type { SessionUpdate } from '@rm-kit/core';
import type { RmClient } from '@rm-kit/sdk';
import { RmNotFoundError, RmPreconditionError } from '@rm-kit/sdk/errors';
import { type Entry, withChanges } from './provisional-session.js';
import type { SessionLogData } from './session-log-data.js';

/**
 * How a change of a session went: `saved` by the server, `queued` in the outbox (shown as
 * waiting), `conflict` (the other person changed it first: `session` is their version, now
 * shown), `gone` (deleted meanwhile), or `failed`.
 */
export type SessionWrite =
  | { outcome: 'saved'; session: Entry }
  | { outcome: 'queued'; session: Entry }
  | { outcome: 'conflict'; session: Entry }
  | { outcome: 'gone' }
  | { outcome: 'failed'; error: unknown };

/** The other person's name, when the log could read it, for "Marco changed this session meanwhile". */
export function otherName(data: SessionLogData): string | undefined {
  const role = data.viewer?.role;
  return role && data.memberNames[role === 'mentor' ? 'mentee' : 'mentor'];
}

/** A 412 or 404 on a change: read the session as it is now and show that. */
async function refused(
  api: RmClient,
  data: SessionLogData,
  id: string,
  error: unknown,
): Promise<SessionWrite> {
  if (error instanceof RmNotFoundError) {
    data.remove(id);
    return { outcome: 'gone' };
  }
  if (error instanceof RmPreconditionError) {
    try {
      const current = await api.sessions.get(id);
      data.add(current);
      return { outcome: 'conflict', session: current };
    } catch (reread) {
      if (reread instanceof RmNotFoundError) return refused(api, data, id, reread);
    }
  }
  return { outcome: 'failed', error };
}

/**
 * Changes a session, expecting the version the log shows (If-Match), and shows the result
 * in the log: the server's session, or, offline, the change as waiting to be sent.
 */
export async function changeSession(
  api: RmClient,
  data: SessionLogData,
  session: Entry,
  changes: SessionUpdate,
): Promise<SessionWrite> {
  try {
    const written = await api.sessions.update({ id: session.id, version: session.version }, changes);
    if (!written.pending) {
      data.add(written);
      return { outcome: 'saved', session: written };
    }
    const queued: Entry = {
      ...withChanges(session, changes),
      version: written.version ?? session.version + 1,
      pending: true,
      outboxId: written.outboxId,
    };
    data.add(queued);
    return { outcome: 'queued', session: queued };
  } catch (error) {
    return refused(api, data, session.id, error);
  }
}

/** Deletes a session for both sides (If-Match its version); offline, the deletion waits in the outbox. */
export async function deleteSession(
  api: RmClient,
  data: SessionLogData,
  session: Entry,
): Promise<SessionWrite> {
  try {
    await api.sessions.remove({ id: session.id, version: session.version });
    const waiting = (await api.pendingWrites('sessions.remove')).some(
      (entry) => entry.write.id === session.id,
    );
    if (waiting) data.removing.add(session.id);
    data.remove(session.id);
    return { outcome: waiting ? 'queued' : 'saved', session };
  } catch (error) {
    return refused(api, data, session.id, error);
  }
}
