// Reading the partner APIs' answers: decimal euros to cents exactly, the buy box before the
// cheapest offer, nothing buyable as out of stock at the last price, other currencies refused.
import { describe, expect, it } from 'vitest';
import { eur } from '../../common/money';
import type { Offer } from '../catalog';
import { ebayItemAnswer, partnerStatusFailure, spApiAnswer, spApiErrorText } from './partner-answers';

const offer: Offer = {
  site: 'amazon.de',
  sourceId: 'B0TEST0001',
  url: 'https://www.amazon.de/dp/B0TEST0001',
  price: eur(1999),
  shipping: eur(399),
  availability: 'in_stock',
  seller: null,
  lastScrapedAt: new Date(0),
  lastRefreshedAt: null,
};

const money = (Amount: number, CurrencyCode = 'EUR') => ({ Amount, CurrencyCode });
const offers = (status: string, list: unknown[]) => ({ payload: { status, ASIN: 'B0TEST0001', Offers: list } });

describe('SP-API getItemOffers', () => {
  it('takes the buy box winner, in cents, whatever offer is cheaper', () => {
    const answer = offers('Success', [
      { ListingPrice: money(18.1), Shipping: money(0), IsBuyBoxWinner: false },
      { ListingPrice: money(19.99), Shipping: money(4.35), IsBuyBoxWinner: true },
    ]);
    expect(spApiAnswer(answer, offer)).toEqual({ priceCents: 1999, shippingCents: 435, availability: 'in_stock' });
  });

  it('takes the lowest landed price when no offer holds the buy box', () => {
    const answer = offers('Success', [
      { ListingPrice: money(17.5), Shipping: money(5) },
      { ListingPrice: money(19.29), Shipping: money(0) },
    ]);
    expect(spApiAnswer(answer, offer)).toEqual({ priceCents: 1929, shippingCents: 0, availability: 'in_stock' });
  });

  it('keeps amounts that binary floating point cannot hold exactly', () => {
    expect(spApiAnswer(offers('Success', [{ ListingPrice: money(1.15), Shipping: money(0.29) }]), offer)).toMatchObject({
      priceCents: 115,
      shippingCents: 29,
    });
  });

  it('says out of stock at the last price when nothing is buyable', () => {
    expect(spApiAnswer(offers('NoBuyableOffers', []), offer)).toEqual({
      priceCents: 1999,
      shippingCents: 399,
      availability: 'out_of_stock',
    });
  });

  it('refuses another currency and a body that is no offers answer', () => {
    expect(spApiAnswer(offers('Success', [{ ListingPrice: money(20, 'GBP') }]), offer)).toMatch(/GBP, not EUR/);
    expect(spApiAnswer({ payload: { status: 'Success' } }, offer)).toMatch(/not an offers answer/);
    expect(spApiAnswer('<html>', offer)).toMatch(/not an offers answer/);
  });

  it("quotes the first of Amazon's errors", () => {
    expect(spApiErrorText({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] })).toBe(
      ': QuotaExceeded You exceeded your quota for the requested resource.',
    );
    expect(spApiErrorText('oops')).toBe('');
  });
});

describe('eBay Browse getItem', () => {
  const item = (over: Record<string, unknown> = {}) => ({
    itemId: 'v1|110585551234|0',
    price: { value: '24.90', currency: 'EUR' },
    shippingOptions: [{ shippingCost: { value: '4.99', currency: 'EUR' } }],
    estimatedAvailabilities: [{ estimatedAvailabilityStatus: 'IN_STOCK' }],
    ...over,
  });

  it('reads the price, the first shipping option and the availability', () => {
    expect(ebayItemAnswer(item())).toEqual({ priceCents: 2490, shippingCents: 499, availability: 'in_stock' });
    expect(ebayItemAnswer(item({ estimatedAvailabilities: [{ estimatedAvailabilityStatus: 'LIMITED_STOCK' }] }))).toMatchObject({
      availability: 'in_stock',
    });
    expect(ebayItemAnswer(item({ estimatedAvailabilities: [{ estimatedAvailabilityStatus: 'OUT_OF_STOCK' }] }))).toMatchObject({
      availability: 'out_of_stock',
    });
  });

  it('says unknown for an availability it does not know, and no shipping when none is given', () => {
    expect(
      ebayItemAnswer(item({ shippingOptions: undefined, estimatedAvailabilities: [{ estimatedAvailabilityStatus: 'SOON' }] })),
    ).toEqual({
      priceCents: 2490,
      shippingCents: null,
      availability: 'unknown',
    });
  });

  it('refuses another currency and amounts that are not decimal euros', () => {
    expect(ebayItemAnswer(item({ price: { value: '24.90', currency: 'USD' } }))).toMatch(/USD, not EUR/);
    expect(ebayItemAnswer(item({ price: { value: '24,90', currency: 'EUR' } }))).toMatch(/not an item/);
    expect(ebayItemAnswer(item({ price: { value: '-1', currency: 'EUR' } }))).toMatch(/not an item/);
  });
});

describe("a partner API's HTTP error", () => {
  it('is the failure kind the gate and the page know, naming the item when it is about the item', () => {
    const kind = (status: number) => partnerStatusFailure(status, 'x', 'B0TEST0001').kind;
    expect([429, 404, 400, 401, 403, 500, 503].map(kind)).toEqual([
      'rate-limited',
      'not-found',
      'not-found',
      'not-configured',
      'not-configured',
      'http-error',
      'http-error',
    ]);
    expect(partnerStatusFailure(404, 'gone', 'B0TEST0001').message).toContain('B0TEST0001: gone');
  });
});
