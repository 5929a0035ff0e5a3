import { z } from 'zod';
import { Id } from '../../common/ids';
import { Product } from '../catalog';

/**
 * Two products of different markets that may be one item, waiting for an agent's word. Its id is
 * made of the two product ids in order, so finding the pair again updates it instead of adding it.
 */
export const MatchCandidate = z.object({
  _id: z.string().min(1),
  /** The two products, in id order. */
  productIds: z.tuple([Id, Id]),
  score: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  /** `pending` waits for an agent; `merged` was confirmed (or merged at a score above the automatic threshold); `rejected` is two items. */
  status: z.enum(['pending', 'merged', 'rejected']),
  foundAt: z.date(),
  decidedAt: z.date().nullable(),
  /** Who decided: an agent's id, or `system` for an automatic merge. */
  decidedBy: z.string().nullable(),
});
export type MatchCandidate = z.infer<typeof MatchCandidate>;

/**
 * One product merged into another, kept so the merge can be finished after a crash and undone
 * after a mistake. Its id is the merged-away product's: a product is merged away once at a time.
 */
export const ProductMerge = z.object({
  _id: Id,
  /** The product that holds both now. */
  into: Id,
  /** The merged-away product as it was: what a split restores. */
  gone: Product,
  /** What the kept product had before, in what the merge changes: its ids and its texts in the merged-away product's markets. */
  keptBefore: z.object({ identities: z.array(Id), texts: Product.shape.texts }),
  state: z.enum(['merging', 'merged', 'splitting', 'split']),
  candidateId: z.string().nullable(),
  by: z.string().min(1),
  at: z.date(),
  splitAt: z.date().nullable(),
});
export type ProductMerge = z.infer<typeof ProductMerge>;

export const MatchDecisionInput = z.object({ candidateId: z.string().min(1).max(200) });
export type MatchDecisionInput = z.infer<typeof MatchDecisionInput>;

export const SplitInput = z.object({ productId: Id });
export type SplitInput = z.infer<typeof SplitInput>;
