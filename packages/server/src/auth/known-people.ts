import type { KnownPerson } from './just-in-time.js';

/**
 * How long the person a token stood for is taken as read: a browser sends several requests
 * within a second (the pair, its sessions, its goals), and reading the person again for each
 * was a tenth of the server's time on a read. Short, because another server process on the
 * same database only learns of a change to a person (erased, no longer an admin) when this
 * runs out; this process learns at once (see `forget`).
 */
const KEPT_MS = 2_000;
/** Enough for everyone active at once in a large company, as VerifiedTokens. */
const KEPT_PEOPLE = 5_000;

/**
 * The people recent tokens stood for, by externalId. Any write in this process forgets them
 * all, once it has committed: writes to people are rare, and a write request cannot say
 * beforehand whom it changes. A read that began before such a write ended is not kept, so a
 * person read just before a change is not kept after it.
 */
export class KnownPeople {
  private readonly people = new Map<string, { person: KnownPerson; until: number }>();
  private writes = 0;

  constructor(
    private readonly keptMs = KEPT_MS,
    private readonly capacity = KEPT_PEOPLE,
  ) {}

  /** Marks the start of a read: pass it to `keep`. */
  get generation(): number {
    return this.writes;
  }

  get(externalId: string, now = Date.now()): KnownPerson | undefined {
    const known = this.people.get(externalId);
    if (!known) return undefined;
    if (known.until > now) return known.person;
    this.people.delete(externalId);
    return undefined;
  }

  /** Keeps a person read since `generation`, unless something was written meanwhile. */
  keep(externalId: string, person: KnownPerson, generation: number, now = Date.now()): void {
    if (generation !== this.writes) return;
    if (this.people.size >= this.capacity) {
      const oldest = this.people.keys().next();
      if (!oldest.done) this.people.delete(oldest.value);
    }
    this.people.set(externalId, { person, until: now + this.keptMs });
  }

  /** After a write: nobody is taken as read any more. */
  forget(): void {
    this.writes++;
    this.people.clear();
  }
}
