import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isPublicAddress, parseIPv4, parseIPv6, type AddressClass } from './address';

const quad = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
const hex = (n: number) => n.toString(16);
/** The URL parser's canonical IPv6 text: an independent writer of the forms resolvers print. */
const canonical6 = (groups: readonly number[]) => new URL(`http://[${groups.map(hex).join(':')}]/`).hostname.slice(1, -1);

/** An address inside `first/prefix`. */
const inRange = (first: string, prefix: number) =>
  fc.integer({ min: 0, max: 2 ** (32 - prefix) - 1 }).map((offset) => quad(parseIPv4(first)! + offset));

const NOT_PUBLIC_V4: readonly [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'cgnat'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 5, 'reserved'],
];

const v4Groups = (n: number) => [n >>> 16, n & 0xffff];
/** Every way IPv6 carries an IPv4 address to connect to. */
const V6_CARRIERS: readonly [string, (n: number) => string][] = [
  ['mapped, dotted', (n) => `::ffff:${quad(n)}`],
  ['mapped, hex', (n) => canonical6([0, 0, 0, 0, 0, 0xffff, ...v4Groups(n)])],
  ['mapped, written out', (n) => [0, 0, 0, 0, 0, 0xffff, ...v4Groups(n)].map((g) => g.toString(16).padStart(4, '0')).join(':')],
  ['translated', (n) => `::ffff:0:${quad(n)}`],
  ['NAT64', (n) => `64:ff9b::${quad(n)}`],
  ['6to4', (n) => canonical6([0x2002, ...v4Groups(n), 0, 0, 0, 0, 1])],
];

describe('classifyAddress', () => {
  it.each(NOT_PUBLIC_V4)('every address of %s/%i is %s', (first, prefix, kind) => {
    fc.assert(fc.property(inRange(first, prefix), (ip) => classifyAddress(ip) === kind));
  });

  it('knows the edges of the ranges', () => {
    expect(classifyAddress('255.255.255.255')).toBe('broadcast');
    expect(classifyAddress('172.15.255.255')).toBe('public');
    expect(classifyAddress('172.32.0.0')).toBe('public');
    expect(classifyAddress('100.63.255.255')).toBe('public');
    expect(classifyAddress('100.128.0.0')).toBe('public');
    expect(classifyAddress('169.253.255.255')).toBe('public');
    expect(classifyAddress('223.255.255.255')).toBe('public');
    expect(classifyAddress('11.0.0.0')).toBe('public');
  });

  it('lets public addresses through, both families', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '93.184.216.34',
      '2606:4700:4700::1111',
      '2a00:1450:4001:82a::200e',
      '[2001:4860:4860::8888]',
      '::ffff:8.8.8.8',
    ]) {
      expect(isPublicAddress(ip), ip).toBe(true);
    }
  });

  it.each(V6_CARRIERS)('judges an IPv4 address carried in IPv6 (%s) as that address', (_, write) => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => classifyAddress(write(n)) === classifyAddress(quad(n))));
    expect(classifyAddress(write(parseIPv4('127.0.0.1')!))).toBe('loopback');
    expect(classifyAddress(write(parseIPv4('169.254.169.254')!))).toBe('link-local');
  });

  it('refuses the IPv6 ranges that are not global unicast', () => {
    const cases: [string, AddressClass][] = [
      ['::', 'unspecified'],
      ['::1', 'loopback'],
      ['[::1]', 'loopback'],
      ['0:0:0:0:0:0:0:1', 'loopback'],
      ['fe80::1%eth0', 'link-local'],
      ['febf:ffff::1', 'link-local'],
      ['fec0::1', 'private'],
      ['fc00::1', 'unique-local'],
      ['fd12:3456:789a::1', 'unique-local'],
      ['ff02::1', 'multicast'],
      ['ff05::1:3', 'multicast'],
      ['64:ff9b:1::a00:1', 'private'],
      ['2001:db8::1', 'reserved'],
      ['2001::1', 'reserved'],
      ['3fff::1', 'reserved'],
      ['100::1', 'reserved'],
      ['4000::1', 'reserved'],
    ];
    for (const [ip, kind] of cases) expect(classifyAddress(ip), ip).toBe(kind);
  });

  it('refuses every IPv6 address outside 2000::/3', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const outside = fc.tuple(
      group.filter((g) => (g & 0xe000) !== 0x2000),
      fc.array(group, { minLength: 7, maxLength: 7 }),
    );
    fc.assert(fc.property(outside, ([first, rest]) => !isPublicAddress(canonical6([first, ...rest]))));
  });

  it('calls anything that is not an IP address invalid, and never throws', () => {
    for (const text of [
      '',
      'localhost',
      '127.1',
      '0x7f.0.0.1',
      '0177.0.0.1',
      '2130706433',
      '127.0.0.1.',
      '1.2.3.256',
      ':::',
      '1::2::3',
      '::ffff:1.2.3',
      '[::1',
      'fe80::1%',
    ]) {
      expect(classifyAddress(text), text).toBe('invalid');
    }
    fc.assert(fc.property(fc.string(), (text) => (classifyAddress(text) === 'invalid') === (isIP(text.replace(/^\[(.*)\]$/, '$1')) === 0)));
  });
});

describe('parsing', () => {
  it('reads every IPv4 address the way it is printed', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (n) => parseIPv4(quad(n)) === n));
  });

  it('reads every IPv6 address in its canonical and its full form', () => {
    const groups = fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(groups, (g) => {
        expect(parseIPv6(canonical6(g))).toEqual(g);
        expect(parseIPv6(g.map(hex).join(':'))).toEqual(g);
      }),
    );
  });

  it('agrees with Node on what is an address', () => {
    const piece = fc.oneof(
      fc.constantFrom('', ':', '::', '.', 'ffff', '0', '1', '127', '256', 'fe80', '%eth0', 'g'),
      fc.integer({ min: 0, max: 0xffff }).map(hex),
    );
    const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => (parseIPv4(t) !== null || parseIPv6(t) !== null) === (isIP(t) !== 0)));
    // Found by the property above (CI, seed 1201644921): Node's zone is anything up to the end but `%`.
    for (const t of ['::%eth0:', '::%:', '::%eth0%', '::%']) expect(parseIPv6(t) !== null, t).toBe(isIP(t) === 6);
  });
});
