/** The web part's properties, set in its property pane. */
export interface RmKitWebPartProps {
  /** The rm-kit server, e.g. `https://mentoring.contoso.com`. */
  serverUrl: string;
  /** The rm-kit API's Application ID URI in Entra ID, e.g. `api://<client-id>`: whose token to ask for. */
  resource: string;
}

/** A server on the developer's own machine may be plain http: browsers trust loopback addresses. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * What is wrong with a server address typed in the property pane, in the words the pane
 * shows under the field, or '' when it is fine. A SharePoint page is https, so it may only
 * call an https server (a browser blocks http from it as mixed content), and the server's
 * CORS list holds origins, so a path would never match.
 */
export function serverUrlProblem(value: string): string {
  const text = value.trim();
  if (!text) return 'Give the address of the rm-kit server.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Give a whole address, such as https://mentoring.contoso.com.';
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return 'The address must start with https://.';
  if (url.pathname !== '/' || url.search || url.hash || url.username)
    return `Give the server's address alone: ${url.origin}`;
  return '';
}

/** What the pane says about the resource, or '' when it is fine. */
export function resourceProblem(value: string): string {
  const text = value.trim();
  if (!text) return "Give the rm-kit API's Application ID URI, such as api://<client-id>.";
  if (!/^(api:\/\/|https:\/\/)\S+$/.test(text))
    return 'An Application ID URI starts with api:// or https://.';
  return '';
}

/** The kit's locale for SharePoint's UI culture (`it-IT` → `it`); the kit speaks English otherwise. */
export function kitLocale(cultureName: string): 'en' | 'it' {
  return cultureName.toLowerCase().startsWith('it') ? 'it' : 'en';
}
