// A scraped listing for tests: the Moka Express as amazon.it shows it, changed field by field.
import type { Listing } from './listing.schema';

export function listingFixture(overrides: Partial<Listing> = {}): Listing {
  return {
    market: 'it',
    site: 'amazon.it',
    sourceId: 'B000CMAGOK',
    url: 'https://www.amazon.it/dp/B000CMAGOK',
    title: 'Bialetti Moka Express 6 tazze',
    description: 'La caffettiera originale in alluminio, per 6 tazze di caffè espresso.',
    brand: 'Bialetti',
    gtin: '8006363011440',
    priceCents: 2799,
    listPriceCents: null,
    currency: 'EUR',
    availability: 'in_stock',
    shippingCents: 0,
    imageUrl: 'https://m.media-amazon.com/images/I/moka.jpg',
    category: 'Caffettiere',
    seller: 'Amazon',
    variants: [],
    confidence: 0.95,
    sources: { price: ['amazon'] },
    ...overrides,
  };
}
