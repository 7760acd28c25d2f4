import { type LookupAddress, type LookupOptions, lookup } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** A webhook was refused because of where it would connect: never retried, the reason is logged. */
export class RefusedAddress extends Error {}

/**
 * Whether an address may be connected to: only global unicast. Private, loopback, link-local,
 * unique-local, CGNAT, multicast, unspecified, broadcast and reserved (documentation,
 * benchmarking) ranges are refused, and so are IPv6 forms that carry an IPv4 address inside
 * (NAT64, 6to4, Teredo), which could reach a refused one; an IPv4-mapped IPv6 address is
 * judged as the IPv4 address it maps. The ranges are ipaddr.js's, a kept library, rather
 * than a list written here.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** Why an address is refused, in words for the delivery log. */
export function refusal(host: string, address: string): RefusedAddress {
  const range = ipaddr.isValid(address) ? ipaddr.process(address).range() : 'invalid';
  const shown = host === address ? address : `${host} (${address})`;
  return new RefusedAddress(
    `${shown} is a ${range} address; webhooks go only to public addresses unless RMKIT_WEBHOOK_ALLOW_PRIVATE is set`,
  );
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that resolves the name and refuses it when any address it
 * resolves to is not public. The check is on the very addresses the socket then connects to,
 * so a name that resolves to a public address when checked and to a private one when
 * connected (DNS rebinding) cannot slip through.
 */
export function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(refusal(hostname, refused.address), []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first)
      return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/** An address literal in a URL's host (IPv6 without its brackets), or null for a name. */
export function addressLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}
