// Every fault switch over HTTP: errors with Retry-After, latency, hangs (and stopping the
// simulator while a request hangs), truncated and malformed bodies, the captcha page, hostile
// content, pointing elsewhere; set for all markets, for one market, per route kind and per product.
import { beforeEach, describe, expect, it } from 'vitest';
import { canonicalPath, type SimProduct } from './catalog-generator';
import { HOSTILE_SNIPPETS } from './product-templates';
import { startSimulator } from './simulator';
import { control, findProduct, useSimulator } from './simulator-testing';

const { sim } = useSimulator();

beforeEach(async () => {
  expect((await control(sim(), 'POST', '/reset')).status).toBe(200);
});

const amazonProduct = (index = 0): SimProduct => {
  let seen = 0;
  return findProduct(sim(), 'it', (p) => p.markup.template === 'amazon' && p.stockProfile === 'steady' && seen++ === index);
};
const pageUrl = (p: SimProduct) => `${sim().urls[p.market]}${canonicalPath(p)}`;
const offerUrl = (p: SimProduct) => `${sim().urls[p.market]}/api/offers/${p.sourceId}`;
const setFaults = async (patch: Record<string, unknown>) => expect((await control(sim(), 'PATCH', '/faults', patch)).status).toBe(200);
const setProduct = async (p: SimProduct, patch: Record<string, unknown>) =>
  expect((await control(sim(), 'PATCH', `/markets/${p.market}/products/${p.sourceId}`, patch)).status).toBe(200);

describe('error statuses', () => {
  it('429 with Retry-After, on the routes asked for only', async () => {
    const product = amazonProduct();
    await setFaults({ routes: ['offer'], error: { status: 429, retryAfterSeconds: 7 } });
    const limited = await fetch(offerUrl(product));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({ error: 'too_many_requests' });
    expect((await fetch(pageUrl(product))).status).toBe(200);
  });

  it('500 without and 503 with Retry-After, as HTML pages for pages', async () => {
    const product = amazonProduct();
    await setFaults({ routes: ['product'], error: { status: 500 } });
    const failed = await fetch(pageUrl(product));
    expect(failed.status).toBe(500);
    expect(failed.headers.get('retry-after')).toBeNull();
    expect(failed.headers.get('content-type')).toMatch(/^text\/html/);
    await setFaults({ routes: ['product'], error: { status: 503, retryAfterSeconds: 120 } });
    const unavailable = await fetch(pageUrl(product));
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('120');
  });

  it('on every route when no routes are named, including discovery and listings', async () => {
    await setFaults({ error: { status: 503 } });
    for (const path of ['/robots.txt', '/sitemap.xml', '/', '/c/elettronica'])
      expect((await fetch(`${sim().urls.it}${path}`)).status).toBe(503);
  });

  it('in the markets asked for only', async () => {
    await setFaults({ markets: ['fr'], error: { status: 503 } });
    expect((await fetch(`${sim().urls.fr}/robots.txt`)).status).toBe(503);
    expect((await fetch(`${sim().urls.it}/robots.txt`)).status).toBe(200);
  });

  it('on a share of requests, the same share again after a reset', async () => {
    const product = amazonProduct();
    const statuses = async () => {
      await setFaults({ routes: ['offer'], error: { status: 500, share: 0.5 } });
      const result: number[] = [];
      for (let i = 0; i < 40; i++) result.push((await fetch(offerUrl(product))).status);
      return result;
    };
    const first = await statuses();
    expect(first).toContain(500);
    expect(first).toContain(200);
    await control(sim(), 'POST', '/reset');
    expect(await statuses()).toEqual(first);
  });

  it('cleared by DELETE /faults', async () => {
    await setFaults({ error: { status: 503 } });
    await control(sim(), 'DELETE', '/faults');
    expect((await fetch(`${sim().urls.it}/robots.txt`)).status).toBe(200);
  });
});

