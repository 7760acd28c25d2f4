import { ContextRoot } from '@lit/context';

let prefix = 'rm';
let contextRoot: ContextRoot | undefined;

/**
 * Use another prefix than `rm-` for every element defined after this call (Microsoft
 * Graph Toolkit's "disambiguation"): call it before importing the elements when two
 * versions of the kit must live on one page.
 */
export function setPrefix(value: string): void {
  if (!/^[a-z][a-z0-9]*$/.test(value)) throw new TypeError(`"${value}" is not a valid custom element prefix`);
  prefix = value;
}

/** The tag an element gets: `rm-session-log`, or `acme-session-log` after `setPrefix('acme')`. */
export function tagName(name: string): string {
  return `${prefix}-${name}`;
}

/**
 * Registers an element once. Two bundles of the kit on one page (two SharePoint web parts,
 * say) must not throw: a tag already taken is left alone.
 */
export function define(name: string, element: CustomElementConstructor): void {
  // An element may ask for its client before the <rm-provider> around it is defined; the
  // context root keeps such requests and answers them once the provider arrives.
  if (!contextRoot) {
    contextRoot = new ContextRoot();
    contextRoot.attach(document.documentElement);
  }
  const tag = tagName(name);
  if (!customElements.get(tag)) customElements.define(tag, element);
}
