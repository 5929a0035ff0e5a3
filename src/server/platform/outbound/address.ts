// Which IP addresses a worker may connect to: public unicast only. Everything else (this host,
// the private networks, link-local, unique-local, carrier-grade NAT, multicast, documentation
// and reserved ranges) reaches something inside our own network, or nothing real. IPv6 forms
// that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that address, so
// `::ffff:127.0.0.1` is loopback however it is written.
// Pure: text in, verdict out.

export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'cgnat'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  /** Not an IP address at all: refused like the others. */
  | 'invalid';

type V4Range = readonly [first: number, prefix: number, kind: Exclude<AddressClass, 'public' | 'invalid'>];

const v4 = (a: number, b: number, c: number, d: number) => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** IANA's special-purpose registry, the ranges that are not globally reachable. */
const V4_RANGES: readonly V4Range[] = [
  [v4(0, 0, 0, 0), 8, 'unspecified'],
  [v4(10, 0, 0, 0), 8, 'private'],
  [v4(100, 64, 0, 0), 10, 'cgnat'],
  [v4(127, 0, 0, 0), 8, 'loopback'],
  [v4(169, 254, 0, 0), 16, 'link-local'],
  [v4(172, 16, 0, 0), 12, 'private'],
  [v4(192, 0, 0, 0), 24, 'reserved'],
  [v4(192, 0, 2, 0), 24, 'reserved'],
  [v4(192, 88, 99, 0), 24, 'reserved'],
  [v4(192, 168, 0, 0), 16, 'private'],
  [v4(198, 18, 0, 0), 15, 'reserved'],
  [v4(198, 51, 100, 0), 24, 'reserved'],
  [v4(203, 0, 113, 0), 24, 'reserved'],
  [v4(224, 0, 0, 0), 4, 'multicast'],
  [v4(255, 255, 255, 255), 32, 'broadcast'],
  [v4(240, 0, 0, 0), 4, 'reserved'],
];

/** Dotted quad, four decimal parts 0–255 without leading zeros (what resolvers and the URL parser write). */
export function parseIPv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

/** Eight 16-bit groups; `::`, a dotted IPv4 tail and a zone (`%eth0`: anything but `%`, as Node reads it) are accepted. */
export function parseIPv6(text: string): number[] | null {
  const address = text.replace(/%[^%]+$/, '');
  if (!/^[0-9a-f:.]+$/i.test(address)) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (i === pieces.length - 1 && piece.includes('.')) {
        const tail = parseIPv4(piece);
        if (tail === null) return null;
        out.push(tail >>> 16, tail & 0xffff);
      } else if (/^[0-9a-f]{1,4}$/i.test(piece)) out.push(Number.parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  // A dotted tail is only allowed at the very end of the address.
  if (halves.length === 2 && halves[0]!.includes('.')) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...Array<number>(missing).fill(0), ...tail] : null;
}

function classifyIPv4(value: number): AddressClass {
  for (const [first, prefix, kind] of V4_RANGES) {
    const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
    if ((value & mask) >>> 0 === first) return kind;
  }
  return 'public';
}

const embeddedV4 = (g: readonly number[], at: number) => ((g[at]! << 16) | g[at + 1]!) >>> 0;

function classifyIPv6(g: readonly number[]): AddressClass {
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 8)) return 'unspecified';
  if (zeros(0, 7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible, deprecated), ::ffff:0:a.b.c.d (translated).
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return classifyIPv4(embeddedV4(g, 6));
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return classifyIPv4(embeddedV4(g, 6));
  // 64:ff9b::/96, the well-known NAT64 prefix: the gateway connects to the embedded address.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return classifyIPv4(embeddedV4(g, 6));
  // 64:ff9b:1::/48, NAT64 for local use.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private';
  // 2002::/16, 6to4: the relay forwards to the IPv4 address in bits 16–47.
  if (g[0] === 0x2002) return classifyIPv4(embeddedV4(g, 1));
  const first = g[0]!;
  if ((first & 0xff00) === 0xff00) return 'multicast';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  // fec0::/10, the deprecated site-local addresses: private networks by another name.
  if ((first & 0xffc0) === 0xfec0) return 'private';
  if ((first & 0xfe00) === 0xfc00) return 'unique-local';
  // Only 2000::/3 is global unicast; inside it, Teredo, benchmarking, ORCHID and documentation are not.
  if ((first & 0xe000) !== 0x2000) return 'reserved';
  if (first === 0x2001 && g[1]! < 0x0200) return 'reserved';
  if (first === 0x2001 && g[1] === 0x0db8) return 'reserved';
  if (first === 0x3fff && g[1]! < 0x1000) return 'reserved';
  return 'public';
}

/** What kind of address `ip` is (IPv4 or IPv6 text, brackets allowed). */
export function classifyAddress(ip: string): AddressClass {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  const value4 = parseIPv4(text);
  if (value4 !== null) return classifyIPv4(value4);
  const groups = text.includes(':') ? parseIPv6(text) : null;
  return groups ? classifyIPv6(groups) : 'invalid';
}

export function isPublicAddress(ip: string): boolean {
  return classifyAddress(ip) === 'public';
}
