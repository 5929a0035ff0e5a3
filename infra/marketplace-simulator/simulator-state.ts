// The simulator's mutable state, shared by the four shops and the control API: the clock (with
// the offset the control API can add), the faults of each market, what was set on single
// products, the stock orders took, the order books and the request counters. Everything else
// is computed from the catalog and the time.
import { z } from 'zod';
import { MARKET_CODES, type MarketCode } from '../../src/common/markets';
import { Cents } from '../../src/common/money';
import { Catalog, type SimProduct } from './catalog-generator';
import {
  effectiveFaults,
  initialMarketFaults,
  patchMarketFaults,
  patchProductFaults,
  ProductFaultPatch,
  type FaultPatch,
  type FaultSettings,
  type MarketFaults,
  type ProductFaults,
  type RouteKind,
} from './faults';
import { driftedOffer, type OfferState } from './offer-drift';
import { PhotoCache } from './product-image';
import { hashKey, SeededRandom } from './seeded-random';
import type { SimulatorSettings } from './simulator-settings';
import { SupplierOrderBook } from './supplier-orders';
import { CATEGORIES } from './word-lists';

/** What the control API may set on one product; null clears a price or stock set earlier. */
export const ProductPatch = z.strictObject({
  priceCents: Cents.positive().nullable().optional(),
  /** A number shows a struck-through list price, null hides it. */
  listPriceCents: Cents.positive().nullable().optional(),
  stockQuantity: z.int().min(0).max(1_000_000).nullable().optional(),
  faults: ProductFaultPatch.optional(),
});
export type ProductPatch = z.infer<typeof ProductPatch>;

export interface ProductOverride {
  readonly priceCents?: number;
  readonly listPriceCents?: number | null;
  readonly stockQuantity?: number;
  readonly faults?: ProductFaults;
  readonly changedAtMs: number;
}

export type CountedRoute = RouteKind | 'asset' | 'unknown';

/** Rendered photos kept (about 400 of them): enough for the pages a demo or a test shows. */
const PHOTO_CACHE_BYTES = 32 * 1024 * 1024;

/** Products whose category is computed between two yields to the event loop. */
const CATEGORY_SCAN_SLICE = 50_000;

/** Beyond this many distinct paths per market (a crawl of a large catalog), new paths are only totalled. */
const MAX_TRACKED_PATHS = 100_000;

export class RequestCounts {
  total = 0;
  readonly byRoute = new Map<CountedRoute, number>();
  readonly byPath = new Map<string, number>();
  untrackedPaths = 0;

  record(route: CountedRoute, path: string): void {
    this.total += 1;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    const seen = this.byPath.get(path);
    if (seen !== undefined) this.byPath.set(path, seen + 1);
    else if (this.byPath.size < MAX_TRACKED_PATHS) this.byPath.set(path, 1);
    else this.untrackedPaths += 1;
  }

  toJSON(): unknown {
    return {
      total: this.total,
      byRoute: Object.fromEntries(this.byRoute),
      byPath: Object.fromEntries(this.byPath),
      untrackedPaths: this.untrackedPaths,
    };
  }
}

function perMarket<T>(make: (market: MarketCode) => T): Record<MarketCode, T> {
  return Object.fromEntries(MARKET_CODES.map((m) => [m, make(m)])) as Record<MarketCode, T>;
}

export class SimulatorState {
  readonly catalog: Catalog;
  /** Rolls the dice for faults and latency, one request after another: reproducible from the seed. */
  random: SeededRandom;
  readonly counts: Record<MarketCode, RequestCounts>;
  readonly orders: Record<MarketCode, SupplierOrderBook>;
  readonly photos = new PhotoCache(PHOTO_CACHE_BYTES);
  private faults: Record<MarketCode, MarketFaults>;
  private readonly overrides: Record<MarketCode, Map<number, ProductOverride>>;
  private readonly sold: Record<MarketCode, Map<number, number>>;
  private readonly categoryIndexes: Partial<Record<MarketCode, Promise<readonly Int32Array[]>>> = {};
  private clockOffsetMs = 0;

  constructor(
    readonly settings: SimulatorSettings,
    private readonly clock: () => number,
  ) {
    this.catalog = new Catalog(settings);
    this.random = new SeededRandom(hashKey(settings.seed, 'requests'));
    this.counts = perMarket(() => new RequestCounts());
    this.orders = perMarket((m) => new SupplierOrderBook(m, settings.seed, settings.orders));
    this.faults = perMarket(() => initialMarketFaults(settings.latency));
    this.overrides = perMarket(() => new Map());
    this.sold = perMarket(() => new Map());
  }

  now(): number {
    return this.clock() + this.clockOffsetMs;
  }

  /** Moves the simulator's time forward (or back), for drift and orders, without touching the host clock. */
  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** Told of each product whose own page or offer was served: what the signal sender watches. */
  onOfferServed: ((product: SimProduct, offer: OfferState) => void) | null = null;

  /** The offer, for a product's own page or an API answer about it (not a listing's card). */
  servedOffer(product: SimProduct): OfferState {
    const offer = this.offer(product);
    this.onOfferServed?.(product, offer);
    return offer;
  }

