import { describe, expect, it } from 'vitest';
import { toProductCard } from './product-card';

describe('toProductCard', () => {
  it('formats each selling price with its market’s locale, in market order', () => {
    const card = toProductCard({
      id: 'p_123456',
      slug: 'espresso-machine',
      title: 'Espresso machine',
      brand: 'Caffè',
      category: 'home-kitchen',
      imageUrl: null,
      sellPrices: [
        { market: 'it', price: { amountCents: 129_900, currency: 'EUR' } },
        { market: 'de', price: { amountCents: 124_950, currency: 'EUR' } },
      ],
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(card.prices.map((p) => [p.market, p.marketName, p.formatted.replace(/\s/g, ' ')])).toEqual([
      ['it', 'Italia', '1299,00 €'],
      ['de', 'Deutschland', '1.249,50 €'],
    ]);
  });
});
