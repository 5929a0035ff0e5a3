// MongoDB access for candidate pairs and merges. A pair found again keeps the agent's decision;
// a merge's state moves forward only from the state it was read in, so two agents acting at once
// cannot both finish (or both undo) one merge.
import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { DUPLICATE_KEY, type DbHandle } from '../platform/db';
import type { MatchCandidate, ProductMerge } from './match.schema';
import { matchCandidateCollection, productMergeCollection } from './match.collection';

export function pairId(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface FoundPair {
  readonly productIds: readonly [string, string];
  readonly score: number;
  readonly reasons: readonly string[];
}

/** Stores pairs as pending, or updates the score of those still pending; a decided pair stays decided. */
export async function recordCandidates(rt: DbHandle, pairs: readonly FoundPair[], now: Date): Promise<void> {
  if (pairs.length === 0) return;
  const ops = pairs.map((pair) => {
    const ids = [...pair.productIds].sort() as [string, string];
    return {
      updateOne: {
        // A decided pair fails the filter; the upsert then collides with its id, which is the answer wanted.
        filter: { _id: pairId(...ids), status: 'pending' as const },
        update: {
          $set: { score: pair.score, reasons: [...pair.reasons] },
          $setOnInsert: { productIds: ids, foundAt: now, decidedAt: null, decidedBy: null },
        },
        upsert: true,
      },
    };
  });
  try {
    await matchCandidateCollection(rt).bulkWrite(ops, { ordered: false });
  } catch (error) {
    const failures = error instanceof MongoBulkWriteError ? [error.writeErrors ?? []].flat() : [];
    if (failures.length === 0 || failures.some((e) => e.code !== DUPLICATE_KEY)) throw error;
  }
}

export function findCandidate(rt: DbHandle, id: string): Promise<MatchCandidate | null> {
  return matchCandidateCollection(rt).findOne({ _id: id });
}

/** Pending pairs, most alike first. */
export function pendingCandidates(rt: DbHandle, limit: number): Promise<MatchCandidate[]> {
  return matchCandidateCollection(rt).find({ status: 'pending' }).sort({ score: -1 }).limit(limit).toArray();
}

/** Records the decision on a pending pair (`merged` or `rejected`); false when it was decided already. */
export async function decideCandidate(
  rt: DbHandle,
  id: string,
  status: 'merged' | 'rejected',
  by: string,
  at: Date,
  from: MatchCandidate['status'] = 'pending',
): Promise<boolean> {
  const result = await matchCandidateCollection(rt).updateOne(
    { _id: id, status: from },
    { $set: { status, decidedAt: at, decidedBy: by } },
  );
  return result.modifiedCount === 1;
}

/**
 * Stores a merge's record before its writes, or finds the one already stored for the
 * merged-away product: a merge resumed after a crash (`merging`), or one already done. A split
 * merge's record makes room for the new one.
 */
export async function startMerge(rt: DbHandle, merge: ProductMerge): Promise<ProductMerge> {
  const merges = productMergeCollection(rt);
  try {
    await merges.insertOne(merge);
    return merge;
  } catch (error) {
    if (!(error instanceof MongoServerError) || error.code !== DUPLICATE_KEY) throw error;
  }
  const replaced = await merges.findOneAndReplace({ _id: merge._id, state: 'split' }, merge, { returnDocument: 'after' });
  return replaced ?? (await merges.findOne({ _id: merge._id }))!;
}

export function findMerge(rt: DbHandle, goneId: string): Promise<ProductMerge | null> {
  return productMergeCollection(rt).findOne({ _id: goneId });
}

/** Moves a merge on from the state it was read in; false when someone else moved it first. */
export async function moveMerge(
  rt: DbHandle,
  goneId: string,
  from: ProductMerge['state'],
  to: ProductMerge['state'],
  at?: Date,
): Promise<boolean> {
  const result = await productMergeCollection(rt).updateOne(
    { _id: goneId, state: from },
    { $set: { state: to, ...(to === 'split' && { splitAt: at ?? new Date() }) } },
  );
  return result.modifiedCount === 1;
}

/** The merges a product holds now (those not split), newest first. */
export function mergesInto(rt: DbHandle, productId: string, limit = 20): Promise<ProductMerge[]> {
  return productMergeCollection(rt).find({ into: productId, state: 'merged' }).sort({ at: -1 }).limit(limit).toArray();
}

/** The newest merges, in every state. */
export function recentMerges(rt: DbHandle, limit: number): Promise<ProductMerge[]> {
  return productMergeCollection(rt).find({}).sort({ at: -1 }).limit(limit).toArray();
}
