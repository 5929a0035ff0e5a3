// The refresher's work for one product: call the marketplace for the offers its prices come
// from (within the time budget, through each market's gate), write what changed, and tell the
// pages. A failed call keeps the last known price and publishes a stale status with the reason.
// Also the sweep, which enqueues low-priority refreshes of popular prices about to go stale.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../platform/config';
import type { DbHandle } from '../platform/db';
import type { Offer, Product, QuoteSource } from '../catalog';
import { decodeCachedProduct, productCacheKey, findProduct, writeRefreshedOffers } from '../catalog';
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import { outboundPolicy } from '../platform/outbound';
import { freshForMs, priceAge, refreshStillNeeded, sweepDue, type FreshnessPolicy } from './freshness';
import { readLiveChannels } from './push-channels';
import { applyQuotes, marketPrices, refreshSources, uncheckedSources, type OfferQuote } from './live-price';
import type { PriceEvent, RefreshFailureInfo } from './live-price.schema';
import { recordRefreshOutcome } from './live-price.store';
import type { SourceCall } from './source-calls';
import { marginRules } from './margin';
import { MarketGate } from './market-gate';
import { fetchOfferQuote, type OfferCallResult } from './marketplace-offer.client';
import { OfferCallError } from './offer-call-error';
import { claimRefresh, pricePoints, refreshInFlight } from './refresh.store';
import { insertPricePoints } from './price-history.store';
import { enqueueSweepRefreshes, type RefreshJobData } from './refresh.queue';
import { popularProducts } from './popularity.store';

export function freshnessPolicy(config: Config): FreshnessPolicy {
  return { freshForMs: config.PRICE_FRESH_MS, pushedFreshForMs: config.SIGNAL_FRESH_MS };
}

const gatesByConfig = new WeakMap<Config, Readonly<Record<MarketCode, MarketGate>>>();

/** One gate per marketplace for this process, built from the settings once. */
export function marketGates(config: Config): Readonly<Record<MarketCode, MarketGate>> {
  let gates = gatesByConfig.get(config);
  if (!gates) {
    const key = (code: MarketCode) => code.toUpperCase() as Uppercase<MarketCode>;
    gates = Object.fromEntries(
      MARKET_CODES.map((code) => [
        code,
        new MarketGate({
          concurrency: config[`REFRESH_CONCURRENCY_${key(code)}`],
          rate: { ratePerS: config[`REFRESH_RATE_PER_S_${key(code)}`], burst: config[`REFRESH_RATE_PER_S_${key(code)}`] },
          breaker: { failureThreshold: config.REFRESH_BREAKER_FAILURES, openMs: config.REFRESH_BREAKER_OPEN_MS },
        }),
      ]),
    ) as Record<MarketCode, MarketGate>;
    gatesByConfig.set(config, gates);
  }
  return gates;
}

export interface RefreshDeps extends DbHandle {
  readonly config: Config;
  readonly redis: Redis;
  readonly gates: Readonly<Record<MarketCode, MarketGate>>;
  /** @defaultValue offerApiQuotes: each market's offer API */
  readonly fetchQuote?: QuoteFetcher;
  /** @defaultValue () => new Date() */
  readonly now?: () => Date;
}

export type RefreshOutcome =
  | { readonly kind: 'missing' }
  | { readonly kind: 'skipped'; readonly ageMs: number }
  | { readonly kind: 'fresh'; readonly changes: number; readonly callMs: number | null }
  | { readonly kind: 'stale'; readonly failure: RefreshFailureInfo; readonly refreshed: number };

export function marketplaceUrl(config: Config, market: MarketCode): string | undefined {
  return config[`MARKETPLACE_URL_${market.toUpperCase() as Uppercase<MarketCode>}`];
}

/**
 * Where and how a source offer's price is asked now. The refresher's worker passes the source
 * each shop is configured with (src/server/quote-sources).
 */
