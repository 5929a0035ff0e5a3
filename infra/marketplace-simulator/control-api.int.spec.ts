// The control API over HTTP: input validated with zod and refused with a 400 naming the field;
// a product's price, list price and stock set now and seen at once by its page and its offer;
// product lookup with the same product in other markets; the clock; a full reset.
import { describe, expect, it } from 'vitest';
import { canonicalPath } from './catalog-generator';
import { formatPrice } from './price-format';
import { control, findProduct, useSimulator } from './simulator-testing';

const { sim, clock } = useSimulator();

interface Issue {
  field: string;
  message: string;
}

describe('validation', () => {
  it.each([
    ['/faults', { latecny: { medianMs: 1 } }, 'latecny'],
    ['/faults', { error: { status: 404 } }, 'error.status'],
    ['/faults', { markets: ['uk'] }, 'markets.0'],
    ['/faults', { latency: { medianMs: 300, p99Ms: 100 } }, 'latency.p99Ms'],
    ['/faults', { content: { kind: 'gibberish' } }, 'content.kind'],
  ])('PATCH %s %j answers 400 naming %s', async (path, body, field) => {
    const reply = await control(sim(), 'PATCH', path, body);
    expect(reply.status).toBe(400);
    const { message, issues } = reply.body as { message: string; issues: Issue[] };
    expect(issues.map((i) => i.field)).toContain(field);
    expect(message).toContain(field.split('.')[0]);
  });

  it('names the field of a product patch, and refuses bodies that are not JSON', async () => {
    const product = sim().catalog.product('it', 0);
    const reply = await control(sim(), 'PATCH', `/markets/it/products/${product.sourceId}`, { priceCents: 12.5 });
    expect(reply.status).toBe(400);
    expect((reply.body as { issues: Issue[] }).issues[0]?.field).toBe('priceCents');
    const stock = await control(sim(), 'PATCH', `/markets/it/products/${product.sourceId}`, { stockQuantity: -1 });
    expect((stock.body as { issues: Issue[] }).issues[0]?.field).toBe('stockQuantity');
    const notJson = await fetch(`${sim().controlUrl}/faults`, { method: 'PATCH', body: '{"error":' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ message: 'the body is not valid JSON' });
  });

  it('answers 404 for unknown products and paths, 405 for wrong methods, 400 for unknown markets', async () => {
    expect((await control(sim(), 'GET', '/markets/it/products/B0ZZZZZZZZ')).status).toBe(404);
    expect((await control(sim(), 'GET', '/nowhere')).status).toBe(404);
    expect((await control(sim(), 'PUT', '/faults', {})).status).toBe(405);
    expect((await control(sim(), 'GET', '/markets/uk/products/B0ZZZZZZZZ')).status).toBe(400);
    expect((await control(sim(), 'GET', '/markets/it/products?index=999999')).status).toBe(400);
  });
});

