// Who is on the other end of a request, when proxies stand in between. A client can write any
// X-Forwarded-For, X-Forwarded-Proto or Forwarded header it likes, so those headers count only
// when the peer that handed us the request is one of our own proxies (TRUSTED_PROXIES), and
// then only the hops those proxies appended: the chain is read from the right, skipping our
// proxies, and the first address that is not one of them is the client. Pure: no I/O.
import { BlockList, isIP } from 'node:net';
import { parseProxyEntry } from '../config';

export type ProxyCheck = (address: string) => boolean;

/** A test for "is this one of our proxies", from TRUSTED_PROXIES' entries (already validated). */
export function trustedProxyCheck(entries: readonly string[]): ProxyCheck {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const entry of entries) {
    const parsed = parseProxyEntry(entry);
    if (!parsed) throw new Error(`not an address or CIDR block: ${entry}`);
    if (parsed.prefix === null) list.addAddress(parsed.address, parsed.family);
    else list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return (address) => {
    const plain = plainAddress(address);
    const version = isIP(plain);
    return version !== 0 && list.check(plain, version === 4 ? 'ipv4' : 'ipv6');
  };
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1; brackets and ports go. */
export function plainAddress(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  return mapped ? mapped[1]! : a;
}

export interface ForwardingHeaders {
  readonly forwarded?: string | undefined;
  readonly xForwardedFor?: string | undefined;
  readonly xForwardedProto?: string | undefined;
}

/** The `for` and `proto` of each element of an RFC 7239 Forwarded header, left to right. */
function forwardedElements(header: string): { for?: string; proto?: string }[] {
  return header.split(',').map((element) => {
    const pairs: { for?: string; proto?: string } = {};
    for (const pair of element.split(';')) {
      const eq = pair.indexOf('=');
      if (eq < 0) continue;
      const name = pair.slice(0, eq).trim().toLowerCase();
      const value = pair
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
      if (name === 'for' || name === 'proto') pairs[name] = value;
    }
    return pairs;
  });
}

/** The hops the proxies reported, left (first client) to right (last proxy before the peer). */
function reportedHops(headers: ForwardingHeaders): string[] {
  if (headers.forwarded) return forwardedElements(headers.forwarded).map((e) => plainAddress(e.for ?? ''));
  return (headers.xForwardedFor ?? '').split(',').map(plainAddress);
}

/**
 * The client's address: the peer itself unless it is a trusted proxy; then, right to left
 * through what the proxies reported, the first hop that is not a trusted proxy. An empty or
 * unparsable hop ends the walk at the proxy that reported it (it vouched for nothing better).
 */
export function clientAddress(peer: string, headers: ForwardingHeaders, trusted: ProxyCheck): string {
  let client = plainAddress(peer);
  if (!trusted(client)) return client;
  const hops = reportedHops(headers);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return client;
    client = hop;
    if (!trusted(hop)) return hop;
  }
  return client;
}

/** Whether the client reached us over https: the socket's own TLS, or what a trusted proxy says it received. */
export function clientProtocol(peer: string, encrypted: boolean, headers: ForwardingHeaders, trusted: ProxyCheck): 'https' | 'http' {
  if (encrypted) return 'https';
  if (!trusted(plainAddress(peer))) return 'http';
  const claimed = headers.forwarded ? forwardedElements(headers.forwarded)[0]?.proto : headers.xForwardedProto?.split(',')[0];
  return claimed?.trim().toLowerCase() === 'https' ? 'https' : 'http';
}
