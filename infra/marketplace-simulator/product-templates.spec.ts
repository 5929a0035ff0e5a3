// @vitest-environment jsdom
// The product page templates, read back with a DOM parser the way an extractor would: each holds
// the fields it must (title, price as the shop prints it, list price, availability in the
// market's language, ids), escapes what it shows, and goes raw only under the hostile fault.
import { describe, expect, it } from 'vitest';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { Catalog, type JsonLdShape, type SimProduct, type TemplateKind } from './catalog-generator';
import type { OfferState } from './offer-drift';
import { decimalAmount, formatPrice, priceParts } from './price-format';
import { HOSTILE_SNIPPETS, productView, renderCaptchaPage, renderProductPage } from './product-templates';
import { SHOP_TEXTS } from './shop-texts';

const catalog = new Catalog({ seed: 1, productsPerMarket: 2_000, crossMarketShare: 0.6 });
const BASE = 'http://shop.test';
const IN_STOCK: OfferState = {
  priceCents: 129_995,
  listPriceCents: 149_900,
  shippingCents: 0,
  stockQuantity: 42,
  availability: 'in_stock',
  updatedAtMs: 0,
};
const OUT_OF_STOCK: OfferState = { ...IN_STOCK, listPriceCents: null, shippingCents: 499, stockQuantity: 0, availability: 'out_of_stock' };

function find(market: MarketCode, match: (p: SimProduct) => boolean): SimProduct {
  for (let i = 0; i < catalog.size; i++) {
    const product = catalog.product(market, i);
    if (match(product)) return product;
  }
  throw new Error(`no such product in ${market}`);
}

const byTemplate = (market: MarketCode, template: TemplateKind) => find(market, (p) => p.markup.template === template);
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const text = (doc: ParentNode, selector: string) => doc.querySelector(selector)?.textContent?.trim() ?? null;
const render = (product: SimProduct, offer = IN_STOCK, hostile = false) => renderProductPage(productView(product, offer, BASE, hostile));

function jsonLd(doc: Document): Record<string, unknown> {
  const script = doc.querySelector('script[type="application/ld+json"]');
  if (!script?.textContent) throw new Error('no JSON-LD');
  const value = JSON.parse(script.textContent) as Record<string, unknown>;
  const graph = value['@graph'] as Record<string, unknown>[] | undefined;
  return graph ? (graph.find((n) => n['@type'] !== 'BreadcrumbList') as Record<string, unknown>) : value;
}

