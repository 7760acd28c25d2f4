// The render bench's side in the page (scripts/bench/render.mjs drives it): it mounts an
// element, times it until its content is rendered, and scrolls it. Loaded before rm-kit.js,
// it wraps fetch so that a measured render can have its data at hand instead of waiting
// for the server: the GET answers of a first render are recorded, and replayed to the
// elements rendered after it.

const realFetch = window.fetch.bind(window);
/** Recorded GET answers, by token and URL. */
const recorded = new Map();
let mode = 'network';
/**
 * The first page of one pair's sessions answered with every session at once: `{ pairId, text,
 * bytes, ready }`. The answer is made of the bytes, as a network answer arrives: made of the
 * text, each answer would first encode 4.5 MB of it to UTF-8 (about 40 ms in the measured time
 * that no page spends); reading it back is the element's to pay. `ready` is the next answer,
 * made before a render's clock starts: copying the bytes into it (about 3 ms) is the bench's
 * own work, and the goal times the render after its data arrives.
 */
let injected = null;
const injectedAnswer = (bytes) => new Response(bytes, { headers: { 'Content-Type': 'application/json' } });

window.fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.pathname.startsWith('/v1/') || url.pathname.startsWith('/v1/events'))
    return realFetch(input, init);
  if (
    injected &&
    url.pathname === `/v1/pairs/${injected.pairId}/sessions` &&
    !url.searchParams.has('cursor')
  ) {
    const answer = injected.ready ?? injectedAnswer(injected.bytes);
    injected.ready = null;
    return answer;
  }
  const key = `${request.headers.get('Authorization')} ${url}`;
  if (mode === 'replay' && recorded.has(key)) {
    const { body, status, headers } = recorded.get(key);
    return new Response(body, { status, headers });
  }
  const response = await realFetch(input, init);
  if (mode !== 'network' && response.ok)
    recorded.set(key, {
      body: await response.clone().text(),
      status: response.status,
      headers: [...response.headers],
    });
  return response;
};

/** What shows that an element has rendered its content, inside its shadow root. */
const MARKERS = {
  'pair-card': '[part~="person"]',
  'session-log': '[part~="item"]',
  'goal-list': '[part~="goal"], [part~="template"]',
  'feedback-form': '[part~="base"]',
  stories: '[part~="list"], [part~="empty"]',
  'person-data': '[part~="base"]',
  'enrollment-form': '[part~="form"], [part~="application"]',
  'match-board': '[part~="board"]',
  'program-dashboard': '[part~="figures"]',
  'webhook-settings': '[part~="webhook"]',
  'plain-session-list': '[part~="item"]',
};
const BUSY = '[part~="loading"], .skeleton, [aria-busy="true"]';

/** Its marker there and laid out (this reads layout, so the time includes it), nothing loading. */
function rendered(element, kind) {
  const root = element.shadowRoot;
  if (!root?.firstElementChild || root.querySelector(BUSY)) return false;
  const error = root.querySelector('[part~="error"]');
  if (error) throw new Error(`${kind} shows an error: ${error.textContent.trim()}`);
  const marker = root.querySelector(MARKERS[kind]);
  return !!marker && marker.getBoundingClientRect().height > 0;
}

/**
 * Polls every few milliseconds: often enough for the figures, and with gaps, so that the
 * browser still finds the idle time the elements wait for (they fetch some modules then).
 */
const POLL_MS = 4;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));
const nextFrame = () => new Promise(requestAnimationFrame);

async function until(element, kind, start, timeoutMs = 30_000) {
  while (!rendered(element, kind)) {
    if (performance.now() - start > timeoutMs)
      throw new Error(
        `${kind} not rendered after ${timeoutMs} ms: ${element.shadowRoot?.innerHTML.slice(0, 300)}`,
      );
    await nextTask();
  }
  return performance.now() - start;
}

const stage = () => document.getElementById('stage');
/** When the last render ended, and when the last answer it read from the server did (Resource Timing). */
let renderEnd = 0;
let lastAnswerEnd = Number.NEGATIVE_INFINITY;
let mounted = null;

const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