describe('latency and hangs', () => {
  it('delays answers by the latency asked for, and says its own time in Server-Timing', async () => {
    const product = amazonProduct();
    await setFaults({ routes: ['offer'], latency: { medianMs: 150, p99Ms: 150 } });
    const started = performance.now();
    const response = await fetch(offerUrl(product));
    const elapsed = performance.now() - started;
    expect(response.status).toBe(200);
    // A lower bound only: timers never fire early, but a busy machine may make them late.
    expect(elapsed).toBeGreaterThanOrEqual(140);
    const own = Number(/^app;dur=([\d.]+)$/.exec(response.headers.get('server-timing') ?? '')?.[1]);
    expect(own).toBeGreaterThanOrEqual(140);
    expect(own).toBeLessThanOrEqual(elapsed);
  });

  it('never answers a hung request, until the client gives up', async () => {
    const product = amazonProduct();
    await setFaults({ routes: ['product'], hang: { share: 1 } });
    await expect(fetch(pageUrl(product), { signal: AbortSignal.timeout(200) })).rejects.toThrow(/aborted|timeout/i);
    expect((await fetch(offerUrl(product))).status).toBe(200);
  });

  it('stops even while requests hang', async () => {
    const own = await startSimulator({ latency: false, productsPerMarket: 100 });
    await control(own, 'PATCH', '/faults', { hang: { share: 1 } });
    const hung = fetch(`${own.urls.de}/robots.txt`).then(
      () => 'answered',
      () => 'dropped',
    );
    // Stop once the request has reached the server and is hanging there.
    while (((await control(own, 'GET', '/requests')).body as { de: { total: number } }).de.total === 0)
      await new Promise((r) => setTimeout(r, 10));
    await own.stop();
    expect(await hung).toBe('dropped');
  });
});

describe('damaged content', () => {
  it('truncates pages in the middle', async () => {
    const product = amazonProduct();
    const whole = await (await fetch(pageUrl(product))).text();
    await setFaults({ routes: ['product'], content: { kind: 'truncated' } });
    const response = await fetch(pageUrl(product));
    const cut = await response.text();
    expect(response.status).toBe(200);
    expect(cut.length).toBeLessThan(whole.length * 0.6);
    expect(whole.startsWith(cut)).toBe(true);
    expect(cut).not.toContain('</html>');
  });

  it('malforms HTML and JSON', async () => {
    const product = amazonProduct();
    const whole = await (await fetch(pageUrl(product))).text();
    await setFaults({ routes: ['product', 'offer'], content: { kind: 'malformed' } });
    const html = await (await fetch(pageUrl(product))).text();
    expect(html.match(/<\/div>/g)?.length ?? 0).toBeLessThan(whole.match(/<\/div>/g)?.length ?? 0);
    expect(html).toContain(product.sourceId);
    const json = await (await fetch(offerUrl(product))).text();
    expect(() => JSON.parse(json)).toThrow();
    expect(json).toContain('priceCents:');
  });

  it('shows a robot check instead of the product, and instead of the offer JSON', async () => {
    const product = amazonProduct();
    await setFaults({ routes: ['product', 'offer'], content: { kind: 'captcha' } });
    const page = await fetch(pageUrl(product));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('action="/errors/validateCaptcha"');
    expect(html).not.toContain('productTitle');
    const offer = await fetch(offerUrl(product));
    expect(offer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await offer.text()).toContain('captchacharacters');
  });

  it('puts hostile markup raw on the page, and as data in the offer JSON', async () => {
    const product = amazonProduct();
    expect(await (await fetch(pageUrl(product))).text()).not.toContain('<script>');
    await setFaults({ routes: ['product', 'offer'], content: { kind: 'hostile' } });
    const html = await (await fetch(pageUrl(product))).text();
    expect(html).toContain(`${product.title} ${HOSTILE_SNIPPETS.title}`);
    expect(html).toContain(HOSTILE_SNIPPETS.description);
    const offer = (await (await fetch(offerUrl(product))).json()) as { seller: string };
    expect(offer.seller).toBe(`${product.seller}${HOSTILE_SNIPPETS.seller}`);
  });
});

describe('per-product faults', () => {
  it('apply to that product’s page, offer and orders only', async () => {
    const broken = amazonProduct(0);
    const fine = amazonProduct(1);
    await setProduct(broken, { faults: { error: { status: 503 } } });
    expect((await fetch(pageUrl(broken))).status).toBe(503);
    expect((await fetch(offerUrl(broken))).status).toBe(503);
    const order = await fetch(`${sim().urls.it}/api/supplier/orders`, {
      method: 'POST',
      headers: { 'idempotency-key': 'broken-1', 'content-type': 'application/json' },
      body: JSON.stringify({ sourceId: broken.sourceId, quantity: 1, shipTo: { country: 'IT' } }),
    });
    expect(order.status).toBe(503);
    expect((await fetch(pageUrl(fine))).status).toBe(200);
    expect((await fetch(offerUrl(fine))).status).toBe(200);
  });

  it('narrow to the routes asked for, and win over the market’s faults', async () => {
    const product = amazonProduct(0);
    const other = amazonProduct(1);
    await setFaults({ routes: ['product', 'offer'], error: { status: 503 } });
    await setProduct(product, { faults: { routes: ['offer'], error: null, content: { kind: 'captcha' } } });
    expect((await fetch(pageUrl(product))).status).toBe(503);
    expect(await (await fetch(offerUrl(product))).text()).toContain('captchacharacters');
    expect((await fetch(offerUrl(other))).status).toBe(503);
    await control(sim(), 'DELETE', `/markets/it/products/${product.sourceId}`);
    expect((await fetch(offerUrl(product))).status).toBe(503);
  });
});

