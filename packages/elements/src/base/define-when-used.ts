import { tagName } from './define.js';

/**
 * Defines elements few pages show only once a page uses one, so every other page does not
 * download them: an element's module is fetched when its tag is in the document, when one
 * is added to it later, or when page code asks `customElements.whenDefined` for it. That
 * last one is also how a page loads an element it puts inside a shadow root of its own,
 * which an observer of the document cannot see. An element created before its module
 * arrives upgrades when it does, as custom elements always do.
 *
 * `loads` maps an element's name (`match-board`) to the import of the module that defines it.
 */
export function defineWhenUsed(loads: Record<string, () => Promise<unknown>>): void {
  const waiting = new Map(Object.entries(loads).map(([name, load]) => [tagName(name), load]));
  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  });
  const load = (tag: string) => {
    const fetchModule = waiting.get(tag);
    if (!fetchModule) return;
    waiting.delete(tag);
    if (!waiting.size) observer.disconnect();
    // Offline the module may not arrive: the tag waits again, and its next use retries.
    fetchModule().catch(() => {
      waiting.set(tag, fetchModule);
      observer.observe(document, { childList: true, subtree: true });
    });
  };
  const scan = (root: Element | Document) => {
    for (const tag of [...waiting.keys()])
      if ((root instanceof Element && root.matches(tag)) || root.querySelector(tag)) load(tag);
  };
  observer.observe(document, { childList: true, subtree: true });
  scan(document);
  const whenDefined = customElements.whenDefined.bind(customElements);
  customElements.whenDefined = (tag: string) => {
    load(tag);
    return whenDefined(tag);
  };
}
