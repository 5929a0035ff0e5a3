// What the back office does with products: find them by any identifier, open one with its
// offers, margins and history, override a price, stop or resume selling, and refresh the source
// offers now through the refresher's queue. Every change is audited with before and after, and
// written through to the Redis product cache, which the shopper's page reads.
import { refuse, type Refusal } from '../platform/refusal';
import { agentDirectory, recordAudit } from '../backoffice';
import {
  cacheProduct,
  clearPriceOverride,
  findProduct,
  findProductsBy,
  productsWithWords,
  setPriceOverride,
  setSalesStop,
} from '../catalog';
import type { Product } from '../catalog';
import { MARKET_CODES, type MarketCode } from '../../common/markets';
import { formatEuroCents } from '../../common/money';
import type { ActingAgent } from '../backoffice';
import { mergedInto } from '../matching';
import { listenForPriceEvents, priceEventHub, marginRules, enqueueRefresh, refreshQueue, priceHistoryOf, offerMargin } from '../pricing';
import type { PriceEvent } from '../pricing';
import type { Runtime } from '../platform/runtime';
import {
  overrideExpiryProblem,
  toProductAdminView,
  toProductHit,
  type OverrideInput,
  type ProductAdminView,
  type ProductHit,
} from './product-admin';
import { productFilter, productSearchPlan, type ProductSearch } from './product-lookup';

export type ProductActionResult = { readonly ok: true; readonly product: ProductAdminView } | Refusal;

const notFound = (id: string): Refusal => refuse('not_found', `no product with id ${id}`);

/** Products known by what was typed, those it identifies first, then those whose words it holds, newest first. */
export async function searchProducts(rt: Runtime, search: ProductSearch): Promise<ProductHit[]> {
  const plan = productSearchPlan(search.q);
  if (!plan) return [];
  const filter = productFilter(plan);
  const [identified, worded] = await Promise.all([
    filter ? findProductsBy(rt, filter, search.limit) : [],
    productsWithWords(rt, plan.tokens, search.limit),
  ]);
  const hits = new Map([...identified, ...worded].map((product) => [product._id, product]));
  return [...hits.values()].slice(0, search.limit).map(toProductHit);
}

async function view(rt: Runtime, product: Product, now: Date): Promise<ProductAdminView> {
  const [history, merged, agents] = await Promise.all([
    priceHistoryOf(rt, product._id, MARKET_CODES),
    mergedInto(rt, product),
    agentDirectory(rt, product.salesStop ? [product.salesStop.agentId] : []),
  ]);
  return toProductAdminView(product, history, marginRules(rt.config), now, agents, merged);
}

export async function productAdminDetail(rt: Runtime, productId: string, now = new Date()): Promise<ProductAdminView | null> {
  const product = await findProduct(rt, productId);
  return product ? view(rt, product, now) : null;
}

/** The change as stored, audited, and written through to the cache the shopper's page reads. */
async function changed(
  rt: Runtime,
  agent: ActingAgent,
  change: { action: string; before: Product; after: Product | null; pick: (p: Product) => unknown; reason: string | null; at: Date },
): Promise<ProductActionResult> {
  if (!change.after) return notFound(change.before._id);
  await cacheProduct(rt.redis, change.after);
  await recordAudit(rt, {
    actor: { kind: 'agent', id: agent.id, email: agent.email },
    action: change.action,
    entity: { kind: 'product', id: change.before._id },
    before: change.pick(change.before) ?? null,
    after: change.pick(change.after) ?? null,
    reason: change.reason,
    at: change.at,
  });
  return { ok: true, product: await view(rt, change.after, change.at) };
}

/** The margin an override would leave when it is under the floor, bought where the computed price is; null otherwise. */
function belowFloor(rt: Runtime, product: Product, market: MarketCode, priceCents: number) {
  const sourceMarket = product.sellPrices[market]?.sourceMarket;
  const offer = sourceMarket ? product.offers[sourceMarket] : undefined;
  if (!sourceMarket || !offer) return null;
  const sale = offerMargin(offer, sourceMarket, market, priceCents, marginRules(rt.config));
  return sale.marginCents < sale.floorCents ? { marginCents: sale.marginCents, floorCents: sale.floorCents, sourceMarket } : null;
}

