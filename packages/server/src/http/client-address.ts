import { BlockList, isIP } from 'node:net';

interface AddressBlock {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** `10.0.0.0/8`, `192.0.2.7`, `::1` or `fd00::/8` as a block of addresses; null when it is none of them. */
export function parseAddressBlock(text: string): AddressBlock | null {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return null;
  const bits = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (!/^\d+$/.test(prefixText ?? String(bits)) || prefix > bits) return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** The proxies whose `X-Forwarded-For` is believed (entries already validated by the configuration). */
export function trustedProxies(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const block = parseAddressBlock(entry);
    if (block) list.addSubnet(block.address, block.prefix, block.family);
  }
  return list;
}

/** An IPv4 peer on a dual-stack socket shows as `::ffff:192.0.2.7`; rules are written for `192.0.2.7`. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const version = isIP(address);
  return version !== 0 && trusted.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Who sent the request: the peer itself unless it is a trusted proxy; then the nearest
 * address in `X-Forwarded-For` that is not a trusted proxy. The list is read from the right
 * because each proxy appends the peer it saw: only what trusted proxies appended can be
 * believed, and anything to the left of the first untrusted address is the client's to invent.
 */
export function clientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: BlockList,
): string | undefined {
  if (peer === undefined) return undefined;
  let client = plain(peer);
  if (!forwardedFor || !isTrusted(client, trusted)) return client;
  const hops = forwardedFor.split(',').map((hop) => plain(hop.trim()));
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? '';
    // A trusted proxy appends only addresses; anything else was not written by one.
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!isTrusted(hop, trusted)) return client;
  }
  return client;
}
