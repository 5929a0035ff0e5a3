// An offer, and a product of offers, for tests that price things: only prices, shipping and
// availability matter there.
// Not imported by application code.
import type { Offer, Product } from './product.schema';

export function testOffer(
  priceCents: number,
  shippingCents: number | null,
  availability: Offer['availability'] = 'in_stock',
  at = new Date('2026-11-25T10:00:00Z'),
): Offer {
  return {
    site: 'shop.example',
    sourceId: 'B0TEST0001',
    url: 'https://shop.example/p/1',
    price: { amountCents: priceCents, currency: 'EUR' },
    shipping: shippingCents === null ? null : { amountCents: shippingCents, currency: 'EUR' },
    availability,
    seller: null,
    lastScrapedAt: at,
    lastRefreshedAt: null,
  };
}

/** A product for tests that price or refresh things: its offers and the selling prices computed from them. */
export function testProduct(id: string, offers: Product['offers'], sellPrices: Product['sellPrices'], at: Date): Product {
  return {
    _id: id,
    slug: id.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    gtin: null,
    title: `Product ${id}`,
    brand: null,
    category: 'other',
    images: [],
    attributes: {},
    searchTokens: [],
    offers,
    sellPrices,
    createdAt: at,
    updatedAt: at,
  };
}