export async function overridePrice(rt: Runtime, input: OverrideInput, agent: ActingAgent, now = new Date()): Promise<ProductActionResult> {
  const expiresAt = new Date(input.expiresAt);
  const problem = overrideExpiryProblem(expiresAt, now);
  if (problem) return refuse('invalid', problem);
  const before = await findProduct(rt, input.productId);
  if (!before) return notFound(input.productId);
  const currency = before.sellPrices[input.market]?.price.currency ?? 'EUR';
  const below = belowFloor(rt, before, input.market, input.priceCents);
  if (below && input.acceptBelowFloor !== true)
    return refuse(
      'conflict',
      `At ${formatEuroCents(input.priceCents)} the margin in ${input.market} would be ${formatEuroCents(below.marginCents)}, under the floor of ${formatEuroCents(below.floorCents)} (after VAT, fees and shipping, bought in ${below.sourceMarket}). To sell at this price anyway, tick "Accept a margin under the floor" and confirm again.`,
    );
  const override = { price: { amountCents: input.priceCents, currency }, expiresAt, reason: input.reason, agentId: agent.id, at: now };
  const after = await setPriceOverride(rt, input.productId, input.market, override);
  return changed(rt, agent, {
    action: 'product.price_overridden',
    before,
    after,
    pick: (p) => ({ priceOverride: { [input.market]: p.priceOverrides?.[input.market] ?? null } }),
    reason: input.reason,
    at: now,
  });
}

export async function clearOverride(
  rt: Runtime,
  input: { productId: string; market: MarketCode },
  agent: ActingAgent,
  now = new Date(),
): Promise<ProductActionResult> {
  const before = await findProduct(rt, input.productId);
  if (!before) return notFound(input.productId);
  if (!before.priceOverrides?.[input.market]) return refuse('conflict', `no override in ${input.market} to remove`);
  const after = await clearPriceOverride(rt, input.productId, input.market, now);
  return changed(rt, agent, {
    action: 'product.override_removed',
    before,
    after,
    pick: (p) => ({ priceOverride: { [input.market]: p.priceOverrides?.[input.market] ?? null } }),
    reason: null,
    at: now,
  });
}

export async function stopSelling(
  rt: Runtime,
  input: { productId: string; reason: string },
  agent: ActingAgent,
  now = new Date(),
): Promise<ProductActionResult> {
  const before = await findProduct(rt, input.productId);
  if (!before) return notFound(input.productId);
  if (before.salesStop) return refuse('conflict', 'selling is already stopped');
  const after = await setSalesStop(rt, input.productId, { reason: input.reason, agentId: agent.id, at: now }, now);
  return changed(rt, agent, {
    action: 'product.sales_stopped',
    before,
    after,
    pick: (p) => ({ salesStop: p.salesStop ?? null }),
    reason: input.reason,
    at: now,
  });
}

export async function resumeSelling(
  rt: Runtime,
  input: { productId: string },
  agent: ActingAgent,
  now = new Date(),
): Promise<ProductActionResult> {
  const before = await findProduct(rt, input.productId);
  if (!before) return notFound(input.productId);
  if (!before.salesStop) return refuse('conflict', 'selling is not stopped');
  const after = await setSalesStop(rt, input.productId, null, now);
  return changed(rt, agent, {
    action: 'product.sales_resumed',
    before,
    after,
    pick: (p) => ({ salesStop: p.salesStop ?? null }),
    reason: null,
    at: now,
  });
}

export type RefreshNowResult =
  | {
      readonly kind: 'fresh' | 'stale';
      readonly failure: { readonly kind: string; readonly detail: string } | null;
      /** How long the marketplace calls took, as the refresher measured them. */
      readonly callMs: number | null;
      readonly product: ProductAdminView;
    }
  | { readonly kind: 'no-answer'; readonly message: string; readonly product: ProductAdminView };

/** Slack over the refresh budget for the job to be picked up and its outcome published. */
const PICKUP_MS = 5_000;

/**
 * Asks the refresher (through its queue, at a shopper's priority) to call the marketplaces now,
 * and waits for the outcome it publishes: the new price, or why it could not be had. Listening
 * starts before the job is enqueued, so a fast refresher cannot answer unheard.
 */
export async function refreshNow(rt: Runtime, productId: string): Promise<RefreshNowResult | null> {
  if (!(await findProduct(rt, productId))) return null;
  const waitMs = rt.config.REFRESH_BUDGET_MS + PICKUP_MS;
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), waitMs);
  let outcome: PriceEvent | null = null;
  try {
    const events = await listenForPriceEvents(priceEventHub(rt), productId, stop.signal);
    await enqueueRefresh(refreshQueue(rt), { productId, maxAgeMs: 0, cause: 'agent' });
    for await (const event of events) {
      outcome = event;
      break;
    }
  } finally {
    clearTimeout(timer);
    stop.abort();
  }
  const product = await productAdminDetail(rt, productId);
  if (!product) return null;
  if (!outcome)
    return {
      kind: 'no-answer',
      message: `the refresher did not answer within ${Math.round(waitMs / 1000)} s: is it running? The job stays queued.`,
      product,
    };
  return {
    kind: outcome.kind,
    failure: outcome.failure ? { kind: outcome.failure.kind, detail: outcome.failure.detail } : null,
    callMs: outcome.callMs,
    product,
  };
}
