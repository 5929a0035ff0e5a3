// Real sockets: a "shop" the policy allows to be local, and a listener standing for anything else
// on this machine (Redis, a control API). Whatever names, redirects or address forms lead to the
// listener, it must never receive a request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { originOf, outboundFetch, outboundPolicy, outboundRefusal, type OutboundRefused, type OutboundPolicy } from './outbound';

interface Listener {
  readonly server: Server;
  readonly port: number;
  readonly hits: string[];
}

async function listen(handle: (path: string) => { status: number; location?: string }): Promise<Listener> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '/');
    const { status, location } = handle(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'text/plain', ...(location ? { location } : {}) });
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

let internal: Listener;
let shop: Listener;
let policy: OutboundPolicy;

beforeAll(async () => {
  internal = await listen(() => ({ status: 200 }));
  shop = await listen((path) => {
    const to = /^\/to\?(.+)$/.exec(path)?.[1];
    return to ? { status: 302, location: decodeURIComponent(to) } : { status: 200 };
  });
  const shopUrl = `http://127.0.0.1:${shop.port}`;
  policy = outboundPolicy({
    OUTBOUND_ALLOW_PRIVATE_SHOPS: true,
    MARKETPLACE_URL_IT: shopUrl,
    MARKETPLACE_URL_FR: undefined,
    MARKETPLACE_URL_DE: undefined,
    MARKETPLACE_URL_ES: undefined,
    DEEPL_SERVER_URL: undefined,
  });
});

afterAll(async () => {
  for (const l of [internal, shop]) await new Promise((resolve) => l?.server.close(resolve));
});

beforeEach(() => {
  internal.hits.length = 0;
});

async function refusal(promise: Promise<unknown>): Promise<OutboundRefused> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const refused = outboundRefusal(error);
  if (!refused) throw new Error(`expected a refusal, got ${error instanceof Error ? `${error.name}: ${error.message}` : 'an answer'}`);
  return refused;
}

describe('outboundFetch', () => {
  it('reaches a configured shop at its local address, and nothing else there', async () => {
    const response = await outboundFetch(`http://127.0.0.1:${shop.port}/robots.txt`, { policy });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
    expect(policy.privateOrigins).toEqual(new Set([`127.0.0.1:${shop.port}`]));
  });

  it('refuses every way of writing a private or loopback address, and names that resolve to one', async () => {
    const urls = [
      `http://127.0.0.1:${internal.port}/`,
      `http://127.1:${internal.port}/`,
      `http://0x7f000001:${internal.port}/`,
      `http://2130706433:${internal.port}/`,
      `http://localhost:${internal.port}/`,
      `http://[::ffff:127.0.0.1]:${internal.port}/`,
      `http://[::1]:${internal.port}/`,
      `http://0.0.0.0:${internal.port}/`,
      // The shop's port on another name of the same machine: not the configured origin.
      `http://localhost:${shop.port}/`,
    ];
    for (const url of urls) {
      const refused = await refusal(outboundFetch(url, { policy, allow: () => true }));
      expect(refused.message, url).toMatch(/not connecting/);
    }
    expect(internal.hits).toEqual([]);
  });

  it('refuses a redirect off the allowed hosts before following it', async () => {
    const target = `http://127.0.0.1:${internal.port}/secret`;
    const refused = await refusal(outboundFetch(`http://127.0.0.1:${shop.port}/to?${encodeURIComponent(target)}`, { policy }));
    expect(refused.message).toContain('off the allowed hosts');
    expect(internal.hits).toEqual([]);
  });

  it('refuses a private redirect target at connect time even where the caller allows any URL', async () => {
    const before = shop.hits.length;
    for (const target of [
      `http://127.0.0.1:${internal.port}/a`,
      `http://localhost:${internal.port}/b`,
      `http://[::ffff:7f00:1]:${internal.port}/c`,
    ]) {
      await refusal(outboundFetch(`http://127.0.0.1:${shop.port}/to?${encodeURIComponent(target)}`, { policy, allow: () => true }));
    }
    expect(internal.hits).toEqual([]);
    expect(shop.hits.length - before).toBe(3);
  });

  it('follows a redirect within the shop, and hands back the last one beyond maxRedirects', async () => {
    const onShop = `http://127.0.0.1:${shop.port}/robots.txt`;
    const followed = await outboundFetch(`http://127.0.0.1:${shop.port}/to?${encodeURIComponent(onShop)}`, { policy });
    expect([followed.status, followed.url]).toEqual([200, onShop]);
    const kept = await outboundFetch(`http://127.0.0.1:${shop.port}/to?${encodeURIComponent(onShop)}`, { policy, maxRedirects: 0 });
    expect([kept.status, kept.headers.get('location')]).toEqual([302, onShop]);
  });

  it('lets no shop be local when OUTBOUND_ALLOW_PRIVATE_SHOPS is off', async () => {
    const strict = outboundPolicy({
      OUTBOUND_ALLOW_PRIVATE_SHOPS: false,
      MARKETPLACE_URL_IT: `http://127.0.0.1:${shop.port}`,
      MARKETPLACE_URL_FR: undefined,
      MARKETPLACE_URL_DE: undefined,
      MARKETPLACE_URL_ES: undefined,
      DEEPL_SERVER_URL: `http://127.0.0.1:${internal.port}`,
    });
    const before = shop.hits.length;
    await refusal(outboundFetch(`http://127.0.0.1:${shop.port}/`, { policy: strict }));
    await refusal(outboundFetch(`http://127.0.0.1:${internal.port}/`, { policy: strict }));
    expect(shop.hits.length).toBe(before);
    expect(internal.hits).toEqual([]);
  });

  it('writes origins as host and port, IPv6 in brackets', () => {
    expect(originOf('https://Shop.Example/x')).toBe('shop.example:443');
    expect(originOf('http://[::1]:4100/')).toBe('[::1]:4100');
    expect(originOf('http://127.0.0.1/')).toBe('127.0.0.1:80');
  });
});