export interface QuoteFetcher {
  /** The source `quote` asks for this offer: what the operations page counts calls by. */
  sourceOf(offer: Offer): QuoteSource;
  /**
   * The offer's price now, within `signal`; fails with an OfferCallError. `cause` lets a source
   * spend a shopper's call differently from the sweep's (SP-API batches the sweep's).
   */
  quote(offer: Offer, market: MarketCode, signal: AbortSignal, cause: RefreshJobData['cause']): Promise<OfferCallResult>;
}

/** Every offer asked from its market's offer API (`GET {MARKETPLACE_URL_*}/api/offers/{sourceId}`). */
export function offerApiQuotes(config: Config): QuoteFetcher {
  const outbound = outboundPolicy(config);
  return {
    sourceOf: () => 'offer-api',
    quote: async (offer, market, signal) => {
      const base = marketplaceUrl(config, market);
      if (!base) throw new OfferCallError('not-configured', `MARKETPLACE_URL_${market.toUpperCase()} is not set`);
      return fetchOfferQuote(base, offer.sourceId, signal, outbound);
    },
  };
}

/** The youngest age among the offers the product's prices come from is not what counts: the oldest is. */
function oldestSourceAgeMs(product: Product, now: Date): number {
  let oldest = 0;
  for (const market of MARKET_CODES) {
    const age = priceAge(product, market, now);
    if (age) oldest = Math.max(oldest, age.ageMs);
  }
  return oldest;
}

const NO_CLAIM = async (): Promise<void> => undefined;

export async function refreshProduct(deps: RefreshDeps, job: RefreshJobData): Promise<RefreshOutcome> {
  const now = deps.now ?? (() => new Date());
  // The claim is held until the result is stored, long enough to cover the call and the writes.
  // Taken while the product is read, not after: a shopper waits for this job, and the two
  // round trips side by side cost one.
  // The sweep takes no claim: its calls may wait seconds for a batch (SP-API's), and openings must
  // not wait on it for their price. It only steps aside for a refresh in flight; should an
  // opening's land meanwhile, both prices are seconds old and the later write stands.
  const [product, release] = await Promise.all([
    findProduct(deps, job.productId),
    job.cause === 'sweep'
      ? refreshInFlight(deps.redis, job.productId).then((busy) => (busy ? null : NO_CLAIM))
      : claimRefresh(deps.redis, job.productId, deps.config.REFRESH_BUDGET_MS + 5_000),
  ]);
  try {
    if (!product) return { kind: 'missing' };
    const startedAt = now();
    const ageMs = oldestSourceAgeMs(product, startedAt);
    // A stopped product shows no price: only an agent's "refresh now" calls its marketplace.
    if (product.salesStop && job.cause !== 'agent') return { kind: 'skipped', ageMs };
    const sources = refreshSources(product);
    if (sources.length === 0 || !refreshStillNeeded(ageMs, job.maxAgeMs)) {
      // Another refresh landed after this job was enqueued. Publishing what is known costs one
      // message and reaches any page that subscribed in between; rewriting the cache from MongoDB
      // repairs a copy left stale by a refresher that died between its MongoDB write and its Redis
      // write (the effect an outbox would otherwise have to carry: the next opening re-drives it).
      await recordRefreshOutcome(deps.redis, event(product, 'fresh', null, NO_CALL, startedAt), product);
      return { kind: 'skipped', ageMs };
    }
    // Someone else is calling the marketplace for this product and will publish the outcome.
    if (!release) return { kind: 'skipped', ageMs };
    return await callAndStore(deps, product, sources, job.cause);
  } finally {
    await release?.();
  }
}

interface OfferCalls {
  readonly quotes: Partial<Record<MarketCode, OfferQuote>>;
  /** Each call's source and how it ended, for the operations page. */
  readonly calls: readonly SourceCall[];
  readonly failure: RefreshFailureInfo | null;
  readonly callMs: number | null;
  readonly sourceMs: number | null;
  readonly readMs: number | null;
}

