import { describe, expect, it } from 'vitest';
import { MARKETS } from '../../common/markets';
import { readSignal } from './signal-formats';

const at = '2026-12-08T08:00:00.123Z';
const eur = (amount: number) => ({ Amount: amount, CurrencyCode: 'EUR' });

function amazon(summary: unknown, marketplaceId = MARKETS.fr.amazonMarketplaceId) {
  return {
    NotificationType: 'ANY_OFFER_CHANGED',
    Payload: {
      AnyOfferChangedNotification: {
        OfferChangeTrigger: { MarketplaceId: marketplaceId, ASIN: 'B07XJ8C8F5', ItemCondition: 'new', TimeOfOfferChange: at },
        Summary: summary,
      },
    },
    NotificationMetadata: { NotificationId: 'n-1' },
  };
}

function ebay(data: Record<string, unknown>) {
  return {
    metadata: { topic: 'ITEM_PRICE_REVISION', schemaVersion: '1.0', deprecated: false },
    notification: { notificationId: 'e-1', eventDate: at, publishDate: at, publishAttemptCount: 1, data },
  };
}

describe('readSignal', () => {
  it("reads Amazon's buy box, else the lowest new offer landed, else sold out when no offer is left", () => {
    expect(readSignal('sp-api', amazon({ BuyBoxPrices: [{ Condition: 'New', ListingPrice: eur(19.99), Shipping: eur(2.5) }] }))).toEqual({
      id: 'n-1',
      source: 'sp-api',
      market: 'fr',
      sourceId: 'B07XJ8C8F5',
      offerAt: at,
      quote: { priceCents: 1999, shippingCents: 250, availability: 'in_stock' },
    });
    const lowest = amazon({
      LowestPrices: [
        { Condition: 'new', ListingPrice: eur(18), Shipping: eur(4) },
        { Condition: 'new', ListingPrice: eur(19), Shipping: eur(0) },
        { Condition: 'used', ListingPrice: eur(9), Shipping: eur(0) },
      ],
    });
    expect(readSignal('sp-api', lowest)).toMatchObject({ quote: { priceCents: 1900, shippingCents: 0 } });
    expect(readSignal('sp-api', amazon({ NumberOfOffers: [{ Condition: 'new', OfferCount: 0 }] }))).toMatchObject({
      quote: { priceCents: null, availability: 'out_of_stock' },
    });
    // A change without prices in it: the refresher asks.
    expect(readSignal('sp-api', amazon(undefined))).toMatchObject({ quote: null });
  });

  it('refuses what is not ours to apply, saying why', () => {
    expect(readSignal('sp-api', amazon({}, 'ATVPDKIKX0DER'))).toBe("MarketplaceId ATVPDKIKX0DER is none of our markets'");
    expect(readSignal('sp-api', amazon({ BuyBoxPrices: [{ Condition: 'New', ListingPrice: { Amount: 5, CurrencyCode: 'GBP' } }] }))).toBe(
      'priced in GBP, not EUR',
    );
    expect(readSignal('sp-api', { NotificationType: 'B2B_ANY_OFFER_CHANGED' })).toMatch(/^not an ANY_OFFER_CHANGED notification/);
  });

  it("reads eBay's item notification: the legacy id, the price when given, the availability", () => {
    expect(
      readSignal(
        'ebay',
        ebay({
          itemId: 'v1|110012345678|0',
          marketplaceId: 'EBAY_DE',
          price: { value: '24.90', currency: 'EUR' },
          estimatedAvailabilityStatus: 'OUT_OF_STOCK',
        }),
      ),
    ).toEqual({
      id: 'e-1',
      source: 'ebay',
      market: 'de',
      sourceId: '110012345678',
      offerAt: at,
      quote: { priceCents: 2490, shippingCents: null, availability: 'out_of_stock' },
    });
    expect(readSignal('ebay', ebay({ itemId: 'v1|110012345678|0', marketplaceId: 'EBAY_IT' }))).toMatchObject({
      market: 'it',
      quote: null,
    });
    expect(readSignal('ebay', ebay({ itemId: '110012345678', marketplaceId: 'EBAY_IT' }))).toMatch(/itemId/);
  });
});
