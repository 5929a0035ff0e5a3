import { describe, expect, it } from 'vitest';
import { eur } from '../../common/money';
import { sellingPrice } from './selling';

const now = new Date('2026-11-25T12:00:00Z');
const computed = { it: { price: eur(2990), sourceMarket: 'de' as const, computedAt: now } };
const override = { price: eur(2490), expiresAt: new Date('2026-11-26T00:00:00Z'), reason: 'promotion', agentId: 'agent-1', at: now };

describe('sellingPrice', () => {
  it('is the computed price when nothing else applies', () => {
    expect(sellingPrice({ sellPrices: computed }, 'it', now)).toEqual({ price: eur(2990), sourceMarket: 'de', overridden: false });
  });

  it('is null in a market without a computed price', () => {
    expect(sellingPrice({ sellPrices: computed }, 'fr', now)).toBeNull();
  });

  it('is an unexpired override, and the computed price once it has expired', () => {
    const product = { sellPrices: computed, priceOverrides: { it: override } };
    expect(sellingPrice(product, 'it', now)).toEqual({ price: eur(2490), sourceMarket: null, overridden: true });
    expect(sellingPrice(product, 'it', new Date('2026-11-26T00:00:00Z'))?.price).toEqual(eur(2990));
  });

  it('is null everywhere when selling is stopped, override or not', () => {
    const product = {
      sellPrices: computed,
      priceOverrides: { it: override },
      salesStop: { reason: 'recall', agentId: 'agent-1', at: now },
    };
    expect(sellingPrice(product, 'it', now)).toBeNull();
  });
});