/** Calls the marketplaces of `markets` side by side, each through its gate, within `budget`. */
async function callOffers(
  deps: RefreshDeps,
  product: Product,
  markets: readonly MarketCode[],
  budget: AbortSignal,
  cause: RefreshJobData['cause'],
): Promise<OfferCalls> {
  const now = deps.now ?? (() => new Date());
  const fetchQuote = deps.fetchQuote ?? offerApiQuotes(deps.config);
  const asked = performance.now();
  // Per market: how long the call waited for its gate (rate, a free slot) before it left, and when it ended.
  const waited: Partial<Record<MarketCode, number>> = {};
  const ended: Partial<Record<MarketCode, number>> = {};
  const results = await Promise.allSettled(
    markets.map(async (market) => {
      const offer = product.offers[market];
      if (!offer) throw new OfferCallError('not-found', `no ${market} offer`);
      try {
        return await deps.gates[market].run(() => {
          waited[market] = performance.now() - asked;
          return fetchQuote.quote(offer, market, budget, cause);
        }, budget);
      } finally {
        ended[market] = performance.now();
      }
    }),
  );
  const calls: SourceCall[] = [];
  const quotes: Partial<Record<MarketCode, OfferQuote>> = {};
  let failure: RefreshFailureInfo | null = null;
  let callMs: number | null = null;
  let sourceMs: number | null = null;
  let readMs: number | null = null;
  for (const [i, result] of results.entries()) {
    const market = markets[i] as MarketCode;
    const offer = product.offers[market];
    if (offer) {
      const outcome = result.status === 'fulfilled' ? 'ok' : result.reason instanceof OfferCallError ? result.reason.kind : 'network';
      // A limit (the gate's or the source's own) that gave no slot in time: the whole attempt was waiting.
      const waitedMs =
        outcome === 'rate-limited'
          ? (ended[market] ?? asked) - asked
          : (waited[market] ?? 0) + (result.status === 'fulfilled' ? (result.value.waitedMs ?? 0) : 0);
      calls.push({ source: fetchQuote.sourceOf(offer), outcome, waitedMs });
    }
    if (result.status === 'fulfilled') {
      quotes[market] = result.value.quote;
      callMs = Math.max(callMs ?? 0, result.value.callMs);
      if (result.value.sourceMs !== null) sourceMs = Math.max(sourceMs ?? 0, result.value.sourceMs);
      if (result.value.readMs !== undefined) readMs = Math.max(readMs ?? 0, result.value.readMs);
    } else {
      const error = result.reason instanceof OfferCallError ? result.reason : new OfferCallError('network', String(result.reason));
      failure ??= { at: now().toISOString(), kind: error.kind, detail: `${market}: ${error.message}` };
    }
  }
  return { quotes, calls, failure, callMs, sourceMs, readMs };
}

const longest = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

function merged(a: OfferCalls, b: OfferCalls): OfferCalls {
  return {
    quotes: { ...a.quotes, ...b.quotes },
    calls: [...a.calls, ...b.calls],
    failure: a.failure ?? b.failure,
    callMs: longest(a.callMs, b.callMs),
    sourceMs: longest(a.sourceMs, b.sourceMs),
    readMs: longest(a.readMs, b.readMs),
  };
}

/** No shopper waits on the sweep: its calls may queue for a batch a source answers many in. */
function refreshBudgetMs(config: Config, cause: RefreshJobData['cause']): number {
  return cause === 'sweep' ? config.REFRESH_SWEEP_BUDGET_MS : config.REFRESH_BUDGET_MS;
}

