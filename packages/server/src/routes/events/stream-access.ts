import type { Kysely } from 'kysely';
import { sideIn } from '../../auth/access.js';
import type { Caller } from '../../auth/caller.js';
import type { Database } from '../../db/schema.js';
import type { DomainEvent } from '../../events/event-bus.js';
import { credentialStored, pairMembers } from './events.store.js';

/**
 * What an open stream must keep checking, since it outlives the request that checked the
 * token: that the credential still stands (a service token not revoked, a person not
 * removed, a JWT not expired), and that the caller is still in each pair whose events it
 * carries. Membership is read from the database once per pair and kept until an event of
 * that pair arrives, since every change to a pair announces itself with a `pair.*` event.
 */
export class StreamAccess {
  private readonly membership = new Map<string, boolean>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly caller: Caller,
  ) {}

  /** How long until the token expires (ms), or null when it does not. */
  msUntilExpiry(): number | null {
    return this.caller.kind === 'person' && this.caller.expiresAt !== undefined
      ? this.caller.expiresAt - Date.now()
      : null;
  }

  /** Whether the credential the stream was opened with is still good. */
  async credentialStands(): Promise<boolean> {
    const left = this.msUntilExpiry();
    if (left !== null && left <= 0) return false;
    return credentialStored(this.db, this.caller);
  }

  /** Every event the stream sees, delivered or not: a pair's own events may change who is in it. */
  saw(event: DomainEvent): void {
    if (event.type.startsWith('pair.')) this.membership.delete(event.pairId);
  }

  /**
   * Whether a member still is one, as the pair reads now (the same rule as reading the pair).
   * An admin's reach (`pair.*` events of the organisation) is not membership and is not
   * narrowed here; nor is `pair.deleted`, the last word on a pair to those it was for.
   */
  async stillIn(event: DomainEvent): Promise<boolean> {
    const named = this.caller.personId === event.mentorId || this.caller.personId === event.menteeId;
    if (!named || event.type === 'pair.deleted') return true;
    let member = this.membership.get(event.pairId);
    if (member === undefined) {
      const pair = await pairMembers(this.db, this.caller.orgId, event.pairId);
      member = pair !== undefined && sideIn(pair, this.caller) !== null;
      this.membership.set(event.pairId, member);
    }
    return member || (this.caller.isAdmin && event.type.startsWith('pair.'));
  }
}