describe.each(MARKET_CODES)('templates in %s', (market) => {
  const texts = SHOP_TEXTS[market];

  it('amazon: title, split buy-box price, struck list price, availability, ASIN in attributes and table', () => {
    const product = byTemplate(market, 'amazon');
    const doc = parse(render(product));
    const parts = priceParts(IN_STOCK.priceCents, product.markup.priceStyle);
    expect(text(doc, '#productTitle')).toBe(product.title);
    expect(text(doc, '.priceToPay .a-offscreen')).toBe(formatPrice(IN_STOCK.priceCents, product.markup.priceStyle));
    expect(doc.querySelector('.a-price-whole')?.firstChild?.textContent).toBe(parts.whole);
    expect(text(doc, '.a-price-decimal')).toBe(',');
    expect(text(doc, '.a-price-fraction')).toBe('95');
    expect(text(doc, '.a-text-price[data-a-strike="true"] .a-offscreen')).toBe(formatPrice(149_900, product.markup.priceStyle));
    expect(text(doc, '#availability')).toBe(texts.inStock);
    expect(doc.querySelector('#dp')?.getAttribute('data-asin')).toBe(product.sourceId);
    expect((doc.querySelector('#ASIN') as HTMLInputElement).value).toBe(product.sourceId);
    const rows = Array.from(doc.querySelectorAll('#productDetails_detailBullets_sections1 tr')).map((tr) => [
      text(tr, 'th'),
      text(tr, 'td'),
    ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['ASIN', product.sourceId],
        ['EAN', product.gtin],
        [texts.brand, product.brand],
      ]),
    );
    expect(doc.documentElement.lang).toBe({ it: 'it-IT', fr: 'fr-FR', de: 'de-DE', es: 'es-ES' }[market]);
  });

  it('amazon: no price and the unavailable sentence when out of stock', () => {
    const doc = parse(render(byTemplate(market, 'amazon'), OUT_OF_STOCK));
    expect(doc.querySelector('.a-price')).toBeNull();
    expect(text(doc, '#availability')).toBe(texts.outOfStock);
    expect(doc.querySelector('#add-to-cart-button')?.hasAttribute('disabled')).toBe(true);
  });

  it('amazon: says how many are left when few are', () => {
    const doc = parse(render(byTemplate(market, 'amazon'), { ...IN_STOCK, stockQuantity: 3 }));
    expect(text(doc, '#availability')).toBe(texts.lowStock(3));
  });

  it('amazon-legacy: price block with the EUR code, strike-through list price, detail bullets with the ASIN', () => {
    const product = byTemplate(market, 'amazon-legacy');
    const doc = parse(render(product));
    expect(text(doc, '#productTitle')).toBe(product.title);
    expect(text(doc, '#priceblock_ourprice')).toBe(formatPrice(IN_STOCK.priceCents, product.markup.priceStyle));
    // `.` stands for the market's thousands separator: a dot, or a no-break space in France.
    expect(text(doc, '#priceblock_ourprice')).toMatch(/^EUR 1.299,95$/);
    expect(text(doc, '.a-text-strike')).toMatch(/^EUR 1.499,00$/);
    expect(text(doc, '#availability')).toBe(texts.inStock);
    expect(doc.querySelector('#averageCustomerReviews')?.getAttribute('data-asin')).toBe(product.sourceId);
    expect(text(doc, '#detailBullets_feature_div')).toContain(product.sourceId);
    expect(text(doc, '#detailBullets_feature_div')).toContain(product.gtin);
  });

  it('json-ld: a Product with its Offer, and the price printed as the shop prints it', () => {
    const product = find(market, (p) => p.markup.template === 'json-ld' && p.markup.jsonLdShape === 'offer');
    const doc = parse(render(product));
    const node = jsonLd(doc);
    expect(node).toMatchObject({
      '@type': 'Product',
      name: product.title,
      sku: product.sourceId,
      gtin13: product.gtin,
      brand: { name: product.brand },
    });
    const offer = node['offers'] as Record<string, unknown>;
    expect(offer['price']).toBe(product.markup.jsonLdNumericPrice ? 1299.95 : '1299.95');
    expect(offer).toMatchObject({ '@type': 'Offer', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' });
    expect(text(doc, '.price')).toBe(formatPrice(IN_STOCK.priceCents, product.markup.priceStyle));
    expect(text(doc, '.stock')).toBe(texts.inStock);
  });

  it.each(['aggregate', 'offers', 'variants'] as const satisfies readonly JsonLdShape[])('json-ld: the %s shape', (shape) => {
    const product = find(market, (p) => p.markup.template === 'json-ld' && p.markup.jsonLdShape === shape);
    const node = jsonLd(parse(render(product)));
    if (shape === 'aggregate') {
      expect(node['offers']).toMatchObject({
        '@type': 'AggregateOffer',
        lowPrice: expect.anything(),
        offerCount: product.markup.offerCount,
      });
      expect(String((node['offers'] as Record<string, unknown>)['lowPrice'])).toBe('1299.95');
    } else if (shape === 'offers') {
      const offers = node['offers'] as Record<string, unknown>[];
      expect(offers.map((o) => o['itemCondition'])).toEqual(['https://schema.org/NewCondition', 'https://schema.org/UsedCondition']);
      expect(String(offers[0]?.['price'])).toBe('1299.95');
    } else {
      expect(node['@type']).toBe('ProductGroup');
      const variants = node['hasVariant'] as Record<string, unknown>[];
      expect(variants).toHaveLength(3);
      expect(variants[0]).toMatchObject({ sku: product.sourceId, gtin13: product.gtin });
      expect(String((variants[0]?.['offers'] as Record<string, unknown>)['price'])).toBe('1299.95');
    }
  });

  it('microdata: itemprops for name, price, currency, availability, ids, and OpenGraph price tags', () => {
    const product = byTemplate(market, 'microdata');
    const doc = parse(render(product));
    const og = product.markup.openGraphPrefix;
    expect(text(doc, '[itemprop="name"]')).toBe(product.title);
    expect(doc.querySelector('[itemprop="price"]')?.getAttribute('content')).toBe(decimalAmount(IN_STOCK.priceCents));
    expect(text(doc, '[itemprop="price"]')).toBe(formatPrice(IN_STOCK.priceCents, product.markup.priceStyle));
    expect(doc.querySelector('[itemprop="priceCurrency"]')?.getAttribute('content')).toBe('EUR');
    expect(doc.querySelector('[itemprop="availability"]')?.getAttribute('href')).toBe('https://schema.org/InStock');
    expect(doc.querySelector('[itemprop="gtin13"]')?.getAttribute('content')).toBe(product.gtin);
    expect(doc.querySelector('[itemprop="sku"]')?.getAttribute('content')).toBe(product.sourceId);
    expect(doc.querySelector(`meta[property="${og}:price:amount"]`)?.getAttribute('content')).toBe('1299.95');
    expect(doc.querySelector(`meta[property="${og}:price:currency"]`)?.getAttribute('content')).toBe('EUR');
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(product.title);
  });

  it('prints the VAT note when the product’s shop does', () => {
    const product = find(market, (p) => p.markup.template === 'microdata' && p.markup.vatNote);
    expect(text(parse(render(product)), '.tax-info')).toBe(texts.vatNote);
  });
});

describe('escaping', () => {
  const markup = 'Cuffie <b>"Pro"</b> & Co \'24';

  it.each(['amazon', 'amazon-legacy', 'json-ld', 'microdata'] as const)('%s shows text with markup characters as text', (template) => {
    const product = { ...byTemplate('it', template), title: markup, description: markup, seller: markup };
    const html = render(product);
    expect(html).not.toContain('<b>');
    const doc = parse(html);
    expect(doc.querySelector('b')).toBeNull();
    expect(doc.title).toContain(markup);
  });

  it.each(['amazon', 'amazon-legacy', 'json-ld', 'microdata'] as const)(
    '%s puts the hostile snippets on the page raw under the fault',
    (template) => {
      const product = byTemplate('fr', template);
      const html = render(product, IN_STOCK, true);
      expect(html).toContain(HOSTILE_SNIPPETS.title);
      expect(html).toContain(HOSTILE_SNIPPETS.description);
      const doc = parse(html);
      expect(doc.querySelector('body script, img[onerror], [onclick], svg[onload]')).not.toBeNull();
      expect(render(product)).not.toContain('onerror=');
    },
  );

  it('keeps JSON-LD valid under the hostile fault, carrying the markup as data', () => {
    const product = find('de', (p) => p.markup.template === 'json-ld' && p.markup.jsonLdShape === 'offer');
    const html = render(product, IN_STOCK, true);
    const script = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';
    expect(script).not.toContain('<');
    const node = jsonLd(parse(html));
    expect(node['name']).toBe(`${product.title} ${HOSTILE_SNIPPETS.title}`);
  });
});

describe('captcha page', () => {
  it('shows a robot check in the market’s language, with no product on it', () => {
    const doc = parse(renderCaptchaPage('de', '/dp/B0XXXXXXXX', '123'));
    expect(doc.querySelector('form[action="/errors/validateCaptcha"]')).not.toBeNull();
    expect(doc.querySelector('#captchacharacters')).not.toBeNull();
    expect(text(doc, 'h4')).toBe(SHOP_TEXTS.de.captchaPrompt);
    expect(doc.querySelector('#productTitle')).toBeNull();
  });
});

describe('identifiers a page leaves out', () => {
  const bare = new Catalog({ seed: 1, productsPerMarket: 2_000, crossMarketShare: 0.6, identifiers: { gtin: 0, model: 0 } });

  it.each(['amazon', 'amazon-legacy', 'json-ld', 'microdata'] as const)('%s: no GTIN and no model anywhere on the page', (template) => {
    let product: SimProduct | undefined;
    for (let i = 0; !product && i < bare.size; i++) if (bare.product('de', i).markup.template === template) product = bare.product('de', i);
    const html = render(product!);
    expect(html).not.toContain(product!.gtin);
    expect(html).not.toContain(product!.model);
    expect(html).toContain(product!.sourceId);
  });
});