async function callAndStore(
  deps: RefreshDeps,
  product: Product,
  sources: readonly MarketCode[],
  cause: RefreshJobData['cause'],
): Promise<RefreshOutcome> {
  const now = deps.now ?? (() => new Date());
  const rules = marginRules(deps.config);
  // One budget for the whole refresh: the calls run side by side, so it bounds the slowest.
  const budget = AbortSignal.timeout(refreshBudgetMs(deps.config, cause));
  // Timed around all the calls, failures included: a timeout is the tail the operators look for.
  const callsStartedAt = performance.now();
  let calls = await callOffers(deps, product, sources, budget, cause);
  // A source whose price went up may lose to another market's offer that nobody checked lately:
  // that offer is asked too, within the same budget, so no price shown comes from an old check.
  // Each round asks at least one market more, so there are at most as many rounds as markets.
  const called = [...sources];
  for (;;) {
    const unchecked = uncheckedSources(
      applyQuotes(product, calls.quotes, rules, now()),
      product,
      called,
      now(),
      deps.config.PRICE_FRESH_MS,
    );
    if (unchecked.length === 0 || Object.keys(calls.quotes).length === 0) break;
    calls = merged(calls, await callOffers(deps, product, unchecked, budget, cause));
    called.push(...unchecked);
  }
  const callDurationMs = performance.now() - callsStartedAt;
  const { quotes, failure, callMs, sourceMs, readMs } = calls;

  const at = now();
  let stored: Product | null = null;
  let changes = 0;
  if (Object.keys(quotes).length > 0) {
    const applied = applyQuotes(product, quotes, rules, at);
    // History before the product: if the product update fails, the retry finds the same
    // change and writes the same point (id and time derived from it), which is refused as a duplicate.
    changes = await insertPricePoints(deps, pricePoints(product._id, applied.changes));
    stored = await writeRefreshedOffers(deps, product._id, applied, at);
  }
  const current = stored ?? product;
  await recordRefreshOutcome(
    deps.redis,
    event(current, failure ? 'stale' : 'fresh', failure, { callMs, sourceMs, readMs }, at),
    stored,
    callDurationMs,
    calls.calls,
  );
  if (failure) return { kind: 'stale', failure, refreshed: Object.keys(quotes).length };
  return { kind: 'fresh', changes, callMs };
}

type CallTimes = Pick<PriceEvent, 'callMs' | 'sourceMs' | 'readMs'>;
const NO_CALL: CallTimes = { callMs: null, sourceMs: null, readMs: null };

function event(product: Product, kind: PriceEvent['kind'], failure: RefreshFailureInfo | null, times: CallTimes, at: Date): PriceEvent {
  return { productId: product._id, kind, markets: marketPrices(product), failure, ...times, publishedAt: at.toISOString() };
}

export interface SweepDeps {
  readonly config: Config;
  readonly redis: Redis;
  readonly queue: Queue;
  readonly now?: () => Date;
}

/**
 * Looks at the most opened products (in the cache, where opening put them) and enqueues a
 * low-priority refresh for each price in the last quarter of its window.
 */
export async function sweepPopular(deps: SweepDeps): Promise<{ looked: number; enqueued: number }> {
  const now = (deps.now ?? (() => new Date()))();
  const policy = freshnessPolicy(deps.config);
  const ids = await popularProducts(deps.redis, deps.config.SWEEP_TOP_PRODUCTS, now.getTime());
  if (ids.length === 0) return { looked: 0, enqueued: 0 };
  const [cached, live] = await Promise.all([deps.redis.mget(ids.map(productCacheKey)), readLiveChannels(deps.redis)]);
  const due: RefreshJobData[] = [];
  ids.forEach((productId, i) => {
    const json = cached[i];
    const product = json ? decodeCachedProduct(json) : null;
    // A stopped product shows no price: keeping it fresh would only spend marketplace calls.
    if (!product || product.salesStop) return;
    // The window that ends first decides: a price whose changes are pushed over a live channel
    // has a long one, so the sweep leaves it to its marketplace's messages.
    const ages = MARKET_CODES.flatMap((m) => {
      const age = priceAge(product, m, now);
      return age ? [{ ageMs: age.ageMs, freshFor: freshForMs(age.offer, policy, live) }] : [];
    });
    const first = ages.reduce<(typeof ages)[number] | null>((a, b) => (!a || b.freshFor - b.ageMs < a.freshFor - a.ageMs ? b : a), null);
    if (first && sweepDue(first.ageMs, first.freshFor))
      due.push({ productId, maxAgeMs: Math.floor((first.freshFor * 3) / 4), cause: 'sweep' });
  });
  await enqueueSweepRefreshes(deps.queue, due);
  return { looked: ids.length, enqueued: due.length };
}
