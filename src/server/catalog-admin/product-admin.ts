// Products as the back office shows them, and the rules of an agent's changes, free of I/O:
// the per-market view (offer, computed and overridden prices, what the shopper pays, the margin
// breakdown from pricing/margin.ts, the price history), and what an override may be.
import { z } from 'zod';
import type { PricePoint } from '../pricing';
import { sellingPrice, categoryName } from '../catalog';
import type { Offer, Product, QuoteSource } from '../catalog';
import type { MergeView } from '../matching';
import type { AgentDirectory, PersonView } from '../backoffice';
import { Id } from '../../common/ids';
import { MARKET_CODES, MarketCode } from '../../common/markets';
import { offerCheckedAt, offerMargin, type MarginRules } from '../pricing';

/** An override lasts at most this long: a forgotten one must not outlive the season. */
export const OVERRIDE_MAX_DAYS = 90;

export const OverrideInput = z.object({
  productId: Id,
  market: MarketCode,
  priceCents: z.number().int().min(1, 'priceCents: must be at least 1 cent').max(10_000_000, 'priceCents: at most €100,000'),
  expiresAt: z.iso.datetime({ offset: true, message: 'expiresAt: expected a date and time' }),
  reason: z.string().trim().min(3, 'reason: say why, in a few words').max(500),
  /** The agent's second confirmation that a margin under the floor is meant (a clearance, a price match). */
  acceptBelowFloor: z.boolean().optional(),
});
export type OverrideInput = z.infer<typeof OverrideInput>;

export const ClearOverrideInput = z.object({ productId: Id, market: MarketCode });
export const SalesStopInput = z.object({ productId: Id, reason: z.string().trim().min(3, 'reason: say why, in a few words').max(500) });
export const ProductIdInput = z.object({ productId: Id });

/** Null when the expiry is acceptable, else the message naming the field. */
export function overrideExpiryProblem(expiresAt: Date, now: Date): string | null {
  if (expiresAt.getTime() <= now.getTime()) return 'expiresAt: must be in the future';
  if (expiresAt.getTime() > now.getTime() + OVERRIDE_MAX_DAYS * 86_400_000) return `expiresAt: at most ${OVERRIDE_MAX_DAYS} days ahead`;
  return null;
}

export interface ProductHit {
  readonly id: string;
  readonly title: string;
  readonly brand: string | null;
  readonly gtin: string | null;
  readonly markets: readonly MarketCode[];
  readonly stopped: boolean;
}

export function toProductHit(product: Product): ProductHit {
  return {
    id: product._id,
    title: product.title,
    brand: product.brand,
    gtin: product.gtin,
    markets: MARKET_CODES.filter((m) => product.offers[m]),
    stopped: Boolean(product.salesStop),
  };
}

export interface HistoryPoint {
  readonly at: string;
  readonly priceCents: number;
  readonly shippingCents: number | null;
}

export interface MarketAdminView {
  readonly market: MarketCode;
  /** The source offer found in this market, if any. */
  readonly offer: {
    readonly site: string;
    readonly sourceId: string;
    readonly url: string;
    readonly priceCents: number;
    readonly shippingCents: number | null;
    readonly availability: string;
    readonly seller: string | null;
    readonly lastScrapedAt: string;
    readonly lastRefreshedAt: string | null;
    /** Where that refresh asked the price. */
    readonly refreshedFrom: QuoteSource | null;
  } | null;
  /** Our computed selling price here, and the market it is bought from. */
  readonly computed: { readonly priceCents: number; readonly sourceMarket: MarketCode; readonly computedAt: string } | null;
  readonly override: {
    readonly priceCents: number;
    readonly expiresAt: string;
    readonly reason: string;
    readonly agentId: string;
    readonly at: string;
    readonly active: boolean;
  } | null;
  /** What a shopper here pays now (sellingPrice), or null: not for sale. */
  readonly selling: { readonly priceCents: number; readonly overridden: boolean } | null;
  /** The margin at that price, bought from the source offer, as the purchase check works it out. */
  readonly margin: {
    readonly sourceMarket: MarketCode;
    readonly sourcePriceCents: number;
    /** Shipping abroad included when the source is in another market. */
    readonly shippingCents: number;
    readonly vatCents: number;
    /** Marketplace and payment fees. */
    readonly feesCents: number;
    readonly marginCents: number;
    readonly floorCents: number;
    readonly meetsFloor: boolean;
    readonly grossCents: number;
  } | null;
  /** This market's source offer price over time, oldest first. */
  readonly history: readonly HistoryPoint[];
}

