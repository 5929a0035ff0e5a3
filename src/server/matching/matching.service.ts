// Finding, merging and splitting products that are one item across markets.
//
// Finding: once a product reads in another market's language (its translation is stored), the
// products found in that market with its brand and one of its title's rarest words are scored
// against it (match-score.ts). Pairs from REVIEW_SCORE up wait for an agent on the "matches to
// review" page. From MATCH_AUTO_MERGE_SCORE up the best one is merged at once, unless two are;
// off by default: bench:match found no score safe to merge without an agent at 5,000 products a
// market (a perfect score still joined two items in one pair of seven, whose titles differ only
// in a model number neither shows).
//
// Merging is a record first, then writes that are each safe to repeat: the kept product takes
// the other's offers, texts and ids; the price history and order lines move; the merged-away
// product is deleted. A crash between them leaves the record `merging`, and the next attempt
// finishes from there. Splitting undoes it the same way, from the record's copy.
import {
  agentDirectory,
  recordAudit,
  SYSTEM_ACTOR,
  type ActingAgent,
  type AgentDirectory,
  type AuditActor,
  type PersonView,
} from '../backoffice';
import {
  cacheProduct,
  deleteProduct,
  findProduct,
  productsByIds,
  productsWithWords,
  replaceProductIfUnchanged,
  upsertProduct,
  wordRarity,
  type Product,
} from '../catalog';
import { moveOrderLines } from '../orders';
import type { DbHandle } from '../platform/db';
import { refuse, type Outcome } from '../platform/refusal';
import type { Runtime } from '../platform/runtime';
import { marginRules, movePriceHistory } from '../pricing';
import type { MatchCandidate, MatchDecisionInput, ProductMerge, SplitInput } from './match.schema';
import { lookupWords, matchBlocker, matchScore, offerMarkets, otherLanguages } from './match-score';
import {
  decideCandidate,
  findCandidate,
  findMerge,
  mergesInto,
  moveMerge,
  pairId,
  pendingCandidates,
  recentMerges,
  recordCandidates,
  startMerge,
} from './match.store';
import { holdsMerge, keeperOf, mergedProduct, mergeRecord, splitProducts } from './product-merge';

type MatchingRt = Pick<Runtime, 'db' | 'redis' | 'config'>;

/**
 * Pairs scoring this or more are shown to agents. bench:match (2,000 products a market): every
 * pair that is one item scored 0.95 or more, and half the pairs from 0.8 to 0.9 were two items.
 */
export const REVIEW_SCORE = 0.9;
/** Products read per look-up: twins are few, and the newest holding the words come first. */
const PER_LOOKUP = 20;
/** Rounds of reading a product that keeps changing under a merge's write before giving up for now. */
const MAX_ROUNDS = 3;

export interface TwinSearch {
  readonly pairs: number;
  /** The product this one was merged with automatically, if any. */
  readonly merged: string | null;
}

/** Looks for the product's twins in the markets whose language it now reads in, and records the pairs found. */
export async function findTwins(rt: MatchingRt, productId: string, now = new Date()): Promise<TwinSearch> {
  const product = await findProduct(rt, productId);
  if (!product) return { pairs: 0, merged: null };
  const rarity = await wordRarity(rt, now);
  const others = new Map<string, Product>();
  for (const language of otherLanguages(product))
    for (const words of lookupWords(product, language, rarity))
      for (const other of await productsWithWords(rt, words, PER_LOOKUP, now)) others.set(other._id, other);
  const pairs = [...others.values()]
    .flatMap((other) => {
      const found = matchScore(product, other);
      return found && found.score >= REVIEW_SCORE ? [{ other, ...found }] : [];
    })
    .sort((a, b) => b.score - a.score);
  await recordCandidates(
    rt,
    pairs.map((p) => ({ productIds: [product._id, p.other._id] as const, score: p.score, reasons: p.reasons })),
    now,
  );
  const threshold = rt.config.MATCH_AUTO_MERGE_SCORE;
  const [best, second] = pairs;
  // Two pairs above the threshold are a doubt, and a doubt is an agent's to settle.
  if (!best || best.score < threshold || (second && second.score >= threshold)) return { pairs: pairs.length, merged: null };
  const merged = await mergePair(rt, product, best.other, SYSTEM_ACTOR, now, pairId(product._id, best.other._id));
  return { pairs: pairs.length, merged: merged.ok ? best.other._id : null };
}

export interface MatchSide {
  readonly id: string;
  readonly title: string;
  readonly brand: string | null;
  readonly markets: readonly string[];
  /** The first offer's price in cents (offers are in euros). */
  readonly priceCents: number | null;
  /** How many photos it has: the page shows the first through the shop's image route. */
  readonly imageCount: number;
}

export interface MatchToReview {
  readonly id: string;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly foundAt: string;
  /** The pair's two products. */
  readonly products: readonly MatchSide[];
}

