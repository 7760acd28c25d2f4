/** What `revealInList` needs to know about the virtual list it scrolls. */
export interface VirtualList {
  /** The element that scrolls (the list's clipping ancestor). */
  scroller: HTMLElement;
  /** The virtualizer's host, as tall as the virtualizer estimates all its items to be. */
  list: HTMLElement;
  /** How many items the list holds. */
  count: number;
  /** The items rendered now, in order. */
  rendered(): HTMLElement[];
  /** An item's index in the list. */
  indexOf(item: HTMLElement): number;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Scrolls a virtual list until its `index`-th item is rendered and in view, hands it to `shown`
 * (to focus it), and keeps it in view while the list settles around it. An item that does not
 * appear within `frames` frames is never shown.
 *
 * Lit's virtualizer can do this itself (`element(index).scrollIntoView()`), but not for a list
 * inside a scrolling ancestor, as the log's is: it pins the item at a position computed from
 * where the list is on screen, which moves as the ancestor scrolls, so each layout overshoots
 * further until the position is past the end and it renders no item at all (lit/lit#4767,
 * #3963); and before its layout module has arrived it throws ("setting 'pin'"). So the log
 * scrolls the ancestor itself, as a user would, and lets the virtualizer render what comes
 * into view: to where the item would be if the items were all alike while it is far from
 * those rendered, and step by step from the nearest of them once it is near, until it is there.
 */
export async function revealInList(
  list: VirtualList,
  index: number,
  find: () => HTMLElement | null,
  shown: (item: HTMLElement) => void,
  frames = 60,
): Promise<void> {
  const item = await renderedItem(list, index, find, frames);
  if (!item) return;
  item.scrollIntoView({ block: 'nearest' });
  shown(item);
  await keepInView(list.scroller, find, frames);
}

/**
 * The item once the virtualizer has rendered it and kept it for two frames, scrolling towards
 * it while it is not rendered; `null` if that takes more than `frames` frames.
 *
 * The virtualizer places an item it has just rendered where it estimates it, and moves it once
 * it has measured it and its neighbours (in the next frame's resize observations). It may also
 * drop it meanwhile: a session just logged a little below the view was rendered beyond it and
 * dropped as the list was laid out again around it, and the log focused the element it had
 * dropped (nothing, in 3 of 4 tries on the example page).
 */
async function renderedItem(
  list: VirtualList,
  index: number,
  find: () => HTMLElement | null,
  frames: number,
): Promise<HTMLElement | null> {
  let inWindow = false;
  for (let frame = 0; frame < frames; frame++) {
    if (find()) {
      await nextFrame();
      await nextFrame();
      const kept = find();
      if (kept) return kept;
      continue;
    }
    if (!inWindow) {
      // The virtualizer renders only what is inside the window's viewport too.
      list.scroller.scrollIntoView({ block: 'nearest' });
      inWindow = true;
    }
    scrollTowards(list, index);
    await nextFrame();
  }
  return null;
}

/** Frames an item must stay in view, unmoved, before the list counts as settled around it. */
const SETTLED_FRAMES = 3;

/**
 * Scrolls the item back into view whenever the virtualizer moves it out, until it has stayed
 * put for a few frames (or `frames` have passed, or the user takes over the scrolling).
 *
 * Scrolling to the item renders its neighbours, and the virtualizer moves every item once it
 * has measured those: around an anchor it keeps until its layout is stable, which may be an
 * item far above the view. So an item just scrolled into view can be pushed out of it a frame
 * later (by 232 px, in one of five runs of the log's test), and must be followed.
 */
async function keepInView(
  scroller: HTMLElement,
  find: () => HTMLElement | null,
  frames: number,
): Promise<void> {
  let userScrolls = false;
  const handOver = () => {
    userScrolls = true;
  };
  const inputs = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
  for (const type of inputs) scroller.addEventListener(type, handOver, { passive: true });
  let settled = 0;
  let lastTop = Number.NaN;
  try {
    for (let frame = 0; frame < frames && settled < SETTLED_FRAMES && !userScrolls; frame++) {
      await nextFrame();
      const item = find();
      if (!item) break;
      const top = item.getBoundingClientRect().top;
      const moved = scrollToShow(scroller, item) || top !== lastTop;
      lastTop = item.getBoundingClientRect().top;
      settled = moved ? 0 : settled + 1;
    }
  } finally {
    for (const type of inputs) scroller.removeEventListener(type, handOver);
  }
}

/** Scrolls `scroller` the least that shows `item` (its top, if it is taller than the view); says whether it scrolled. */
function scrollToShow(scroller: HTMLElement, item: HTMLElement): boolean {
  const view = scroller.getBoundingClientRect();
  const box = item.getBoundingClientRect();
  const by =
    box.top < view.top || box.height > view.height
      ? box.top - view.top
      : Math.max(0, box.bottom - view.bottom);
  if (Math.abs(by) < 1) return false;
  scroller.scrollTop += by;
  return true;
}

/** Scrolls the log's list (in `root`) until its `index`-th session of `count` is rendered and in view. */
export function revealSession(
  root: ParentNode,
  index: number,
  count: number,
  find: () => HTMLElement | null,
  shown: (item: HTMLElement) => void,
): Promise<void> {
  const scroller = root.querySelector<HTMLElement>('[part="scroller"]');
  const list = root.querySelector<HTMLElement>('ol[part="list"]');
  if (index < 0 || !scroller || !list) return Promise.resolve();
  return revealInList(
    {
      scroller,
      list,
      count,
      rendered: () => [...list.querySelectorAll<HTMLElement>('[part="item"]')],
      indexOf: (item) => Number(item.getAttribute('aria-posinset')) - 1,
    },
    index,
    find,
    shown,
  );
}

/**
 * Scrolls towards the item: by at most what keeps some rendered item in view when the item is
 * near them, and otherwise to where the virtualizer would put it if the items were all alike.
 *
 * The virtualizer places what it renders relative to what it rendered before, while the view
 * is near that; a view beyond it all starts afresh from the item where the list's average
 * size puts the view, and the virtualizer scrolls to wherever it places that item. The two
 * disagree by as much as their sizes differ from the average (dozens of items, far down a long
 * log): a jump aimed at an item near those rendered, computed from them, is brought back by
 * the virtualizer to one far from it, every time.
 */
function scrollTowards({ scroller, list, count, rendered, indexOf }: VirtualList, index: number) {
  const view = scroller.getBoundingClientRect();
  const shown = rendered();
  const first = shown[0];
  const last = shown.at(-1);
  if (first && last) {
    const firstTop = first.getBoundingClientRect().top;
    const lastBottom = last.getBoundingClientRect().bottom;
    const itemHeight = (lastBottom - firstTop) / shown.length;
    const away = index < indexOf(first) ? index - indexOf(first) : index - indexOf(last);
    if (Math.abs(away) * itemHeight <= NEAR_VIEWS * view.height) {
      // The view keeps a rendered item, so the virtualizer renders the next ones beside it.
      scroller.scrollTop +=
        away < 0
          ? Math.max(away * itemHeight, firstTop - view.bottom + 1)
          : Math.min(away * itemHeight, lastBottom - view.top - 1);
      return;
    }
  }
  const whole = list.getBoundingClientRect();
  const itemHeight = whole.height / Math.max(1, count);
  scroller.scrollTop += whole.top + index * itemHeight - view.top - (view.height - itemHeight) / 2;
}

/** How far, in views, an item may be from those rendered to be stepped to rather than jumped to. */
const NEAR_VIEWS = 4;
