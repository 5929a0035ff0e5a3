// Fault settings: how patches change a market's and a product's faults, how a product's own
// settings win over its market's, what the dice decide, and how bodies are damaged.
import { describe, expect, it } from 'vitest';
import {
  decideFaults,
  effectiveFaults,
  FaultPatch,
  initialMarketFaults,
  ELSEWHERE_SITEMAP_PATH,
  elsewhereLocation,
  malformBody,
  NO_FAULTS,
  patchMarketFaults,
  patchProductFaults,
  ProductFaultPatch,
  REALISTIC_LATENCY,
  ROUTE_KINDS,
  pointElsewhere,
  sampleLatencyMs,
  truncateBody,
} from './faults';
import { renderRobotsTxt, renderSitemapIndex, renderUrlSet } from './discovery-pages';
import { SeededRandom } from './seeded-random';

describe('initial faults', () => {
  it('put realistic latency on product pages and the offer API only, or nothing at all', () => {
    const on = initialMarketFaults(true);
    expect(on.product.latency).toEqual(REALISTIC_LATENCY);
    expect(on.offer.latency).toEqual(REALISTIC_LATENCY);
    for (const route of ['listing', 'discovery', 'order'] as const) expect(on[route]).toEqual(NO_FAULTS);
    for (const route of ROUTE_KINDS) expect(initialMarketFaults(false)[route]).toEqual(NO_FAULTS);
  });
});

describe('patches', () => {
  it('change the given fields on the given routes, or on all routes', () => {
    const start = initialMarketFaults(true);
    const onlyOffers = patchMarketFaults(start, FaultPatch.parse({ routes: ['offer'], error: { status: 503 } }));
    expect(onlyOffers.offer).toEqual({ ...start.offer, error: { status: 503, retryAfterSeconds: 30, share: 1 } });
    expect(onlyOffers.product).toEqual(start.product);
    const everywhere = patchMarketFaults(onlyOffers, FaultPatch.parse({ hang: { share: 0.5 } }));
    for (const route of ROUTE_KINDS) expect(everywhere[route].hang).toEqual({ share: 0.5 });
    expect(everywhere.offer.error?.status).toBe(503);
    const cleared = patchMarketFaults(everywhere, FaultPatch.parse({ error: null, latency: null }));
    expect(cleared.offer).toEqual({ ...NO_FAULTS, hang: { share: 0.5 } });
  });

  it('reject unknown fields, routes and out-of-range values, naming them', () => {
    const problems = (value: unknown) => FaultPatch.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.code]);
    expect(problems({ latecny: {} })).toEqual([['', 'unrecognized_keys']]);
    expect(problems({ routes: ['checkout'] })).toEqual([['routes.0', 'invalid_value']]);
    expect(problems({ error: { status: 404 } })?.[0]?.[0]).toBe('error.status');
    expect(problems({ latency: { medianMs: 500, p99Ms: 100 } })).toEqual([['latency.p99Ms', 'custom']]);
    expect(problems({ hang: { share: 2 } })).toEqual([['hang.share', 'too_big']]);
    expect(ProductFaultPatch.safeParse({ routes: ['listing'] }).success).toBe(false);
  });

  it('let a product’s own settings win, field by field, on its own routes', () => {
    const market = patchMarketFaults(initialMarketFaults(true), FaultPatch.parse({ error: { status: 500 } }));
    const product = patchProductFaults({}, ProductFaultPatch.parse({ routes: ['offer'], content: { kind: 'captcha' }, error: null }));
    expect(effectiveFaults(market, product, 'offer')).toEqual({
      latency: REALISTIC_LATENCY,
      error: null,
      hang: null,
      content: { kind: 'captcha', share: 1 },
      elsewhere: null,
    });
    expect(effectiveFaults(market, product, 'product')).toEqual(market.product);
    expect(effectiveFaults(market, undefined, 'offer')).toEqual(market.offer);
  });
});

describe('decideFaults', () => {
  it('applies each fault to about its share of requests, reproducibly', () => {
    const settings = { ...NO_FAULTS, error: { status: 429 as const, retryAfterSeconds: 5, share: 0.25 }, hang: { share: 0.1 } };
    const run = () => {
      const random = new SeededRandom(9);
      return Array.from({ length: 4_000 }, () => decideFaults(settings, random));
    };
    const decisions = run();
    expect(run()).toEqual(decisions);
    const errors = decisions.filter((d) => d.error).length / decisions.length;
    const hangs = decisions.filter((d) => d.hang).length / decisions.length;
    expect(Math.abs(errors - 0.25)).toBeLessThan(0.03);
    expect(Math.abs(hangs - 0.1)).toBeLessThan(0.02);
  });

  it('decides nothing when there is nothing to decide', () => {
    expect(decideFaults(NO_FAULTS, new SeededRandom(1))).toEqual({ hang: false, delayMs: 0, error: null, content: null, elsewhere: null });
  });
});

