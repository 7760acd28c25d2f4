/** Every element under `root`, inside every open shadow root too, in document order. */
export function* everyElement(root: Document | ShadowRoot | Element): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* everyElement(element.shadowRoot);
  }
}

/** The element's tag and the shadow hosts it sits in, outermost first: where to look. */
function path(element: Element): string {
  const tags = [element.localName];
  let root = element.getRootNode();
  while (root instanceof ShadowRoot) {
    tags.unshift(root.host.localName);
    root = root.host.getRootNode();
  }
  return tags.join(' > ');
}

declare global {
  interface Window {
    /** Set by any payload that ran. */
    __xss?: unknown;
  }
}

/**
 * What a payload that ran, or was parsed as markup, would have left in the page: the flag it
 * sets, an element carrying its `data-xss` mark, or an inline event-handler attribute (the
 * elements only ever listen with `addEventListener`, never with `on…` attributes).
 */
export function injected(): string[] {
  const found: string[] = [];
  if (window.__xss !== undefined) found.push(`window.__xss was set to ${String(window.__xss)}`);
  for (const element of everyElement(document)) {
    if (element.hasAttribute('data-xss')) found.push(`a marked element: ${path(element)}`);
    for (const name of element.getAttributeNames()) {
      if (name.startsWith('on')) found.push(`an ${name} attribute: ${path(element)}`);
    }
  }
  return found;
}
