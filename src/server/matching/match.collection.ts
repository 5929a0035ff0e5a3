// The matching collections, declared by their owner: candidate pairs and merges.
import { collection, collectionIn } from '../platform/db';
import { MatchCandidate, ProductMerge } from './match.schema';

export const MATCH_CANDIDATES = collection({
  name: 'match_candidates',
  schema: MatchCandidate,
  indexes: [
    // The review page: pending pairs, most alike first.
    { name: 'status_score', key: { status: 1, score: -1 } },
    { name: 'products', key: { productIds: 1 } },
  ],
  shardKey: { _id: 'hashed' },
  shardKeyReason: 'small, and read by status across all pairs: spread evenly, the review page scatters once per page',
});

export const PRODUCT_MERGES = collection({
  name: 'product_merges',
  schema: ProductMerge,
  indexes: [
    { name: 'into', key: { into: 1 } },
    { name: 'at', key: { at: -1 } },
  ],
  shardKey: { _id: 'hashed' },
  shardKeyReason: 'one merge is read by the merged-away product id; few documents',
});

export const matchCandidateCollection = collectionIn(MATCH_CANDIDATES);
export const productMergeCollection = collectionIn(PRODUCT_MERGES);