export interface ProductAdminView extends ProductHit {
  readonly slug: string;
  /** The taxonomy's English name: the back office is in English. */
  readonly category: string;
  readonly salesStop: { readonly reason: string; readonly by: PersonView; readonly at: string } | null;
  readonly updatedAt: string;
  readonly perMarket: readonly MarketAdminView[];
  /** Products merged into this one (matching), which a supervisor may split off again. */
  readonly merged: readonly MergeView[];
}

export function toProductAdminView(
  product: Product,
  history: readonly PricePoint[],
  rules: MarginRules,
  now: Date,
  agents: AgentDirectory,
  merged: readonly MergeView[] = [],
): ProductAdminView {
  return {
    ...toProductHit(product),
    slug: product.slug,
    category: categoryName(product.category, 'en'),
    salesStop: product.salesStop
      ? { reason: product.salesStop.reason, by: agents(product.salesStop.agentId), at: product.salesStop.at.toISOString() }
      : null,
    updatedAt: product.updatedAt.toISOString(),
    perMarket: MARKET_CODES.map((market) => marketView(product, market, history, rules, now)),
    merged,
  };
}

function marketView(product: Product, market: MarketCode, history: readonly PricePoint[], rules: MarginRules, now: Date): MarketAdminView {
  const offer = product.offers[market];
  const computed = product.sellPrices[market];
  const override = product.priceOverrides?.[market];
  const selling = sellingPrice(product, market, now);
  const source = computed ? product.offers[computed.sourceMarket] : undefined;
  const sale = selling && computed && source ? offerMargin(source, computed.sourceMarket, market, selling.price.amountCents, rules) : null;
  return {
    market,
    offer: offer
      ? {
          site: offer.site,
          sourceId: offer.sourceId,
          url: offer.url,
          priceCents: offer.price.amountCents,
          shippingCents: offer.shipping?.amountCents ?? null,
          availability: offer.availability,
          seller: offer.seller,
          lastScrapedAt: offer.lastScrapedAt.toISOString(),
          lastRefreshedAt: offer.lastRefreshedAt?.toISOString() ?? null,
          refreshedFrom: offer.refreshedFrom ?? null,
        }
      : null,
    computed: computed
      ? { priceCents: computed.price.amountCents, sourceMarket: computed.sourceMarket, computedAt: computed.computedAt.toISOString() }
      : null,
    override: override
      ? {
          priceCents: override.price.amountCents,
          expiresAt: override.expiresAt.toISOString(),
          reason: override.reason,
          agentId: override.agentId,
          at: override.at.toISOString(),
          active: override.expiresAt > now,
        }
      : null,
    selling: selling ? { priceCents: selling.price.amountCents, overridden: selling.overridden } : null,
    margin: sale
      ? {
          sourceMarket: sale.buyMarket,
          sourcePriceCents: sale.sourceCents,
          shippingCents: sale.shippingCents,
          vatCents: sale.vatCents,
          feesCents: sale.marketplaceFeeCents + sale.paymentFeeCents,
          marginCents: sale.marginCents,
          floorCents: sale.floorCents,
          meetsFloor: sale.meetsFloor,
          grossCents: sale.sellGrossCents,
        }
      : null,
    history: historyOf(market, offer, history),
  };
}

/** The recorded changes, then the offer as last checked, so the line reaches today's price. */
function historyOf(market: MarketCode, offer: Offer | undefined, history: readonly PricePoint[]): HistoryPoint[] {
  const points = history
    .filter((p) => p.market === market)
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((p) => ({ at: p.at.toISOString(), priceCents: p.price.amountCents, shippingCents: p.shipping?.amountCents ?? null }));
  if (!offer) return points;
  const checkedAt = offerCheckedAt(offer).toISOString();
  const last = points[points.length - 1];
  if (!last || last.at < checkedAt)
    points.push({ at: checkedAt, priceCents: offer.price.amountCents, shippingCents: offer.shipping?.amountCents ?? null });
  return points;
}