  offer(product: SimProduct): OfferState {
    const now = this.now();
    const drifted = driftedOffer(product, this.settings.seed, now, this.settings.drift);
    const override = this.overrides[product.market].get(product.index);
    const sold = this.sold[product.market].get(product.index) ?? 0;
    const priceCents = override?.priceCents ?? drifted.priceCents;
    const listPrice = override && override.listPriceCents !== undefined ? override.listPriceCents : product.listPriceCents;
    const stockQuantity = Math.max(0, (override?.stockQuantity ?? drifted.stockQuantity) - sold);
    return {
      priceCents,
      listPriceCents: listPrice !== null && listPrice > priceCents ? listPrice : null,
      shippingCents: drifted.shippingCents,
      stockQuantity,
      availability: stockQuantity > 0 ? 'in_stock' : 'out_of_stock',
      updatedAtMs: Math.max(drifted.updatedAtMs, override?.changedAtMs ?? Number.NEGATIVE_INFINITY),
    };
  }

  /** Stock an order took; it comes back only when the product's stock is set again. */
  takeStock(product: SimProduct, quantity: number): void {
    const sold = this.sold[product.market];
    sold.set(product.index, (sold.get(product.index) ?? 0) + quantity);
  }

  faultsFor(market: MarketCode, route: RouteKind, productIndex?: number): FaultSettings {
    const own = productIndex === undefined ? undefined : this.overrides[market].get(productIndex)?.faults;
    return effectiveFaults(this.faults[market], own, route);
  }

  marketFaults(market: MarketCode): MarketFaults {
    return this.faults[market];
  }

  patchFaults(markets: readonly MarketCode[], patch: FaultPatch): void {
    for (const m of markets) this.faults[m] = patchMarketFaults(this.faults[m], patch);
  }

  resetFaults(): void {
    this.faults = perMarket(() => initialMarketFaults(this.settings.latency));
  }

  override(product: SimProduct): ProductOverride | undefined {
    return this.overrides[product.market].get(product.index);
  }

  patchProduct(product: SimProduct, patch: ProductPatch): void {
    const current = this.overrides[product.market].get(product.index);
    const next: { -readonly [K in keyof ProductOverride]: ProductOverride[K] } = { ...current, changedAtMs: this.now() };
    if (patch.priceCents !== undefined) setOrDelete(next, 'priceCents', patch.priceCents);
    if (patch.listPriceCents !== undefined) next.listPriceCents = patch.listPriceCents;
    if (patch.stockQuantity !== undefined) {
      setOrDelete(next, 'stockQuantity', patch.stockQuantity);
      this.sold[product.market].delete(product.index);
    }
    if (patch.faults !== undefined) next.faults = patchProductFaults(current?.faults ?? {}, patch.faults);
    this.overrides[product.market].set(product.index, next);
  }

  clearProduct(product: SimProduct): void {
    this.overrides[product.market].delete(product.index);
    this.sold[product.market].delete(product.index);
  }

  overrideCount(market: MarketCode): number {
    return this.overrides[market].size;
  }

  /**
   * Indices of a category's products in catalog order. Built on first use by scanning the
   * market's categories (cheap hashes, a few hundred ms for a million products), in slices
   * between which the other shops keep answering; concurrent first requests share one build.
   */
  productsInCategory(market: MarketCode, categoryIndex: number): Promise<Int32Array> {
    let lists = this.categoryIndexes[market];
    if (!lists) {
      lists = this.buildCategoryIndex(market);
      this.categoryIndexes[market] = lists;
    }
    return lists.then((built) => {
      const list = built[categoryIndex];
      if (!list) throw new Error(`no category ${categoryIndex}`);
      return list;
    });
  }

  private async buildCategoryIndex(market: MarketCode): Promise<readonly Int32Array[]> {
    const size = this.catalog.size;
    const categoryOf = new Uint8Array(size);
    const counts = new Int32Array(CATEGORIES.length);
    for (let i = 0; i < size; i++) {
      if (i > 0 && i % CATEGORY_SCAN_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
      const c = this.catalog.categoryIndexOf(market, i);
      categoryOf[i] = c;
      counts[c] = (counts[c] ?? 0) + 1;
    }
    const built = Array.from(counts, (count) => new Int32Array(count));
    const filled = new Int32Array(CATEGORIES.length);
    for (let i = 0; i < size; i++) {
      const c = categoryOf[i] as number;
      (built[c] as Int32Array)[filled[c] as number] = i;
      filled[c] = (filled[c] as number) + 1;
    }
    return built;
  }

  resetCounts(): void {
    for (const m of MARKET_CODES) this.counts[m] = new RequestCounts();
  }

  /** Back to the state right after start: faults, overrides, orders, counters, clock offset, dice. */
  reset(): void {
    this.resetFaults();
    this.resetCounts();
    for (const m of MARKET_CODES) {
      this.overrides[m].clear();
      this.sold[m].clear();
      this.orders[m] = new SupplierOrderBook(m, this.settings.seed, this.settings.orders);
    }
    this.clockOffsetMs = 0;
    this.random = new SeededRandom(hashKey(this.settings.seed, 'requests'));
  }
}

function setOrDelete<K extends 'priceCents' | 'stockQuantity'>(target: { [P in K]?: number }, key: K, value: number | null): void {
  if (value === null) delete target[key];
  else target[key] = value;
}
