import { copyOfAnswer } from './cache.js';
import { abortedError } from './errors.js';

interface Flight {
  answer: Promise<unknown>;
  controller: AbortController;
  /** Callers still waiting for the answer; the request is aborted when the last one gives up. */
  waiting: number;
}

/**
 * Identical reads asked while one is on its way share it. The widgets under one provider ask
 * the same things as they start: the example intranet page asked `GET /v1/me` nine times and
 * the pair four times as it opened, each while another was still on its way. Each caller gets
 * its own copy of the answer (parsed again from the text it came as, so no caller sees
 * another's changes to it) and its own abort: the request stops only once everyone waiting for
 * it has given up. `forget` starts afresh, for after a write or a live event: a read asked then
 * never shares a request sent before the change, so it sees the change.
 *
 * With `reuseForMs`, an answer is also given again to an identical read asked that long after
 * it came: elements defined once a page uses them start a few hundred milliseconds after the
 * first, and asked `GET /v1/me` again. An answer to a request sent before a `forget` is never
 * given again.
 */
export function sharedReads(reuseForMs = 0) {
  const flights = new Map<string, Flight>();
  const recent = new Map<string, { value: unknown; until: number }>();
  /** Counts the changes: an answer to a request sent before one is not given again. */
  let changes = 0;
  const keep = (key: string, value: unknown) => {
    const answer = { value, until: Date.now() + reuseForMs };
    recent.set(key, answer);
    const expire = setTimeout(() => recent.get(key) === answer && recent.delete(key), reuseForMs);
    (expire as { unref?: () => void }).unref?.();
  };
  return {
    forget: () => {
      changes++;
      flights.clear();
      recent.clear();
    },
    /** `send`'s answer for `key`, from a request on its way if there is one, else from a new one. */
    async read<T>(
      key: string,
      signal: AbortSignal | undefined,
      send: (signal: AbortSignal) => Promise<T>,
    ): Promise<T> {
      const kept = recent.get(key);
      if (kept && Date.now() < kept.until) return copyOfAnswer(kept.value) as T;
      const known = flights.get(key);
      const controller = known?.controller ?? new AbortController();
      const mine = known ?? { answer: send(controller.signal), controller, waiting: 0 };
      // Only this request's own entry: after `forget` the key may name a newer one.
      const drop = () => flights.get(key) === mine && flights.delete(key);
      if (!known) {
        flights.set(key, mine);
        const sentAfter = changes;
        mine.answer.then((value) => {
          drop();
          if (reuseForMs > 0 && changes === sentAfter) keep(key, value);
        }, drop);
      }
      mine.waiting++;
      try {
        const value = await (signal ? Promise.race([mine.answer, abortedBy(signal)]) : mine.answer);
        return (known ? copyOfAnswer(value) : value) as T;
      } finally {
        // The last one waiting gave up: a later read must not join a request being stopped.
        if (--mine.waiting === 0 && signal?.aborted) {
          drop();
          controller.abort(signal.reason);
        }
      }
    },
  };
}

function abortedBy(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const giveUp = () => reject(abortedError(signal.reason));
    if (signal.aborted) giveUp();
    else signal.addEventListener('abort', giveUp, { once: true });
  });
}