describe('products', () => {
  it('looks a product up by index or source id, with where else it is sold', async () => {
    const product = findProduct(sim(), 'de', (p) => p.worldId !== null);
    const byIndex = (await control(sim(), 'GET', `/markets/de/products?index=${product.index}`)).body as Record<string, unknown>;
    const bySourceId = (await control(sim(), 'GET', `/markets/de/products/${product.sourceId}`)).body as Record<string, unknown>;
    expect(byIndex).toEqual(bySourceId);
    expect(byIndex).toMatchObject({
      market: 'de',
      index: product.index,
      sourceId: product.sourceId,
      gtin: product.gtin,
      template: product.markup.template,
    });
    const siblings = byIndex['siblings'] as Record<string, { sourceId: string; url: string }>;
    expect(Object.keys(siblings).sort()).toEqual(product.markets.filter((m) => m !== 'de').sort());
    for (const [market, sibling] of Object.entries(siblings)) {
      const other = (await control(sim(), 'GET', `/markets/${market}/products/${sibling.sourceId}`)).body as Record<string, unknown>;
      expect(other['gtin']).toBe(product.gtin);
    }
  });

  it('sets price, list price and stock now, seen by the offer API and the page, and clears them', async () => {
    const product = findProduct(sim(), 'it', (p) => p.markup.template === 'amazon');
    const reply = await control(sim(), 'PATCH', `/markets/it/products/${product.sourceId}`, {
      priceCents: 123_456,
      listPriceCents: 200_000,
      stockQuantity: 4,
    });
    expect(reply.body).toMatchObject({
      offer: { priceCents: 123_456, listPriceCents: 200_000, stockQuantity: 4, availability: 'in_stock' },
      override: { priceCents: 123_456 },
    });
    const offer = await (await fetch(`${sim().urls.it}/api/offers/${product.sourceId}`)).json();
    expect(offer).toMatchObject({
      priceCents: 123_456,
      listPriceCents: 200_000,
      stockQuantity: 4,
      updatedAt: new Date(clock.nowMs).toISOString(),
    });
    const page = await (await fetch(`${sim().urls.it}${canonicalPath(product)}`)).text();
    expect(page).toContain(`<span class="a-offscreen">${formatPrice(123_456, 'dot-suffix')}</span>`);
    expect(page).toContain('Solo 4 rimasti');
    await control(sim(), 'PATCH', `/markets/it/products/${product.sourceId}`, { stockQuantity: 0 });
    expect(await (await fetch(`${sim().urls.it}/api/offers/${product.sourceId}`)).json()).toMatchObject({ availability: 'out_of_stock' });
    await control(sim(), 'PATCH', `/markets/it/products/${product.sourceId}`, { priceCents: null });
    const cleared = (await control(sim(), 'DELETE', `/markets/it/products/${product.sourceId}`)).body as {
      override: unknown;
      offer: { priceCents: number };
    };
    expect(cleared.override).toBeNull();
    expect(cleared.offer.priceCents).not.toBe(123_456);
  });
});

describe('clock, counters and reset', () => {
  it('moves the simulator’s clock forward without touching the host’s', async () => {
    const before = ((await control(sim(), 'GET', '/clock')).body as { nowMs: number }).nowMs;
    expect(before).toBe(clock.nowMs);
    const after = ((await control(sim(), 'POST', '/clock', { advanceMs: 3_600_000 })).body as { nowMs: number }).nowMs;
    expect(after).toBe(before + 3_600_000);
    expect((await control(sim(), 'POST', '/clock', { advanceMs: 'soon' })).status).toBe(400);
  });

  it('resets faults, overrides, orders, counters and the clock offset', async () => {
    const product = sim().catalog.product('fr', 1);
    await control(sim(), 'PATCH', '/faults', { error: { status: 503 } });
    await control(sim(), 'PATCH', `/markets/fr/products/${product.sourceId}`, { priceCents: 999 });
    await control(sim(), 'POST', '/clock', { advanceMs: 1_000 });
    await fetch(`${sim().urls.fr}/robots.txt`);
    const summary = (await control(sim(), 'POST', '/reset')).body as Record<string, Record<string, unknown>>;
    expect(summary['overriddenProducts']).toEqual({ it: 0, fr: 0, de: 0, es: 0 });
    expect(summary['orders']).toEqual({ it: 0, fr: 0, de: 0, es: 0 });
    expect(summary['now']).toBe(new Date(clock.nowMs).toISOString());
    expect((summary['faults'] as Record<string, Record<string, { error: unknown }>>)['fr']?.['product']?.error).toBeNull();
    expect((await fetch(`${sim().urls.fr}/robots.txt`)).status).toBe(200);
    expect(((await control(sim(), 'GET', '/requests')).body as Record<string, { total: number }>)['fr']?.total).toBe(1);
  });

  it('summarises the simulator', async () => {
    const summary = (await control(sim(), 'GET', '')).body as Record<string, unknown>;
    expect(summary).toMatchObject({ seed: 1, productsPerMarket: 2_000, crossMarketShare: 0.6, urls: sim().urls });
  });
});
