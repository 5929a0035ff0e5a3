// What a crawl owes the sites it visits and its operator's network: robots.txt obeyed (a
// disallowed page is never fetched, and is counted), every page fetched through the configured
// proxies, a block page retiring its session and resting the site before the page is tried again.
// One small shop served here, so the test sees every request the crawler makes.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestRuntime } from '../../../../infra/local/testing';
import { originOf } from '../../platform/outbound';
import { runCrawl } from './crawl.service';
import { testCrawlSettings } from './crawl-settings.fixture';
import type { SiteConfig } from './sites';

const rt = useTestRuntime('crawl_politeness');
const shopOrigins = new Set<string>();
const settings = testCrawlSettings(shopOrigins, { requestTimeoutMs: 5_000, maxRetries: 3, blockBackoffMs: 600, batchSize: 10 });

const productPage = (sku: string, gtin: string) => `<!doctype html><html><head><title>${sku}</title>
<script type="application/ld+json">{"@type":"Product","name":"Article ${sku}","sku":"${sku}","gtin13":"${gtin}","offers":{"@type":"Offer","price":"19.90","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script></head><body><h1>Article ${sku}</h1></body></html>`;
const CAPTCHA =
  '<html><head><title>Robot check</title></head><body><form action="/errors/validateCaptcha"><input id="captchacharacters"></form></body></html>';

let shop: Server;
let shopUrl: string;
let proxy: Server;
let proxyUrl: string;
/** Paths the shop served, with the time and the session cookie of each request. */
let served: { path: string; at: number; cookie: string | undefined }[] = [];
let proxied: string[] = [];
let captchasLeft = 0;

beforeAll(async () => {
  shop = createServer((req, res) => {
    served.push({ path: req.url ?? '', at: Date.now(), cookie: req.headers.cookie });
    if (req.url === '/robots.txt')
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n');
    if (req.url === '/p/guarded' && captchasLeft > 0) {
      captchasLeft -= 1;
      return void res.writeHead(200, { 'content-type': 'text/html', 'set-cookie': `visitor=${served.length}` }).end(CAPTCHA);
    }
    const gtins: Record<string, string> = {
      '/p/a': '4006381333931',
      '/p/b': '8712345678906',
      '/private/c': '5901234123457',
      '/p/guarded': '7350001234564',
    };
    const gtin = gtins[req.url ?? ''];
    if (!gtin) return void res.writeHead(404).end('not found');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'set-cookie': `visitor=${served.length}` })
      .end(productPage(req.url!.split('/').pop()!, gtin));
  });
  // A forward proxy: requests arrive with absolute URLs and are passed on.
  proxy = createServer((req, res) => {
    proxied.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await Promise.all([new Promise<void>((r) => shop.listen(0, '127.0.0.1', r)), new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r))]);
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  shopOrigins.add(originOf(shopUrl));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await Promise.all([new Promise((r) => shop?.close(r)), new Promise((r) => proxy?.close(r))]);
});
beforeEach(() => {
  served = [];
  proxied = [];
  captchasLeft = 0;
});

const site = (): SiteConfig => ({
  name: 'polite-shop',
  market: 'it',
  hosts: [new URL(shopUrl).host],
  imageHosts: [],
  baseUrl: `${shopUrl}/`,
  extractor: 'generic',
  browser: false,
  maxRequestsPerMinute: 0,
  maxConcurrency: 1,
  respectRobotsTxt: true,
  scheduled: false,
  quoteSource: 'page',
  productPath: /^\/(?:p|private)\//,
  listingPath: /^\/c\//,
});
const start = (...paths: string[]) => paths.map((path) => ({ url: `${shopUrl}${path}`, kind: 'product' as const }));

describe('a polite crawl', () => {
  it('never fetches what robots.txt disallows, and counts it', async () => {
    const run = await runCrawl(
      { db: rt().db, log: () => undefined },
      { site: site(), kind: 'urls', start: start('/p/a', '/private/c', '/p/b') },
      settings,
    );
    expect(served.map((s) => s.path)).not.toContain('/private/c');
    expect(served.map((s) => s.path)).toEqual(expect.arrayContaining(['/robots.txt', '/p/a', '/p/b']));
    expect(run.counts).toMatchObject({ products: 2, inserted: 2 });
    expect(run.failedByReason).toEqual({ robots_txt: 1 });
  });

  it('fetches every page through the configured proxy', async () => {
    const run = await runCrawl(
      { db: rt().db, log: () => undefined },
      { site: site(), kind: 'urls', start: start('/p/a', '/p/b') },
      { ...settings, proxyUrls: [proxyUrl] },
    );
    expect(run.counts.products).toBe(2);
    expect(proxied).toEqual(expect.arrayContaining([`${shopUrl}/p/a`, `${shopUrl}/p/b`]));
    expect(served.filter((s) => s.path.startsWith('/p/')).length).toBe(proxied.filter((u) => u.includes('/p/')).length);
  });

  it('after a block page, retires the session and rests the site before trying the page again', async () => {
    captchasLeft = 1;
    const run = await runCrawl({ db: rt().db, log: () => undefined }, { site: site(), kind: 'urls', start: start('/p/guarded') }, settings);
    expect(run.counts).toMatchObject({ products: 1, blocked: 0, failed: 0 });
    const tries = served.filter((s) => s.path === '/p/guarded');
    expect(tries).toHaveLength(2);
    // The retry waited for the site's back-off, and came with a fresh session (not the blocked one's cookie).
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(settings.blockBackoffMs - 50);
    expect(tries[1]!.cookie).not.toBe(`visitor=${served.indexOf(tries[0]!) + 1}`);
  });

  it('records a page that stays blocked as blocked, never as a product', async () => {
    captchasLeft = 100;
    const run = await runCrawl(
      { db: rt().db, log: () => undefined },
      { site: site(), kind: 'urls', start: start('/p/guarded') },
      { ...settings, blockBackoffMs: 50 },
    );
    expect(run.counts).toMatchObject({ products: 0, blocked: 1 });
    expect(run.blockedByReason).toEqual({ captcha: 1 });
    expect(served.filter((s) => s.path === '/p/guarded')).toHaveLength(settings.maxRetries + 1);
  });
});