describe('faults on supplier orders', () => {
  const order = (product: SimProduct, key: string) =>
    fetch(`${sim().urls.it}/api/supplier/orders`, {
      method: 'POST',
      headers: { 'idempotency-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ sourceId: product.sourceId, quantity: 1, shipTo: { country: 'IT' } }),
    });

  it('place no order when the request fails, so a retry creates it', async () => {
    const product = amazonProduct();
    await setFaults({ routes: ['order'], error: { status: 503 } });
    expect((await order(product, 'retry-1')).status).toBe(503);
    await control(sim(), 'DELETE', '/faults');
    expect((await order(product, 'retry-1')).status).toBe(201);
  });

  it('place the order when only the answer is damaged, so a retry with the key gets it back', async () => {
    const product = amazonProduct();
    await setFaults({ routes: ['order'], content: { kind: 'truncated' } });
    const damaged = await order(product, 'retry-2');
    expect(damaged.status).toBe(201);
    const cut = await damaged.text();
    expect(() => JSON.parse(cut)).toThrow();
    await control(sim(), 'DELETE', '/faults');
    const retried = await order(product, 'retry-2');
    expect(retried.status).toBe(200);
    expect(await retried.json()).toMatchObject({ status: 'accepted' });
  });
});

describe('pointing elsewhere', () => {
  const target = 'http://127.0.0.1:6379';

  it('names the target in robots.txt, the sitemaps and the listings, beside the shop’s own URLs', async () => {
    await setFaults({ markets: ['it'], routes: ['discovery', 'listing'], elsewhere: { targets: [target] } });
    const shop = sim().urls.it;
    const robots = await (await fetch(`${shop}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${shop}/sitemap.xml`);
    expect(robots).toContain(`Sitemap: ${target}/sitemap.xml`);
    const index = await (await fetch(`${shop}/sitemap.xml`)).text();
    expect(index).toContain(`<loc>${target}/sitemap.xml</loc>`);
    expect(index).toContain(`<loc>${shop}/sitemaps/elsewhere.xml</loc>`);
    const onShop = await fetch(`${shop}/sitemaps/elsewhere.xml`, { redirect: 'manual' });
    expect([onShop.status, onShop.headers.get('location')]).toEqual([302, `${target}/sitemap.xml`]);
    expect(await (await fetch(`${shop}/sitemaps/products-1.xml`)).text()).toContain(`<loc>${target}/dp/B0ELSEWHR1</loc>`);
    const listing = await (await fetch(`${shop}/c/elettronica`)).text();
    expect(listing).toContain(`href="${target}/dp/B0ELSEWHR1"`);
    expect(listing).toContain('class="product-card"');
    // Another market, and a shop without the fault, answer as ever.
    expect(await (await fetch(`${sim().urls.fr}/robots.txt`)).text()).not.toContain(target);
    expect((await fetch(`${sim().urls.fr}/sitemaps/elsewhere.xml`)).status).toBe(404);
  });

  it('redirects one product’s page, or every offer and order, to the same path on the target', async () => {
    const product = amazonProduct();
    const other = amazonProduct(1);
    await setProduct(product, { faults: { routes: ['product'], elsewhere: { targets: [target] } } });
    const page = await fetch(pageUrl(product), { redirect: 'manual' });
    expect([page.status, page.headers.get('location')]).toEqual([302, `${target}${canonicalPath(product)}`]);
    expect((await fetch(pageUrl(other), { redirect: 'manual' })).status).toBe(200);
    await setFaults({ routes: ['offer', 'order'], elsewhere: { targets: [target] } });
    const offer = await fetch(offerUrl(other), { redirect: 'manual' });
    expect([offer.status, offer.headers.get('location')]).toEqual([302, `${target}/api/offers/${other.sourceId}`]);
  });
});
