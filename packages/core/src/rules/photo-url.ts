// The WHATWG URL parser, in every browser and in Node; core's types include neither, so just
// the part used here is declared, as ids.ts does for Web Crypto.
declare const URL: new (url: string) => { protocol: string; hostname: string };

/**
 * Whether a person's photo may be shown from `url`, given the hosts the organisation
 * allows (its `settings.photoHosts`). A photo is loaded by every partner's browser that
 * shows the profile, so whoever serves it learns when, and from which address, they
 * looked: only https (so nobody on the way sees or swaps it either) and only hosts the
 * organisation chose. Hosts match exactly, port aside (it is the same host's owner): a
 * listed `example.com` does not admit `photos.example.com`, which someone else may run.
 * Hosts are compared as the URL parser writes them: lower case, punycode.
 */
export function photoUrlAllowed(url: string, hosts: readonly string[]): boolean {
  let parsed: InstanceType<typeof URL>;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && hosts.includes(parsed.hostname);
}
