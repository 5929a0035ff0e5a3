import { describe, expect, it } from 'vitest';
import type { Offer, Product } from '../catalog';
import { testOffer } from '../catalog/offer.fixture';
import {
  freshForMs,
  NO_LIVE_CHANNELS,
  offerCheckedAt,
  priceAge,
  priceState,
  refreshOnOpen,
  refreshStillNeeded,
  sweepDue,
} from './freshness';

const POLICY = { freshForMs: 60_000, pushedFreshForMs: 600_000 };
const now = new Date('2026-11-25T10:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

const offer = (lastScrapedAt: Date, lastRefreshedAt: Date | null): Offer => ({
  ...testOffer(1000, null, 'in_stock', lastScrapedAt),
  lastRefreshedAt,
});

describe('offerCheckedAt', () => {
  it('takes the later of the last scrape and the last refresh', () => {
    expect(offerCheckedAt(offer(ago(10_000), ago(5_000)))).toEqual(ago(5_000));
    expect(offerCheckedAt(offer(ago(1_000), ago(5_000)))).toEqual(ago(1_000));
    expect(offerCheckedAt(offer(ago(1_000), null))).toEqual(ago(1_000));
  });
});

describe('priceAge', () => {
  const product: Pick<Product, 'offers' | 'sellPrices'> = {
    offers: { de: offer(ago(90_000), ago(30_000)), it: offer(ago(5_000), null) },
    sellPrices: { fr: { price: { amountCents: 2999, currency: 'EUR' }, sourceMarket: 'de', computedAt: ago(30_000) } },
  };

  it('is the age of the offer the selling price came from, not of any other offer', () => {
    expect(priceAge(product, 'fr', now)).toMatchObject({ sourceMarket: 'de', checkedAt: ago(30_000), ageMs: 30_000 });
  });

  it('is null where we do not sell', () => {
    expect(priceAge(product, 'es', now)).toBeNull();
  });

  it('never goes negative when clocks disagree', () => {
    expect(priceAge({ ...product, offers: { de: offer(new Date(now.getTime() + 500), null) } }, 'fr', now)?.ageMs).toBe(0);
  });
});

describe('freshForMs', () => {
  const pushed = { pushed: { at: now, via: 'sp-api' as const } };

  it('trusts a pushed offer longer only while its channel is heard from', () => {
    expect(freshForMs({}, POLICY, new Set(['sp-api']))).toBe(60_000);
    expect(freshForMs(pushed, POLICY, new Set(['sp-api']))).toBe(600_000);
    expect(freshForMs(pushed, POLICY, new Set(['ebay']))).toBe(60_000);
    expect(freshForMs(pushed, POLICY, NO_LIVE_CHANNELS)).toBe(60_000);
    // A trust window set shorter than the pull window never shortens it.
    expect(freshForMs(pushed, { ...POLICY, pushedFreshForMs: 1_000 }, new Set(['sp-api']))).toBe(60_000);
  });
});

describe('priceState', () => {
  it('is fresh within the window, bound included', () => {
    expect(priceState(60_000, ago(60_000), POLICY.freshForMs, null)).toBe('fresh');
    expect(priceState(0, now, POLICY.freshForMs, { at: now, reason: 'x' })).toBe('fresh');
  });

  it('is refreshing past the window while no refresh has failed since the price was checked', () => {
    expect(priceState(60_001, ago(60_001), POLICY.freshForMs, null)).toBe('refreshing');
    // A failure before the price was last checked is history, not news.
    expect(priceState(120_000, ago(120_000), POLICY.freshForMs, { at: ago(200_000), reason: 'timeout' })).toBe('refreshing');
  });

  it('is stale when the last refresh failed after the price was checked', () => {
    expect(priceState(120_000, ago(120_000), POLICY.freshForMs, { at: ago(1_000), reason: 'marketplace answered 503' })).toBe('stale');
  });

  it('refreshes on opening whatever is not fresh, stale included', () => {
    expect(refreshOnOpen('fresh')).toBe(false);
    expect(refreshOnOpen('refreshing')).toBe(true);
    expect(refreshOnOpen('stale')).toBe(true);
  });
});

describe('sweep and job checks', () => {
  it('sweeps a price in the last quarter of its window', () => {
    expect(sweepDue(44_999, POLICY.freshForMs)).toBe(false);
    expect(sweepDue(45_000, POLICY.freshForMs)).toBe(true);
  });

  it('lets a job skip a product refreshed since it was enqueued', () => {
    expect(refreshStillNeeded(2_000, 60_000)).toBe(false);
    expect(refreshStillNeeded(60_001, 60_000)).toBe(true);
  });
});