export interface MergeView {
  readonly goneId: string;
  readonly goneTitle: string;
  readonly goneMarkets: readonly string[];
  readonly intoId: string;
  /** The kept product's title, or null when it is gone too (merged into another since). */
  readonly intoTitle: string | null;
  readonly state: ProductMerge['state'];
  readonly by: PersonView;
  readonly at: string;
  readonly splitAt: string | null;
}

function side(product: Product): MatchSide {
  const market = offerMarkets(product)[0];
  const offer = market ? product.offers[market] : undefined;
  return {
    id: product._id,
    title: product.title,
    brand: product.brand,
    markets: offerMarkets(product),
    priceCents: offer?.price.amountCents ?? null,
    imageCount: product.images.length,
  };
}

function mergeView(merge: ProductMerge, into: Pick<Product, 'title'> | null | undefined, agents: AgentDirectory): MergeView {
  return {
    goneId: merge._id,
    goneTitle: merge.gone.title,
    goneMarkets: offerMarkets(merge.gone),
    intoId: merge.into,
    intoTitle: into?.title ?? null,
    state: merge.state,
    by: agents(merge.by),
    at: merge.at.toISOString(),
    splitAt: merge.splitAt?.toISOString() ?? null,
  };
}

/** A merge keeps who decided it by e-mail (or `system`): pages name them. */
const mergersOf = (rt: DbHandle, merges: readonly ProductMerge[]) =>
  agentDirectory(
    rt,
    merges.map((m) => m.by),
    'email',
  );

/** The products merged into this one, for its back-office page (where a supervisor may split one). */
export async function mergedInto(rt: DbHandle, product: Pick<Product, '_id' | 'title'>): Promise<MergeView[]> {
  const merges = await mergesInto(rt, product._id);
  const agents = await mergersOf(rt, merges);
  return merges.map((merge) => mergeView(merge, product, agents));
}

/** What the review page shows: pending pairs whose products both still exist, and the newest merges. */
export async function matchesToReview(rt: MatchingRt, limit = 50): Promise<{ pending: MatchToReview[]; merges: MergeView[] }> {
  const [candidates, merges] = await Promise.all([pendingCandidates(rt, limit), recentMerges(rt, limit)]);
  const products = await productsByIds(rt, [...new Set([...candidates.flatMap((c) => c.productIds), ...merges.map((m) => m.into)])]);
  const pending = candidates.flatMap((c) => {
    const [a, b] = c.productIds.map((id) => products.get(id));
    if (!a || !b) return [];
    return [{ id: c._id, score: c.score, reasons: c.reasons, foundAt: c.foundAt.toISOString(), products: [side(a), side(b)] }];
  });
  const agents = await mergersOf(rt, merges);
  return { pending, merges: merges.map((merge) => mergeView(merge, products.get(merge.into), agents)) };
}

const actorOf = (agent: ActingAgent): AuditActor => ({ kind: 'agent', id: agent.id, email: agent.email });

function auditProduct(
  rt: MatchingRt,
  actor: AuditActor,
  action: string,
  productId: string,
  change: { before: unknown; after: unknown; reason?: string | null; at: Date },
): Promise<unknown> {
  return recordAudit(rt, { actor, action, entity: { kind: 'product', id: productId }, ...change });
}
const actorName = (actor: AuditActor) => actor.email ?? actor.id ?? 'system';

async function pendingPair(rt: MatchingRt, id: string): Promise<Outcome<{ candidate: MatchCandidate }>> {
  const candidate = await findCandidate(rt, id);
  if (!candidate) return refuse('not_found', `no candidate pair ${id}`);
  if (candidate.status !== 'pending') return refuse('conflict', `this pair was already ${candidate.status}: reload the page`);
  return { ok: true, candidate };
}

/** An agent confirms a pair: the two products become one. */
export async function confirmMatch(
  rt: MatchingRt,
  input: MatchDecisionInput,
  agent: ActingAgent,
  now = new Date(),
): Promise<Outcome<{ merge: MergeView }>> {
  const pair = await pendingPair(rt, input.candidateId);
  if (!pair.ok) return pair;
  const products = await productsByIds(rt, pair.candidate.productIds);
  const [a, b] = pair.candidate.productIds.map((id) => products.get(id));
  if (!a || !b) return refuse('conflict', 'one of the two products no longer exists (merged into another meanwhile): reject this pair');
  return mergePair(rt, a, b, actorOf(agent), now, pair.candidate._id);
}

/** An agent rejects a pair: two items, never proposed again. */
export async function rejectMatch(rt: MatchingRt, input: MatchDecisionInput, agent: ActingAgent, now = new Date()): Promise<Outcome> {
  const pair = await pendingPair(rt, input.candidateId);
  if (!pair.ok) return pair;
  if (!(await decideCandidate(rt, pair.candidate._id, 'rejected', agent.id, now)))
    return refuse('conflict', 'another agent decided this pair first: reload the page');
  for (const productId of pair.candidate.productIds)
    await auditProduct(rt, actorOf(agent), 'product.match_rejected', productId, {
      before: { candidate: pair.candidate._id, score: pair.candidate.score },
      after: { status: 'rejected' },
      at: now,
    });
  return { ok: true };
}

