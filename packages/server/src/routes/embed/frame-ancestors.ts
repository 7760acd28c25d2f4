/** Hosts a browser treats as secure over plain http, so a test or a developer's machine may frame the page. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with one entry of RMKIT_FRAME_ANCESTORS, or null. Each must be an origin
 * exactly as a browser writes it (`https://contoso.sharepoint.com`): it goes into a
 * Content-Security-Policy header as it is, so anything else (a wildcard, a keyword, a path,
 * a `;`) would widen the list or add a directive.
 */
export function frameAncestorProblem(entry: string): string | null {
  const example = 'e.g. https://contoso.sharepoint.com';
  if (entry.includes('*'))
    return `"${entry}": no wildcards, which would let every site under them frame the page; list each SharePoint host, ${example}`;
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return `"${entry}" is not an origin; give each as https://host, comma-separated, ${example}`;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return `"${entry}" must be https:// (plain http only for localhost), ${example}`;
  if (url.origin !== entry)
    return `"${entry}": give the origin alone, ${url.origin === 'null' ? example : url.origin}`;
  return null;
}

/** The CSP `frame-ancestors` source list: the allowed hosts, or only this server's own pages. */
export const frameAncestorsSource = (origins: readonly string[]) =>
  origins.length > 0 ? origins.join(' ') : "'self'";
