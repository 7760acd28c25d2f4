/**
 * A fetch that answers as a server in trouble does (500, an `internal` error) until
 * `recover()` is called, and reaches the real server from then on: what "Try again" is for.
 */
export function failingUntilRecovered(): { fetch: typeof fetch; recover: () => void } {
  let failing = true;
  return {
    fetch: (input, init) =>
      failing
        ? Promise.resolve(
            new Response(
              JSON.stringify({ error: { code: 'internal', message: 'Down', requestId: 'req_test' } }),
              { status: 500, headers: { 'Content-Type': 'application/json' } },
            ),
          )
        : fetch(input, init),
    recover: () => {
      failing = false;
    },
  };
}
