/**
 * Moments in which SQLite's read connection need not be asked again whether anything was
 * committed (kept-reads.ts). Asking is a read transaction of its own, two system calls that
 * took a tenth of the server's time on a read. A moment ends when a request arrives, when this
 * process commits and when the event loop turns, so:
 * - a request's reads see every write committed before it arrived, by any process, and all
 *   of its reads after the first ask nothing more unless something ends the moment;
 * - every read sees what this process committed before it;
 * - a read that no request asked for (a timer's) sees what any process committed before
 *   the turn of the event loop it runs in.
 */
let moment = 0;
let turnEnds = false;

const endTurn = () => {
  turnEnds = false;
  moment++;
};

/** A request arrived, or this process committed: reads from now on ask again. */
export function endMoment(): void {
  moment++;
}

/** The moment a read happens in; a later one ends at the latest when this turn of the event loop does. */
export function currentMoment(): number {
  if (!turnEnds) {
    turnEnds = true;
    // Unreferenced: the end of a turn is no reason to keep a process alive.
    setImmediate(endTurn).unref();
  }
  return moment;
}
