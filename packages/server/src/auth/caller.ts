/** Who is making a request, once their token has been checked. */
export type Caller =
  | {
      kind: 'person';
      orgId: string;
      personId: string;
      isAdmin: boolean;
      /** When the token stops being valid (its `exp`, in ms): a stream opened with it ends then. */
      expiresAt?: number;
    }
  | {
      /** A script or another server. Acts for its organisation with an admin's reach, but is nobody's partner. */
      kind: 'service';
      orgId: string;
      personId: null;
      isAdmin: true;
      tokenId: string;
    };

/** The key that rate limits and idempotency keys are scoped to. */
export function callerKey(caller: Caller): string {
  return caller.kind === 'person' ? caller.personId : caller.tokenId;
}