async function mergePair(
  rt: MatchingRt,
  a: Product,
  b: Product,
  actor: AuditActor,
  now: Date,
  candidateId: string | null = null,
): Promise<Outcome<{ merge: MergeView }>> {
  const blocker = matchBlocker(a, b);
  if (blocker) return refuse('conflict', `these two cannot be one product: ${blocker}`);
  const { keep, gone } = keeperOf(a, b);
  const merge = await startMerge(rt, mergeRecord(keep, gone, actorName(actor), candidateId, now));
  if (merge.into !== keep._id) return refuse('conflict', `${gone._id} is being merged into ${merge.into} already`);
  if (merge.state === 'merged') return { ok: true, merge: mergeView(merge, keep, await mergersOf(rt, [merge])) };
  return finishMerge(rt, merge, actor, now);
}

/** The merge's writes, each safe to repeat, from wherever a crash left them. */
async function finishMerge(rt: MatchingRt, merge: ProductMerge, actor: AuditActor, now: Date): Promise<Outcome<{ merge: MergeView }>> {
  const markets = offerMarkets(merge.gone);
  let kept: Product;
  for (let round = 0; ; round++) {
    const keep = await findProduct(rt, merge.into);
    if (!keep) return refuse('conflict', `the product ${merge.into} no longer exists`);
    kept = keep;
    if (holdsMerge(keep, merge.gone)) break;
    const merged = mergedProduct(keep, merge.gone, marginRules(rt.config), now);
    if (await replaceProductIfUnchanged(rt, keep, merged)) {
      await cacheProduct(rt.redis, merged);
      kept = merged;
      break;
    }
    if (round + 1 >= MAX_ROUNDS) return refuse('conflict', `${merge.into} kept changing (scrapes, refreshes): try again in a moment`);
  }
  await movePriceHistory(rt, merge._id, merge.into, markets);
  await moveOrderLines(rt, merge._id, merge.into, 'merge');
  await deleteProduct(rt, merge._id);
  if (merge.candidateId) await decideCandidate(rt, merge.candidateId, 'merged', actorName(actor), now);
  if (await moveMerge(rt, merge._id, 'merging', 'merged'))
    await auditProduct(rt, actor, 'product.merged', merge.into, {
      before: { products: [merge.into, merge._id] },
      after: { product: merge.into, offersFrom: markets },
      reason: merge.candidateId ? `candidate ${merge.candidateId}` : null,
      at: now,
    });
  return { ok: true, merge: mergeView({ ...merge, state: 'merged' }, kept, await mergersOf(rt, [merge])) };
}

/** Undoes a merge: the merged-away product comes back with its markets' offers, history and order lines. */
export async function splitProduct(
  rt: MatchingRt,
  input: SplitInput,
  agent: ActingAgent,
  now = new Date(),
): Promise<Outcome<{ merge: MergeView }>> {
  const merge = await findMerge(rt, input.productId);
  if (!merge) return refuse('not_found', `${input.productId} was never merged into another product`);
  if (merge.state === 'split') return refuse('conflict', 'this merge was split already');
  if (merge.state === 'merging') return refuse('conflict', 'this merge has not finished: merge the pair again to finish it, then split');
  if (merge.state === 'merged' && !(await moveMerge(rt, merge._id, 'merged', 'splitting')))
    return refuse('conflict', 'another agent is splitting this merge: reload the page');
  const markets = offerMarkets(merge.gone);
  let keptNow: Product;
  for (let round = 0; ; round++) {
    const kept = await findProduct(rt, merge.into);
    if (!kept) return refuse('conflict', `${merge.into} no longer exists (merged into another product?): split that merge first`);
    keptNow = kept;
    const split = splitProducts(kept, merge, marginRules(rt.config), now);
    // Resumed after the kept product's write: the restored one is stored unless that write came first.
    if (!holdsMerge(kept, merge.gone)) {
      if (!(await findProduct(rt, merge._id))) await upsertProduct(rt, split.restored);
      break;
    }
    await upsertProduct(rt, split.restored);
    if (await replaceProductIfUnchanged(rt, kept, split.kept)) {
      await Promise.all([cacheProduct(rt.redis, split.kept), cacheProduct(rt.redis, split.restored)]);
      keptNow = split.kept;
      break;
    }
    if (round + 1 >= MAX_ROUNDS) return refuse('conflict', `${merge.into} kept changing (scrapes, refreshes): try again in a moment`);
  }
  await movePriceHistory(rt, merge.into, merge._id, markets);
  await moveOrderLines(rt, merge.into, merge._id, 'split');
  if (merge.candidateId) await decideCandidate(rt, merge.candidateId, 'rejected', agent.id, now, 'merged');
  await moveMerge(rt, merge._id, 'splitting', 'split', now);
  await auditProduct(rt, actorOf(agent), 'product.split', merge.into, {
    before: { product: merge.into, offersFrom: markets },
    after: { products: [merge.into, merge._id] },
    at: now,
  });
  return {
    ok: true,
    merge: mergeView({ ...merge, state: 'split', splitAt: now }, keptNow, await mergersOf(rt, [merge])),
  };
}