describe('sampleLatencyMs', () => {
  it('draws a log-normal with the asked median and 99th percentile', () => {
    const random = new SeededRandom(5);
    const samples = Array.from({ length: 20_000 }, () => sampleLatencyMs(REALISTIC_LATENCY, random)).sort((a, b) => a - b);
    const at = (q: number) => samples[Math.floor(q * samples.length)] as number;
    expect(at(0.5)).toBeGreaterThan(235);
    expect(at(0.5)).toBeLessThan(265);
    expect(at(0.99)).toBeGreaterThan(700);
    expect(at(0.99)).toBeLessThan(900);
    expect(samples[samples.length - 1]).toBeLessThanOrEqual(3 * REALISTIC_LATENCY.p99Ms);
  });

  it('is 0 when latency is off', () => {
    expect(sampleLatencyMs(null, new SeededRandom(1))).toBe(0);
    expect(sampleLatencyMs({ medianMs: 0, p99Ms: 0 }, new SeededRandom(1))).toBe(0);
  });
});

describe('damaged bodies', () => {
  it('cut a document in the middle', () => {
    const body = '<html><body>' + 'x'.repeat(1_000) + '</body></html>';
    expect(truncateBody(body).length).toBeLessThan(body.length / 2);
    expect(body.startsWith(truncateBody(body))).toBe(true);
  });

  it('make JSON and XML unparseable and HTML sloppy', () => {
    expect(() => JSON.parse(malformBody('{"priceCents":100,"currency":"EUR"}', 'json'))).toThrow();
    const xml = '<urlset><url><loc>a</loc></url><url><loc>b</loc></url></urlset>';
    expect(malformBody(xml, 'xml')).toBe('<urlset><url><loc>a</loc></url><url><loc>b</loc></urlset>');
    const html = '<html><head></head><body><div><span>1</span></div><div><span>2</span></div></body></html>';
    const malformed = malformBody(html, 'html');
    expect(malformed.match(/<\/(div|span)>/g)).toHaveLength(2);
    expect(malformed).toContain('class="x>');
    expect(malformBody('Sitemap: http://x/sitemap.xml', 'text')).toBe('Sitemap http://x/sitemap.xml');
  });
});

describe('a shop that points elsewhere', () => {
  const targets = ['http://127.0.0.1:6379', 'http://internal.example'];
  const shop = 'http://127.0.0.1:4100';

  it('is set by origin, on the routes asked, and rolled like the others', () => {
    const patch = FaultPatch.parse({
      routes: ['discovery'],
      elsewhere: { targets: ['http://127.0.0.1:6379/ignored/path', 'http://internal.example'] },
    });
    expect(patch.elsewhere).toEqual({ targets, share: 1 });
    const faults = patchMarketFaults(initialMarketFaults(false), patch);
    expect(faults.discovery.elsewhere).toEqual({ targets, share: 1 });
    expect(faults.product.elsewhere).toBeNull();
    expect(decideFaults(faults.discovery, new SeededRandom(1)).elsewhere).toEqual(targets);
    expect(() => FaultPatch.parse({ elsewhere: { targets: ['file:///etc/passwd'] } })).toThrow();
    expect(() => FaultPatch.parse({ elsewhere: { targets: [] } })).toThrow();
  });

  it('names the targets in robots.txt, the sitemap index, the sitemaps and the pages, beside its own URLs', () => {
    const robots = pointElsewhere(renderRobotsTxt(shop), 'text', targets, shop);
    expect(robots).toContain(`Sitemap: ${shop}/sitemap.xml`);
    for (const t of targets) expect(robots).toContain(`Sitemap: ${t}/sitemap.xml`);

    const index = pointElsewhere(renderSitemapIndex(shop, 2, '2026-01-01'), 'xml', targets, shop);
    expect([...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      `${shop}/sitemaps/categories.xml`,
      `${shop}/sitemaps/products-1.xml`,
      `${shop}/sitemaps/products-2.xml`,
      `${targets[0]}/sitemap.xml`,
      `${targets[1]}/sitemap.xml`,
      `${shop}${ELSEWHERE_SITEMAP_PATH}`,
    ]);

    const urlset = pointElsewhere(renderUrlSet(shop, [{ path: '/p/x-B012345678', lastModified: '2026-01-01' }]), 'xml', targets, shop);
    const locs = [...urlset.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(locs[0]).toBe(`${shop}/p/x-B012345678`);
    expect(locs.slice(1).map((l) => new URL(l).origin)).toEqual([targets[0], targets[0], targets[1], targets[1]]);

    const page = pointElsewhere('<html><body><main><a href="/c/a">a</a></main></body></html>', 'html', targets, shop);
    expect(page).toContain('<a href="/c/a">a</a>');
    expect(page).toContain(`href="${targets[1]}/c/elsewhere"`);
    expect(page.indexOf('class="elsewhere"')).toBeLessThan(page.indexOf('</main>'));

    expect(pointElsewhere('{"priceCents":1}', 'json', targets, shop)).toBe('{"priceCents":1}');
  });

  it('sends a redirect to the same path on one of the targets', () => {
    expect(elsewhereLocation(targets, '/dp/B012345678', 0)).toBe('http://127.0.0.1:6379/dp/B012345678');
    expect(elsewhereLocation(targets, '/dp/B012345678', 3)).toBe('http://internal.example/dp/B012345678');
  });
});
