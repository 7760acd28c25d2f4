/**
 * Soon, once the browser has a moment after the page has shown what it just got: after the
 * frame that draws it and the next (a virtualised list measures what it drew in that one),
 * not before (a page waiting for its frame is idle too, and work done then holds up the page
 * right as it shows the answer). A hidden page draws no frames: then within a second.
 */
export const whenIdle: (work: () => void) => void =
  typeof requestIdleCallback === 'function' && typeof requestAnimationFrame === 'function'
    ? (work) => {
        let waiting = true;
        const drawn = () => {
          if (waiting) requestIdleCallback(work, { timeout: 1000 });
          waiting = false;
        };
        requestAnimationFrame(() => requestAnimationFrame(drawn));
        setTimeout(drawn, 1000);
      }
    : (work) => setTimeout(work, 0);
