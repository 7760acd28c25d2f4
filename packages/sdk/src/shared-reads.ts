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
 */
export function sharedReads() {
  const flights = new Map<string, Flight>();
  return {
    forget: () => flights.clear(),
    /** `send`'s answer for `key`, from a request on its way if there is one, else from a new one. */
    async read<T>(
      key: string,
      signal: AbortSignal | undefined,
      send: (signal: AbortSignal) => Promise<T>,
    ): Promise<T> {
      const known = flights.get(key);
      const controller = known?.controller ?? new AbortController();
      const mine = known ?? { answer: send(controller.signal), controller, waiting: 0 };
      // Only this request's own entry: after `forget` the key may name a newer one.
      const drop = () => flights.get(key) === mine && flights.delete(key);
      if (!known) {
        flights.set(key, mine);
        mine.answer.then(drop, drop);
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
