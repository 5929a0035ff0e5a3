// The opportunities list for the back office: the margin engine over the products most
// recently updated that are offered in more than one market.
import type { Runtime } from '../platform/runtime';
import { formatMoney } from '../../common/money';
import { z } from 'zod';
import { MARKET_CODES, MarketCode } from '../../common/markets';
import { formatBasisPoints, marginRules } from '../pricing';
import { opportunities } from './trade-margin';
import { recentProducts, type Product } from '../catalog';

export interface OpportunityView {
  readonly productId: string;
  readonly title: string;
  readonly buyMarket: MarketCode;
  readonly sellMarket: MarketCode;
  readonly sellPrice: string;
  readonly cost: string;
  readonly fees: string;
  readonly vat: string;
  readonly margin: string;
  readonly marginCents: number;
  readonly marginPercent: string;
  readonly meetsFloor: boolean;
}

const euros = (cents: number) => formatMoney({ amountCents: cents, currency: 'EUR' }, 'en-IE');

/** Products looked at per request: the list is a sample of what moved lately, not a full scan. */
export const OPPORTUNITY_SCAN = 2_000;

/** What the opportunities page asks: one selling market or all, and how many. */
export const OpportunitiesInput = z.object({ sellMarket: MarketCode.optional(), limit: z.number().int().min(1).max(500).default(100) });
export type OpportunitiesInput = z.infer<typeof OpportunitiesInput>;

export async function listOpportunities(rt: Runtime, input: OpportunitiesInput, now = new Date()): Promise<OpportunityView[]> {
  const multiMarket = {
    $or: MARKET_CODES.flatMap((a, i) =>
      MARKET_CODES.slice(i + 1).map((b) => ({ [`offers.${a}`]: { $exists: true }, [`offers.${b}`]: { $exists: true } })),
    ),
  };
  const products = await recentProducts<Pick<Product, '_id' | 'title' | 'offers' | 'sellPrices' | 'priceOverrides' | 'salesStop'>>(rt, {
    field: 'updatedAt',
    where: multiMarket,
    limit: OPPORTUNITY_SCAN,
    projection: { title: 1, offers: 1, sellPrices: 1, priceOverrides: 1, salesStop: 1 },
    now,
  });
  return opportunities(products, marginRules(rt.config), now)
    .filter((o) => !input.sellMarket || o.sellMarket === input.sellMarket)
    .slice(0, input.limit)
    .map((o) => ({
      productId: o.productId,
      title: o.title,
      buyMarket: o.buyMarket,
      sellMarket: o.sellMarket,
      sellPrice: euros(o.sellGrossCents),
      cost: euros(o.sourceCents + o.shippingCents),
      fees: euros(o.marketplaceFeeCents + o.paymentFeeCents),
      vat: euros(o.vatCents),
      margin: euros(o.marginCents),
      marginCents: o.marginCents,
      marginPercent: formatBasisPoints(o.marginBasisPoints),
      meetsFloor: o.meetsFloor,
    }));
}
