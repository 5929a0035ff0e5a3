// Price history: writing points and reading a product's. Their ids are derived from the change they record, so writing
// a point twice (a retried job, a refresh repeating what a crashed one may have written) is a
// no-op: the duplicate-key refusals are the expected answer, not an error.
import type { MarketCode } from '../../common/markets';
import { createHash } from 'node:crypto';
import { MongoBulkWriteError } from 'mongodb';
import { DUPLICATE_KEY } from '../platform/db';
import type { PricePoint } from './price-history.schema';
import { priceHistoryCollection } from './price-history.collection';
import type { DbHandle } from '../platform/db';

/** Inserts the points not yet stored; returns how many were new. */
export async function insertPricePoints(rt: DbHandle, points: readonly PricePoint[]): Promise<number> {
  const history = priceHistoryCollection(rt);
  if (points.length === 0) return 0;
  try {
    return (await history.insertMany([...points], { ordered: false })).insertedCount;
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const failures = [error.writeErrors ?? []].flat();
    const onlyDuplicates = failures.length > 0 ? failures.every((e) => e.code === DUPLICATE_KEY) : error.code === DUPLICATE_KEY;
    if (onlyDuplicates) return error.insertedCount;
    throw error;
  }
}

/** The last `perMarket` changes in each market: four index range reads on (productId, market, at). */
export async function priceHistoryOf(
  rt: DbHandle,
  productId: string,
  markets: readonly MarketCode[],
  perMarket = 200,
): Promise<PricePoint[]> {
  const history = priceHistoryCollection(rt);
  const reads = markets.map((market) => history.find({ productId, market }).sort({ at: -1 }).limit(perMarket).toArray());
  return (await Promise.all(reads)).flat();
}

/**
 * Moves a product's history in `markets` to another product (a merge, or the split that undoes
 * one): each point is copied under the new product, with an id derived from the old one so a
 * move run twice copies nothing twice, then the old points are removed. Returns how many moved.
 */
export async function movePriceHistory(rt: DbHandle, from: string, to: string, markets: readonly MarketCode[]): Promise<number> {
  const history = priceHistoryCollection(rt);
  const points = await history.find({ productId: from, market: { $in: [...markets] } }).toArray();
  if (points.length === 0) return 0;
  const moved = points.map((point) => ({
    ...point,
    _id: `pp_${createHash('sha1').update(`${point._id}|${to}`).digest('hex').slice(0, 24)}`,
    productId: to,
  }));
  await insertPricePoints(rt, moved);
  await history.deleteMany({ productId: from, _id: { $in: points.map((p) => p._id) } });
  return points.length;
}
