// Every template of the marketplace simulator (infra/marketplace-simulator), rendered by its own
// pure functions and read back: the extractor must find exactly what the generator put there.
import { describe, expect, it } from 'vitest';
import { Catalog, TEMPLATE_KINDS } from '../../../../infra/marketplace-simulator/catalog-generator';
import { malformBody } from '../../../../infra/marketplace-simulator/faults';
import { driftedOffer } from '../../../../infra/marketplace-simulator/offer-drift';
import { productView, renderCaptchaPage, renderProductPage } from '../../../../infra/marketplace-simulator/product-templates';
import { categoryIdOf, OTHER_CATEGORY } from '../../catalog';
import { MARKET_CODES } from '../../../common/markets';
import { extractPage } from './extract';

const catalog = new Catalog({ seed: 7, productsPerMarket: 300, crossMarketShare: 0.6 });
const drift = { intervalMs: 3_600_000, amplitudeBasisPoints: 500 };
const base = 'http://127.0.0.1:4000';

describe.each(MARKET_CODES)('simulator pages of market %s', (market) => {
  it('every product page yields the generator’s price, GTIN, availability, ids, shipping and photo', () => {
    const seenTemplates = new Set<string>();
    const seenShapes = new Set<string>();
    for (let index = 0; index < catalog.size; index++) {
      const product = catalog.product(market, index);
      const offer = driftedOffer(product, 7, Date.UTC(2026, 10, 25), drift);
      const hostile = index % 40 === 0;
      const html = renderProductPage(productView(product, offer, base, hostile));
      const result = extractPage({ html, url: `${base}/anything`, market });
      if (result.kind !== 'listing') throw new Error(`${market} #${index} (${product.markup.template}): ${JSON.stringify(result)}`);
      const listing = result.listing;
      seenTemplates.add(product.markup.template);
      if (product.markup.template === 'json-ld') seenShapes.add(product.markup.jsonLdShape);
      // Amazon shows no price when nobody sells the item; the other shops keep showing it.
      const shown = !(product.markup.template.startsWith('amazon') && offer.availability !== 'in_stock');
      const context = `${market} #${index} ${product.markup.template}/${product.markup.jsonLdShape}/${product.markup.priceStyle}`;
      expect(
        {
          priceCents: listing.priceCents,
          listPriceCents: listing.listPriceCents,
          shippingCents: listing.shippingCents,
          gtin: listing.gtin,
          sourceId: listing.sourceId,
          availability: listing.availability,
          brand: listing.brand,
          currency: listing.currency,
        },
        context,
      ).toEqual({
        priceCents: shown ? offer.priceCents : null,
        listPriceCents: shown ? offer.listPriceCents : null,
        shippingCents: shown ? offer.shippingCents : null,
        gtin: product.gtin,
        sourceId: product.sourceId,
        availability: offer.availability,
        brand: product.brand,
        currency: shown ? 'EUR' : null,
      });
      if (!hostile) expect(listing.title, context).toBe(product.title);
      if (!hostile) expect(listing.description, context).toBe(product.description);
      if (!hostile) expect(listing.seller, context).toBe(product.seller);
      if (!hostile) expect(listing.imageUrl, context).toBe(`${base}${product.imagePaths[0]}`);
      // Whatever the template prints the category as, it lands in the taxonomy's entry for it.
      const category = categoryIdOf(listing.category);
      expect(category, context).not.toBe(OTHER_CATEGORY);
      expect(category, context).toBe(categoryIdOf(product.category.name[market]));
      if (product.markup.jsonLdShape === 'variants' && product.markup.template === 'json-ld') expect(listing.variants).toHaveLength(3);
    }
    expect([...seenTemplates].sort()).toEqual([...TEMPLATE_KINDS].sort());
    expect(seenShapes.size).toBe(4);
    // 300 pages parsed and read: seconds of CPU, more on a machine shared with other runs.
  }, 60_000);

  it('a page whose closing tags are lost (the simulator’s malformed fault) never yields a wrong price', () => {
    let read = 0;
    for (let index = 0; index < catalog.size; index++) {
      const product = catalog.product(market, index);
      const offer = driftedOffer(product, 7, Date.UTC(2026, 10, 25), drift);
      const html = malformBody(renderProductPage(productView(product, offer, base, false)), 'html');
      const result = extractPage({ html, url: `${base}/anything`, market });
      if (result.kind !== 'listing' || result.listing.priceCents === null) continue;
      read += 1;
      expect(result.listing.priceCents, `${market} #${index} ${product.markup.template}/${product.markup.priceStyle}`).toBe(
        offer.priceCents,
      );
    }
    expect(read).toBeGreaterThan(catalog.size / 2);
  }, 60_000);

  it('the robot check is blocked, never a listing', () => {
    expect(extractPage({ html: renderCaptchaPage(market, '/dp/B0000000', 'tok'), url: `${base}/dp/B0000000`, market })).toEqual({
      kind: 'blocked',
      reason: 'captcha',
    });
  });
});
