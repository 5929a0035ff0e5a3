// An offer for tests that price things: only its price, shipping and availability matter there.
// Not imported by application code.
import type { Offer } from './product.schema';

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
