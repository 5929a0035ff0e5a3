// The products collection's writes that other capabilities ask for, each through a function of
// the catalog: a scrape's listings (written whole, guarded by the version read), a live refresh's
// offers, an agent's price override or sales stop, a translated text. The catalog is the only
// code that writes products; what to write is decided by the capability that asks.
import { MongoBulkWriteError, type AnyBulkWriteOperation } from 'mongodb';
import type { MarketCode } from '../../common/markets';
import { DUPLICATE_KEY } from '../platform/db';
import { productIdentities, type Offer, type PriceOverride, type Product, type SalesStop, type SellPrice } from './product.schema';
import { productCollection } from './product.collection';
import type { DbHandle } from '../platform/db';
import type { Redis } from 'ioredis';
import { productCacheKey } from './product-cache';

/** The stored products of these ids, by id: whole documents, as a write that replaces them needs. */
/**
 * The stored products stored under, or answering to (`identities`), any of `ids`, with the ids
 * each answers to; a product stored before identities were kept answers to its id alone.
 */
export async function productsAnsweringTo(rt: DbHandle, ids: readonly string[]): Promise<{ _id: string; ids: string[] }[]> {
  if (ids.length === 0) return [];
  const found = await productCollection(rt)
    .find({ $or: [{ _id: { $in: [...ids] } }, { identities: { $in: [...ids] } }] }, { projection: { _id: 1, identities: 1 } })
    .toArray();
  return found.map((product) => ({ _id: product._id, ids: productIdentities(product) }));
}

export async function productsByIds(rt: DbHandle, ids: readonly string[]): Promise<Map<string, Product>> {
  const products = productCollection(rt);
  const stored = new Map<string, Product>();
  for (const doc of await products.find({ _id: { $in: [...ids] } }).toArray()) stored.set(doc._id, doc);
  return stored;
}

/**
 * Replaces each product only if it is still as read (same `updatedAt`), and inserts a new one.
 * A product changed meanwhile fails its filter, the upsert then collides with the existing id,
 * as does the insert of a product created meanwhile, and that duplicate-key error is how the
 * conflict is reported: the indexes of the products to plan again. (A plain insert, not an
 * upsert, for a new product: a third of the time of a filtered upsert, which first searches.)
 * A hashed `_id` is the shard key, so each write goes to one shard.
 */
