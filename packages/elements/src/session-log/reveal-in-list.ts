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
 * Scrolls a virtual list until its `index`-th item is rendered and in view, and returns it
 * (or nothing, if it never appears within `frames` frames).
 *
 * Lit's virtualizer can do this itself (`element(index).scrollIntoView()`), but not for a list
 * inside a scrolling ancestor, as the log's is: it pins the item at a position computed from
 * where the list is on screen, which moves as the ancestor scrolls, so each layout overshoots
 * further until the position is past the end and it renders no item at all (lit/lit#4767,
 * #3963); and before its layout module has arrived it throws ("setting 'pin'"). So the log
 * scrolls the ancestor itself, as a user would, and lets the virtualizer render what comes
 * into view: first to where the item would be if the items were all alike, then from the
 * nearest rendered item, until the item is there.
 */
export async function revealInList(
  list: VirtualList,
  index: number,
  find: () => HTMLElement | null,
  frames = 60,
): Promise<HTMLElement | null> {
  let item = find();
  if (!item) {
    // The virtualizer renders only what is inside the window's viewport too.
    list.scroller.scrollIntoView({ block: 'nearest' });
    for (let frame = 0; frame < frames && !item; frame++) {
      scrollTowards(list, index);
      await nextFrame();
      item = find();
    }
  }
  if (item) {
    // The virtualizer places an item it has just rendered where it estimates it, and moves it
    // once it has measured it and its neighbours (in the next frame's resize observations).
    await nextFrame();
    await nextFrame();
    item = find() ?? item;
  }
  item?.scrollIntoView({ block: 'nearest' });
  return item;
}

/** Scrolls the log's list (in `root`) until its `index`-th session of `count` is rendered and in view. */
export function revealSession(
  root: ParentNode,
  index: number,
  count: number,
  find: () => HTMLElement | null,
): Promise<HTMLElement | null> {
  const scroller = root.querySelector<HTMLElement>('[part="scroller"]');
  const list = root.querySelector<HTMLElement>('ol[part="list"]');
  if (index < 0 || !scroller || !list) return Promise.resolve(null);
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
  );
}

/** Scrolls so that where the item is estimated to be is in the middle of the view. */
function scrollTowards({ scroller, list, count, rendered, indexOf }: VirtualList, index: number) {
  const view = scroller.getBoundingClientRect();
  const shown = rendered();
  const first = shown[0];
  const last = shown.at(-1);
  let top: number;
  let itemHeight: number;
  if (first && last) {
    const span = last.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
    itemHeight = span / shown.length;
    const anchor = index < indexOf(first) ? first : last;
    top = anchor.getBoundingClientRect().top + (index - indexOf(anchor)) * itemHeight;
  } else {
    const whole = list.getBoundingClientRect();
    itemHeight = whole.height / Math.max(1, count);
    top = whole.top + index * itemHeight;
  }
  scroller.scrollTop += top - view.top - (view.height - itemHeight) / 2;
}