window.bench = {
  setMode(next) {
    mode = next;
  },
  /** Reads every session of a pair from the server, for the injected page and the plain list. */
  async loadAll(token, pairId) {
    const items = [];
    let cursor = '';
    do {
      const response = await realFetch(
        `/v1/pairs/${pairId}/sessions?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      const page = await response.json();
      items.push(...page.items);
      cursor = page.nextCursor ?? '';
    } while (cursor);
    // Made as the server makes every JSON answer (jsonOf, packages/server/src/http/json-answer.ts):
    // each character beyond ASCII written as a \u escape.
    const text = JSON.stringify({ items, nextCursor: null }).replace(
      /[\u0080-\uffff]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    injected = { pairId, text, bytes: new TextEncoder().encode(text), ready: null };
    return { count: items.length, megabytes: injected.text.length / 2 ** 20 };
  },
  /**
   * What reading the injected answer costs alone, as each contender gets it: the log's client
   * from the answer (its text, as the SDK's transport reads it, then `JSON.parse`), the plain
   * list from the text.
   */
  async readAnswer() {
    const answer = injectedAnswer(injected.bytes);
    const start = performance.now();
    JSON.parse(await answer.text());
    const middle = performance.now();
    JSON.parse(injected.text);
    return { log: middle - start, plain: performance.now() - middle };
  },
  /** Stops answering the log's first page with every session: it pages through the server again. */
  uninject() {
    injected = null;
  },
  clear() {
    stage().replaceChildren();
    mounted = null;
  },
  /** Mounts `<rm-{kind}>` in a provider signed in with `token`; resolves with the ms until it rendered. */
  async render(kind, attributes, token) {
    this.clear();
    await customElements.whenDefined('rm-provider');
    const provider = document.createElement('rm-provider');
    provider.setAttribute('base-url', location.origin);
    provider.setAttribute('token', token);
    const element = document.createElement(`rm-${kind}`);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    provider.append(element);
    if (injected) injected.ready = injectedAnswer(injected.bytes);
    performance.clearResourceTimings();
    const start = performance.now();
    stage().append(provider);
    // An element defined only once a page uses it is upgraded a little later: follow it.
    const ms = await until(element, kind, start);
    mounted = { element, kind };
    lastAnswerEnd = Math.max(
      ...performance
        .getEntriesByType('resource')
        .filter(
          (entry) => new URL(entry.name).pathname.startsWith('/v1/') && !entry.name.includes('/v1/events'),
        )
        .map((entry) => entry.responseEnd),
    );
    renderEnd = start + ms;
    return ms;
  },
  /**
   * How long the last render took after the last answer it read from the server arrived: its
   * own work once its data is here, on a page that meets it for the first time. Null when it
   * read nothing from the server (its answers replayed).
   */
  afterLastAnswer() {
    return Number.isFinite(lastAnswerEnd) ? renderEnd - lastAnswerEnd : null;
  },
  /** The plain list of the sessions loaded by loadAll: from the JSON text, as the log gets it. */
  async renderPlain() {
    this.clear();
    const element = document.createElement('plain-session-list');
    const start = performance.now();
    element.sessions = JSON.parse(injected.text).items;
    stage().append(element);
    const ms = await until(element, 'plain-session-list', start);
    mounted = { element, kind: 'plain-session-list' };
    return ms;
  },
  /** The nodes of the mounted element's tree, its shadow roots' included. */
  nodes() {
    const count = (node) => {
      let n = 1;
      if (node.shadowRoot) n += count(node.shadowRoot);
      for (const child of node.childNodes) n += count(child);
      return n;
    };
    return count(mounted.element);
  },
  /**
   * Scrolls the mounted list down by `step` px every frame for `seconds` and returns the
   * frames' durations (requestAnimationFrame to requestAnimationFrame).
   */
  async scrollFrames(seconds, step) {
    const scroller = mounted.element.shadowRoot.querySelector('[part="scroller"]');
    scroller.scrollTop = 0;
    await nextFrame();
    await nextFrame();
    const deltas = [];
    let last = performance.now();
    const end = last + seconds * 1000;
    while (last < end) {
      scroller.scrollTop += step;
      await nextFrame();
      const now = performance.now();
      deltas.push(now - last);
      last = now;
    }
    return {
      frames: deltas.length,
      p50: percentile(deltas, 0.5),
      p95: percentile(deltas, 0.95),
      max: Math.max(...deltas),
      px: scroller.scrollTop,
    };
  },
  /**
   * Scrolls the mounted list to its end every frame until the session `oldestId` is in
   * view; the time, and the longest frame meanwhile (a frozen page has a long one).
   */
  async scrollToOldest(oldestId, timeoutMs = 120_000) {
    const root = mounted.element.shadowRoot;
    const scroller = root.querySelector('[part="scroller"]');
    scroller.scrollTop = 0;
    await nextFrame();
    const start = performance.now();
    let last = start;
    let longest = 0;
    let frames = 0;
    for (;;) {
      scroller.scrollTop = scroller.scrollHeight;
      await nextFrame();
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      frames++;
      const box = root.querySelector(`[data-session-id="${oldestId}"]`)?.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      if (box && box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1)
        return { ms: now - start, longest, frames };
      if (now - start > timeoutMs)
        throw new Error(`The oldest session was not in view after ${timeoutMs} ms`);
    }
  },
};
