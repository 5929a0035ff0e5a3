import { describe, expect, it } from 'vitest';
import { parseProxyEntry } from '../config';
import { clientAddress, clientProtocol, plainAddress, trustedProxyCheck } from './forwarded';

const proxies = trustedProxyCheck(['10.0.0.0/8', '192.0.2.1', 'fd00::/8']);
const none = trustedProxyCheck([]);

describe('forwarding headers', () => {
  it('ignores them from a peer that is not a trusted proxy (none by default)', () => {
    const forged = { xForwardedFor: '1.2.3.4', xForwardedProto: 'https', forwarded: 'for=5.6.7.8;proto=https' };
    expect(clientAddress('198.51.100.9', forged, none)).toBe('198.51.100.9');
    expect(clientAddress('198.51.100.9', forged, proxies)).toBe('198.51.100.9');
    expect(clientProtocol('198.51.100.9', false, forged, proxies)).toBe('http');
  });

  it('takes the first hop right of our proxies from a trusted one, not what the client prepended', () => {
    // The client wrote "6.6.6.6" itself; our edge (10.1.1.1) appended the address it saw.
    expect(clientAddress('::ffff:10.0.0.5', { xForwardedFor: '6.6.6.6, 203.0.113.7, 10.1.1.1' }, proxies)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.5', { forwarded: 'for=6.6.6.6, for="[2001:db8::1]:4711";proto=https, for=10.1.1.1' }, proxies)).toBe(
      '2001:db8::1',
    );
    expect(clientProtocol('10.0.0.5', false, { xForwardedProto: 'https' }, proxies)).toBe('https');
  });

  it('stops at the proxy when what it reports is no address', () => {
    expect(clientAddress('10.0.0.5', { xForwardedFor: 'garbage' }, proxies)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', {}, proxies)).toBe('10.0.0.5');
  });

  it('reads TRUSTED_PROXIES entries: addresses and CIDR blocks of either family, nothing else', () => {
    expect(parseProxyEntry('10.0.0.0/8')).toMatchObject({ prefix: 8, family: 'ipv4' });
    expect(parseProxyEntry('fd00::/8')).toMatchObject({ prefix: 8, family: 'ipv6' });
    expect(parseProxyEntry('192.0.2.1')).toMatchObject({ prefix: null });
    for (const bad of ['10.0.0.0/33', 'proxy.example', '10.0.0.1/8/1', '']) expect(parseProxyEntry(bad)).toBeNull();
    expect(proxies('fd12::1')).toBe(true);
    expect(proxies('11.0.0.1')).toBe(false);
  });

  it('reads IPv4-mapped, bracketed and ported addresses as the plain address', () => {
    expect(plainAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(plainAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(plainAddress('203.0.113.7:5000')).toBe('203.0.113.7');
  });
});