export async function writeProductsIfUnchanged(
  rt: DbHandle,
  written: readonly Product[],
  stored: ReadonlyMap<string, Product>,
): Promise<Set<number>> {
  const products = productCollection(rt);
  const operations: AnyBulkWriteOperation<Product>[] = written.map((product) => {
    const readAt = stored.get(product._id)?.updatedAt;
    if (!readAt) return { insertOne: { document: product } };
    return { replaceOne: { filter: { _id: product._id, updatedAt: readAt }, replacement: product, upsert: true } };
  });
  try {
    await products.bulkWrite(operations, { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failures = [error.writeErrors].flat();
    if (failures.length === 0 || !failures.every((e) => e.code === DUPLICATE_KEY)) throw error;
    return new Set(failures.map((e) => e.index));
  }
}

/** Replaces the product if nobody wrote it since it was read; false when someone did (read it again). */
export async function replaceProductIfUnchanged(
  rt: DbHandle,
  read: Pick<Product, '_id' | 'updatedAt'>,
  updated: Product,
): Promise<boolean> {
  const products = productCollection(rt);
  const result = await products.replaceOne({ _id: read._id, updatedAt: read.updatedAt }, updated);
  return result.matchedCount === 1;
}

/** A live refresh's outcome: the refreshed markets' offers and every market's selling price. */
export interface RefreshedOffers {
  readonly offers: Partial<Record<MarketCode, Offer>>;
  readonly sellPrices: Partial<Record<MarketCode, SellPrice>>;
  readonly refreshed: readonly MarketCode[];
}

/**
 * Sets only the refreshed offers' price fields and the selling prices, so a scraper writing the
 * product's title or another market's offer at the same time is not overwritten. Returns the
 * document as stored, which is what the cache receives. With `olderThan`, only when the market's
 * stored price was stated before that time (a pushed signal arriving late, or twice); null when
 * it was not, or when there is no such product.
 */
export async function writeRefreshedOffers(
  rt: DbHandle,
  productId: string,
  applied: RefreshedOffers,
  now: Date,
  olderThan?: { readonly market: MarketCode; readonly at: Date },
): Promise<Product | null> {
  const products = productCollection(rt);
  const set: Record<string, unknown> = { sellPrices: applied.sellPrices, updatedAt: now };
  for (const market of applied.refreshed) {
    const offer = applied.offers[market];
    if (!offer) continue;
    set[`offers.${market}.price`] = offer.price;
    set[`offers.${market}.shipping`] = offer.shipping;
    set[`offers.${market}.availability`] = offer.availability;
    set[`offers.${market}.lastRefreshedAt`] = offer.lastRefreshedAt;
    if (offer.refreshedFrom) set[`offers.${market}.refreshedFrom`] = offer.refreshedFrom;
    if (offer.quotedAt) set[`offers.${market}.quotedAt`] = offer.quotedAt;
    if (offer.pushed) set[`offers.${market}.pushed`] = offer.pushed;
  }
  const quoted = olderThan && `offers.${olderThan.market}.quotedAt`;
  const filter = quoted
    ? { _id: productId, $or: [{ [quoted]: { $exists: false } }, { [quoted]: { $lt: olderThan.at } }] }
    : { _id: productId };
  return products.findOneAndUpdate(filter, { $set: set }, { returnDocument: 'after' });
}

/** The product holding a market's offer of this marketplace id (an ASIN, an eBay item): a pushed signal names no more. */
export function findProductBySourceId(rt: DbHandle, market: MarketCode, sourceId: string): Promise<Product | null> {
  return productCollection(rt).findOne({ [`offers.${market}.sourceId`]: sourceId });
}

/** The back office's search: what its plan's filter finds (every branch of it has an index). */
export function findProductsBy(rt: DbHandle, filter: Record<string, unknown>, limit: number): Promise<Product[]> {
  const products = productCollection(rt);
  return products.find(filter).limit(limit).toArray();
}

// An agent's changes: each one atomic update of the one product that also moves `updatedAt`, so a
// scraper's guarded replace of a copy read before then fails and plans again, keeping them.

export function setPriceOverride(rt: DbHandle, productId: string, market: MarketCode, override: PriceOverride): Promise<Product | null> {
  const products = productCollection(rt);
  return products.findOneAndUpdate(
    { _id: productId },
    { $set: { [`priceOverrides.${market}`]: override, updatedAt: override.at } },
    { returnDocument: 'after' },
  );
}

export function clearPriceOverride(rt: DbHandle, productId: string, market: MarketCode, at: Date): Promise<Product | null> {
  const products = productCollection(rt);
  return products.findOneAndUpdate(
    { _id: productId },
    { $unset: { [`priceOverrides.${market}`]: '' }, $set: { updatedAt: at } },
    { returnDocument: 'after' },
  );
}

export function setSalesStop(rt: DbHandle, productId: string, stop: SalesStop | null, at: Date): Promise<Product | null> {
  const products = productCollection(rt);
  return products.findOneAndUpdate({ _id: productId }, { $set: { salesStop: stop, updatedAt: at } }, { returnDocument: 'after' });
}

/** Removes a product (merged into another) and its cached copy; removing one already gone is no error. */
export async function deleteProduct(rt: DbHandle & { readonly redis: Redis }, productId: string): Promise<void> {
  await productCollection(rt).deleteOne({ _id: productId });
  await rt.redis.del(productCacheKey(productId));
}
